// SPDX-License-Identifier: GPL-3.0-or-later
// CommandService with a real SQLite store and a tiny platform on 127.0.0.1: registry filling,
// persist-before-send, outcomes, results arriving through the store, expiry, cancel, resend,
// idempotency, recharge rules, and a second process following through the shared database.
#include "fakeplatform.h"

#include "client/commandservice.h"
#include "client/platformclient.h"
#include "core/dictionary.h"
#include "protocol/security.h"
#include "storage/changefeed.h"
#include "storage/store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace md;
using md::testing::FakePlatform;

namespace {

template<typename T>
T await(QFuture<T> f, int ms = 10000)
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

} // namespace

class TestCommandService : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void sendFillsRegistryAndPersistsBeforeSending();
    void outcomeStates_data();
    void outcomeStates();
    void invalidNeverLeaves_data();
    void invalidNeverLeaves();
    void resultUploadFinishesCommand_data();
    void resultUploadFinishesCommand();
    void rechargeNumbersAndOnePendingAtATime();
    void volumeRechargesKeepTheirOwnTotalAndUnit();
    void setParameterSendsCanonicalAmounts();
    void billingUnitBeforeTheFirstRecharge_data();
    void billingUnitBeforeTheFirstRecharge();
    void unreachableRechargeStaysAndResendKeepsTradeNo();
    void sameSubmissionNeverTwice();
    void expiresAfterTtl();
    void cancelOnlyWhileQueued();
    void otherProcessSeesChanges();

private:
    CommandService *makeService(const QString &baseUrl, CommandServiceOptions o = {});
    CommandState stateOf(const QString &seq) const { return m_states.value(seq, CommandState::Queued); }
    bool waitFor(const QString &seq, CommandState s, int ms = 5000)
    {
        return QTest::qWaitFor([&] { return m_states.value(seq, CommandState::Queued) == s; }, ms);
    }
    qint64 commandCount() const
    {
        CommandFilter f;
        return m_store->commands(f).value().total;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    std::shared_ptr<Store> m_store;
    std::unique_ptr<FakePlatform> m_platform;
    CommandService *m_service = nullptr;
    QHash<QString, CommandState> m_states;
    qint64 m_clockOffset = 0;
};

CommandService *TestCommandService::makeService(const QString &baseUrl, CommandServiceOptions o)
{
    o.platform.baseUrl = baseUrl;
    o.platform.appId = QStringLiteral("QC20230001");
    o.platform.appSecret = QStringLiteral("0123456789abcdefSECRET");
    o.platform.requestTimeoutSeconds = 2;
    auto *service = new CommandService(m_store, o, this);
    service->setClock([this] { return QDateTime::currentSecsSinceEpoch() + m_clockOffset; });
    connect(service, &CommandService::stateChanged, this,
            [this](const QString &seq, CommandState s) { m_states.insert(seq, s); });
    return service;
}

void TestCommandService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(QStringLiteral("c.sqlite"));
    StoreOptions so;
    so.database = m_db;
    auto opened = Store::open(so);
    QVERIFY2(opened.ok(), qPrintable(opened.error().detail));
    m_store = *opened;
    QList<MeterInfo> meters;
    for (const char *no : {"M001", "M002", "M003"}) {
        MeterInfo m;
        m.meterNo = QString::fromLatin1(no);
        m.meterType = QStringLiteral("NB-G4");
        m.userNo = QStringLiteral("U") + m.meterNo;
        m.addrDes = QStringLiteral("Road ") + m.meterNo;
        meters << m;
    }
    QVERIFY(await(m_store->upsertMeters(meters)).ok());
    m_platform = std::make_unique<FakePlatform>();
    m_states.clear();
    m_clockOffset = 0;
    m_service = makeService(m_platform->baseUrl());
}

void TestCommandService::cleanup()
{
    delete m_service;
    m_service = nullptr;
    m_platform.reset();
    m_store.reset();
    m_dir.reset();
}

