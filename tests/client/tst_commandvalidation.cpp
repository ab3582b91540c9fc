// SPDX-License-Identifier: GPL-3.0-or-later
// CommandValidation: every rule gives the spec's code and names the field; valid commands pass.
#include "client/commandvalidation.h"
#include "protocol/fieldformat.h"

#include <QJsonObject>
#include <QTest>

using namespace md;

namespace {

// 2026-11-24 10:00:00 Asia/Shanghai.
const qint64 now = 1795485600;

ValidationContext context()
{
    ValidationContext c;
    c.nowEpoch = now;
    c.time = PlatformTime(QByteArrayLiteral("Asia/Shanghai"));
    return c;
}

QJsonObject obj(std::initializer_list<std::pair<const char *, const char *>> kv)
{
    QJsonObject o;
    for (const auto &[k, v] : kv)
        o.insert(QString::fromLatin1(k), QString::fromUtf8(v));
    return o;
}

QJsonObject withChanges(QJsonObject base, const QJsonObject &changes)
{
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().toString() == u"<remove>")
            base.remove(it.key());
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

QJsonObject ladder()
{
    return obj({{"meterNo", "M1"}, {"meterType", "T1"}, {"priceName", "civil"}, {"priceVersion", "v2"},
                {"priceLadderNum", "3"}, {"effectiveDate", "2026-12-01"}, {"cycleStartDate", "2026-01-01 00:00:00"}, {"price0", "3.2"}, {"price1", "3.85"},
                {"price2", "4.8"}, {"level1", "200"}, {"level2", "400.5"}});
}

QJsonObject recharge()
{
    return obj({{"meterNo", "M1"}, {"rechargeType", "1"}, {"rechargeNum", "100.00"}});
}

} // namespace

class TestCommandValidation : public QObject
{
    Q_OBJECT
private slots:
    void rules_data();
    void rules();
    void ipv4_data();
    void ipv4();
    void serviceFilledFieldsAreRequiredWhenAsked();
    void unknownCommandAndField();
    void formatMessagesAreFieldFormats_data();
    void formatMessagesAreFieldFormats();
};

