// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The store's write side: every write is queued for the ONE writer thread (writer.h), which commits
// many in one transaction and only then resolves their futures: a listener that waits for submit()
// may answer 0000. Store implements it (store.cpp, healthwrites.cpp); a store opened read-only
// fails every write with 9998.
//
// Errors: code "9998" when the store cannot write (locked beyond the timeout, disk full, read-only),
// "9999" for anything unexpected; `detail` names the cause.

#include "commandrecord.h"

#include "core/health.h"
#include "core/records.h"
#include "core/result.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace md {

// A value an upload carried that the catalogue does not know (an optional enumeration code,
// protocol.md section 5): the rows keep it as received, and ingest writes one review flag per note
// (kind "unknown-enum-value", key = path, detail = value) in the same transaction.
struct ReviewNote
{
    QString meterNo; // the meter whose record held it (empty: none)
    QString path;    // as in error paths: "valveStatus", "meterDatas[2].powerType"
    QString value;   // as received
    QString kind = QStringLiteral("unknown-enum-value"); // the review flag's kind
};

// One upload, written atomically together with its journal row.
struct UploadWrite
{
    JournalEntry journal;
    QList<MeterStatus> statuses;
    QList<Reading> readings;
    QList<AlarmEvent> alarms;
    std::optional<CommandResult> result;
    std::optional<RechargeResult> recharge;
    std::optional<ParameterSet> parameters;
    QList<ReviewNote> reviewNotes;
    QList<QuarantinedRecord> quarantined; // unregistered meters' records, kept in the same transaction
    // A quarantine row this write replays: marked replayed with it. A replay writes no journal row;
    // journal.id is the original request's row and journal.at its arrival (ms).
    qint64 replayOf = 0;
};

struct WriteOutcome
{
    bool ok = false;
    Error error; // when !ok: 9998 (cannot write) or 9999
    qint64 journalId = 0;
    int readingsInserted = 0;
    int readingsDuplicate = 0;  // same values re-delivered: stored once
    int readingsConflict = 0;   // different values re-delivered: first kept, flagged for review
    int statusesInserted = 0;
    int alarmsOpened = 0;
    int alarmsRefreshed = 0;
    int alarmsClosed = 0;
    QList<qint64> newCriticalAlarmIds;
    QString matchedCommandSeq;  // the command the result finished (empty: none)
    bool unknownCommandSeq = false; // a result with a commandSeq we never sent: stored and flagged
    bool duplicateResult = false;   // (commandSeq, upload name) seen before
    bool rechargeCredited = false;  // this upload credited its tradeNo (false on a re-delivery)
    bool rechargeDuplicate = false;
    QStringList meterNos;          // meters touched
};

// Per-row answer of upsertMeters (CSV import shows it line by line).
struct MeterUpsertResult
{
    QString meterNo;
    bool inserted = false; // false: updated an existing row
    Error error;           // code non-empty: this row failed (others still written)
};

// Every future resolves after the commit (or the failure) of the writer's batch that held it.
class StoreWrites
{
public:
    virtual ~StoreWrites() = default;

    // True: opened for offline review; every write fails with 9998.
    virtual bool isReadOnly() const = 0;

    virtual QFuture<WriteOutcome> submit(UploadWrite write) = 0;
    virtual QFuture<Result<qint64>> journal(JournalEntry entry) = 0; // entries without data; returns the id

    virtual QFuture<Result<QList<MeterUpsertResult>>> upsertMeters(QList<MeterInfo> meters) = 0;
    virtual QFuture<Result<bool>> removeMeter(QString meterNo) = 0; // false: there was no such meter

    // 20 digits: yyyyMMddHHmmss (platform zone, from nowEpoch) + 6-digit counter; unique per
    // database across processes, never reused, strictly increasing.
    virtual QFuture<Result<QString>> allocateCommandSeq(qint64 nowEpoch) = 0;
    virtual QFuture<Result<QString>> allocateTradeNo(qint64 nowEpoch) = 0; // "R" + the same form
    // Stores a new command (state usually Queued); returns it with id/changeId set.
    virtual QFuture<Result<CommandRecord>> insertCommand(CommandRecord command) = 0;
    // Only legal transitions (isLegalTransition); error "9999" with detail otherwise. Returns the
    // updated row.
    virtual QFuture<Result<CommandRecord>> updateCommandState(QString commandSeq, CommandUpdate update) = 0;
    // Sent commands older than now - ttlSeconds become Expired; returns their seqs.
    virtual QFuture<Result<QStringList>> expireCommands(qint64 nowEpoch, qint64 ttlSeconds) = 0;

    virtual QFuture<Result<bool>> acknowledgeAlarm(qint64 alarmId, QString who, qint64 at) = 0;
    virtual QFuture<Result<bool>> resolveReviewFlag(qint64 flagId, QString who, qint64 at) = 0;

    // Stores the findings of one recompute of `scope` at `now`: an episode already on record (same
    // meter and kind, overlapping) is refreshed, a new one inserted; state flags of the scope that
    // were not found again are cleared. Dismissals stay.
    virtual QFuture<Result<HealthSaveOutcome>> saveHealthFindings(QList<HealthFinding> findings, HealthScope scope,
                                                                  qint64 now) = 0;
    // Dismisses an open flag with the operator's reason, journaled (endpoint "health/dismiss").
    // false: no such flag or already dismissed.
    virtual QFuture<Result<bool>> dismissHealthFlag(qint64 flagId, QString who, QString reason, qint64 atMs) = 0;

    // Retention: deletes readings/statuses older than `before` (and journal bodies); returns rows.
    virtual QFuture<Result<qint64>> purgeBefore(qint64 beforeEpoch, bool includeJournal) = 0;
    // Resolves once everything queued before it is committed.
    virtual QFuture<void> flush() = 0;
    // SQLite: changes the writer's page cap (StoreOptions::sqliteMaxPageCount) in place.
    virtual QFuture<Result<bool>> setSqliteMaxPageCount(qint64 pages) = 0;
};

} // namespace md
