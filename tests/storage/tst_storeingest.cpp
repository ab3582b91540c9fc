// SPDX-License-Identifier: GPL-3.0-or-later
// Uploads into the store: commit before the future resolves, idempotent re-delivery, conflicts
// flagged, result matching, tradeNo credited once, alarm lifecycle. Every test runs on SQLite and,
// under scripts/with-postgres.sh, on PostgreSQL.
#include "storetesting.h"

#include "storage/storenotifier.h"

#include <QSignalSpy>

using namespace md;
using namespace md::testing;

class TestStoreIngest : public QObject
{
    Q_OBJECT

private slots:
    void migrationsAndReopen_data() { addBackendRows(); }
    void migrationsAndReopen();
    void committedBeforeFutureResolves_data() { addBackendRows(); }
    void committedBeforeFutureResolves();
    void readingRedelivery_data() { addBackendRows(); }
    void readingRedelivery();
    void unknownMeterFailsAlone_data() { addBackendRows(); }
    void unknownMeterFailsAlone();
    void resultMatchesCommand_data() { addBackendRows(); }
    void resultMatchesCommand();
    void unknownCommandSeqFlagged_data() { addBackendRows(); }
    void unknownCommandSeqFlagged();
    void unknownEnumValueFlagged_data() { addBackendRows(); }
    void unknownEnumValueFlagged();
    void tradeNoCreditedOnce_data() { addBackendRows(); }
    void tradeNoCreditedOnce();
    void alarmLifecycle_data() { addBackendRows(); }
    void alarmLifecycle();
};

void TestStoreIngest::migrationsAndReopen()
{
    MD_FRESH_DATABASE(db);
    {
        auto store = openStore(db);
        QVERIFY(store);
        QVERIFY(store->schemaVersion() >= 1);
        QCOMPARE(store->isPostgres(), backend == QLatin1String("postgresql"));
        auto up = wait(store->upsertMeters({meter(QStringLiteral("M1")), meter(QStringLiteral("M2"))}));
        QVERIFY2(up.ok(), qPrintable(up.error().detail));
        QCOMPARE(up->size(), 2);
        QVERIFY(up->at(0).inserted);
        auto out = wait(store->submit(meterDataUp(QStringLiteral("M1"), 1700000000, 24)));
        QVERIFY2(out.ok, qPrintable(out.error.detail));
    }
    auto store = openStore(db); // migrations again: a no-op
    QVERIFY(store);
    auto ids = store->lookupMeters({QStringLiteral("M1"), QStringLiteral("M2"), QStringLiteral("nope")});
    QVERIFY(ids.ok());
    QCOMPARE(ids->size(), 2);
    auto series = store->readings(QStringLiteral("M1"), 0, 0);
    QVERIFY(series.ok());
    QCOMPARE(series->time.size(), 24);
    QCOMPARE(series->readingUnits.last(), 1000 + 23 * 10);
    auto counts = store->tableCounts();
    QVERIFY(counts.ok());
    QCOMPARE(counts->value(QStringLiteral("readings")), 24);
    QCOMPARE(counts->value(QStringLiteral("journal")), 1);
}

void TestStoreIngest::committedBeforeFutureResolves()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("A")), meter(QStringLiteral("B"))})).ok());
    QSignalSpy readingsSpy(store->notifier(), &StoreNotifier::readingsAdded);
    // Many writers at once: group commit batches them; each future resolves only after its commit,
    // so a second, independent store (another connection, as another process would) sees the rows.
    auto other = openStore(db, true);
    QVERIFY(other);
    QList<QFuture<WriteOutcome>> futures;
    for (int i = 0; i < 50; ++i)
        futures << store->submit(meterDataUp(i % 2 ? QStringLiteral("A") : QStringLiteral("B"), 1700000000 + i * 86400, 24));
    for (int i = 0; i < futures.size(); ++i) {
        const WriteOutcome o = wait(futures[i]);
        QVERIFY2(o.ok, qPrintable(o.error.detail));
        QCOMPARE(o.readingsInserted, 24);
        QVERIFY(o.journalId > 0);
        const QString m = i % 2 ? QStringLiteral("A") : QStringLiteral("B");
        auto rows = other->readingRows(m, 1700000000 + i * 86400, 1700000000 + i * 86400 + 86400);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 24);
        auto j = other->journalEntry(o.journalId);
        QVERIFY(j.ok() && j->has_value());
    }
    QTRY_VERIFY(readingsSpy.count() >= 1);
    auto page = other->registryPage({});
    QVERIFY(page.ok());
    QCOMPARE(page->size(), 2);
    QCOMPARE(page->at(0).meterNo, QStringLiteral("A"));
    QVERIFY(page->at(0).lastReading.has_value());
    QCOMPARE(page->at(0).lastReading->units(), 1000 + 23 * 10);
    QCOMPARE(page->at(0).valveStatus, QStringLiteral("0"));
    QVERIFY(page->at(0).lastUploadAt > 0);
}

