// SPDX-License-Identifier: GPL-3.0-or-later
// Registry files as desks have them: GB18030 from a Chinese Excel (a real file in tests/data, CRLF,
// quoted fields with commas and a line break), UTF-8 with and without BOM, UTF-16 with BOM; binary
// and undecodable bytes are refused with a message.
#include "core/textdecode.h"

#include <QFile>
#include <QStringEncoder>
#include <QTest>

using namespace md;

class TestTextDecode : public QObject
{
    Q_OBJECT
private slots:
    void gb18030FromChineseExcel()
    {
        QFile f(QStringLiteral(MD_TEST_DATA_DIR "/registry-gb18030.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const auto d = decodeDeskText(bytes);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().detail));
        QCOMPARE(d->encoding, QStringLiteral("GB18030"));
        QVERIFY(d->text.contains(QStringLiteral("\"成都市武侯区人民南路四段1号, 3栋2单元\",张三")));
        QVERIFY(d->text.contains(QStringLiteral("锦江区春熙路8号\r\n附2号\",欧阳娜娜")));
    }

    void forms_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        const QString text = QStringLiteral("meterNo,userName\n1,张三\n");
        QTest::newRow("utf-8") << text.toUtf8() << "UTF-8";
        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF" + text.toUtf8()) << "UTF-8";
        QTest::newRow("ascii crlf") << QByteArray("meterNo\r\n1\r\n") << "UTF-8";
        QStringEncoder utf16(QStringEncoder::Utf16LE);
        QTest::newRow("utf-16le bom") << QByteArray("\xFF\xFE" + QByteArray(utf16.encode(text))) << "UTF-16";
        QTest::newRow("xlsx") << QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) << "";
        QTest::newRow("undecodable") << QByteArray("meterNo\n\xFF\xFF\xFF\n") << "";
    }
    void forms()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        const auto d = decodeDeskText(bytes);
        if (encoding.isEmpty()) {
            QVERIFY(!d.ok());
            QVERIFY(!d.error().detail.isEmpty());
            return;
        }
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().detail));
        QCOMPARE(d->encoding, encoding);
        QVERIFY(d->text.startsWith(QStringLiteral("meterNo")));
    }
};

QTEST_MAIN(TestTextDecode)
#include "tst_textdecode.moc"
