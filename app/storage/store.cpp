// SPDX-License-Identifier: GPL-3.0-or-later
// Opening (migrations), the reader connections, and the write side: every write is a task for the
// writer thread (writer.h) built from the operations in writeops.h.
#include "storeprivate.h"

#include "archive.h"
#include "schema.h"
#include "uploadgroup.h"
#include "writeops.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QDir>
#include <QSqlQuery>
#include <QThread>

namespace md {

namespace {

QAtomicInteger<quint64> nextConnectionId{1};

QString connectionName(const char *role)
{
    return QStringLiteral("md-store-%1-%2").arg(QLatin1String(role)).arg(nextConnectionId.fetchAndAddRelaxed(1));
}

// Per thread: a key that is never reused (thread ids are). Trivially destructible on purpose: a
// thread_local with a destructor runs in the thread's teardown (with MinGW inside winpthreads' key
// destructors, holding its key lock), which QThread::wait() does not wait for. Closing a connection
// there kept that lock held when Windows ended the process, and exit waited on it forever
// (meterdesk-cli hung after printing its result). Connections are dropped on QThread::finished instead.
thread_local quint64 t_threadKey = 0;

quint64 currentThreadKey()
{
    if (t_threadKey == 0)
        t_threadKey = nextConnectionId.fetchAndAddRelaxed(1);
    return t_threadKey;
}

} // namespace

ReaderRegistry::ReaderRegistry(DatabaseLocation loc, Dialect dialect, Dialect::Role role, int busyTimeoutMs, QStringList attach)
    : m_loc(std::move(loc)), m_dialect(dialect), m_role(role), m_busyTimeoutMs(busyTimeoutMs), m_attach(std::move(attach)),
      m_id(nextConnectionId.fetchAndAddRelaxed(1))
{
}

ReaderRegistry::~ReaderRegistry()
{
    // Threads still alive lose their idle connections here; nothing runs a query on a store that is
    // being destroyed.
    qDeleteAll(m_dbs);
}

Result<Db *> ReaderRegistry::forCurrentThread()
{
    const quint64 key = currentThreadKey();
    bool replacing = false;
    {
        QMutexLocker lock(&m_mutex);
        if (Db *db = m_dbs.value(key)) {
            if (!db->connectionLost())
                return db;
            delete m_dbs.take(key); // the server restarted or the network dropped: open anew
            replacing = true;
        }
    }
    auto opened = m_dialect.openConnection(m_loc, connectionName("reader"), m_role, m_busyTimeoutMs);
    if (!opened)
        return opened.error();
    auto *db = new Db(std::move(opened).value(), m_dialect);
    if (auto attached = attachArchives(*db, m_attach); !attached) {
        delete db;
        return attached.error();
    }
    QMutexLocker lock(&m_mutex);
    m_dbs.insert(key, db);
    lock.unlock();
    if (replacing)
        return db; // this thread's finished handler is connected already
    // Emitted in the finishing thread before QThread::wait() returns (an adopted thread's: after it
    // ended, from Qt's watcher). The main thread never finishes: ~ReaderRegistry closes its connection.
    QObject::connect(QThread::currentThread(), &QThread::finished,
                     [weak = weak_from_this(), key] {
                         if (auto registry = weak.lock())
                             registry->dropThread(key);
                     });
    return db;
}

void ReaderRegistry::dropThread(quint64 threadKey)
{
    QMutexLocker lock(&m_mutex);
    delete m_dbs.take(threadKey);
}

Error Store::Private::readOnlyError() const
{
    return makeError(QStringLiteral("9998"), {}, QStringLiteral("the store is open read-only"));
}

Result<bool> Store::Private::history(const HistorySelect &select, const HistoryVisitor &visit) const
{
    auto live = reader();
    if (!live)
        return live.error();
    const QStringList archived = archiveSchemas(int(options.archives.size()));
    if (!archiveReaders)
        return runHistory(**live, QStringList{QString()} + (dialect.isPostgres() ? QStringList() : archived), nullptr, {}, select, visit);
    auto archive = archiveReaders->forCurrentThread();
    if (!archive)
        return archive.error();
    return runHistory(**live, {QString()}, *archive, archived, select, visit);
}

Result<std::shared_ptr<Store>> Store::open(StoreOptions options)
{
    auto loc = parseDatabaseLocation(options.database);
    if (!loc)
        return loc.error();
    auto p = std::make_unique<Private>();
    p->options = options;
    p->location = *loc;
    p->dialect = Dialect(loc->backend);
    if (loc->backend == Backend::Sqlite && !options.readOnly) {
        const QFileInfo fi(loc->path);
        if (!fi.absoluteDir().exists() && !QDir().mkpath(fi.absolutePath()))
            return makeError(QStringLiteral("9998"), QStringLiteral("storage/database"),
                             QStringLiteral("cannot create folder %1").arg(fi.absolutePath()));
    }

    // Schema first, on a short-lived connection of this thread.
    {
        const auto role = options.readOnly ? Dialect::Role::Archive : Dialect::Role::Writer;
        auto opened = p->dialect.openConnection(p->location, connectionName("setup"), role, options.busyTimeoutMs);
        if (!opened)
            return opened.error();
        Db setup(std::move(opened).value(), p->dialect);
        Result<int> version = (options.readOnly || !options.runMigrations) ? currentSchemaVersion(setup) : migrate(setup);
        if (!version)
            return version.error();
        if (*version != latestSchemaVersion())
            return makeError(QStringLiteral("9999"), QStringLiteral("schema_version"),
                             QStringLiteral("database schema is version %1, this build needs %2").arg(*version).arg(latestSchemaVersion()));
        p->schemaVersion = *version;
    }

    p->notifier = std::make_unique<StoreNotifier>();
    if (!options.archives.isEmpty()) {
        if (!options.readOnly)
            return makeError(QStringLiteral("9999"), QStringLiteral("archives"), QStringLiteral("archives open with a read-only store only"));
        if (options.archives.size() > maxArchives)
            return makeError(QStringLiteral("9999"), QStringLiteral("archives"),
                             QStringLiteral("at most %1 archives open together").arg(maxArchives));
        for (const QString &path : std::as_const(options.archives))
            if (auto manifest = readArchiveManifest(path); !manifest)
                return manifest.error();
    }
    const bool pgArchives = p->dialect.isPostgres() && !options.archives.isEmpty();
    p->readers = std::make_shared<ReaderRegistry>(p->location, p->dialect,
                                                  options.readOnly ? Dialect::Role::Archive : Dialect::Role::Reader,
                                                  options.busyTimeoutMs, pgArchives ? QStringList() : options.archives);
    if (pgArchives) {
        DatabaseLocation memory;
        memory.path = QStringLiteral(":memory:");
        p->archiveReaders = std::make_shared<ReaderRegistry>(memory, Dialect(Backend::Sqlite), Dialect::Role::Reader,
                                                             options.busyTimeoutMs, options.archives);
    }
    if (!options.readOnly) {
        const DatabaseLocation location = p->location;
        const Dialect dialect = p->dialect;
        const int busy = options.busyTimeoutMs;
        const qint64 maxPages = options.sqliteMaxPageCount;
        auto opener = [location, dialect, busy, maxPages]() -> Result<std::unique_ptr<Db>> {
            auto db = dialect.openConnection(location, connectionName("writer"), Dialect::Role::Writer, busy);
            if (!db)
                return db.error();
            auto writer = std::make_unique<Db>(std::move(db).value(), dialect);
            if (maxPages > 0 && !dialect.isPostgres() && !writer->exec(QStringLiteral("PRAGMA max_page_count = %1").arg(maxPages)))
                return writer->lastError();
            return writer;
        };
        // Each item is a SAVEPOINT; PostgreSQL slows every snapshot down once a transaction has more
        // than 64 subtransactions (the per-backend subxid cache overflows), so batch at most 60 there.
        const int maxItems = dialect.isPostgres() ? std::min(options.maxBatchItems, 60) : options.maxBatchItems;
        p->writer = std::make_unique<Writer>(opener, options.timeZone, Writer::Limits{std::max(1, maxItems), options.maxBatchRows},
                                             p->notifier.get(),
                                             dialect.isPostgres() ? Writer::GroupApply(writeops::applyUploadGroup) : Writer::GroupApply());
        if (auto e = p->writer->openError())
            return *e;
    }
    return std::shared_ptr<Store>(new Store(std::move(p)));
}

Store::Store(std::unique_ptr<Private> p) : d(std::move(p)) {}

Store::~Store()
{
    d->writer.reset(); // drains the queue: every accepted write is committed (or failed) first
}

bool Store::isPostgres() const { return d->dialect.isPostgres(); }
bool Store::isReadOnly() const { return !d->writer; }
QString Store::databaseDisplayName() const { return d->location.displayName(); }
int Store::schemaVersion() const { return d->schemaVersion; }
StoreNotifier *Store::notifier() const { return d->notifier.get(); }

QFuture<WriteOutcome> Store::submit(UploadWrite write)
{
    const int weight = 1 + write.readings.size() + write.statuses.size() + write.alarms.size();
    if (!d->writer)
        return QtFuture::makeReadyFuture(FailureOf<WriteOutcome>::make(d->readOnlyError()));
    auto task = std::make_unique<UploadTask>(std::move(write), weight);
    QFuture<WriteOutcome> f = task->future();
    d->writer->enqueue(std::move(task));
    return f;
}

QFuture<Result<qint64>> Store::journal(JournalEntry entry)
{
    return d->post<Result<qint64>>([e = std::move(entry)](WriteContext &ctx) { return writeops::insertJournal(ctx, e); });
}

QFuture<Result<QList<MeterUpsertResult>>> Store::upsertMeters(QList<MeterInfo> meters)
{
    const int weight = 1 + meters.size();
    return d->post<Result<QList<MeterUpsertResult>>>(
        [m = std::move(meters)](WriteContext &ctx) { return writeops::upsertMeters(ctx, m); }, weight);
}

QFuture<Result<bool>> Store::removeMeter(QString meterNo)
{
    return d->post<Result<bool>>([m = std::move(meterNo)](WriteContext &ctx) { return writeops::removeMeter(ctx, m); });
}

QFuture<Result<QString>> Store::allocateCommandSeq(qint64 nowEpoch)
{
    return d->post<Result<QString>>([nowEpoch](WriteContext &ctx) { return writeops::allocateSeq(ctx, nowEpoch); });
}

QFuture<Result<QString>> Store::allocateTradeNo(qint64 nowEpoch)
{
    return d->post<Result<QString>>([nowEpoch](WriteContext &ctx) -> Result<QString> {
        auto seq = writeops::allocateSeq(ctx, nowEpoch);
        if (!seq)
            return seq.error();
        return QStringLiteral("R") + *seq;
    });
}

QFuture<Result<CommandRecord>> Store::insertCommand(CommandRecord command)
{
    return d->post<Result<CommandRecord>>([c = std::move(command)](WriteContext &ctx) { return writeops::insertCommand(ctx, c); });
}

QFuture<Result<CommandRecord>> Store::updateCommandState(QString commandSeq, CommandUpdate update)
{
    return d->post<Result<CommandRecord>>(
        [s = std::move(commandSeq), update](WriteContext &ctx) { return writeops::updateCommand(ctx, s, update); });
}

QFuture<Result<QStringList>> Store::expireCommands(qint64 nowEpoch, qint64 ttlSeconds)
{
    return d->post<Result<QStringList>>(
        [nowEpoch, ttlSeconds](WriteContext &ctx) { return writeops::expireCommands(ctx, nowEpoch, ttlSeconds); });
}

QFuture<Result<bool>> Store::acknowledgeAlarm(qint64 alarmId, QString who, qint64 at)
{
    return d->post<Result<bool>>(
        [alarmId, w = std::move(who), at](WriteContext &ctx) { return writeops::acknowledgeAlarm(ctx, alarmId, w, at); });
}

QFuture<Result<bool>> Store::resolveReviewFlag(qint64 flagId, QString who, qint64 at)
{
    return d->post<Result<bool>>(
        [flagId, w = std::move(who), at](WriteContext &ctx) { return writeops::resolveReviewFlag(ctx, flagId, w, at); });
}

QFuture<Result<qint64>> Store::purgeBefore(qint64 beforeEpoch, bool includeJournal)
{
    return d->post<Result<qint64>>(
        [beforeEpoch, includeJournal](WriteContext &ctx) { return writeops::purgeBefore(ctx, beforeEpoch, includeJournal); });
}

QFuture<void> Store::flush()
{
    return d->post<std::monostate>([](WriteContext &) { return std::monostate{}; }).then([](std::monostate) {});
}

QFuture<Result<bool>> Store::setSqliteMaxPageCount(qint64 pages)
{
    return d->post<Result<bool>>([pages](WriteContext &ctx) -> Result<bool> {
        if (ctx.db.dialect().isPostgres())
            return false;
        if (!ctx.db.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages > 0 ? pages : 1073741823)))
            return ctx.db.lastError();
        return true;
    });
}

Result<QMap<QString, qint64>> Store::tableCounts() const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QMap<QString, qint64> counts;
    for (const QString &t : dataTables()) {
        auto n = db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t));
        if (!n)
            return db.lastError();
        counts.insert(t, n->toLongLong());
    }
    return counts;
}

} // namespace md