void TestStoreIngest::readingRedelivery()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    const UploadWrite w = meterDataUp(QStringLiteral("M1"), 1700000000, 24);
    auto first = wait(store->submit(w));
    QVERIFY(first.ok);
    QCOMPARE(first.readingsInserted, 24);
    auto again = wait(store->submit(w));
    QVERIFY(again.ok);
    QCOMPARE(again.readingsInserted, 0);
    QCOMPARE(again.readingsDuplicate, 24);
    QCOMPARE(again.readingsConflict, 0);
    QVERIFY(again.journalId > first.journalId); // journaled again, stored once

    UploadWrite changed = w;
    changed.readings[5].readingNum = Volume::fromUnits(999999);
    auto conflict = wait(store->submit(changed));
    QVERIFY(conflict.ok);
    QCOMPARE(conflict.readingsConflict, 1);
    QCOMPARE(conflict.readingsDuplicate, 23);
    auto rows = store->readingRows(QStringLiteral("M1"), 0, 0);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 24);
    QCOMPARE(rows->at(5).readingNum.units(), 1050); // the first kept
    auto flags = store->reviewFlags(true);
    QVERIFY(flags.ok());
    QCOMPARE(flags->size(), 1);
    QCOMPARE(flags->at(0).kind, QStringLiteral("reading-conflict"));
    QCOMPARE(flags->at(0).journalId, conflict.journalId);
    auto resolved = wait(store->resolveReviewFlag(flags->at(0).id, QStringLiteral("op"), 1));
    QVERIFY(resolved.ok() && *resolved);
    QCOMPARE(store->reviewFlags(true)->size(), 0);
}

void TestStoreIngest::unknownMeterFailsAlone()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    auto bad = store->submit(meterDataUp(QStringLiteral("ghost"), 1700000000, 3));
    auto good = store->submit(meterDataUp(QStringLiteral("M1"), 1700000000, 3));
    const WriteOutcome b = wait(bad), g = wait(good);
    QVERIFY(!b.ok);
    QCOMPARE(b.error.code, QStringLiteral("1003"));
    QVERIFY(g.ok);
    auto counts = store->tableCounts();
    QCOMPARE(counts->value(QStringLiteral("readings")), 3);
    QCOMPARE(counts->value(QStringLiteral("journal")), 1); // the failed item rolled back whole
}

void TestStoreIngest::unknownEnumValueFlagged()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    // A rolled-back upload leaves no flag behind: the note rides in the upload's transaction.
    UploadWrite ghost = meterDataUp(QStringLiteral("ghost"), 1700000000, 2);
    ghost.reviewNotes = {ReviewNote{QStringLiteral("ghost"), QStringLiteral("valveStatus"), QStringLiteral("7")}};
    QVERIFY(!wait(store->submit(ghost)).ok);
    QCOMPARE(store->reviewFlags(true)->size(), 0);

    UploadWrite w = meterDataUp(QStringLiteral("M1"), 1700000000, 2);
    w.statuses[0].valveStatus = QStringLiteral("7");
    w.statuses[0].powerType = QStringLiteral("9");
    w.reviewNotes = {ReviewNote{QStringLiteral("M1"), QStringLiteral("valveStatus"), QStringLiteral("7")},
                     ReviewNote{QStringLiteral("M1"), QStringLiteral("powerType"), QStringLiteral("9")}};
    const WriteOutcome out = wait(store->submit(w));
    QVERIFY2(out.ok, qPrintable(out.error.detail));
    QCOMPARE(out.readingsInserted, 2);
    auto page = store->registryPage({});
    QVERIFY(page.ok());
    QCOMPARE(page->at(0).valveStatus, QStringLiteral("7")); // stored as received
    auto flags = store->reviewFlags(true);
    QVERIFY(flags.ok());
    QCOMPARE(flags->size(), 2);
    QSet<QString> seen;
    for (const ReviewFlag &flag : flags.value()) {
        QCOMPARE(flag.kind, QStringLiteral("unknown-enum-value"));
        QCOMPARE(flag.meterNo, QStringLiteral("M1"));
        QCOMPARE(flag.journalId, out.journalId);
        seen.insert(flag.key + QLatin1Char('=') + flag.detail);
    }
    QCOMPARE(seen, (QSet<QString>{QStringLiteral("valveStatus=7"), QStringLiteral("powerType=9")}));
}

