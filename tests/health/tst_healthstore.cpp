// SPDX-License-Identifier: GPL-3.0-or-later
// Health flags in a real store (SQLite file; PostgreSQL under scripts/with-postgres.sh): a
// recompute stores one flag per episode with its evidence, recomputing again adds nothing, a
// streak that goes on refreshes its flag, a dismissal is journaled and survives recomputes, and a
// state that ends is cleared.
#include "healthtesting.h"

#include "health/healthengine.h"

#include <QJsonDocument>
#include <QTest>

using namespace md;
using namespace md::testing;

class TestHealthStore : public QObject
{
    Q_OBJECT

private slots:
    void episodes_data() { addBackendRows(); }
    void episodes();
    void dismissJournaled_data() { addBackendRows(); }
    void dismissJournaled();
    void reconciliation_data() { addBackendRows(); }
    void reconciliation();
};

namespace {

const PlatformTime kTime;

QList<HealthFlag> flagsOf(Store &s, bool openOnly = true)
{
    HealthFlagFilter f;
    f.openOnly = openOnly;
    auto r = s.healthFlags(f);
    return r ? *r : QList<HealthFlag>{};
}

// A status report with the meter's recharge totals at `at` (money units).
UploadWrite totalsReport(const QString &meterNo, qint64 at, qint64 amount, qint64 count)
{
    UploadWrite w;
    w.journal = inbound(QStringLiteral("meterDataUp"), meterNo);
    w.journal.at = at * 1000;
    MeterStatus st;
    st.meterNo = meterNo;
    st.meterTime = at;
    st.receivedAt = at;
    st.valveStatus = QStringLiteral("0");
    st.totalRechargeAmt = Money::fromUnits(amount);
    st.totalRechargeCount = count;
    w.statuses << st;
    w.readings << reading(meterNo, at, 1000);
    return w;
}

// rechargeUp (or cancelRechargeUp) confirmed at `at`; `total`: the meter's totalRechargeAmt after it.
UploadWrite rechargeResult(const QString &meterNo, const QString &tradeNo, qint64 at, qint64 amount, std::optional<qint64> total,
                           bool cancel = false)
{
    UploadWrite w;
    w.journal = inbound(cancel ? QStringLiteral("cancelRechargeUp") : QStringLiteral("rechargeUp"), meterNo);
    w.journal.at = at * 1000;
    RechargeResult r;
    r.tradeNo = tradeNo;
    r.meterNo = meterNo;
    r.cancel = cancel;
    r.rechargeNum = Money::fromUnits(amount);
    if (total)
        r.totalRechargeAmt = Money::fromUnits(*total);
    r.resultCode = QStringLiteral("00");
    r.receivedAt = at;
    w.recharge = r;
    return w;
}

} // namespace

void TestHealthStore::episodes()
{
    MD_FRESH_DATABASE(database);
    auto store = openStore(database);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter("LEAK1"), meter("NORM1"), meter("QUIET1")})).ok());
    const qint64 now = healthNow(kTime);
    const qint64 tomorrow = now + 86400;
    // One history for the two days: leaking the last five nights before tomorrow, so four by now.
    QVERIFY(wait(store->submit(hourlyUpload(kTime, "LEAK1", tomorrow, 20, leakingNights(5), now - 600, now))).ok);
    QVERIFY(wait(store->submit(hourlyUpload(kTime, "NORM1", now, 20, household, now - 600))).ok);
    QVERIFY(wait(store->submit(hourlyUpload(kTime, "QUIET1", now - 6 * 86400, 14, household, now - 6 * 86400))).ok);

    HealthEngine engine(store, HealthSettings(), kTime);
    auto first = engine.recompute(now);
    QVERIFY2(first.ok(), qPrintable(first.error().detail));
    QCOMPARE(first->meters, 3);
    QCOMPARE(first->saved.inserted, 2);
    QList<HealthFlag> flags = flagsOf(*store);
    QCOMPARE(flags.size(), 2);
    QMap<QString, HealthFlag> byMeter;
    for (const HealthFlag &f : flags)
        byMeter.insert(f.finding.meterNo, f);
    QCOMPARE(byMeter.value("LEAK1").finding.kind, HealthKind::NightFlow);
    QCOMPARE(byMeter.value("LEAK1").finding.value, 4 * 4 * 30);
    QCOMPARE(byMeter.value("QUIET1").finding.kind, HealthKind::Silent);
    const qint64 leakId = byMeter.value("LEAK1").id;

    // The same data again: nothing new.
    auto again = engine.recompute(now + 60);
    QVERIFY(again.ok());
    QCOMPARE(again->saved.inserted, 0);
    QCOMPARE(again->saved.updated, 2);
    QCOMPARE(flagsOf(*store).size(), 2);

    // A day later the leak went on for one more night and the quiet meter spoke: the leak is
    // still one flag (its span grew), the silent flag is cleared.
    QVERIFY(wait(store->submit(hourlyUpload(kTime, "LEAK1", tomorrow, 20, leakingNights(5), tomorrow - 600))).ok);
    QVERIFY(wait(store->submit(hourlyUpload(kTime, "QUIET1", tomorrow, 2, household, tomorrow - 600, 0, 200000))).ok);
    auto next = engine.recompute(tomorrow);
    QVERIFY(next.ok());
    QCOMPARE(next->saved.inserted, 0);
    QCOMPARE(next->saved.cleared, 1);
    flags = flagsOf(*store);
    QCOMPARE(flags.size(), 1);
    QCOMPARE(flags.first().id, leakId);
    QCOMPARE(flags.first().finding.evidence.value("nights").toArray().size(), 5);
    QCOMPARE(flagsOf(*store, false).size(), 2);
    auto counts = store->openHealthCounts();
    QVERIFY(counts.ok());
    QCOMPARE(counts->value(HealthKind::NightFlow), 1);
    QCOMPARE(counts->value(HealthKind::Silent), 0);
}

