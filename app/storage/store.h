// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The store: SQLite (one file, WAL) or PostgreSQL behind one API: the write side (writes.h) and one
// reader per domain (registryreader.h, historyreader.h, commandreader.h, statsreader.h).
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

#include "commandreader.h"
#include "historyreader.h"
#include "registryreader.h"
#include "statsreader.h"
#include "writes.h"

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

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

// The one implementation of the write side and the four readers. Callers hold it (or a
// shared_ptr to it) but include and take only the interface they use: writes.h, registryreader.h,
// historyreader.h, commandreader.h, statsreader.h.
class Store final : public StoreWrites,
                    public RegistryReader,
                    public HistoryReader,
                    public CommandReader,
                    public StatsReader
{
public:
    static constexpr int maxArchives = 9; // SQLite attaches at most 10 databases
    static Result<std::shared_ptr<Store>> open(StoreOptions options);
    ~Store() override;
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    bool isPostgres() const;
    QString databaseDisplayName() const; // path or URL without password
    int schemaVersion() const;
    // Emits on the writer thread after each commit: connect with Qt::QueuedConnection.
    StoreNotifier *notifier() const;

    // ---- StoreWrites (store.cpp, healthwrites.cpp) ----
    bool isReadOnly() const override;
    QFuture<WriteOutcome> submit(UploadWrite write) override;
    QFuture<Result<qint64>> journal(JournalEntry entry) override;
    QFuture<Result<QList<MeterUpsertResult>>> upsertMeters(QList<MeterInfo> meters) override;
    QFuture<Result<bool>> removeMeter(QString meterNo) override;
    QFuture<Result<QString>> allocateCommandSeq(qint64 nowEpoch) override;
    QFuture<Result<QString>> allocateTradeNo(qint64 nowEpoch) override;
    QFuture<Result<CommandRecord>> insertCommand(CommandRecord command) override;
    QFuture<Result<CommandRecord>> updateCommandState(QString commandSeq, CommandUpdate update) override;
    QFuture<Result<QStringList>> expireCommands(qint64 nowEpoch, qint64 ttlSeconds) override;
    QFuture<Result<bool>> acknowledgeAlarm(qint64 alarmId, QString who, qint64 at) override;
    QFuture<Result<bool>> resolveReviewFlag(qint64 flagId, QString who, qint64 at) override;
    QFuture<Result<HealthSaveOutcome>> saveHealthFindings(QList<HealthFinding> findings, HealthScope scope,
                                                          qint64 now) override;
    QFuture<Result<bool>> dismissHealthFlag(qint64 flagId, QString who, QString reason, qint64 atMs) override;
    QFuture<Result<qint64>> purgeBefore(qint64 beforeEpoch, bool includeJournal) override;
    QFuture<void> flush() override;
    QFuture<Result<bool>> setSqliteMaxPageCount(qint64 pages) override;

    // ---- RegistryReader (registryqueries.cpp, quarantinequeries.cpp) ----
    Result<QHash<QString, qint64>> lookupMeters(const QStringList &meterNos,
                                                QHash<QString, RegisteredIdentity> *identities = nullptr) const override;
    Result<QList<RegistryRow>> registryPage(const RegistryPageRequest &request) const override;
    Result<RegistryCount> registryCount(const RegistryFilter &filter) const override;
    Result<std::optional<MeterSummary>> meterSummary(const QString &meterNo) const override;
    Result<QList<QuarantinedRecord>> quarantineReady(int limit) const override;
    Result<QList<QuarantinedRecord>> quarantineWaiting(int limit) const override;

    // ---- HistoryReader (historyqueries.cpp) ----
    Result<ReadingSeries> readings(const QString &meterNo, qint64 from, qint64 to) const override;
    Result<QList<Reading>> readingRows(const QString &meterNo, qint64 from, qint64 to, int limit = 0) const override;
    Result<QList<DailyConsumption>> dailyConsumption(const QString &meterNo, qint64 from, qint64 to,
                                                     const PlatformTime &time = PlatformTime()) const override;
    Result<QList<MeterStatus>> statusHistory(const QString &meterNo, qint64 from, qint64 to,
                                             int limit = 1000) const override;
    Result<QList<ParameterSet>> parameterHistory(const QString &meterNo, int limit = 50) const override;
    Result<QList<AlarmRow>> alarms(const AlarmFilter &filter) const override;
    Result<std::optional<AlarmRow>> alarm(qint64 id) const override;
    Result<JournalPage> journalPage(const JournalFilter &filter) const override;
    Result<std::optional<JournalEntry>> journalEntry(qint64 id) const override;
    Result<QList<ReviewFlag>> reviewFlags(bool openOnly, int limit = 500) const override;
    Result<ExportTable> exportHistory(const ExportRequest &request) const override;

    // ---- CommandReader (commandqueries.cpp) ----
    Result<std::optional<CommandRecord>> commandBySeq(const QString &commandSeq) const override;
    Result<CommandPage> commands(const CommandFilter &filter) const override;
    Result<QList<CommandRecord>> changedCommandsSince(qint64 cursor, int limit = 1000) const override;
    Result<QList<RechargeLedgerEntry>> rechargeLedger(const QString &meterNo) const override;
    Result<RechargeNumbers> nextRechargeNumbers(const QString &meterNo, Money amount) const override;
    Result<bool> isTradeNoCredited(const QString &tradeNo) const override;

    // ---- StatsReader (statsqueries.cpp, healthqueries.cpp, reconcilequeries.cpp, store.cpp) ----
    Result<OverviewStats> overview(const OverviewRequest &request) const override;
    Result<qint64> scanMeterHistories(const HealthScanRequest &request,
                                      const std::function<bool(const QList<MeterHistory> &)> &visit) const override;
    Result<QList<HealthFlag>> healthFlags(const HealthFlagFilter &filter) const override;
    Result<std::optional<HealthFlag>> healthFlag(qint64 id) const override;
    Result<QMap<HealthKind, qint64>> openHealthCounts() const override;
    Result<QHash<QString, int>> openHealthFlagsByMeter(const QStringList &meterNos) const override;
    Result<ReconciliationReport> reconciliation(const ReconciliationRequest &request,
                                                const PlatformTime &time) const override;
    Result<QMap<QString, qint64>> tableCounts() const override;

    class Private;

private:
    explicit Store(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace md
