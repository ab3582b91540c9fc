// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The store: SQLite (one file, WAL) or PostgreSQL behind one API.
//
// Writes go to ONE writer thread that owns the only writing connection. It takes everything queued
// (up to the group-commit limits), runs each item in its own savepoint inside one transaction,
// commits once, and only then resolves the futures: a listener that waits for submit() may answer
// 0000. Reads run on the calling thread's own reader connection (WAL: never blocked by the writer)
// and are safe from any thread (QtConcurrent workers, the listener thread). Never call a blocking
// read or .result() on the GUI thread: use QtConcurrent::run(...).then(this, ...).
//
// Errors: code "9998" when the store cannot write (locked beyond the timeout, disk full, read-only),
// "9999" for anything unexpected; `detail` names the cause.

#include "commandrecord.h"
#include "queries.h"

#include "core/health.h"
#include "core/reconciliation.h"
#include "core/records.h"
#include "core/timeformat.h"
#include "core/result.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace md {

class StoreNotifier;

struct StoreOptions
{
    // A file path, "sqlite:PATH", or "postgresql://user@host:port/db" (password from the
    // environment: MD_PG_PASSWORD, else PGPASSWORD; never on the command line).
    QString database;
    bool readOnly = false;         // offline review: nothing is created, every write fails with 9998
    // Offline review (read-only stores only): archive files (archive.h) read together with the
    // database, as one history (timelines, statuses, alarms, journal).
    QStringList archives;
    int maxBatchItems = 512;       // group commit: at most this many queued writes per transaction
    int maxBatchRows = 20000;      // ... or this many rows (readings + statuses + alarms)
    int busyTimeoutMs = 5000;      // SQLite busy_timeout / PostgreSQL lock_timeout
    QByteArray timeZone = QByteArrayLiteral("Asia/Shanghai"); // for commandSeq / tradeNo stamps
    bool runMigrations = true;     // false: refuse a database whose schema is older than this build
    // A substring search whose trigram candidates exceed this many rows walks meters in order
    // instead (the match is dense, a page is near); below it the candidates are joined and sorted.
    int substringIndexedMax = 10000;
    // SQLite: the writer may grow the file to at most this many pages (PRAGMA max_page_count); 0: no
    // cap. A full disk without root or a tmpfs (tests); setSqliteMaxPageCount() is space returning.
    qint64 sqliteMaxPageCount = 0;
};

// A value an upload carried that the catalogue does not know (an optional enumeration code,
// protocol.md section 5): the rows keep it as received, and ingest writes one review flag per note
// (kind "unknown-enum-value", key = path, detail = value) in the same transaction.
// What the registry says a meter is (empty: not recorded).
struct RegisteredIdentity
{
    QString factoryCode;
    QString meterType;
};

struct ReviewNote
{
    QString meterNo; // the meter whose record held it (empty: none)
    QString path;    // as in error paths: "valveStatus", "meterDatas[2].powerType"
    QString value;   // as received
    QString kind = QStringLiteral("unknown-enum-value"); // the review flag's kind
};

// The record of a meter the registry did not know when its upload arrived (protocol.md section 7):
// kept as received (wire form: the top-level body, or the meter's element of a batch) until the
// meter is registered, then replayed into its history by the listener.
struct QuarantinedRecord
{
    qint64 id = 0;
    QString meterNo;
    QString uploadName; // canonical; "meterDataUpBatch": `record` is one element of meterDatas
    QByteArray record;  // compact JSON
    qint64 receivedAt = 0;
    qint64 journalId = 0;
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

class Store
{
public:
    static constexpr int maxArchives = 9; // SQLite attaches at most 10 databases
    static Result<std::shared_ptr<Store>> open(StoreOptions options);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    bool isPostgres() const;
    bool isReadOnly() const;
    QString databaseDisplayName() const; // path or URL without password
    int schemaVersion() const;
    // Emits on the writer thread after each commit: connect with Qt::QueuedConnection.
    StoreNotifier *notifier() const;

    // ---- write side (the writer thread; futures resolve after the commit) ----
    QFuture<WriteOutcome> submit(UploadWrite write);
    QFuture<Result<qint64>> journal(JournalEntry entry); // entries without data; returns the id

    QFuture<Result<QList<MeterUpsertResult>>> upsertMeters(QList<MeterInfo> meters);
    QFuture<Result<bool>> removeMeter(QString meterNo); // false: there was no such meter

    // 20 digits: yyyyMMddHHmmss (platform zone, from nowEpoch) + 6-digit counter; unique per
    // database across processes, never reused, strictly increasing.
    QFuture<Result<QString>> allocateCommandSeq(qint64 nowEpoch);
    QFuture<Result<QString>> allocateTradeNo(qint64 nowEpoch); // "R" + the same form
    // Stores a new command (state usually Queued); returns it with id/changeId set.
    QFuture<Result<CommandRecord>> insertCommand(CommandRecord command);
    // Only legal transitions (isLegalTransition); 1301-free error "9999" with detail otherwise.
    // Returns the updated row.
    QFuture<Result<CommandRecord>> updateCommandState(QString commandSeq, CommandUpdate update);
    // Sent commands older than now - ttlSeconds become Expired; returns their seqs.
    QFuture<Result<QStringList>> expireCommands(qint64 nowEpoch, qint64 ttlSeconds);
    QFuture<Result<bool>> acknowledgeAlarm(qint64 alarmId, QString who, qint64 at);
    QFuture<Result<bool>> resolveReviewFlag(qint64 flagId, QString who, qint64 at);
    // Retention: deletes readings/statuses older than `before` (and journal bodies); returns rows.
    QFuture<Result<qint64>> purgeBefore(qint64 beforeEpoch, bool includeJournal);
    // Resolves once everything queued before it is committed.
    QFuture<void> flush();
    // SQLite: changes the writer's page cap (StoreOptions::sqliteMaxPageCount) in place.
    QFuture<Result<bool>> setSqliteMaxPageCount(qint64 pages);

