// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated platform over real HTTP on 127.0.0.1 rejects what a strict platform rejects: 9001
// (headers, time window), 9003 (sign), 9002 naming the field (missing, malformed, plain sensitive
// value), 1003 (unknown meter), 1002 (meterType contradicting the platform's), changeprice 1101-1106 and recharge 1201-1203; a rejected command has
// no result upload. The control endpoint refuses unknown switches.

#include "simharness.h"

using namespace md;
using namespace md::testing;

class TestSimRejects : public QObject, public SimHarness
{
    Q_OBJECT
private slots:
    void initTestCase() { SimHarness::initTestCase(); }
    void init() { SimHarness::init(); }
    void rejects_data();
    void rejects();
    void accepts_data();
    void accepts();
    void controlRejectsUnknownSwitch();
};

// What the spec allows is accepted: volume recharges, no upper limits it does not state, optional
// changeprice fields left out, a resend's old recharge time, long supplement ranges.
void TestSimRejects::accepts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("plain");
    QTest::addColumn<QJsonObject>("overrides");
    QTest::addColumn<QString>("result"); // the result upload that must follow ("" none)
    QJsonObject byVolume = recharge("RV1", "12.345", 40);
    byVolume["rechargeType"] = "2";
    QTest::newRow("recharge by volume") << "recharge" << byVolume << QJsonObject{} << "rechargeUp";
    QTest::newRow("recharge 200000 yuan") << "recharge" << recharge("RB1", "200000.00", 41) << QJsonObject{}
                                          << "rechargeUp";
    QTest::newRow("recharge time old (a resend)") << "recharge" << recharge("RO1", "5", 42)
                                                  << QJsonObject{{"rechargeTime", "2020-01-01 00:00:00"}}
                                                  << "rechargeUp";
    QTest::newRow("tradeNo 80 characters") << "recharge" << recharge(QString(80, u'7'), "5", 43) << QJsonObject{}
                                           << "rechargeUp";
    QTest::newRow("ladder without cycle start")
        << "changeprice" << changeprice(44) << QJsonObject{{"cycleStartDate", QJsonValue()}, {"billingCycle", QJsonValue()}}
        << "chargePriceResult";
    QTest::newRow("price 150 yuan") << "changeprice" << changeprice(45) << QJsonObject{{"price2", "150.0000"}}
                                    << "chargePriceResult";
    QTest::newRow("supplement 90 days")
        << "dataSupplement"
        << QJsonObject{{"meterNo", "SIM000003"}, {"commandSeq", seq(46)}, {"meterType", "QC-G4"},
                       {"beginDate", kTime.dateOf(QDateTime::currentSecsSinceEpoch()).addDays(-90).toString(u"yyMMdd")},
                       {"endDate", kTime.dateOf(QDateTime::currentSecsSinceEpoch()).toString(u"yyMMdd")}}
        << QJsonObject{} << "meterDataSupplement";
}

void TestSimRejects::accepts()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, plain);
    QFETCH(QJsonObject, overrides);
    QFETCH(QString, result);
    const Volume qtyBefore = m_sim->world().find("SIM000001")->totalRechargeQty;
    const Answer a = post(name, plain, None, overrides);
    QCOMPARE(a.status, 200);
    QVERIFY2(a.code() == u"0000", qPrintable(a.code() + u' ' + a.message()));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named(result).size(), 1, 5000);
    if (name == u"recharge" && plain.value(u"rechargeType").toString() == u"2") {
        const auto parsed = MessageCodec(clientOptions()).parse(*Catalog::instance().upload(u"rechargeUp"),
                                                                 m_receiver->named(result).first().body);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->record.text("resultCode"), QStringLiteral("00"));
        // rechargeUp's rechargeNum is a money-typed field: the 12.345 m3 come back as 12.3450.
        QCOMPARE(parsed->record.money("rechargeNum")->units(), qint64(123450));
        QCOMPARE(m_sim->world().find("SIM000001")->totalRechargeQty.units(), qtyBefore.units() + 12345);
    }
}