void TestCommandValidation::rules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code"); // empty: valid
    QTest::addColumn<QString>("path");

    const QJsonObject l = ladder();
    QTest::newRow("ladder ok") << "changeprice" << l << "" << "";
    QTest::newRow("ladder single price") << "changeprice"
                                         << withChanges(l, obj({{"priceLadderNum", "1"}, {"price1", "<remove>"}, {"price2", "<remove>"},
                                                                {"level1", "<remove>"}, {"level2", "<remove>"}, {"cycleStartDate", "<remove>"}}))
                                         << "" << "";
    QTest::newRow("ladder count missing") << "changeprice" << withChanges(l, obj({{"priceLadderNum", "<remove>"}})) << "1101" << "priceLadderNum";
    QTest::newRow("ladder count 0") << "changeprice" << withChanges(l, obj({{"priceLadderNum", "0"}})) << "1102" << "priceLadderNum";
    QTest::newRow("ladder count 6") << "changeprice" << withChanges(l, obj({{"priceLadderNum", "6"}})) << "1102" << "priceLadderNum";
    QTest::newRow("ladder count text") << "changeprice" << withChanges(l, obj({{"priceLadderNum", "two"}})) << "1102" << "priceLadderNum";
    QTest::newRow("extra price") << "changeprice" << withChanges(l, obj({{"price3", "5"}})) << "1105" << "price3";
    QTest::newRow("extra level") << "changeprice" << withChanges(l, obj({{"level3", "900"}})) << "1106" << "level3";
    // No limit the spec lacks: a price over 100 yuan is the platform's to judge.
    QTest::newRow("price over 100") << "changeprice" << withChanges(l, obj({{"price2", "100.0001"}})) << "" << "";
    QTest::newRow("price 12+4 digits") << "changeprice" << withChanges(l, obj({{"price2", "123456789012.3456"}})) << "" << "";
    // cycleStartDate and billingCycle are optional (the meter keeps its current cycle).
    QTest::newRow("ladder without cycle start") << "changeprice" << withChanges(l, obj({{"cycleStartDate", "<remove>"}})) << "" << "";
    QTest::newRow("ladder without cycle") << "changeprice" << withChanges(l, obj({{"cycleStartDate", "<remove>"}, {"billingCycle", "<remove>"}})) << "" << "";
    QTest::newRow("price missing") << "changeprice" << withChanges(l, obj({{"price2", "<remove>"}})) << "1105" << "price2";
    QTest::newRow("price zero") << "changeprice" << withChanges(l, obj({{"price1", "0"}})) << "1105" << "price1";
    QTest::newRow("price negative") << "changeprice" << withChanges(l, obj({{"price0", "-3.2"}})) << "1105" << "price0";
    QTest::newRow("price 5 decimals") << "changeprice" << withChanges(l, obj({{"price0", "3.20001"}})) << "1105" << "price0";
    QTest::newRow("level missing") << "changeprice" << withChanges(l, obj({{"level2", "<remove>"}})) << "1106" << "level2";
    QTest::newRow("levels equal") << "changeprice" << withChanges(l, obj({{"level2", "200"}})) << "1106" << "level2";
    QTest::newRow("levels decreasing") << "changeprice" << withChanges(l, obj({{"level2", "150"}})) << "1106" << "level2";
    QTest::newRow("level 4 decimals") << "changeprice" << withChanges(l, obj({{"level1", "1.0001"}})) << "1106" << "level1";
    QTest::newRow("effective yesterday") << "changeprice" << withChanges(l, obj({{"effectiveDate", "2026-11-23"}})) << "1103" << "effectiveDate";
    QTest::newRow("effective today") << "changeprice" << withChanges(l, obj({{"effectiveDate", "2026-11-24"}})) << "" << "";
    QTest::newRow("effective not a date") << "changeprice" << withChanges(l, obj({{"effectiveDate", "2026-02-30"}})) << "1103" << "effectiveDate";
    QTest::newRow("effective missing") << "changeprice" << withChanges(l, obj({{"effectiveDate", "<remove>"}})) << "1103" << "effectiveDate";
    QTest::newRow("cycle start ok") << "changeprice" << withChanges(l, obj({{"cycleStartDate", "2026-01-01 00:00:00"}})) << "" << "";
    QTest::newRow("cycle start bad") << "changeprice" << withChanges(l, obj({{"cycleStartDate", "2026-01-01"}})) << "1104" << "cycleStartDate";
    QTest::newRow("priceName missing") << "changeprice" << withChanges(l, obj({{"priceName", "<remove>"}})) << "9002" << "priceName";

    const QJsonObject r = recharge();
    QTest::newRow("recharge ok") << "recharge" << r << "" << "";
    QTest::newRow("recharge volume ok") << "recharge" << withChanges(r, obj({{"rechargeType", "2"}, {"rechargeNum", "10.125"}})) << "" << "";
    QTest::newRow("recharge volume 4dp") << "recharge" << withChanges(r, obj({{"rechargeType", "2"}, {"rechargeNum", "10.1250"}})) << "1203" << "rechargeNum";
    QTest::newRow("recharge zero") << "recharge" << withChanges(r, obj({{"rechargeNum", "0"}})) << "1203" << "rechargeNum";
    QTest::newRow("recharge negative") << "recharge" << withChanges(r, obj({{"rechargeNum", "-5"}})) << "1203" << "rechargeNum";
    QTest::newRow("recharge missing") << "recharge" << withChanges(r, obj({{"rechargeNum", "<remove>"}})) << "1203" << "rechargeNum";
    QTest::newRow("recharge exponent") << "recharge" << withChanges(r, obj({{"rechargeNum", "1e3"}})) << "1203" << "rechargeNum";
    QTest::newRow("recharge time future") << "recharge" << withChanges(r, obj({{"rechargeTime", "2026-11-24 11:00:00"}})) << "1202" << "rechargeTime";
    QTest::newRow("recharge time ok") << "recharge" << withChanges(r, obj({{"rechargeTime", "2026-11-24 09:59:00"}})) << "" << "";
    QTest::newRow("recharge time bad") << "recharge" << withChanges(r, obj({{"rechargeTime", "2026-11-24 24:00:00"}})) << "1202" << "rechargeTime";
    QTest::newRow("recharge tradeNo bad") << "recharge" << withChanges(r, obj({{"tradeNo", "R 1"}})) << "1201" << "tradeNo";
    QTest::newRow("recharge type bad") << "recharge" << withChanges(r, obj({{"rechargeType", "3"}})) << "9002" << "rechargeType";
    QTest::newRow("cancel ok") << "cancelRecharge" << obj({{"meterNo", "M1"}, {"tradeNo", "R20261124100000000001"}, {"rechargeNum", "5"}}) << "" << "";
    QTest::newRow("cancel tradeNo missing") << "cancelRecharge" << obj({{"meterNo", "M1"}, {"rechargeNum", "5"}}) << "1201" << "tradeNo";

    QTest::newRow("supplement ok") << "dataSupplement" << obj({{"meterNo", "M1"}, {"beginDate", "261101"}, {"endDate", "261120"}}) << "" << "";
    QTest::newRow("supplement reversed") << "dataSupplement" << obj({{"meterNo", "M1"}, {"beginDate", "261120"}, {"endDate", "261101"}}) << "9002" << "endDate";
    QTest::newRow("supplement bad begin") << "dataSupplement" << obj({{"meterNo", "M1"}, {"beginDate", "2026-11-01"}}) << "9002" << "beginDate";
    QTest::newRow("supplement bad day") << "dataSupplement" << obj({{"meterNo", "M1"}, {"endDate", "261131"}}) << "9002" << "endDate";
    QTest::newRow("supplement future") << "dataSupplement" << obj({{"meterNo", "M1"}, {"endDate", "261201"}}) << "9002" << "endDate";

    QTest::newRow("param ok") << "setParameter"
                              << obj({{"meterNo", "M1"}, {"ip", "10.0.0.1"}, {"port", "8080"}, {"upCycle", "1"}, {"upDay", "15"},
                                      {"noUseDay", "30"}, {"alarmOne", "20.00"}, {"alarmTwo", "5"}, {"overdraft", "10"}})
                              << "" << "";
    QTest::newRow("param none") << "setParameter" << obj({{"meterNo", "M1"}}) << "9002" << "";
    QTest::newRow("param ip") << "setParameter" << obj({{"meterNo", "M1"}, {"ip", "10.0.0.256"}}) << "9002" << "ip";
    QTest::newRow("param port 0") << "setParameter" << obj({{"meterNo", "M1"}, {"port", "0"}}) << "9002" << "port";
    QTest::newRow("param port big") << "setParameter" << obj({{"meterNo", "M1"}, {"port", "65536"}}) << "9002" << "port";
    QTest::newRow("param upCycle") << "setParameter" << obj({{"meterNo", "M1"}, {"upCycle", "2"}}) << "9002" << "upCycle";
    QTest::newRow("param upDay monthly 32") << "setParameter" << obj({{"meterNo", "M1"}, {"upCycle", "1"}, {"upDay", "32"}}) << "9002" << "upDay";
    QTest::newRow("param upDay every 45 days") << "setParameter" << obj({{"meterNo", "M1"}, {"upCycle", "0"}, {"upDay", "45"}}) << "" << "";
    QTest::newRow("param upDay 0") << "setParameter" << obj({{"meterNo", "M1"}, {"upCycle", "0"}, {"upDay", "0"}}) << "9002" << "upDay";
    QTest::newRow("param alarms order") << "setParameter" << obj({{"meterNo", "M1"}, {"alarmOne", "5"}, {"alarmTwo", "5"}}) << "9002" << "alarmTwo";
    QTest::newRow("param overdraft negative") << "setParameter" << obj({{"meterNo", "M1"}, {"overdraft", "-1"}}) << "9002" << "overdraft";

    QTest::newRow("meterInfo ok") << "meterInfo" << obj({{"meterNo", "M1"}, {"userNo", "U1"}, {"addrDes", "Road 1"}, {"meterOperation", "register"}}) << "" << "";
    QTest::newRow("meterInfo op") << "meterInfo" << obj({{"meterNo", "M1"}, {"meterOperation", "delete"}}) << "9002" << "meterOperation";
    QTest::newRow("meterInfo setUpTime") << "meterInfo" << obj({{"meterNo", "M1"}, {"setUpTime", "2026-11-24"}}) << "9002" << "setUpTime";
    QTest::newRow("meterInfo blank addr") << "meterInfo" << obj({{"meterNo", "M1"}, {"addrDes", "  "}}) << "9002" << "addrDes";

    QTest::newRow("valve ok") << "valveOperate" << obj({{"meterNo", "M1"}, {"valveOperate", "1"}}) << "" << "";
    QTest::newRow("valve bad") << "valveOperate" << obj({{"meterNo", "M1"}, {"valveOperate", "3"}}) << "9002" << "valveOperate";
    QTest::newRow("valve missing") << "valveOperate" << obj({{"meterNo", "M1"}}) << "9002" << "valveOperate";
    QTest::newRow("getParameter ok") << "getParameter" << obj({{"meterNo", "M1"}}) << "" << "";
    QTest::newRow("price update ok") << "updatePriceAndBalance" << obj({{"meterNo", "M1"}, {"price", "3.2"}, {"balanceAmt", "-1.5"}}) << "" << "";
    QTest::newRow("price update bad") << "updatePriceAndBalance" << obj({{"meterNo", "M1"}, {"price", "3,2"}}) << "9002" << "price";
}

