// SPDX-License-Identifier: GPL-3.0-or-later
// The catalogue resource: 19 messages, names and aliases, types, enumerations, special codes.
#include "protocol/catalog.h"

#include <QTest>

using namespace md;

class TestCatalog : public QObject
{
    Q_OBJECT
private slots:
    void counts()
    {
        const Catalog &c = Catalog::instance();
        QCOMPARE(c.uploads().size(), 10);
        QCOMPARE(c.commands().size(), 9);
        QCOMPARE(c.uploadRouteNames().size(), 12);
    }

    void uploads_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("resultOf");
        const char *rows[][3] = {
            {"meterDataUp", "meterDataUp", ""},
            {"meterDataUpBatch", "meterDataUpBatch", ""},
            {"meterDataSupplement", "meterDataSupplement", "dataSupplement"},
            {"sendAlarm", "sendAlarm", ""},
            {"rechargeUp", "rechargeUp", "recharge"},
            {"parameterUp", "parameterUp", "getParameter"},
            {"cancelRechargeUp", "cancelRechargeUp", "cancelRecharge"},
            {"openVResult", "openVResult", "valveOperate"},
            {"openVResutl", "openVResult", "valveOperate"},
            {"closeVResult", "closeVResult", "valveOperate"},
            {"chargePriceResult", "chargePriceResult", "changeprice"},
            {"chargePriceResutl", "chargePriceResult", "changeprice"},
        };
        for (const auto &r : rows)
            QTest::newRow(r[0]) << QString::fromLatin1(r[0]) << QString::fromLatin1(r[1]) << QString::fromLatin1(r[2]);
    }
    void uploads()
    {
        QFETCH(QString, name);
        QFETCH(QString, canonical);
        QFETCH(QString, resultOf);
        const MessageSpec *spec = Catalog::instance().upload(name);
        QVERIFY(spec);
        QCOMPARE(spec->name, canonical);
        QCOMPARE(spec->direction, MessageDirection::Upload);
        QCOMPARE(spec->resultOf, resultOf);
        QVERIFY(Catalog::instance().uploadRouteNames().contains(name));
        QVERIFY(!Catalog::instance().command(name));
    }

    void commands_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("resultUploads");
        QTest::newRow("valveOperate") << "valveOperate" << QStringList{"openVResult", "closeVResult"};
        QTest::newRow("dataSupplement") << "dataSupplement" << QStringList{"meterDataSupplement"};
        QTest::newRow("updatePriceAndBalance") << "updatePriceAndBalance" << QStringList{};
        QTest::newRow("recharge") << "recharge" << QStringList{"rechargeUp"};
        QTest::newRow("cancelRecharge") << "cancelRecharge" << QStringList{"cancelRechargeUp"};
        QTest::newRow("changeprice") << "changeprice" << QStringList{"chargePriceResult"};
        QTest::newRow("getParameter") << "getParameter" << QStringList{"parameterUp"};
        QTest::newRow("setParameter") << "setParameter" << QStringList{};
        QTest::newRow("meterInfo") << "meterInfo" << QStringList{};
    }
    void commands()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, resultUploads);
        const MessageSpec *spec = Catalog::instance().command(name);
        QVERIFY(spec);
        QCOMPARE(spec->direction, MessageDirection::Command);
        QCOMPARE(spec->resultUploads, resultUploads);
        QVERIFY(spec->field(u"meterNo"));
        QVERIFY(spec->field(u"meterNo")->required);
        QVERIFY(!Catalog::instance().upload(name));
        for (const QString &up : resultUploads)
            QCOMPARE(Catalog::instance().upload(up)->resultOf, name);
    }

    void unknownNames()
    {
        QVERIFY(!Catalog::instance().upload(u"nope"));
        QVERIFY(!Catalog::instance().command(u"changePrice")); // the spec's path is lower case
        QVERIFY(!Catalog::instance().upload(u""));
    }

    void fieldAliases_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("alias");
        QTest::newRow("meterDataUp") << "meterDataUp" << "meterReadingDetails" << "readingDetails";
        QTest::newRow("meterDataSupplement") << "meterDataSupplement" << "readingDetails" << "meterReadingDetails";
    }
    void fieldAliases()
    {
        QFETCH(QString, message);
        QFETCH(QString, canonical);
        QFETCH(QString, alias);
        const MessageSpec *spec = Catalog::instance().upload(message);
        QVERIFY(spec);
        QVERIFY(spec->field(alias));
        QCOMPARE(spec->field(alias)->name, canonical);
        QCOMPARE(spec->field(canonical), spec->field(alias));
        QCOMPARE(spec->field(canonical)->type, FieldType::List);
        QVERIFY(spec->field(canonical)->items.size() >= 2);
    }

    void batchNesting()
    {
        const MessageSpec *spec = Catalog::instance().upload(u"meterDataUpBatch");
        const FieldSpec *meters = spec->field(u"meterDatas");
        QVERIFY(meters && meters->required && meters->type == FieldType::List);
        const FieldSpec *details = nullptr;
        for (const auto &f : meters->items)
            if (f.matches(u"meterReadingDetails"))
                details = &f;
        QVERIFY(details);
        QCOMPARE(details->name, QStringLiteral("readingDetails"));
        QCOMPARE(details->items.first().name, QStringLiteral("dataTime"));
        QCOMPARE(details->items.first().type, FieldType::DateTime);
    }

    void typesAndFlags()
    {
        const MessageSpec *recharge = Catalog::instance().command(u"recharge");
        QVERIFY(recharge->hasSensitiveFields());
        QCOMPARE(recharge->field(u"rechargeNum")->type, FieldType::Money);
        QVERIFY(recharge->field(u"rechargeNum")->sensitive);
        QCOMPARE(recharge->field(u"rechargeCount")->type, FieldType::Integer);
        QCOMPARE(recharge->field(u"rechargeTime")->type, FieldType::DateTime);
        QVERIFY(recharge->field(u"rechargeType")->isEnum());
        QVERIFY(!Catalog::instance().command(u"valveOperate")->hasSensitiveFields());
        QCOMPARE(Catalog::instance().command(u"changeprice")->field(u"effectiveDate")->type, FieldType::Date);
        QCOMPARE(Catalog::instance().command(u"dataSupplement")->field(u"beginDate")->type, FieldType::YyMMdd);
        QCOMPARE(Catalog::instance().upload(u"meterDataUp")->field(u"meterReadingDetails")->items.at(1).type,
                 FieldType::Volume);
        QVERIFY(Catalog::instance().upload(u"meterDataUp")->field(u"valveStatus")->values.contains("4"));
    }

    void alarmFields()
    {
        const FieldSpec *alarms = Catalog::instance().upload(u"sendAlarm")->field(u"alarms");
        QVERIFY(alarms);
        QCOMPARE(alarms->items.size(), 3);
        QCOMPARE(alarms->items[0].name, QStringLiteral("alarmTime"));
        QCOMPARE(alarms->items[0].invalidCode, QStringLiteral("1301"));
        QCOMPARE(alarms->items[1].name, QStringLiteral("alarmType"));
        QCOMPARE(alarms->items[1].invalidCode, QStringLiteral("1302"));
        QCOMPARE(alarms->items[1].values.size(), 16);
        QVERIFY(alarms->items[1].values.contains("1002"));
        QVERIFY(!alarms->items[1].values.contains("1008"));
        QCOMPARE(alarms->items[2].invalidCode, QStringLiteral("9002"));
    }

    void typeNames()
    {
        QCOMPARE(fieldTypeName(FieldType::Money), QStringLiteral("money"));
        QCOMPARE(fieldTypeName(FieldType::YyMMdd), QStringLiteral("yymmdd"));
        QCOMPARE(fieldTypeName(FieldType::List), QStringLiteral("list"));
    }

    void badJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("unknown type") << QByteArray(
            R"({"uploads":{"messages":[{"name":"x","fields":[{"name":"a","type":"float"}]}]}})");
        QTest::newRow("nameless field") << QByteArray(R"({"uploads":{"messages":[{"name":"x","fields":[{"type":"string"}]}]}})");
        QTest::newRow("nameless message") << QByteArray(R"({"commands":{"messages":[{"fields":[]}]}})");
    }
    void badJson()
    {
        QFETCH(QByteArray, json);
        QString error;
        const Catalog c = Catalog::fromJson(json, &error);
        QVERIFY(!error.isEmpty());
        QVERIFY(c.uploads().isEmpty());
        QVERIFY(c.commands().isEmpty());
    }

    void minimalJson()
    {
        QString error;
        const Catalog c = Catalog::fromJson(
            R"({"uploads":{"messages":[{"name":"up","aliases":["upp"],"fields":[{"name":"a","type":"money","required":true}]}]},
                "commands":{"messages":[{"name":"cmd","fields":[]}]}})",
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(c.upload(u"upp")->name, QStringLiteral("up"));
        QCOMPARE(c.upload(u"up")->fields.first().type, FieldType::Money);
        QVERIFY(c.command(u"cmd"));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
