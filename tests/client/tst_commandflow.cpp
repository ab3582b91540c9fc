// SPDX-License-Identifier: GPL-3.0-or-later
// The whole loop over real HTTP on 127.0.0.1: CommandService -> simulator's /prepose/ -> the meter's
// result posted by the simulator to the real upload listener -> store -> CommandService signal.
#include "flowfixture.h"

#include "core/timeformat.h"

using namespace md;
using namespace md::testing;

class TestCommandFlow : public FlowFixture
{
    Q_OBJECT
private slots:
    void init() { setUpFixture(); }
    void cleanup() { tearDownFixture(); }
    void everyCommandReachesItsEnd_data();
    void everyCommandReachesItsEnd();
    void duplicatedRechargeUpCreditsOnce();
    void droppedResultExpires();
    void platformDownEndsUnreachableAndNothingIsResent_data();
    void platformDownEndsUnreachableAndNothingIsResent();
    void rejectedKeepsThePlatformsMessage();
    void invalidCommandsNeverLeave();

};

void TestCommandFlow::everyCommandReachesItsEnd_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("expected");
    const QDate platformToday = PlatformTime().today(); // the simulator's zone, not the desk's
    const QString today = platformToday.addDays(-1).toString(QStringLiteral("yyMMdd"));
    const QString weekAgo = platformToday.addDays(-7).toString(QStringLiteral("yyMMdd"));
    QTest::newRow("valveOperate") << "valveOperate" << obj({{"valveOperate", "1"}}) << "succeeded";
    QTest::newRow("dataSupplement") << "dataSupplement"
                                    << QJsonObject{{QStringLiteral("beginDate"), weekAgo}, {QStringLiteral("endDate"), today}} << "succeeded";
    QTest::newRow("updatePriceAndBalance") << "updatePriceAndBalance" << obj({{"price", "3.2"}}) << "accepted";
    QTest::newRow("recharge") << "recharge" << obj({{"rechargeType", "1"}, {"rechargeNum", "50"}}) << "succeeded";
    QTest::newRow("cancelRecharge") << "cancelRecharge" << QJsonObject() << "succeeded"; // after a recharge, below
    QTest::newRow("changeprice") << "changeprice"
                                 << QJsonObject{{QStringLiteral("priceName"), QStringLiteral("civil")},
                                                {QStringLiteral("priceVersion"), QStringLiteral("v2")},
                                                {QStringLiteral("priceLadderNum"), QStringLiteral("3")},
                                                {QStringLiteral("effectiveDate"), platformToday.addDays(2).toString(Qt::ISODate)},
                                                {QStringLiteral("cycleStartDate"), QStringLiteral("2026-01-01 00:00:00")},
                                                {QStringLiteral("price0"), QStringLiteral("3.2")},
                                                {QStringLiteral("price1"), QStringLiteral("3.85")},
                                                {QStringLiteral("price2"), QStringLiteral("4.8")},
                                                {QStringLiteral("level1"), QStringLiteral("200")},
                                                {QStringLiteral("level2"), QStringLiteral("400")}}
                                 << "succeeded";
    QTest::newRow("getParameter") << "getParameter" << QJsonObject() << "succeeded";
    QTest::newRow("setParameter") << "setParameter" << obj({{"upCycle", "0"}, {"upDay", "2"}}) << "accepted";
    QTest::newRow("meterInfo") << "meterInfo" << obj({{"meterOperation", "modify"}}) << "accepted";
}

void TestCommandFlow::everyCommandReachesItsEnd()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(QString, expected);
    setUpWorld(2);
    const QString meter = QStringLiteral("SIM000001");
    if (name == u"cancelRecharge") {
        const CommandRecord recharge = sendOk(QStringLiteral("recharge"), meter, obj({{"rechargeType", "1"}, {"rechargeNum", "30"}}));
        QVERIFY2(waitFor(recharge.commandSeq, CommandState::Succeeded), qPrintable(stateText(recharge.commandSeq)));
        params = QJsonObject{{QStringLiteral("tradeNo"), recharge.tradeNo}, {QStringLiteral("rechargeNum"), QStringLiteral("30")}};
    }
    const CommandRecord c = sendOk(name, meter, params);
    QVERIFY(!c.commandSeq.isEmpty());
    const auto want = commandStateFromName(expected);
    QVERIFY2(waitFor(c.commandSeq, *want), qPrintable(stateText(c.commandSeq)));
    const CommandRecord stored = m_store->commandBySeq(c.commandSeq).value().value();
    QCOMPARE(commandStateName(stored.state), expected);
    // The platform's 0000 is recorded unless the meter's result overtook it (cancelRecharge answers at
    // once): then the row went straight from queued to its result, which is the state that matters.
    if (!stored.returnCode.isEmpty())
        QCOMPARE(stored.returnCode, QStringLiteral("0000"));
    if (expected == u"succeeded")
        QCOMPARE(stored.resultCode.isEmpty() ? QStringLiteral("00") : stored.resultCode, QStringLiteral("00"));
}