void TestCommandValidation::rules()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, path);
    const QList<Error> errors = CommandValidation::validate(name, params, context());
    if (code.isEmpty()) {
        if (!errors.isEmpty())
            qWarning() << errors.first().code << errors.first().path << errors.first().detail;
        QVERIFY(errors.isEmpty());
        QVERIFY(CommandValidation::check(name, params, context()).ok());
        return;
    }
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().code, code);
    QCOMPARE(errors.first().path, path);
    const auto first = CommandValidation::check(name, params, context());
    QVERIFY(!first.ok());
    QCOMPARE(first.error(), errors.first());
    if (!path.isEmpty())
        QVERIFY2(first.error().message().contains(path), qPrintable(first.error().message()));
}

void TestCommandValidation::ipv4_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "192.168.1.10" << true;
    QTest::newRow("zeros") << "0.0.0.0" << true;
    QTest::newRow("max") << "255.255.255.255" << true;
    QTest::newRow("256") << "1.2.3.256" << false;
    QTest::newRow("three parts") << "1.2.3" << false;
    QTest::newRow("leading zero") << "01.2.3.4" << false;
    QTest::newRow("empty part") << "1..3.4" << false;
    QTest::newRow("host name") << "platform.local" << false;
    QTest::newRow("sign") << "+1.2.3.4" << false;
}