void TestCommandService::sendFillsRegistryAndPersistsBeforeSending()
{
    QSignalSpy changed(m_service, &CommandService::commandChanged);
    auto r = await(m_service->send(QStringLiteral("valveOperate"), QStringLiteral("M001"), obj({{"valveOperate", "1"}}), QStringLiteral("alice")));
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QCOMPARE(r->state, CommandState::Queued);
    QCOMPARE(r->commandSeq.size(), 20);
    QCOMPARE(r->operatorName, QStringLiteral("alice"));
    QCOMPARE(r->params.value(u"meterType").toString(), QStringLiteral("NB-G4"));
    // The row exists (queued) before the request went out: it was announced as queued first.
    QVERIFY(waitFor(r->commandSeq, CommandState::Sent));
    QVERIFY(changed.size() >= 2);
    QCOMPARE(changed.first().first().value<CommandRecord>().state, CommandState::Queued);
    QCOMPARE(m_platform->seen.size(), 1);
    const QJsonObject body = m_platform->seen.first().body;
    QCOMPARE(body.value(u"commandSeq").toString(), r->commandSeq);
    QCOMPARE(body.value(u"meterType").toString(), QStringLiteral("NB-G4"));
    QCOMPARE(body.value(u"valveOperate").toString(), QStringLiteral("1"));
    auto row = m_store->commandBySeq(r->commandSeq);
    QVERIFY(row.ok() && row->has_value());
    QCOMPARE((*row)->state, CommandState::Sent);
    QCOMPARE((*row)->attempts, 1);
    QVERIFY((*row)->sentAt > 0);
    QCOMPARE((*row)->returnCode, QStringLiteral("0000"));
}

void TestCommandService::outcomeStates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    const QJsonObject valve = obj({{"valveOperate", "0"}});
    QTest::newRow("valve sent") << "valveOperate" << valve << 200 << "0000" << "sent";
    QTest::newRow("setParameter accepted") << "setParameter" << obj({{"upDay", "5"}}) << 200 << "0000" << "accepted";
    QTest::newRow("meterInfo accepted") << "meterInfo" << obj({{"meterOperation", "modify"}}) << 200 << "0000" << "accepted";
    QTest::newRow("price accepted") << "updatePriceAndBalance" << obj({{"price", "3.2"}, {"balanceAmt", "12.5"}}) << 200 << "0000" << "accepted";
    QTest::newRow("rejected") << "valveOperate" << valve << 200 << "9005" << "rejected";
    QTest::newRow("5xx unreachable") << "valveOperate" << valve << 502 << "" << "unreachable";
}

void TestCommandService::outcomeStates()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, expected);
    m_platform->status = status;
    m_platform->returnCode = code;
    m_platform->returnMessage = QStringLiteral("当前表具不支持此交易 (sim)");
    auto r = await(m_service->send(name, QStringLiteral("M002"), params));
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    const auto want = commandStateFromName(expected);
    QVERIFY(want);
    QVERIFY2(waitFor(r->commandSeq, *want), qPrintable(commandStateName(stateOf(r->commandSeq))));
    auto row = m_store->commandBySeq(r->commandSeq).value();
    QCOMPARE(commandStateName(row->state), expected);
    if (expected == u"rejected") {
        QCOMPARE(row->returnCode, code);
        QCOMPARE(row->returnMessage, QStringLiteral("当前表具不支持此交易 (sim)"));
    }
    // Nothing is resent by itself, whatever the outcome.
    QTest::qWait(300);
    QCOMPARE(m_platform->seen.size(), 1);
}