    // ---- read side (any thread but the GUI thread; blocking, own connection per thread) ----
    // meterNo -> id of the registered ones; with `identities`, also their factoryCode and meterType
    // (for the listener's 1001 / 1002 check).
    // Quarantine: records of meters that are registered now and not replayed yet (oldest first),
    // and those still waiting for their meter (the overview's one-click view).
    Result<QList<QuarantinedRecord>> quarantineReady(int limit) const;
    Result<QList<QuarantinedRecord>> quarantineWaiting(int limit) const;
    Result<QHash<QString, qint64>> lookupMeters(const QStringList &meterNos,
                                                QHash<QString, RegisteredIdentity> *identities = nullptr) const;
    Result<QList<RegistryRow>> registryPage(const RegistryPageRequest &request) const;
    Result<RegistryCount> registryCount(const RegistryFilter &filter) const;
    Result<std::optional<MeterSummary>> meterSummary(const QString &meterNo) const;
    Result<ReadingSeries> readings(const QString &meterNo, qint64 from, qint64 to) const;
    Result<QList<Reading>> readingRows(const QString &meterNo, qint64 from, qint64 to, int limit = 0) const;
    Result<QList<DailyConsumption>> dailyConsumption(const QString &meterNo, qint64 from, qint64 to,
                                                     const PlatformTime &time = PlatformTime()) const;
    Result<QList<StatusRow>> statusHistory(const QString &meterNo, qint64 from, qint64 to, int limit = 1000) const;
    Result<QList<AlarmRow>> alarms(const AlarmFilter &filter) const;
    Result<std::optional<AlarmRow>> alarm(qint64 id) const;
    Result<JournalPage> journalPage(const JournalFilter &filter) const;
    Result<std::optional<JournalEntry>> journalEntry(qint64 id) const;
    Result<QList<ReviewFlag>> reviewFlags(bool openOnly, int limit = 500) const;
    Result<OverviewStats> overview(const OverviewRequest &request) const;
    Result<ExportTable> exportHistory(const ExportRequest &request) const;

    Result<std::optional<CommandRecord>> commandBySeq(const QString &commandSeq) const;
    Result<CommandPage> commands(const CommandFilter &filter) const;
    // Commands whose changeId > cursor, oldest change first; the new cursor is the last changeId.
    Result<QList<CommandRecord>> changedCommandsSince(qint64 cursor, int limit = 1000) const;
    Result<QList<RechargeLedgerEntry>> rechargeLedger(const QString &meterNo) const;
    Result<RechargeNumbers> nextRechargeNumbers(const QString &meterNo, Money amount) const;
    Result<bool> isTradeNoCredited(const QString &tradeNo) const;
    Result<QList<ParameterSet>> parameterHistory(const QString &meterNo, int limit = 50) const;

    // ---- meter health (healthqueries.cpp, healthwrites.cpp) ----
    // Streams meters with their history window in chunks, in meter id order; the visitor returns
    // false to stop. Returns the number of meters visited.
    Result<qint64> scanMeterHistories(const HealthScanRequest &request,
                                      const std::function<bool(const QList<MeterHistory> &)> &visit) const;
    // Stores the findings of one recompute of `scope` at `now`: an episode already on record (same
    // meter and kind, overlapping) is refreshed, a new one inserted; state flags of the scope that
    // were not found again are cleared. Dismissals stay.
    QFuture<Result<HealthSaveOutcome>> saveHealthFindings(QList<HealthFinding> findings, HealthScope scope, qint64 now);
    // Dismisses an open flag with the operator's reason, journaled (endpoint "health/dismiss").
    // false: no such flag or already dismissed.
    QFuture<Result<bool>> dismissHealthFlag(qint64 flagId, QString who, QString reason, qint64 atMs);
    Result<QList<HealthFlag>> healthFlags(const HealthFlagFilter &filter) const;
    Result<std::optional<HealthFlag>> healthFlag(qint64 id) const;
    Result<QMap<HealthKind, qint64>> openHealthCounts() const;
    // The recharge ledger against the meters' own totals over whole platform days (reconcile.cpp).
    Result<ReconciliationReport> reconciliation(const ReconciliationRequest &request, const PlatformTime &time) const;
    // Open flags per meter for the registry's badge (only meters that have some).
    Result<QHash<QString, int>> openHealthFlagsByMeter(const QStringList &meterNos) const;

    // Row counts of every table (migrate checks, diagnostics).
    Result<QMap<QString, qint64>> tableCounts() const;

    class Private;

private:
    explicit Store(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace md
