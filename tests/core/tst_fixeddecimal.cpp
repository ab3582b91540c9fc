// SPDX-License-Identifier: GPL-3.0-or-later
// md::Money / md::Volume: strict parsing, canonical and display formatting, arithmetic.
#include "core/fixeddecimal.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace md;

namespace {

QJsonObject decimalVectors()
{
    QFile f(QStringLiteral(MD_TEST_DATA_DIR "/vectors.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open vectors.json");
    return QJsonDocument::fromJson(f.readAll()).object().value(u"decimal").toObject();
}

} // namespace

class TestFixedDecimal : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<bool>("money");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("units");
        const QJsonObject v = decimalVectors();
        for (const auto &e : v.value(u"money").toArray())
            QTest::addRow("money %s", qPrintable(e[0].toString())) << true << e[0].toString() << true << e[1].toInteger();
        for (const auto &e : v.value(u"moneyInvalid").toArray())
            QTest::addRow("money bad '%s'", qPrintable(e.toString())) << true << e.toString() << false << qint64(0);
        for (const auto &e : v.value(u"volume").toArray())
            QTest::addRow("volume %s", qPrintable(e[0].toString())) << false << e[0].toString() << true << e[1].toInteger();
        for (const auto &e : v.value(u"volumeInvalid").toArray())
            QTest::addRow("volume bad '%s'", qPrintable(e.toString())) << false << e.toString() << false << qint64(0);
        // Edge cases beyond the vectors.
        QTest::newRow("money -0") << true << "-0" << true << qint64(0);
        QTest::newRow("money leading zeros") << true << "007.5" << true << qint64(75000);
        QTest::newRow("money 12 nines") << true << "999999999999" << true << qint64(9999999999990000);
        QTest::newRow("money -max") << true << "-999999999999.9999" << true << qint64(-9999999999999999);
        QTest::newRow("money 13 digits") << true << "1000000000000" << false << qint64(0);
        QTest::newRow("money minus only") << true << "-" << false << qint64(0);
        QTest::newRow("money trailing space") << true << "3.2 " << false << qint64(0);
        QTest::newRow("money leading space") << true << " 3.2" << false << qint64(0);
        QTest::newRow("money two points") << true << "3.2.1" << false << qint64(0);
        QTest::newRow("money comma decimal") << true << "3,2" << false << qint64(0);
        QTest::newRow("money fullwidth digit") << true << "３" << false << qint64(0);
        QTest::newRow("money arabic-indic digit") << true << "٣" << false << qint64(0);
        QTest::newRow("money inf") << true << "inf" << false << qint64(0);
        QTest::newRow("money hex") << true << "0x10" << false << qint64(0);
        QTest::newRow("money minus point") << true << "-.5" << false << qint64(0);
        QTest::newRow("money nul") << true << QString::fromUtf8("1\0", 2) << false << qint64(0);
        QTest::newRow("volume 3 decimals") << false << "0.999" << true << qint64(999);
        QTest::newRow("volume negative") << false << "-1.5" << true << qint64(-1500);
        QTest::newRow("volume max") << false << "999999999999.999" << true << qint64(999999999999999);
        QTest::newRow("volume 4 decimals zero") << false << "1.0000" << false << qint64(0);
    }
    void parse()
    {
        QFETCH(bool, money);
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, units);
        if (money) {
            const auto m = Money::parse(text);
            QCOMPARE(m.has_value(), valid);
            if (valid)
                QCOMPARE(m->units(), units);
        } else {
            const auto v = Volume::parse(text);
            QCOMPARE(v.has_value(), valid);
            if (valid)
                QCOMPARE(v->units(), units);
        }
    }

    void canonical_data()
    {
        QTest::addColumn<bool>("money");
        QTest::addColumn<qint64>("units");
        QTest::addColumn<QString>("expect");
        const QJsonObject v = decimalVectors();
        for (const auto &e : v.value(u"moneyFormat").toArray())
            QTest::addRow("money %s", qPrintable(e[1].toString())) << true << e[0].toInteger() << e[1].toString();
        for (const auto &e : v.value(u"volumeFormat").toArray())
            QTest::addRow("volume %s", qPrintable(e[1].toString())) << false << e[0].toInteger() << e[1].toString();
        QTest::newRow("money -0.0001") << true << qint64(-1) << "-0.0001";
        QTest::newRow("money max") << true << qint64(9999999999999999) << "999999999999.9999";
        QTest::newRow("volume -0.001") << false << qint64(-1) << "-0.001";
        QTest::newRow("volume big") << false << qint64(123456789012123) << "123456789012.123";
    }
    void canonical()
    {
        QFETCH(bool, money);
        QFETCH(qint64, units);
        QFETCH(QString, expect);
        const QString text = money ? Money::fromUnits(units).toString() : Volume::fromUnits(units).toString();
        QCOMPARE(text, expect);
        // Canonical text parses back to the same units.
        QCOMPARE(money ? Money::parse(text)->units() : Volume::parse(text)->units(), units);
    }

    void display_data()
    {
        QTest::addColumn<qint64>("units");
        QTest::addColumn<int>("places");
        QTest::addColumn<QString>("expect");
        QTest::newRow("3.2 yuan") << qint64(32000) << 2 << "3.20";
        QTest::newRow("half up") << qint64(12345) << 2 << "1.23";       // 1.2345 -> 1.23 (0.0045 < half a cent)
        QTest::newRow("exact half") << qint64(12350) << 2 << "1.24";    // 1.2350 -> 1.24
        QTest::newRow("below half") << qint64(12349) << 2 << "1.23";
        QTest::newRow("negative half") << qint64(-12350) << 2 << "-1.24"; // away from zero
        QTest::newRow("tiny negative") << qint64(-49) << 2 << "0.00";    // no "-0.00"
        QTest::newRow("tiny negative half") << qint64(-50) << 2 << "-0.01";
        QTest::newRow("carry") << qint64(99999) << 2 << "10.00";
        QTest::newRow("zero places") << qint64(15000) << 0 << "2";
        QTest::newRow("all places") << qint64(15000) << 4 << "1.5000";
        QTest::newRow("too many places clamps") << qint64(15000) << 9 << "1.5000";
        QTest::newRow("negative places clamps") << qint64(15000) << -3 << "2";
        QTest::newRow("int64 min") << std::numeric_limits<qint64>::min() << 2 << "-922337203685477.58";
    }
    void display()
    {
        QFETCH(qint64, units);
        QFETCH(int, places);
        QFETCH(QString, expect);
        QCOMPARE(Money::fromUnits(units).format(places), expect);
    }

    void volumeDisplay()
    {
        QCOMPARE(Volume::fromUnits(10100).format(3), QStringLiteral("10.100"));
        QCOMPARE(Volume::fromUnits(10150).format(1), QStringLiteral("10.2"));
        QCOMPARE(Volume::fromUnits(10149).format(1), QStringLiteral("10.1"));
    }

    void arithmetic()
    {
        const Money a = *Money::parse(u"3.2");
        const Money b = *Money::parse(u"0.0001");
        QCOMPARE((a + b).toString(), QStringLiteral("3.2001"));
        QCOMPARE((a - b).toString(), QStringLiteral("3.1999"));
        QCOMPARE((-a).toString(), QStringLiteral("-3.2000"));
        Money c = a;
        c += a;
        QCOMPARE(c.units(), 64000);
        QVERIFY(b < a);
        QVERIFY(a == Money::fromUnits(32000));
        QVERIFY((-a).isNegative());
        QVERIFY(Money().isZero());
        QCOMPARE(Money::scale(), 10000);
        QCOMPARE(Volume::scale(), 1000);
    }

    void parseFixedDirect()
    {
        QCOMPARE(parseFixed(u"12", 0, 2).value_or(-1), 12);
        QVERIFY(!parseFixed(u"123", 0, 2));
        QVERIFY(!parseFixed(u"1.5", 0, 2));
        QCOMPARE(formatFixed(5, 0, 0), QStringLiteral("5"));
    }
};

QTEST_GUILESS_MAIN(TestFixedDecimal)
#include "tst_fixeddecimal.moc"