void TestCommandService::invalidNeverLeaves_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("meterNo");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    const QJsonObject ladder = obj({{"priceName", "civil"}, {"priceVersion", "v2"}, {"priceLadderNum", "2"},
                                    {"effectiveDate", "2099-01-01"}, {"cycleStartDate", "2026-01-01 00:00:00"}, {"price0", "3.2"}, {"price1", "3.8"}, {"level1", "200"}});
    QJsonObject bad = ladder;
    bad.insert(QStringLiteral("priceLadderNum"), QStringLiteral("7"));
    QTest::newRow("ladder count") << "changeprice" << "M001" << bad << "1102" << "priceLadderNum";
    bad = ladder;
    bad.insert(QStringLiteral("price1"), QStringLiteral("0"));
    QTest::newRow("ladder price") << "changeprice" << "M001" << bad << "1105" << "price1";
    bad = ladder;
    bad.insert(QStringLiteral("effectiveDate"), QStringLiteral("2000-01-01"));
    QTest::newRow("ladder date") << "changeprice" << "M001" << bad << "1103" << "effectiveDate";
    QTest::newRow("recharge zero") << "recharge" << "M001" << obj({{"rechargeType", "1"}, {"rechargeNum", "0.0000"}}) << "1203" << "rechargeNum";
    QTest::newRow("recharge time") << "recharge" << "M001" << obj({{"rechargeType", "1"}, {"rechargeNum", "5"}, {"rechargeTime", "2099-01-01 00:00:00"}}) << "1202" << "rechargeTime";
    QTest::newRow("unknown meter") << "valveOperate" << "M999" << obj({{"valveOperate", "1"}}) << "1003" << "meterNo";
    QTest::newRow("no meter") << "valveOperate" << "" << obj({{"valveOperate", "1"}}) << "9002" << "meterNo";
    QTest::newRow("unknown command") << "explode" << "M001" << QJsonObject() << "9002" << "name";
}

void TestCommandService::invalidNeverLeaves()
{
    QFETCH(QString, name);
    QFETCH(QString, meterNo);
    QFETCH(QJsonObject, params);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QSignalSpy failed(m_service, &CommandService::sendFailed);
    auto r = await(m_service->send(name, meterNo, params));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QCOMPARE(r.error().path, path);
    QCOMPARE(failed.size(), 1);
    QTest::qWait(100);
    QCOMPARE(m_platform->seen.size(), 0);
    QCOMPARE(commandCount(), 0);
    QCOMPARE(m_service->pendingSubmissions(), 0);
}

void TestCommandService::resultUploadFinishesCommand_data()
{
    QTest::addColumn<QString>("upload");
    QTest::addColumn<QString>("resultCode");
    QTest::addColumn<CommandState>("expected");
    QTest::newRow("00 succeeded") << "closeVResult" << "00" << CommandState::Succeeded;
    QTest::newRow("01 failed") << "closeVResult" << "01" << CommandState::Failed;
}

void TestCommandService::resultUploadFinishesCommand()
{
    QFETCH(QString, upload);
    QFETCH(QString, resultCode);
    QFETCH(CommandState, expected);
    auto r = await(m_service->send(QStringLiteral("valveOperate"), QStringLiteral("M001"), obj({{"valveOperate", "1"}})));
    QVERIFY(r.ok());
    QVERIFY(waitFor(r->commandSeq, CommandState::Sent));
    // What the listener's transaction does when the meter's result arrives.
    UploadWrite w;
    w.journal.at = QDateTime::currentMSecsSinceEpoch();
    w.journal.endpoint = upload;
    w.journal.body = "{}";
    w.journal.returnCode = QStringLiteral("0000");
    w.journal.httpStatus = 200;
    CommandResult result;
    result.uploadName = upload;
    result.commandSeq = r->commandSeq;
    result.meterNo = QStringLiteral("M001");
    result.resultCode = resultCode;
    result.receivedAt = QDateTime::currentSecsSinceEpoch();
    w.result = result;
    QVERIFY(await(m_store->submit(w)).ok);
    QVERIFY2(waitFor(r->commandSeq, expected), qPrintable(commandStateName(stateOf(r->commandSeq))));
}

