// SPDX-License-Identifier: GPL-3.0-or-later
// The whole loop over real HTTP on 127.0.0.1: CommandService -> simulator's /prepose/ -> the meter's
// result posted by the simulator to the real upload listener -> store -> CommandService signal.
#include "client/batchrunner.h"
#include "client/commandservice.h"
#include "client/platformclient.h"
#include "server/uploadlistener.h"
#include "simulator.h"
#include "storage/store.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

namespace {

const Credentials creds{QStringLiteral("QC20230001"), QStringLiteral("0123456789abcdefSECRET")};

template<typename T>
T await(QFuture<T> f, int ms = 15000)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, ms))
        qFatal("future did not finish within %d ms", ms);
    return f.result();
}

QJsonObject obj(std::initializer_list<std::pair<const char *, const char *>> kv)
{
    QJsonObject o;
    for (const auto &[k, v] : kv)
        o.insert(QString::fromLatin1(k), QString::fromUtf8(v));
    return o;
}

qint64 handledCount(sim::Simulator &s)
{
    qint64 n = 0;
    for (qint64 c : s.endpoint().replyCounts())
        n += c;
    return n;
}

} // namespace

class TestCommandFlow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void everyCommandReachesItsEnd_data();
    void everyCommandReachesItsEnd();
    void duplicatedRechargeUpCreditsOnce();
    void droppedResultExpires();
    void platformDownEndsUnreachableAndNothingIsResent_data();
    void platformDownEndsUnreachableAndNothingIsResent();
    void rejectedKeepsThePlatformsMessage();
    void invalidCommandsNeverLeave();
    void batchOfThousandMeters();

private:
    void setUpWorld(int meters);
    bool waitFor(const QString &seq, CommandState s, int ms = 8000)
    {
        return QTest::qWaitFor([&] { return m_states.value(seq, CommandState::Queued) == s; }, ms);
    }
    QString stateText(const QString &seq) const { return commandStateName(m_states.value(seq, CommandState::Queued)); }
    CommandRecord sendOk(const QString &name, const QString &meterNo, const QJsonObject &params)
    {
        auto r = await(m_service->send(name, meterNo, params));
        if (!r)
            qWarning() << "send failed:" << r.error().code << r.error().path << r.error().detail;
        return r ? *r : CommandRecord();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Store> m_store;
    std::unique_ptr<UploadListener> m_listener;
    std::unique_ptr<sim::Simulator> m_sim;
    CommandService *m_service = nullptr;
    QHash<QString, CommandState> m_states;
    qint64 m_clockOffset = 0;
    PlatformSettings m_platform;
};

void TestCommandFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    StoreOptions so;
    so.database = m_dir->filePath(QStringLiteral("flow.sqlite"));
    auto opened = Store::open(so);
    QVERIFY2(opened.ok(), qPrintable(opened.error().detail));
    m_store = *opened;

    m_platform = PlatformSettings();
    m_platform.appId = creds.appId;
    m_platform.appSecret = creds.appSecret;
    m_platform.requestTimeoutSeconds = 2;
    ListenerSettings ls;
    ls.host = QStringLiteral("127.0.0.1");
    ls.port = 0;
    m_listener = std::make_unique<UploadListener>(m_store);
    auto address = await(m_listener->start(ls, m_platform));
    QVERIFY2(address.ok(), qPrintable(address.error().detail));

    sim::SimulatorConfig sc;
    sc.credentials = creds;
    sc.listenerBase = QUrl(address->url() + ls.pathPrefix);
    sc.resultDelayMs = 20;
    sc.retryDelayMs = 100;
    sc.logEachUpload = false;
    m_sim = std::make_unique<sim::Simulator>(sc);
    auto port = m_sim->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(port.ok(), qPrintable(port.error().detail));
    m_platform.baseUrl = m_sim->baseUrl();

    m_states.clear();
    m_clockOffset = 0;
    CommandServiceOptions o;
    o.platform = m_platform;
    o.commandTtlSeconds = 3600;
    o.expiryCheckIntervalMs = 100;
    m_service = new CommandService(m_store, o, this);
    m_service->setClock([this] { return QDateTime::currentSecsSinceEpoch() + m_clockOffset; });
    connect(m_service, &CommandService::stateChanged, this, [this](const QString &seq, CommandState s) { m_states.insert(seq, s); });
}

void TestCommandFlow::cleanup()
{
    delete m_service;
    m_service = nullptr;
    m_sim.reset();
    if (m_listener) {
        auto stopped = m_listener->stop();
        QVERIFY(QTest::qWaitFor([&] { return stopped.isFinished(); }, 5000));
    }
    m_listener.reset();
    m_store.reset();
    m_dir.reset();
}