void TestHealthStore::dismissJournaled()
{
    MD_FRESH_DATABASE(database);
    auto store = openStore(database);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter("LEAK1")})).ok());
    const qint64 now = healthNow(kTime);
    QVERIFY(wait(store->submit(hourlyUpload(kTime, "LEAK1", now, 20, leakingNights(4), now - 600))).ok);
    HealthEngine engine(store, HealthSettings(), kTime);
    QVERIFY(engine.recompute(now).ok());
    QList<HealthFlag> flags = flagsOf(*store);
    QCOMPARE(flags.size(), 1);
    const qint64 id = flags.first().id;

    auto dismissed = wait(store->dismissHealthFlag(id, QStringLiteral("张三"), QStringLiteral("热水器夜间运行，已上门确认"), now * 1000));
    QVERIFY(dismissed.ok());
    QVERIFY(*dismissed);
    QVERIFY(!*wait(store->dismissHealthFlag(id, QStringLiteral("李四"), QStringLiteral("again"), now * 1000)));

    // The journal holds who dismissed what and why.
    JournalFilter jf;
    jf.endpoint = QStringLiteral("health/dismiss");
    auto page = store->journalPage(jf);
    QVERIFY(page.ok());
    QCOMPARE(page->rows.size(), 1);
    auto entry = store->journalEntry(page->rows.first().id);
    QVERIFY(entry.ok() && entry->has_value());
    const QJsonObject body = QJsonDocument::fromJson((*entry)->body).object();
    QCOMPARE(body.value("reason").toString(), QStringLiteral("热水器夜间运行，已上门确认"));
    QCOMPARE(body.value("operator").toString(), QStringLiteral("张三"));
    QCOMPARE(body.value("flagId").toInteger(), id);

    // Recomputing finds the same episode: it stays dismissed and is not raised again.
    QVERIFY(engine.recompute(now + 3600).ok());
    QCOMPARE(flagsOf(*store).size(), 0);
    const QList<HealthFlag> all = flagsOf(*store, false);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().dismissReason, QStringLiteral("热水器夜间运行，已上门确认"));
    QCOMPARE(all.first().dismissedBy, QStringLiteral("张三"));
}

// One day of the ledger against the meters' totals: M1 credits a recharge its totals never count
// (the planted mismatch), M2 counts its two recharges and takes the cancelled one back out, M3 has
// nothing. Exactly M1 disagrees, by -50 yuan and -1 recharge; the day's summary adds up.
void TestHealthStore::reconciliation()
{
    MD_FRESH_DATABASE(database);
    auto store = openStore(database);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter("M1"), meter("M2"), meter("M3")})).ok());
    auto at = [](const char *text) { return *kTime.parseDateTime(QString::fromLatin1(text)); };
    for (const char *m : {"M1", "M2", "M3"})
        QVERIFY(wait(store->submit(totalsReport(m, at("2026-11-28 12:00:00"), 1000000, 2))).ok);
    QVERIFY(wait(store->submit(rechargeResult("M1", "T1", at("2026-11-29 10:00:00"), 500000, 1000000))).ok);
    QVERIFY(wait(store->submit(rechargeResult("M2", "T2", at("2026-11-29 10:00:00"), 500000, 1500000))).ok);
    QVERIFY(wait(store->submit(rechargeResult("M2", "T3", at("2026-11-29 10:30:00"), 200000, 1700000))).ok);
    QVERIFY(wait(store->submit(rechargeResult("M2", "T3", at("2026-11-29 11:00:00"), 200000, std::nullopt, true))).ok);
    QVERIFY(wait(store->submit(totalsReport("M1", at("2026-11-29 12:00:00"), 1000000, 2))).ok);
    QVERIFY(wait(store->submit(totalsReport("M2", at("2026-11-29 12:00:00"), 1500000, 4))).ok);
    QVERIFY(wait(store->submit(totalsReport("M3", at("2026-11-29 12:00:00"), 1000000, 2))).ok);

    const QDate day(2026, 11, 29);
    auto report = store->reconciliation(ReconciliationRequest{day, day}, kTime);
    QVERIFY2(report.ok(), qPrintable(report.error().detail));
    QCOMPARE(report->metersCompared, 3);
    QCOMPARE(report->mismatches.size(), 1);
    const ReconciliationRow &r = report->mismatches.first();
    QCOMPARE(r.meterNo, QStringLiteral("M1"));
    QCOMPARE(r.ledgerCount, 1);
    QCOMPARE(r.ledgerAmount, 500000);
    QCOMPARE(r.meterAmountDelta, 0);
    QCOMPARE(r.amountDifference(), -500000);
    QCOMPARE(r.countDifference(), std::optional<qint64>(-1));
    QCOMPARE(report->days.size(), 1);
    const ReconciliationDay &d = report->days.first();
    QCOMPARE(d.recharges, 3);
    QCOMPARE(d.amount, 1200000);
    QCOMPARE(d.cancellations, 1);
    QCOMPARE(d.cancelledAmount, 200000);

    // The day before: nothing in the ledger, nothing moved.
    auto before = store->reconciliation(ReconciliationRequest{day.addDays(-1), day.addDays(-1)}, kTime);
    QVERIFY(before.ok());
    QCOMPARE(before->mismatches.size(), 0);
}

QTEST_GUILESS_MAIN(TestHealthStore)
#include "tst_healthstore.moc"