void TestCommandService::rechargeNumbersAndOnePendingAtATime()
{
    auto r = await(m_service->send(QStringLiteral("recharge"), QStringLiteral("M001"), obj({{"rechargeType", "1"}, {"rechargeNum", "100.5"}})));
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QVERIFY(r->tradeNo.startsWith(u'R'));
    QCOMPARE(r->tradeNo.size(), 21);
    QCOMPARE(r->params.value(u"rechargeCount").toString(), QStringLiteral("1"));
    QCOMPARE(r->params.value(u"totalRechargeAmt").toString(), QStringLiteral("100.5000"));
    QVERIFY(!r->params.value(u"rechargeTime").toString().isEmpty());
    QVERIFY(waitFor(r->commandSeq, CommandState::Sent));
    const QJsonObject body = m_platform->seen.first().body;
    QCOMPARE(body.value(u"tradeNo").toString(), r->tradeNo);
    QVERIFY(body.value(u"totalRechargeAmt").toString() != u"100.5000"); // encrypted on the wire
    // A second recharge while the first waits for its result would repeat rechargeCount 1: refused.
    auto second = await(m_service->send(QStringLiteral("recharge"), QStringLiteral("M001"), obj({{"rechargeType", "1"}, {"rechargeNum", "5"}})));
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, kRechargePendingCode); // ours, not a platform code (9005 means "not supported")
    QVERIFY(Dictionary::returnCodeText(second.error().code).isEmpty());
    QCOMPARE(m_platform->seen.size(), 1);
    // Another meter is not held up.
    auto other = await(m_service->send(QStringLiteral("recharge"), QStringLiteral("M002"), obj({{"rechargeType", "1"}, {"rechargeNum", "5"}})));
    QVERIFY(other.ok());
    QVERIFY(other->tradeNo != r->tradeNo);
}

// A meter billed by gas volume: its recharges add up in m3, never into the yuan total, and once a
// credited recharge says how the meter is billed, one in the other unit is refused before it leaves.
void TestCommandService::volumeRechargesKeepTheirOwnTotalAndUnit()
{
    auto first = await(m_service->send(QStringLiteral("recharge"), QStringLiteral("M003"), obj({{"rechargeType", "2"}, {"rechargeNum", "10.1"}})));
    QVERIFY2(first.ok(), qPrintable(first.error().message()));
    QCOMPARE(first->params.value(u"totalRechargeAmt").toString(), QStringLiteral("10.100"));
    QVERIFY(waitFor(first->commandSeq, CommandState::Sent));
    // The meter credits it (what the listener writes for a rechargeUp with 00).
    UploadWrite w;
    w.journal.at = QDateTime::currentMSecsSinceEpoch();
    w.journal.endpoint = QStringLiteral("rechargeUp");
    w.journal.body = "{}";
    w.journal.returnCode = QStringLiteral("0000");
    w.journal.httpStatus = 200;
    CommandResult result;
    result.uploadName = QStringLiteral("rechargeUp");
    result.commandSeq = first->commandSeq;
    result.meterNo = QStringLiteral("M003");
    result.resultCode = QStringLiteral("00");
    result.receivedAt = QDateTime::currentSecsSinceEpoch();
    w.result = result;
    RechargeResult credit;
    credit.tradeNo = first->tradeNo;
    credit.meterNo = QStringLiteral("M003");
    credit.commandSeq = first->commandSeq;
    credit.rechargeNum = Money::parse(u"10.1").value();
    credit.resultCode = QStringLiteral("00");
    credit.receivedAt = result.receivedAt;
    w.recharge = credit;
    QVERIFY(await(m_store->submit(w)).ok);
    QVERIFY(waitFor(first->commandSeq, CommandState::Succeeded));

    const int seen = m_platform->seen.size();
    auto money = await(m_service->send(QStringLiteral("recharge"), QStringLiteral("M003"), obj({{"rechargeType", "1"}, {"rechargeNum", "50"}})));
    QVERIFY(!money.ok());
    QCOMPARE(money.error().code, kRechargeUnitMismatchCode);
    QCOMPARE(money.error().path, QStringLiteral("rechargeType"));
    QCOMPARE(m_platform->seen.size(), seen); // nothing sent

    auto second = await(m_service->send(QStringLiteral("recharge"), QStringLiteral("M003"), obj({{"rechargeType", "2"}, {"rechargeNum", "2.25"}})));
    QVERIFY2(second.ok(), qPrintable(second.error().message()));
    QCOMPARE(second->params.value(u"rechargeCount").toString(), QStringLiteral("2"));
    QCOMPARE(second->params.value(u"totalRechargeAmt").toString(), QStringLiteral("12.350")); // m3, not yuan
    auto ledger = m_store->rechargeLedger(QStringLiteral("M003"));
    QVERIFY(ledger.ok());
    QCOMPARE(ledger->first().volume.units(), qint64(10100));
    QCOMPARE(ledger->first().amount.units(), qint64(0));
    QCOMPARE(ledger->first().wireNumber(), QStringLiteral("10.100"));
}