void TestStoreIngest::resultMatchesCommand()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    QSignalSpy commandsSpy(store->notifier(), &StoreNotifier::commandsChanged);
    QStringList seqs;
    for (int i = 0; i < 2; ++i) {
        auto seq = wait(store->allocateCommandSeq(1700000000));
        QVERIFY(seq.ok());
        CommandRecord c;
        c.commandSeq = *seq;
        c.name = QStringLiteral("valveOperate");
        c.meterNo = QStringLiteral("M1");
        c.params = QJsonObject{{QStringLiteral("valveOperate"), QStringLiteral("1")}};
        QVERIFY(wait(store->insertCommand(c)).ok());
        CommandUpdate sent;
        sent.state = CommandState::Sent;
        sent.sentAt = 1700000001;
        sent.returnCode = QStringLiteral("0000");
        QVERIFY(wait(store->updateCommandState(*seq, sent)).ok());
        seqs << *seq;
    }
    auto resultUpload = [&](const QString &seq, const QString &code) {
        UploadWrite w;
        w.journal = inbound(QStringLiteral("closeVResult"), QStringLiteral("M1"));
        w.result = CommandResult{QStringLiteral("closeVResult"), seq, QStringLiteral("M1"), code, {}, 1700000100};
        return wait(store->submit(w));
    };
    auto ok = resultUpload(seqs[0], QStringLiteral("00"));
    QVERIFY(ok.ok);
    QCOMPARE(ok.matchedCommandSeq, seqs[0]);
    QVERIFY(!ok.unknownCommandSeq);
    auto c0 = store->commandBySeq(seqs[0]);
    QCOMPARE((*c0)->state, CommandState::Succeeded);
    QCOMPARE((*c0)->resultCode, QStringLiteral("00"));
    QCOMPARE((*c0)->finishedAt, 1700000100);
    auto dup = resultUpload(seqs[0], QStringLiteral("00"));
    QVERIFY(dup.ok && dup.duplicateResult);
    auto failed = resultUpload(seqs[1], QStringLiteral("01"));
    QVERIFY(failed.ok);
    QCOMPARE((*store->commandBySeq(seqs[1]))->state, CommandState::Failed);
    // Terminal states never change again.
    CommandUpdate back;
    back.state = CommandState::Sent;
    QVERIFY(!wait(store->updateCommandState(seqs[1], back)).ok());
    QTRY_VERIFY(commandsSpy.count() >= 1);
    auto changed = store->changedCommandsSince(0);
    QVERIFY(changed.ok());
    QCOMPARE(changed->size(), 2);
    QCOMPARE(changed->last().commandSeq, seqs[1]); // oldest change first
    QCOMPARE(store->changedCommandsSince(changed->last().changeId)->size(), 0);
}

void TestStoreIngest::unknownCommandSeqFlagged()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    UploadWrite w;
    w.journal = inbound(QStringLiteral("openVResult"));
    w.result = CommandResult{QStringLiteral("openVResult"), QStringLiteral("20991231235959000001"), QStringLiteral("M9"),
                             QStringLiteral("00"), {}, 1700000000};
    auto o = wait(store->submit(w));
    QVERIFY(o.ok);
    QVERIFY(o.unknownCommandSeq);
    QVERIFY(o.matchedCommandSeq.isEmpty());
    auto flags = store->reviewFlags(true);
    QCOMPARE(flags->size(), 1);
    QCOMPARE(flags->at(0).kind, QStringLiteral("unknown-commandSeq"));
    QCOMPARE(flags->at(0).key, QStringLiteral("20991231235959000001"));
    QCOMPARE(store->tableCounts()->value(QStringLiteral("command_results")), 1); // still stored
}