void TestSimRejects::rejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("plain");
    QTest::addColumn<int>("mutation");
    QTest::addColumn<QJsonObject>("overrides");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field"); // must appear in returnMessage
    const QJsonObject ok = valve("SIM000001", "0", 1);
    QTest::newRow("bad token") << "valveOperate" << ok << int(BadToken) << QJsonObject{} << "9001"
                               << "";
    QTest::newRow("stale timestamp") << "valveOperate" << ok << int(StaleTimestamp) << QJsonObject{} << "9001"
                                     << "";
    QTest::newRow("bad sign") << "valveOperate" << ok << int(BadSign) << QJsonObject{} << "9003"
                              << "";
    QTest::newRow("no sign, strict") << "valveOperate" << ok << int(NoSign) << QJsonObject{} << "9003"
                                     << "";
    QTest::newRow("missing field") << "valveOperate" << ok << int(None)
                                   << QJsonObject{{"valveOperate", QJsonValue()}} << "9002"
                                   << "valveOperate";
    QTest::newRow("bad enum") << "valveOperate" << ok << int(None) << QJsonObject{{"valveOperate", "7"}}
                              << "9002"
                              << "valveOperate";
    QTest::newRow("unknown meter") << "valveOperate" << valve("NOPE0001", "0", 2) << int(None)
                                   << QJsonObject{} << "1003"
                                   << "meterNo";
    QTest::newRow("meterType contradicts") << "valveOperate" << valve("SIM000001", "0", 15) << int(None)
                                           << QJsonObject{{"meterType", "QC-G9"}} << "1002"
                                           << "meterType";
    QTest::newRow("plain sensitive") << "recharge" << recharge("R1", "50.00", 3) << int(PlainSensitive)
                                     << QJsonObject{} << "9002"
                                     << "rechargeNum";
    QTest::newRow("recharge amount 0")
        << "recharge" << recharge("R2", "0", 4) << int(None) << QJsonObject{} << "1203"
        << "rechargeNum";
    QTest::newRow("recharge tradeNo empty")
        << "recharge" << recharge("R3", "5", 5) << int(None) << QJsonObject{{"tradeNo", ""}} << "1201"
        << "tradeNo";
    QTest::newRow("recharge time ahead") << "recharge" << recharge("R4", "5", 6) << int(None)
                                         << QJsonObject{{"rechargeTime", "2099-01-01 00:00:00"}} << "1202"
                                         << "rechargeTime";
    QJsonObject volumeZero = recharge("R5", "0.000", 14);
    volumeZero["rechargeType"] = "2"; // in the plain values: rechargeNum is built (and encrypted) as a volume
    QTest::newRow("volume recharge 0") << "recharge" << volumeZero << int(None) << QJsonObject{} << "1203"
                                       << "rechargeNum";
    QTest::newRow("ladder empty") << "changeprice" << changeprice(7) << int(None)
                                  << QJsonObject{{"priceLadderNum", ""}} << "1101"
                                  << "priceLadderNum";
    QTest::newRow("ladder 6") << "changeprice" << changeprice(8) << int(None)
                              << QJsonObject{{"priceLadderNum", "6"}} << "1102"
                              << "priceLadderNum";
    QTest::newRow("effective date past") << "changeprice" << changeprice(9) << int(None)
                                         << QJsonObject{{"effectiveDate", "2020-01-01"}} << "1103"
                                         << "effectiveDate";
    QTest::newRow("cycle start malformed") << "changeprice" << changeprice(10) << int(None)
                                           << QJsonObject{{"cycleStartDate", "2026-13-01 00:00:00"}} << "1104"
                                           << "cycleStartDate";
    QTest::newRow("price beyond ladder")
        << "changeprice" << changeprice(11) << int(None) << QJsonObject{{"price3", "4.0000"}} << "1105"
        << "price3";
    QTest::newRow("zero price") << "changeprice" << changeprice(12) << int(None)
                                << QJsonObject{{"price1", "0.0000"}} << "1105"
                                << "price1";
    QTest::newRow("levels not increasing")
        << "changeprice" << changeprice(13) << int(None) << QJsonObject{{"level2", "300.000"}} << "1106"
        << "level2";
}

void TestSimRejects::rejects()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, plain);
    QFETCH(int, mutation);
    QFETCH(QJsonObject, overrides);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const Answer a = post(name, plain, Mutation(mutation), overrides);
    QCOMPARE(a.status, 200);
    QCOMPARE(a.code(), code);
    if (!field.isEmpty())
        QVERIFY2(a.message().contains(field), qPrintable(a.message()));
    QTest::qWait(50);
    QVERIFY(m_receiver->got.isEmpty()); // a rejected command has no result upload
}

void TestSimRejects::controlRejectsUnknownSwitch()
{
    const Answer a = control({{"noSuchSwitch", true}});
    QCOMPARE(a.status, 400);
    QVERIFY(a.message().contains("noSuchSwitch"));
    const Answer b = control({{"noReply", "sometimes"}});
    QCOMPARE(b.status, 400);
    QCOMPARE(m_sim->faults().switches().noReply, NoReply::Off);
}

QTEST_GUILESS_MAIN(TestSimRejects)
#include "tst_sim_rejects.moc"