// alarmOne / alarmTwo / overdraft leave in the spec's canonical form (4 decimals), not as typed.
void TestCommandService::setParameterSendsCanonicalAmounts()
{
    auto r = await(m_service->send(QStringLiteral("setParameter"), QStringLiteral("M001"),
                                   obj({{"alarmOne", "10"}, {"alarmTwo", "5.5"}, {"overdraft", "0"}})));
    QVERIFY2(r.ok(), qPrintable(r.error().message()));
    QTRY_COMPARE(m_platform->seen.size(), 1);
    const QJsonObject body = m_platform->seen.first().body;
    QCOMPARE(body.value(u"alarmOne").toString(), QStringLiteral("10.0000"));
    QCOMPARE(body.value(u"alarmTwo").toString(), QStringLiteral("5.5000"));
    QCOMPARE(body.value(u"overdraft").toString(), QStringLiteral("0.0000"));
}

void TestCommandService::billingUnitBeforeTheFirstRecharge_data()
{
    QTest::addColumn<QString>("source"); // registry / reported
    QTest::addColumn<QString>("unit");   // how the meter is billed
    QTest::addColumn<QString>("rechargeType");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<QString>("alarmOneSent");
    QTest::newRow("registry volume, by amount") << "registry" << "volume" << "1" << true << "10.000";
    QTest::newRow("registry volume, by volume") << "registry" << "volume" << "2" << false << "10.000";
    QTest::newRow("registry money, by volume") << "registry" << "money" << "2" << true << "10.0000";
    QTest::newRow("reports meterBalanceQty, by amount") << "reported" << "volume" << "1" << true << "10.000";
    QTest::newRow("reports meterBalanceAmt, by volume") << "reported" << "money" << "2" << true << "10.0000";
    QTest::newRow("nothing says, by volume") << "none" << "" << "2" << false << "10.0000";
}

// A meter's billing unit (金额表 / 气量表) from the registry (import column, by hand) or from what the
// meter reports (meterBalanceAmt / meterBalanceQty): a recharge in the other unit is refused before
// anything is sent, on the meter's first recharge too; setParameter's amounts follow the unit.
void TestCommandService::billingUnitBeforeTheFirstRecharge()
{
    QFETCH(QString, source);
    QFETCH(QString, unit);
    QFETCH(QString, rechargeType);
    QFETCH(bool, refused);
    QFETCH(QString, alarmOneSent);
    const QString meter = QStringLiteral("M002");
    if (source == u"registry") {
        MeterInfo m = m_store->meterSummary(meter)->value().info;
        m.billingUnit = *parseBillingUnit(unit);
        QVERIFY(await(m_store->upsertMeters({m})).ok());
        QCOMPARE(m_store->meterSummary(meter)->value().info.billingUnit, m.billingUnit);
        // A later import without the column keeps it.
        m.billingUnit = BillingUnit::Unknown;
        QVERIFY(await(m_store->upsertMeters({m})).ok());
        QCOMPARE(m_store->meterSummary(meter)->value().info.billingUnit, *parseBillingUnit(unit));
    } else if (source == u"reported") {
        UploadWrite w;
        w.journal.at = QDateTime::currentMSecsSinceEpoch();
        w.journal.endpoint = QStringLiteral("meterDataUp");
        w.journal.body = "{}";
        Reading r;
        r.meterNo = meter;
        r.dataTime = QDateTime::currentSecsSinceEpoch() - 3600;
        r.readingNum = *Volume::parse(u"12.5");
        if (unit == u"volume")
            r.meterBalanceQty = *Volume::parse(u"40");
        else
            r.meterBalanceAmt = *Money::parse(u"40");
        w.readings << r;
        QVERIFY(await(m_store->submit(w)).ok);
    }

    auto r = await(m_service->send(QStringLiteral("recharge"), meter,
                                   obj({{"rechargeType", rechargeType == u"2" ? "2" : "1"}, {"rechargeNum", "10"}})));
    QCOMPARE(!r.ok(), refused);
    if (refused) {
        QCOMPARE(r.error().code, kRechargeUnitMismatchCode);
        QCOMPARE(r.error().path, QStringLiteral("rechargeType"));
        QTest::qWait(50);
        QCOMPARE(m_platform->seen.size(), 0); // nothing left
    } else {
        QTRY_COMPARE(m_platform->seen.size(), 1); // the recharge reached the platform
    }

    const int seen = m_platform->seen.size();
    auto p = await(m_service->send(QStringLiteral("setParameter"), meter, obj({{"alarmOne", "10"}})));
    QVERIFY2(p.ok(), qPrintable(p.error().message()));
    QTRY_COMPARE(m_platform->seen.size(), seen + 1);
    QCOMPARE(m_platform->seen.last().body.value(u"alarmOne").toString(), alarmOneSent);
}