void TestCommandValidation::ipv4()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(isDottedIpv4(text), valid);
}

void TestCommandValidation::serviceFilledFieldsAreRequiredWhenAsked()
{
    ValidationContext c = context();
    c.serviceFillsFields = false;
    const auto errors = CommandValidation::validate(QStringLiteral("recharge"), recharge(), c);
    QStringList paths;
    for (const auto &e : errors)
        paths << e.path;
    QVERIFY2(paths.contains(u"meterType"), qPrintable(paths.join(u',')));
    QVERIFY(paths.contains(u"commandSeq"));
    QVERIFY(paths.contains(u"rechargeCount"));
    QVERIFY(paths.contains(u"tradeNo"));
    QVERIFY(paths.contains(u"rechargeTime"));
    for (const auto &e : errors)
        if (e.path == u"tradeNo")
            QCOMPARE(e.code, QStringLiteral("1201"));
}

void TestCommandValidation::unknownCommandAndField()
{
    auto e = CommandValidation::validate(QStringLiteral("selfDestruct"), {}, context());
    QCOMPARE(e.size(), 1);
    QCOMPARE(e.first().code, QStringLiteral("9002"));
    e = CommandValidation::validate(QStringLiteral("valveOperate"), obj({{"meterNo", "M1"}, {"valveOperate", "0"}, {"vlave", "1"}}), context());
    QCOMPARE(e.size(), 1);
    QCOMPARE(e.first().path, QStringLiteral("vlave"));
    QJsonObject numeric = obj({{"meterNo", "M1"}});
    numeric.insert(QStringLiteral("valveOperate"), 1);
    e = CommandValidation::validate(QStringLiteral("valveOperate"), numeric, context());
    QVERIFY(!e.isEmpty());
    QCOMPARE(e.first().path, QStringLiteral("valveOperate"));
}

// A malformed value is reported with FieldFormat's message (the one the codec gives too), under
// the rule's code when a rule owns the field.
void TestCommandValidation::formatMessagesAreFieldFormats_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");
    QTest::newRow("port letters") << "setParameter" << obj({{"meterNo", "M1"}, {"port", "80a"}}) << "port" << "9002";
    QTest::newRow("ip") << "setParameter" << obj({{"meterNo", "M1"}, {"ip", "10.0.0"}}) << "ip" << "9002";
    QTest::newRow("alarmOne text") << "setParameter" << obj({{"meterNo", "M1"}, {"alarmOne", "lots"}}) << "alarmOne" << "9002";
    QTest::newRow("volume recharge 4 dp") << "recharge" << withChanges(recharge(), obj({{"rechargeType", "2"}, {"rechargeNum", "1.0005"}}))
                                          << "rechargeNum" << "1203";
    QTest::newRow("price comma") << "changeprice" << withChanges(ladder(), obj({{"price1", "3,85"}})) << "price1" << "1105";
    QTest::newRow("valve code") << "valveOperate" << obj({{"meterNo", "M1"}, {"valveOperate", "7"}}) << "valveOperate" << "9002";
}

void TestCommandValidation::formatMessagesAreFieldFormats()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(QString, field);
    QFETCH(QString, code);
    const FieldSpec *spec = Catalog::instance().command(name)->field(field);
    QVERIFY(spec);
    const Result<qint64> format = FieldFormat(*spec, params).check(params.value(field).toString(), context().time);
    QVERIFY(!format.ok());
    const QList<Error> errors = CommandValidation::validate(name, params, context());
    QCOMPARE(errors.size(), 1); // reported once, by the format or by the rule, not both
    QCOMPARE(errors.first(), makeError(code, field, format.error().detail));
}

QTEST_GUILESS_MAIN(TestCommandValidation)
#include "tst_commandvalidation.moc"