void TestCommandFlow::duplicatedRechargeUpCreditsOnce()
{
    setUpWorld(1);
    auto f = m_sim->faults().switches();
    f.duplicateResults = true;
    m_sim->faults().set(f);
    const CommandRecord c = sendOk(QStringLiteral("recharge"), QStringLiteral("SIM000001"), obj({{"rechargeType", "1"}, {"rechargeNum", "88.8"}}));
    QVERIFY2(waitFor(c.commandSeq, CommandState::Succeeded), qPrintable(stateText(c.commandSeq)));
    // Both deliveries reach the listener (journaled), the ledger credits the tradeNo once.
    JournalFilter jf;
    jf.endpoint = QStringLiteral("rechargeUp");
    jf.direction = JournalDirection::Inbound;
    QVERIFY(QTest::qWaitFor([&] { return m_store->journalPage(jf).value().rows.size() >= 2; }, 5000));
    const auto ledger = m_store->rechargeLedger(QStringLiteral("SIM000001")).value();
    QCOMPARE(ledger.size(), 1);
    QVERIFY(ledger.first().creditedAt > 0);
    QVERIFY(m_store->isTradeNoCredited(c.tradeNo).value());
    const auto numbers = m_store->nextRechargeNumbers(QStringLiteral("SIM000001"), Money::parse(u"1").value()).value();
    QCOMPARE(numbers.creditedCount, 1);
    QCOMPARE(numbers.creditedTotal.toString(), QStringLiteral("88.8000"));
    QCOMPARE(numbers.rechargeCount, 2);
}

void TestCommandFlow::droppedResultExpires()
{
    setUpWorld(1);
    auto f = m_sim->faults().switches();
    f.dropResults = true;
    m_sim->faults().set(f);
    const CommandRecord c = sendOk(QStringLiteral("valveOperate"), QStringLiteral("SIM000001"), obj({{"valveOperate", "0"}}));
    QVERIFY(waitFor(c.commandSeq, CommandState::Sent));
    QTest::qWait(300);
    QCOMPARE(stateText(c.commandSeq), QStringLiteral("sent"));
    m_clockOffset = 3601; // the TTL (one hour here) passes without a result
    QVERIFY2(waitFor(c.commandSeq, CommandState::Expired), qPrintable(stateText(c.commandSeq)));
}

void TestCommandFlow::platformDownEndsUnreachableAndNothingIsResent_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("name");
    QTest::newRow("http 500, recharge") << "http500" << "recharge";
    QTest::newRow("no reply, valve") << "hold" << "valveOperate";
    QTest::newRow("connection dropped, recharge") << "close" << "recharge";
    QTest::newRow("nobody listening, recharge") << "down" << "recharge";
    QTest::newRow("HTML page, recharge") << "html" << "recharge";
    QTest::newRow("half a JSON, valve") << "halfjson" << "valveOperate";
    QTest::newRow("hangs past the timeout, recharge") << "hang" << "recharge";
}

