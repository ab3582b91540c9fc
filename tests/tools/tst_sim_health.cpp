// SPDX-License-Identifier: GPL-3.0-or-later
// Each of the simulator's faulty meters, played through the real listener into a real store, is
// found by the health insights as exactly its kind, and the normal meters beside them raise none.
#include "simscenarioworld.h"

#include "health/healthengine.h"

#include <QTest>

using namespace md;
using namespace md::sim;
using namespace md::testing;

class TestSimHealth : public QObject
{
    Q_OBJECT

private slots:
    void scenariosFoundThroughListener();
    void reconciliationFindsMissedRecharge();
};

void TestSimHealth::scenariosFoundThroughListener()
{
    const QMap<QString, QPair<Scenario, QStringList>> expected = {
        {"SCNLEAK01", {Scenario::NightLeak, {"night-flow"}}},
        {"SCNBACK01", {Scenario::Backwards, {"backwards"}}},
        {"SCNSTUCK01", {Scenario::Stuck, {"stuck"}}},
        {"SCNBATT01", {Scenario::BatteryFall, {"battery"}}},
        {"SCNSILENT01", {Scenario::Silent, {"silent"}}},
        {"SCNMISS01", {Scenario::MissedRecharge, {}}},
        {"SCNNORM01", {Scenario::None, {}}},
        {"SCNNORM02", {Scenario::None, {}}},
        {"SCNNORM03", {Scenario::None, {}}},
    };
    ScenarioWorld w;
    QVERIFY(w.start(expected.keys()));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 origin = now - 40 * 86400;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        SimulatedMeter &m = w.addMeter(it.key(), origin);
        if (it->first != Scenario::None)
            applyScenario(m, it->first, now - qint64(it->first == Scenario::BatteryFall ? 25 : 6) * 86400);
    }
    w.postHistory(now);
    QTRY_COMPARE_WITH_TIMEOUT(w.accepted, w.posted, 60000);

    HealthEngine engine(w.fixture.store, HealthSettings(), PlatformTime());
    auto run = engine.recompute(now + 60);
    QVERIFY2(run.ok(), qPrintable(run.error().detail));
    QCOMPARE(run->meters, expected.size());
    HealthFlagFilter filter;
    auto flags = w.fixture.store->healthFlags(filter);
    QVERIFY(flags.ok());
    QMap<QString, QStringList> found;
    for (const HealthFlag &f : *flags)
        found[f.finding.meterNo] << healthKindName(f.finding.kind);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QStringList kinds = found.value(it.key());
        kinds.sort();
        QCOMPARE(kinds, it->second);
    }
    // Recomputing finds the same episodes: no second flag for any of them.
    auto again = engine.recompute(now + 120);
    QVERIFY(again.ok());
    QCOMPARE(again->saved.inserted, 0);
    QCOMPARE(w.fixture.store->healthFlags(filter)->size(), flags->size());
    w.fixture.stopAll();
}

// Two recharges confirmed today (rechargeUp through the listener): one meter counts it in its
// totals, the faulty one credits the balance but its totals miss it. The reconciliation of today
// lists exactly that meter with both sides and the difference; the day's summary has both.
void TestSimHealth::reconciliationFindsMissedRecharge()
{
    ScenarioWorld w;
    const QStringList meters{"RCNMISS01", "RCNNORM01", "RCNNORM02"};
    QVERIFY(w.start(meters));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const QString &no : meters) {
        SimulatedMeter &m = w.addMeter(no, now - 10 * 86400);
        if (no == u"RCNMISS01")
            applyScenario(m, Scenario::MissedRecharge, now - 6 * 86400);
    }
    w.postHistory(now);
    QTRY_COMPARE_WITH_TIMEOUT(w.accepted, w.posted, 60000);

    const Money amount = Money::fromUnits(1000000); // 100 yuan
    int n = 0;
    for (const QString &no : {QStringLiteral("RCNMISS01"), QStringLiteral("RCNNORM01")}) {
        SimulatedMeter *m = w.world.find(no);
        const QString tradeNo = QStringLiteral("T2026%1").arg(++n, 8, 10, QLatin1Char('0'));
        QVERIFY(m->credit(tradeNo, amount, std::nullopt));
        w.post(QStringLiteral("rechargeUp"),
               Bodies::rechargeUp(*m, QStringLiteral("2026113010000000%1").arg(n, 4, 10, QLatin1Char('0')), tradeNo, amount,
                                  QStringLiteral("00")));
        QTRY_COMPARE_WITH_TIMEOUT(w.accepted, w.posted, 30000);
        // The meter's next report carries its totals after the recharge.
        w.post(QStringLiteral("meterDataUp"), Bodies::meterDataUp(*m, {}, QDateTime::currentSecsSinceEpoch() + 1, w.world.time()));
        QTRY_COMPARE_WITH_TIMEOUT(w.accepted, w.posted, 30000);
    }

    const PlatformTime time;
    const QDate today = time.dateOf(QDateTime::currentSecsSinceEpoch());
    auto report = w.fixture.store->reconciliation(ReconciliationRequest{today.addDays(-1), today}, time);
    QVERIFY2(report.ok(), qPrintable(report.error().detail));
    QCOMPARE(report->metersCompared, 3);
    QCOMPARE(report->mismatches.size(), 1);
    const ReconciliationRow &r = report->mismatches.first();
    QCOMPARE(r.meterNo, QStringLiteral("RCNMISS01"));
    QCOMPARE(r.ledgerCount, 1);
    QCOMPARE(r.ledgerAmount, amount.units());
    QCOMPARE(r.meterAmountDelta, 0);
    QCOMPARE(r.amountDifference(), -amount.units());
    QCOMPARE(r.countDifference(), std::optional<qint64>(-1));
    QCOMPARE(report->days.size(), 2);
    QCOMPARE(report->days.last().recharges, 2);
    QCOMPARE(report->days.last().amount, 2 * amount.units());
    QCOMPARE(report->days.first().recharges, 0);
    w.fixture.stopAll();
}

QTEST_GUILESS_MAIN(TestSimHealth)
#include "tst_sim_health.moc"