void TestCommandService::unreachableRechargeStaysAndResendKeepsTradeNo()
{
    delete m_service;
    m_service = makeService(m_platform->refusedUrl());
    auto r = await(m_service->send(QStringLiteral("recharge"), QStringLiteral("M003"), obj({{"rechargeType", "1"}, {"rechargeNum", "20"}})));
    QVERIFY(r.ok());
    QVERIFY(waitFor(r->commandSeq, CommandState::Unreachable));
    // The platform comes back: nothing goes out by itself.
    PlatformSettings s = m_service->platformClient()->settings();
    s.baseUrl = m_platform->baseUrl();
    m_service->platformClient()->setSettings(s);
    QTest::qWait(500);
    QCOMPARE(m_platform->seen.size(), 0);
    QCOMPARE(m_store->commandBySeq(r->commandSeq).value()->state, CommandState::Unreachable);
    // The operator resends: a new commandSeq, the same tradeNo, count and amount.
    auto again = await(m_service->resend(r->commandSeq, QStringLiteral("bob")));
    QVERIFY2(again.ok(), qPrintable(again.error().message()));
    QVERIFY(again->commandSeq != r->commandSeq);
    QCOMPARE(again->tradeNo, r->tradeNo);
    QCOMPARE(again->params.value(u"rechargeCount"), r->params.value(u"rechargeCount"));
    QCOMPARE(again->params.value(u"rechargeNum"), r->params.value(u"rechargeNum"));
    QCOMPARE(again->operatorName, QStringLiteral("bob"));
    QVERIFY(waitFor(again->commandSeq, CommandState::Sent));
    QCOMPARE(m_platform->seen.size(), 1);
    QCOMPARE(m_platform->seen.first().body.value(u"tradeNo").toString(), r->tradeNo);
    // A double click on "resend" gives the same new command, not a third.
    auto twice = await(m_service->resend(r->commandSeq));
    QVERIFY(twice.ok());
    QCOMPARE(twice->commandSeq, again->commandSeq);
    QTest::qWait(200);
    QCOMPARE(m_platform->seen.size(), 1);
    // A sent command cannot be resent.
    auto refused = await(m_service->resend(again->commandSeq));
    QVERIFY(!refused.ok());
}

void TestCommandService::sameSubmissionNeverTwice()
{
    const QString key = QUuid::createUuid().toString();
    auto f1 = m_service->send(QStringLiteral("valveOperate"), QStringLiteral("M001"), obj({{"valveOperate", "2"}}), {}, key);
    auto f2 = m_service->send(QStringLiteral("valveOperate"), QStringLiteral("M001"), obj({{"valveOperate", "2"}}), {}, key);
    auto r1 = await(f1);
    auto r2 = await(f2);
    QVERIFY(r1.ok() && r2.ok());
    QCOMPARE(r1->commandSeq, r2->commandSeq);
    QVERIFY(waitFor(r1->commandSeq, CommandState::Sent));
    auto r3 = await(m_service->send(QStringLiteral("valveOperate"), QStringLiteral("M001"), obj({{"valveOperate", "2"}}), {}, key));
    QCOMPARE(r3->commandSeq, r1->commandSeq);
    QTest::qWait(200);
    QCOMPARE(m_platform->seen.size(), 1);
    QCOMPARE(commandCount(), 1);
    // A refused submission frees its key: the corrected form goes through with the same key.
    const QString formKey = QUuid::createUuid().toString();
    auto bad = await(m_service->send(QStringLiteral("valveOperate"), QStringLiteral("M002"), obj({{"valveOperate", "9"}}), {}, formKey));
    QVERIFY(!bad.ok());
    auto fixed = await(m_service->send(QStringLiteral("valveOperate"), QStringLiteral("M002"), obj({{"valveOperate", "0"}}), {}, formKey));
    QVERIFY2(fixed.ok(), qPrintable(fixed.error().message()));
    QCOMPARE(commandCount(), 2);
}