void TestCommandFlow::platformDownEndsUnreachableAndNothingIsResent()
{
    QFETCH(QString, fault);
    QFETCH(QString, name);
    setUpWorld(1);
    auto f = m_sim->faults().switches();
    f.http500 = fault == u"http500";
    f.noReply = fault == u"hold"       ? sim::NoReply::Hold
                : fault == u"close"    ? sim::NoReply::Close
                : fault == u"html"     ? sim::NoReply::Html
                : fault == u"halfjson" ? sim::NoReply::HalfJson
                                       : sim::NoReply::Off;
    f.holdMs = 4000;
    // A platform that hangs (6 s here, three times the client's configured 2 s timeout; the
    // simulator's pool would hold the teardown for a real minute): the client gives up on its own.
    if (fault == u"hang")
        f.replyDelayMs = 6000;
    f.dropResults = true; // the meter's answer would otherwise overtake the lost reply (the meter did it)
    m_sim->faults().set(f);
    if (fault == u"down") {
        PlatformSettings s = m_service->platformClient()->settings();
        s.baseUrl = QStringLiteral("http://127.0.0.1:1");
        m_service->platformClient()->setSettings(s);
    }
    const QJsonObject params = name == u"recharge" ? obj({{"rechargeType", "1"}, {"rechargeNum", "10"}}) : obj({{"valveOperate", "1"}});
    const qint64 before = handledCount(*m_sim);
    const CommandRecord c = sendOk(name, QStringLiteral("SIM000001"), params);
    QVERIFY2(waitFor(c.commandSeq, CommandState::Unreachable, 6000), qPrintable(stateText(c.commandSeq)));
    const qint64 handled = handledCount(*m_sim);
    // The request reached the platform at most once: Qt's HTTP stack must not repeat a POST whose
    // connection was closed without an answer (a recharge never leaves twice by accident).
    QVERIFY2(handled - before <= 1, qPrintable(QStringLiteral("the platform saw the command %1 times").arg(handled - before)));
    QTest::qWait(700);
    QCOMPARE(handledCount(*m_sim), handled); // nothing went out again by itself
    QCOMPARE(m_store->commandBySeq(c.commandSeq).value()->state, CommandState::Unreachable);
    CommandFilter cf;
    QCOMPARE(m_store->commands(cf).value().total, 1);
}

void TestCommandFlow::rejectedKeepsThePlatformsMessage()
{
    setUpWorld(1);
    // Known to us, unknown to the platform: it answers 1003 and its words are kept.
    MeterInfo m;
    m.meterNo = QStringLiteral("ONLYOURS1");
    m.meterType = QStringLiteral("QC-G4");
    m.userNo = QStringLiteral("U1");
    m.addrDes = QStringLiteral("Nowhere 1");
    QVERIFY(await(m_store->upsertMeters({m})).ok());
    const CommandRecord c = sendOk(QStringLiteral("valveOperate"), m.meterNo, obj({{"valveOperate", "1"}}));
    QVERIFY2(waitFor(c.commandSeq, CommandState::Rejected), qPrintable(stateText(c.commandSeq)));
    const CommandRecord stored = m_store->commandBySeq(c.commandSeq).value().value();
    QCOMPARE(stored.returnCode, QStringLiteral("1003"));
    QVERIFY2(stored.returnMessage.startsWith(QStringLiteral("表具编号不存在")), qPrintable(stored.returnMessage));
}

void TestCommandFlow::invalidCommandsNeverLeave()
{
    setUpWorld(1);
    const QString meter = QStringLiteral("SIM000001");
    const QList<QPair<QString, QJsonObject>> bad{
        {QStringLiteral("changeprice"), obj({{"priceName", "x"}, {"priceVersion", "1"}, {"priceLadderNum", "3"}, {"effectiveDate", "2099-01-01"},
                                             {"price0", "3"}, {"price1", "4"}, {"price2", "5"}, {"level1", "300"}, {"level2", "200"}})},
        {QStringLiteral("changeprice"), obj({{"priceName", "x"}, {"priceVersion", "1"}, {"priceLadderNum", "9"}, {"effectiveDate", "2099-01-01"}, {"price0", "3"}})},
        {QStringLiteral("recharge"), obj({{"rechargeType", "1"}, {"rechargeNum", "-10"}})},
        {QStringLiteral("recharge"), obj({{"rechargeType", "1"}, {"rechargeNum", "10.00001"}})},
    };
    for (const auto &[name, params] : bad) {
        auto r = await(m_service->send(name, meter, params));
        QVERIFY(!r.ok());
    }
    QTest::qWait(200);
    QCOMPARE(handledCount(*m_sim), 0); // the platform saw nothing
    CommandFilter cf;
    QCOMPARE(m_store->commands(cf).value().total, 0);
}

QTEST_GUILESS_MAIN(TestCommandFlow)
#include "tst_commandflow.moc"