void TestStoreIngest::tradeNoCreditedOnce()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    auto trade = wait(store->allocateTradeNo(1700000000));
    QVERIFY(trade.ok());
    QVERIFY(trade->startsWith(QLatin1Char('R')));
    QCOMPARE(trade->size(), 21);
    auto seq = wait(store->allocateCommandSeq(1700000000));
    CommandRecord c;
    c.commandSeq = *seq;
    c.name = QStringLiteral("recharge");
    c.meterNo = QStringLiteral("M1");
    c.tradeNo = *trade;
    c.state = CommandState::Sent;
    c.params = QJsonObject{{QStringLiteral("rechargeNum"), QStringLiteral("100.0000")}, {QStringLiteral("rechargeType"), QStringLiteral("1")}};
    QVERIFY(wait(store->insertCommand(c)).ok());
    auto pending = store->nextRechargeNumbers(QStringLiteral("M1"), Money::fromUnits(500000));
    QCOMPARE(pending->pendingCount, 1);
    QCOMPARE(pending->rechargeCount, 1);

    auto rechargeUp = [&](qint64 units) {
        UploadWrite w;
        w.journal = inbound(QStringLiteral("rechargeUp"), QStringLiteral("M1"));
        RechargeResult r;
        r.tradeNo = *trade;
        r.meterNo = QStringLiteral("M1");
        r.commandSeq = *seq;
        r.rechargeNum = Money::fromUnits(units);
        r.resultCode = QStringLiteral("00");
        r.meterBalanceAmt = Money::fromUnits(1500000);
        r.receivedAt = 1700000500;
        w.recharge = r;
        w.result = CommandResult{QStringLiteral("rechargeUp"), *seq, QStringLiteral("M1"), QStringLiteral("00"), {}, 1700000500};
        return wait(store->submit(w));
    };
    auto first = rechargeUp(1000000);
    QVERIFY(first.ok);
    QVERIFY(first.rechargeCredited);
    auto second = rechargeUp(1000000);
    QVERIFY(second.ok);
    QVERIFY(!second.rechargeCredited);
    QVERIFY(second.rechargeDuplicate);
    QVERIFY(*store->isTradeNoCredited(*trade));
    auto third = rechargeUp(2000000); // same tradeNo, other amount: kept first, flagged
    QVERIFY(third.ok && third.rechargeDuplicate && !third.rechargeCredited);
    QCOMPARE(store->reviewFlags(true)->size(), 1);
    auto ledger = store->rechargeLedger(QStringLiteral("M1"));
    QVERIFY(ledger.ok());
    QCOMPARE(ledger->size(), 1);
    QCOMPARE(ledger->at(0).amount.units(), 1000000);
    QVERIFY(ledger->at(0).creditedAt > 0);
    QCOMPARE(ledger->at(0).state, QStringLiteral("succeeded"));
    auto next = store->nextRechargeNumbers(QStringLiteral("M1"), Money::fromUnits(500000));
    QCOMPARE(next->creditedCount, 1);
    QCOMPARE(next->rechargeCount, 2);
    QCOMPARE(next->totalRechargeAmt.units(), 1500000);
    QCOMPARE(store->meterSummary(QStringLiteral("M1"))->value().row.balance->units(), 1500000);

    // Cancelled once: the ledger no longer counts it.
    UploadWrite cancel;
    cancel.journal = inbound(QStringLiteral("cancelRechargeUp"), QStringLiteral("M1"));
    RechargeResult cr;
    cr.tradeNo = *trade;
    cr.meterNo = QStringLiteral("M1");
    cr.cancel = true;
    cr.rechargeNum = Money::fromUnits(1000000);
    cr.resultCode = QStringLiteral("00");
    cr.receivedAt = 1700000600;
    cancel.recharge = cr;
    QVERIFY(wait(store->submit(cancel)).ok);
    QVERIFY(wait(store->submit(cancel)).rechargeDuplicate);
    next = store->nextRechargeNumbers(QStringLiteral("M1"), Money::fromUnits(500000));
    QCOMPARE(next->creditedCount, 0);
    QCOMPARE(next->rechargeCount, 1);
    QVERIFY(store->rechargeLedger(QStringLiteral("M1"))->at(0).cancelled);
}

