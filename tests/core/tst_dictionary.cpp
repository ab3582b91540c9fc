// SPDX-License-Identifier: GPL-3.0-or-later
// The spec's dictionaries against the catalogue (catalog.json is the reference for codes and texts).
#include "core/dictionary.h"
#include "core/result.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace md;

namespace {

QJsonObject catalogJson()
{
    QFile f(QStringLiteral(MD_TEST_DATA_DIR "/../../app/protocol/catalog.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open catalog.json");
    return QJsonDocument::fromJson(f.readAll()).object();
}

QStringList codesOf(const QList<DictEntry> &list)
{
    QStringList out;
    for (const auto &e : list)
        out << QString::fromLatin1(e.code);
    return out;
}

} // namespace

class TestDictionary : public QObject
{
    Q_OBJECT
private slots:
    void returnCodesMatchCatalogue_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        const QJsonObject codes = catalogJson().value(u"returnCodes").toObject();
        for (auto it = codes.begin(); it != codes.end(); ++it)
            QTest::newRow(qPrintable(it.key())) << it.key() << it.value().toString();
    }
    void returnCodesMatchCatalogue()
    {
        QFETCH(QString, code);
        QFETCH(QString, text);
        QVERIFY(Dictionary::isKnownReturnCode(code));
        QCOMPARE(Dictionary::returnCodeText(code), text);
    }

    void returnCodeCount()
    {
        QCOMPARE(Dictionary::returnCodes().size(), catalogJson().value(u"returnCodes").toObject().size());
        QVERIFY(!Dictionary::isKnownReturnCode(QStringLiteral("1234")));
        QVERIFY(Dictionary::returnCodeText(QStringLiteral("")).isEmpty());
    }

    void alarmTypesMatchCatalogue_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        const QJsonObject alarms = catalogJson().value(u"alarmTypes").toObject();
        for (auto it = alarms.begin(); it != alarms.end(); ++it)
            QTest::newRow(qPrintable(it.key())) << it.key() << it.value().toArray().at(0).toString();
    }
    void alarmTypesMatchCatalogue()
    {
        QFETCH(QString, code);
        QFETCH(QString, text);
        const AlarmTypeInfo *a = Dictionary::alarmType(code);
        QVERIFY(a);
        QCOMPARE(QString::fromUtf8(a->wireText), text);
        QVERIFY(!Dictionary::alarmDisplayName(code).isEmpty());
    }

    void alarmTypeDetails()
    {
        QCOMPARE(Dictionary::alarmTypes().size(), catalogJson().value(u"alarmTypes").toObject().size());
        QVERIFY(!Dictionary::alarmType(QStringLiteral("1008")));
        QVERIFY(Dictionary::isCriticalAlarm(QStringLiteral("1002")));
        QVERIFY(!Dictionary::isCriticalAlarm(QStringLiteral("3002")));
        QVERIFY(!Dictionary::isCriticalAlarm(QStringLiteral("nope")));
        QVERIFY(Dictionary::alarmType(QStringLiteral("1002"))->closesValve);
        QCOMPARE(Dictionary::alarmDisplayName(QStringLiteral("7777")), QStringLiteral("7777"));
        QCOMPARE(Dictionary::alarmDisplayName(QStringLiteral("1002")), QStringLiteral("Gas leak"));
    }

    void enumerationsMatchCatalogue_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("dictionary");
        QTest::addColumn<QStringList>("catalogue");
        const QJsonObject root = catalogJson();
        auto keysOf = [](const QJsonObject &o) { return o.keys(); };
        auto fieldValues = [&](const char *direction, const char *message, const char *field) {
            for (const auto &m : root.value(QLatin1String(direction)).toObject().value(u"messages").toArray())
                if (m[u"name"] == QLatin1String(message))
                    for (const auto &f : m[u"fields"].toArray())
                        if (f[u"name"] == QLatin1String(field))
                            return f[u"values"].toObject().keys();
            return QStringList();
        };
        QTest::newRow("valveStatus") << "valveStatus" << codesOf(Dictionary::valveStatuses())
                                     << keysOf(root.value(u"valveStatus").toObject());
        QTest::newRow("powerType") << "powerType" << codesOf(Dictionary::powerTypes())
                                   << keysOf(root.value(u"powerType").toObject());
        QTest::newRow("valveOperate") << "valveOperate" << codesOf(Dictionary::valveOperations())
                                      << fieldValues("commands", "valveOperate", "valveOperate");
        QTest::newRow("resultCode") << "resultCode" << codesOf(Dictionary::resultCodes())
                                    << fieldValues("uploads", "openVResult", "resultCode");
        QTest::newRow("rechargeType") << "rechargeType" << codesOf(Dictionary::rechargeTypes())
                                      << fieldValues("commands", "recharge", "rechargeType");
        QTest::newRow("meterOperation") << "meterOperation" << codesOf(Dictionary::meterOperations())
                                        << fieldValues("commands", "meterInfo", "meterOperation");
    }
    void enumerationsMatchCatalogue()
    {
        QFETCH(QStringList, dictionary);
        QFETCH(QStringList, catalogue);
        QVERIFY(!catalogue.isEmpty());
        QCOMPARE(QSet<QString>(dictionary.begin(), dictionary.end()), QSet<QString>(catalogue.begin(), catalogue.end()));
    }

    void findAndDisplay()
    {
        QVERIFY(Dictionary::find(Dictionary::valveStatuses(), QStringLiteral("4")));
        QVERIFY(!Dictionary::find(Dictionary::valveStatuses(), QStringLiteral("5")));
        QCOMPARE(Dictionary::displayName(Dictionary::valveStatuses(), QStringLiteral("1")), QStringLiteral("Closed"));
        QCOMPARE(Dictionary::displayName(Dictionary::valveStatuses(), QStringLiteral("9")), QStringLiteral("9"));
    }

    void errorMessage_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("expect");
        QTest::newRow("with path") << "9002" << "meterReadingDetails[1].dataTime" << ""
                                   << QStringLiteral("报文格式不正确: meterReadingDetails[1].dataTime");
        QTest::newRow("no path") << "9001" << "" << "x" << QStringLiteral("鉴权失败");
        QTest::newRow("unknown code uses detail") << "config" << "listener/port" << "0 to 65535"
                                                  << QStringLiteral("0 to 65535: listener/port");
        QTest::newRow("unknown code no detail") << "4242" << "" << "" << QStringLiteral("4242");
    }
    void errorMessage()
    {
        QFETCH(QString, code);
        QFETCH(QString, path);
        QFETCH(QString, detail);
        QFETCH(QString, expect);
        QCOMPARE(makeError(code, path, detail).message(), expect);
    }
};

QTEST_GUILESS_MAIN(TestDictionary)
#include "tst_dictionary.moc"