void TestCommandService::expiresAfterTtl()
{
    delete m_service;
    CommandServiceOptions o;
    o.commandTtlSeconds = 60;
    o.expiryCheckIntervalMs = 100;
    m_service = makeService(m_platform->baseUrl(), o);
    auto r = await(m_service->send(QStringLiteral("getParameter"), QStringLiteral("M001"), {}));
    QVERIFY(r.ok());
    QVERIFY(waitFor(r->commandSeq, CommandState::Sent));
    QTest::qWait(300);
    QCOMPARE(stateOf(r->commandSeq), CommandState::Sent); // not before the TTL
    m_clockOffset = 120; // two minutes later
    QVERIFY(waitFor(r->commandSeq, CommandState::Expired));
}

void TestCommandService::cancelOnlyWhileQueued()
{
    // A row left queued (e.g. by a process that stopped before sending) may be cancelled.
    CommandRecord left;
    left.commandSeq = await(m_store->allocateCommandSeq(QDateTime::currentSecsSinceEpoch())).value();
    left.name = QStringLiteral("valveOperate");
    left.meterNo = QStringLiteral("M001");
    left.params = obj({{"meterNo", "M001"}, {"meterType", "NB-G4"}, {"valveOperate", "1"}});
    QVERIFY(await(m_store->insertCommand(left)).ok());
    auto c = await(m_service->cancel(left.commandSeq));
    QVERIFY2(c.ok(), qPrintable(c.error().detail));
    QCOMPARE(c->state, CommandState::Cancelled);
    QCOMPARE(stateOf(left.commandSeq), CommandState::Cancelled);
    // A sent one may not.
    auto r = await(m_service->send(QStringLiteral("valveOperate"), QStringLiteral("M001"), obj({{"valveOperate", "1"}})));
    QVERIFY(waitFor(r->commandSeq, CommandState::Sent));
    auto refused = await(m_service->cancel(r->commandSeq));
    QVERIFY(!refused.ok());
    QCOMPARE(m_store->commandBySeq(r->commandSeq).value()->state, CommandState::Sent);
}

void TestCommandService::otherProcessSeesChanges()
{
    // A second console on the same database file: its own store handle (so its own writer id) and
    // the change feed a console session gives its command service, following other writers.
    StoreOptions so;
    so.database = m_db;
    auto second = Store::open(so);
    QVERIFY(second.ok());
    ChangeFeed feed(**second, ChangeFeed::Options{.followOtherProcesses = true, .pollIntervalMs = 100});
    CommandServiceOptions o;
    o.platform.baseUrl = m_platform->baseUrl();
    QSignalSpy following(&feed, &ChangeFeed::following);
    CommandService observer(*second, o, &feed, nullptr);
    QHash<QString, CommandState> seen;
    connect(&observer, &CommandService::stateChanged, this, [&](const QString &seq, CommandState s) { seen.insert(seq, s); });
    QVERIFY(following.wait(10000));
    auto r = await(m_service->send(QStringLiteral("valveOperate"), QStringLiteral("M001"), obj({{"valveOperate", "1"}})));
    QVERIFY(r.ok());
    QVERIFY2(QTest::qWaitFor([&] { return seen.value(r->commandSeq, CommandState::Queued) == CommandState::Sent; }, 5000),
             "the other process never saw the command reach sent");
}

QTEST_GUILESS_MAIN(TestCommandService)
#include "tst_commandservice.moc"