void TestStoreIngest::alarmLifecycle()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1")), meter(QStringLiteral("M2"))})).ok());
    QSignalSpy alarmSpy(store->notifier(), &StoreNotifier::alarmsChanged);
    auto send = [&](const QString &m, const QString &type, qint64 t, bool raised) {
        UploadWrite w;
        w.journal = inbound(QStringLiteral("sendAlarm"), m);
        w.alarms << AlarmEvent{m, t, type, raised};
        return wait(store->submit(w));
    };
    auto leak = send(QStringLiteral("M1"), QStringLiteral("1002"), 1000, true);
    QVERIFY(leak.ok);
    QCOMPARE(leak.alarmsOpened, 1);
    QCOMPARE(leak.newCriticalAlarmIds.size(), 1);
    auto again = send(QStringLiteral("M1"), QStringLiteral("1002"), 1000, true); // re-delivery: nothing
    QCOMPARE(again.alarmsOpened + again.alarmsRefreshed, 0);
    auto refresh = send(QStringLiteral("M1"), QStringLiteral("1002"), 2000, true);
    QCOMPARE(refresh.alarmsRefreshed, 1);
    QVERIFY(refresh.newCriticalAlarmIds.isEmpty());
    QCOMPARE(send(QStringLiteral("M1"), QStringLiteral("1003"), 2100, true).alarmsOpened, 1);
    QCOMPARE(send(QStringLiteral("M2"), QStringLiteral("1003"), 2100, true).alarmsOpened, 1);

    auto page = store->registryPage({});
    QCOMPARE(page->at(0).activeAlarmCount, 2);
    QVERIFY(page->at(0).hasCriticalAlarm);
    RegistryPageRequest alarming;
    alarming.filter.criticalAlarmOnly = true;
    QCOMPARE(store->registryPage(alarming)->size(), 1);

    QCOMPARE(send(QStringLiteral("M1"), QStringLiteral("1003"), 2200, false).alarmsClosed, 1); // cancelled by the meter
    auto active = store->alarms(AlarmFilter{});
    QCOMPARE(active->size(), 2);
    AlarmFilter history;
    history.activeOnly = false;
    history.meterNo = QStringLiteral("M1");
    auto all = store->alarms(history);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).alarmType, QStringLiteral("1003")); // newest first
    QCOMPARE(all->at(0).closedBy, QStringLiteral("meter"));

    const qint64 leakId = leak.newCriticalAlarmIds.first();
    QVERIFY(*wait(store->acknowledgeAlarm(leakId, QStringLiteral("alice"), 5000)));
    QVERIFY(!*wait(store->acknowledgeAlarm(leakId, QStringLiteral("bob"), 6000))); // first acknowledgement stays
    auto acked = store->alarm(leakId);
    QCOMPARE((*acked)->acknowledgedBy, QStringLiteral("alice"));
    QCOMPARE((*acked)->acknowledgedAt, 5000);
    QCOMPARE((*acked)->raiseCount, 2);

    auto clearAll = send(QStringLiteral("M1"), QStringLiteral("0000"), 3000, true);
    QCOMPARE(clearAll.alarmsClosed, 1);
    QVERIFY(!(*store->alarm(leakId))->active);
    QCOMPARE((*store->alarm(leakId))->closedBy, QStringLiteral("meter-0000"));
    page = store->registryPage({});
    QCOMPARE(page->at(0).activeAlarmCount, 0);
    QVERIFY(!page->at(0).hasCriticalAlarm);
    QCOMPARE(page->at(1).activeAlarmCount, 1); // M2 untouched
    QTRY_VERIFY(alarmSpy.count() >= 1);
    auto stats = store->overview({});
    QVERIFY(stats.ok());
    QCOMPARE(stats->meterCount, 2);
    QCOMPARE(stats->activeAlarmsByType.value(QStringLiteral("1003")), 1);
    QVERIFY(stats->uploadsPerDay.size() == 14);
}

QTEST_GUILESS_MAIN(TestStoreIngest)
#include "tst_storeingest.moc"