// The same meters on both sides: the simulator's world and our registry.
void TestCommandFlow::setUpWorld(int meters)
{
    m_sim->world().generate(meters, QDateTime::currentSecsSinceEpoch() - 30 * 86400);
    QList<MeterInfo> rows;
    for (int i = 0; i < m_sim->world().size(); ++i) {
        const auto &id = m_sim->world().at(i).id;
        MeterInfo m;
        m.meterNo = id.meterNo;
        m.meterType = id.meterType;
        m.userNo = id.userNo;
        m.userName = id.userName;
        m.addrDes = id.addrDes;
        rows << m;
    }
    QVERIFY(await(m_store->upsertMeters(rows)).ok());
}

void TestCommandFlow::everyCommandReachesItsEnd_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("expected");
    const QString today = QDate::currentDate().addDays(-1).toString(QStringLiteral("yyMMdd"));
    const QString weekAgo = QDate::currentDate().addDays(-7).toString(QStringLiteral("yyMMdd"));
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
                                                {QStringLiteral("effectiveDate"), QDate::currentDate().addDays(2).toString(Qt::ISODate)},
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
}

void TestCommandFlow::platformDownEndsUnreachableAndNothingIsResent()
{
    QFETCH(QString, fault);
    QFETCH(QString, name);
    setUpWorld(1);
    auto f = m_sim->faults().switches();
    f.http500 = fault == u"http500";
    f.noReply = fault == u"hold" ? sim::NoReply::Hold : fault == u"close" ? sim::NoReply::Close : sim::NoReply::Off;
    f.holdMs = 4000;
    f.dropResults = true; // the meter's answer would otherwise overtake the lost reply (the meter did it)
    m_sim->faults().set(f);
    if (fault == u"down") {
        PlatformSettings s = m_service->platformClient()->settings();
        s.baseUrl = QStringLiteral("http://127.0.0.1:1");
        m_service->platformClient()->setSettings(s);
    }
    const QJsonObject params = name == u"recharge" ? obj({{"rechargeType", "1"}, {"rechargeNum", "10"}}) : obj({{"valveOperate", "1"}});
    const CommandRecord c = sendOk(name, QStringLiteral("SIM000001"), params);
    QVERIFY2(waitFor(c.commandSeq, CommandState::Unreachable, 6000), qPrintable(stateText(c.commandSeq)));
    const qint64 handled = handledCount(*m_sim);
    QTest::qWait(1500);
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

void TestCommandFlow::batchOfThousandMeters()
{
    const int n = 1000;
    setUpWorld(n);
    QElapsedTimer sinceStart;
    sinceStart.start();
    BatchRunner batch(m_service);
    batch.setMaxInFlight(8);
    QSignalSpy finished(&batch, &BatchRunner::finished);
    QVERIFY(batch.start(QStringLiteral("valveOperate"), m_sim->world().meterNos(), obj({{"valveOperate", "1"}}), QStringLiteral("batch")));
    QVERIFY(QTest::qWaitFor([&] { return finished.size() == 1; }, 25000));
    const BatchSummary s = batch.summary();
    QCOMPARE(s.total, n);
    QCOMPARE(s.settled, n);
    QCOMPARE(s.invalid, 0);
    for (const auto &r : batch.results()) {
        QVERIFY(!r.commandSeq.isEmpty());
        QVERIFY2(r.state == CommandState::Sent || r.state == CommandState::Succeeded, qPrintable(r.meterNo));
    }
    const double rate = s.commandsPerSecond();
    qInfo("batch: %d valveOperate commands to the simulator in %lld ms = %.0f commands/s (8 in flight)", n, s.elapsedMs, rate);
    // Every meter's state is in the database; the results keep arriving through the listener.
    CommandFilter cf;
    cf.batchId = batch.batchId();
    cf.limit = 1;
    QCOMPARE(m_store->commands(cf).value().total, n);
    const QByteArray csv = batch.toCsv();
    QCOMPARE(csv.count('\n'), n + 1);
    QVERIFY(QTest::qWaitFor([&] {
        int done = 0;
        for (const auto &r : batch.results())
            done += r.state == CommandState::Succeeded;
        return done == n;
    }, 20000));
    qInfo("batch: all %d results matched %lld ms after the start", n, sinceStart.elapsed());
}

QTEST_GUILESS_MAIN(TestCommandFlow)
#include "tst_commandflow.moc"
