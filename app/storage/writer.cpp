// SPDX-License-Identifier: GPL-3.0-or-later
#include "writer.h"

#include "storenotifier.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <future>

namespace md {

void ChangeSet::merge(const ChangeSet &o)
{
    meters = meters || o.meters;
    readingMeters.unite(o.readingMeters);
    alarmMeters.unite(o.alarmMeters);
    newCriticalAlarms += o.newCriticalAlarms;
    commandSeqs.unite(o.commandSeqs);
    lastJournalId = std::max(lastJournalId, o.lastJournalId);
    reviewFlags = reviewFlags || o.reviewFlags;
    for (auto it = o.dayCounts.constBegin(); it != o.dayCounts.constEnd(); ++it) {
        auto &d = dayCounts[it.key()];
        d.first += it->first;
        d.second += it->second;
    }
}

bool ChangeSet::isEmpty() const
{
    return !meters && readingMeters.isEmpty() && alarmMeters.isEmpty() && commandSeqs.isEmpty() && lastJournalId == 0
           && !reviewFlags;
}

bool itemSucceeded(const WriteOutcome &o)
{
    return o.ok;
}

Writer::Writer(Opener open, QByteArray timeZone, Limits limits, StoreNotifier *notifier, GroupApply group)
    : m_open(std::move(open)), m_time(timeZone), m_limits(limits), m_notifier(notifier), m_group(std::move(group))
{
    std::promise<void> opened;
    auto openedFuture = opened.get_future();
    m_thread = std::thread([this, &opened] {
        nameThread("md-writer");
        auto db = m_open();
        if (db)
            m_db = std::move(db).value();
        else
            m_openError = db.error();
        opened.set_value();
        if (m_db && !m_db->dialect().isPostgres() && m_db->exec(QStringLiteral("PRAGMA wal_autocheckpoint = 20000")))
            m_checkpointer = std::make_unique<Checkpointer>(m_open, 100);
        if (m_db)
            run();
    });
    openedFuture.wait();
}

Writer::~Writer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void Writer::enqueue(std::unique_ptr<WriteTaskBase> task)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
}

void Writer::run()
{
    for (;;) {
        std::vector<std::unique_ptr<WriteTaskBase>> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                break;
            int rows = 0;
            while (!m_queue.empty() && int(batch.size()) < m_limits.maxItems
                   && (batch.empty() || rows + m_queue.front()->weight() <= m_limits.maxRows)) {
                rows += m_queue.front()->weight();
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        runBatch(batch);
    }
    m_checkpointer.reset();
    m_db.reset(); // close in this thread, which owns the connection
}

// The connection is usable, or reopened now; false while it is down (why says so) and the next
// attempt is not due yet.
bool Writer::ensureConnection(Error &why)
{
    if (m_db && !m_db->connectionLost())
        return true;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    why = m_db ? m_db->lastError() : m_down;
    if (nowMs < m_nextReconnectMs)
        return false;
    m_db.reset(); // the dead connection goes first: its name and statements are per connection
    m_meterIds.clear();
    auto db = m_open();
    if (db) {
        m_db = std::move(db).value();
        m_backoffMs = 250;
        return true;
    }
    why = m_down = db.error();
    m_nextReconnectMs = nowMs + m_backoffMs;
    m_backoffMs = std::min(m_backoffMs * 2, 5000);
    return false;
}

void Writer::setHealth(const std::optional<Error> &problem)
{
    if (m_healthy == !problem)
        return;
    m_healthy = !problem;
    if (m_notifier)
        emit m_notifier->writeHealthChanged(m_healthy, problem ? problem->detail : QString());
}

void Writer::runBatch(std::vector<std::unique_ptr<WriteTaskBase>> &batch)
{
    auto failAll = [&](Error e) {
        if (e.code != QLatin1String("9998"))
            e.code = QStringLiteral("9998"); // the store cannot write right now
        for (auto &t : batch)
            t->resolve(&e);
        m_meterIds.clear();
        setHealth(e);
    };
    Error down = makeError(QStringLiteral("9998"), {}, QStringLiteral("database unreachable"));
    if (!ensureConnection(down)) {
        down.detail = QStringLiteral("database unreachable (reconnecting): ") + down.detail;
        return failAll(down);
    }
    m_db->takeTransientError();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    WriteContext ctx{*m_db, m_time, now, {}, m_meterIds};
    // PostgreSQL: a SAVEPOINT costs two round trips per item, so first try the batch without them;
    // only when an item fails is the whole batch rolled back and replayed item by item in savepoints.
    // (SQLite savepoints are free: always use them.)
    const bool optimistic = m_db->dialect().isPostgres() && batch.size() > 1;
    for (int attempt = optimistic ? 0 : 1; attempt < 2; ++attempt) {
        const bool savepoints = attempt == 1;
        if (!m_db->exec(m_db->dialect().beginWrite()))
            return failAll(m_db->lastError());
        ChangeSet all;
        bool replay = false;
        size_t oneByOneUntil = 0; // items before it are applied alone (their group did not apply)
        for (size_t i = 0; i < batch.size() && !replay; ++i) {
            if (!savepoints && m_group && i >= oneByOneUntil) {
                const size_t end = uploadRunEnd(batch, i);
                if (end - i > 1 || (batch[i]->upload() && batch[i]->weight() >= kGroupAloneWeight)) {
                    QList<const UploadWrite *> uploads;
                    for (size_t k = i; k < end; ++k)
                        uploads.append(batch[k]->upload());
                    QList<WriteOutcome> outcomes;
                    ctx.changes = ChangeSet{};
                    const Grouped g = m_group(ctx, uploads, outcomes);
                    if (g == Grouped::Failed) {
                        replay = true;
                        continue;
                    }
                    if (g == Grouped::Applied) {
                        for (size_t k = i; k < end; ++k)
                            batch[k]->setOutcome(std::move(outcomes[int(k - i)]));
                        all.merge(ctx.changes);
                        i = end - 1;
                        continue;
                    }
                    oneByOneUntil = end;
                }
            }
            if (savepoints && !m_db->exec(QStringLiteral("SAVEPOINT item"))) {
                const Error e = m_db->lastError();
                m_db->exec(QStringLiteral("ROLLBACK"));
                return failAll(e);
            }
            ctx.changes = ChangeSet{};
            const bool ok = (savepoints && applyAlone(ctx, *batch[i])) || batch[i]->apply(ctx);
            if (!ok && !savepoints) {
                replay = true;
            } else if (!ok) {
                m_db->finishAll();
                m_db->exec(QStringLiteral("ROLLBACK TO SAVEPOINT item"));
                m_meterIds.clear(); // the item may have cached ids of rows it created
            } else {
                all.merge(ctx.changes);
            }
            if (savepoints)
                m_db->exec(QStringLiteral("RELEASE SAVEPOINT item"));
        }
        m_db->finishAll();
        if (replay) {
            m_db->exec(QStringLiteral("ROLLBACK"));
            m_meterIds.clear();
            continue;
        }
        if (!writeChangeRows(ctx, all)) {
            const Error e = m_db->lastError();
            m_db->finishAll();
            m_db->exec(QStringLiteral("ROLLBACK"));
            return failAll(e);
        }
        m_db->finishAll();
        if (!m_db->exec(QStringLiteral("COMMIT"))) {
            const Error e = m_db->lastError();
            m_db->exec(QStringLiteral("ROLLBACK"));
            return failAll(e);
        }
        if (m_checkpointer)
            m_checkpointer->committed();
        for (auto &t : batch)
            t->resolve(nullptr);
        // An item that failed for want of space or a lock is a store problem too, not the item's.
        setHealth(m_db->takeTransientError());
        announce(all);
        return;
    }
}

// In its own savepoint: a big upload (a meterDataUpBatch names many meters) through the group
// statements, a handful instead of one UPDATE per meter. False: apply it as usual (nothing of this
// attempt is left).
bool Writer::applyAlone(WriteContext &ctx, WriteTaskBase &task)
{
    if (!m_group || !task.upload() || task.weight() < kGroupAloneWeight)
        return false;
    QList<WriteOutcome> outcomes;
    switch (m_group(ctx, {task.upload()}, outcomes)) {
    case Grouped::Applied:
        task.setOutcome(std::move(outcomes.first()));
        return true;
    case Grouped::Failed:
        m_db->finishAll();
        m_db->exec(QStringLiteral("ROLLBACK TO SAVEPOINT item"));
        m_meterIds.clear();
        break;
    case Grouped::NotApplicable:
        break;
    }
    ctx.changes = ChangeSet{};
    return false;
}

size_t Writer::uploadRunEnd(const std::vector<std::unique_ptr<WriteTaskBase>> &batch, size_t begin) const
{
    size_t end = begin;
    while (end < batch.size() && batch[end]->upload())
        ++end;
    return std::max(end, begin + 1);
}

// Cross-process change feed: one `changes` row per kind per batch, marked with this store's writer
// id (ChangeWatcher polls it and skips its own process's rows), and a
// NOTIFY on PostgreSQL (delivered at COMMIT). Upload-per-day counters for the overview.
bool Writer::writeChangeRows(WriteContext &ctx, const ChangeSet &all)
{
    Db &db = ctx.db;
    for (auto it = all.dayCounts.constBegin(); it != all.dayCounts.constEnd(); ++it) {
        if (!db.run(QStringLiteral("INSERT INTO upload_days (day, uploads, readings) VALUES (?, ?, ?) "
                                   "ON CONFLICT (day) DO UPDATE SET uploads = upload_days.uploads + excluded.uploads, "
                                   "readings = upload_days.readings + excluded.readings"),
                    {it.key(), it->first, it->second}))
            return false;
    }
    if (all.isEmpty())
        return true;
    auto joined = [](const QSet<QString> &s) {
        QStringList l(s.begin(), s.end());
        l.sort();
        if (l.size() > 200) // a huge batch: say "many" rather than write a megabyte of keys
            return QStringLiteral("*");
        return l.join(QLatin1Char(','));
    };
    const QVariant writer = m_notifier ? QVariant(m_notifier->writerId()) : nullText();
    auto add = [&](const char *kind, const QString &keys) {
        return db.run(QStringLiteral("INSERT INTO changes (at, kind, keys, writer) VALUES (?, ?, ?, ?)"),
                      {ctx.now, QString::fromLatin1(kind), keys, writer})
               != nullptr;
    };
    if (all.meters && !add("meters", {}))
        return false;
    if (!all.readingMeters.isEmpty() && !add("readings", joined(all.readingMeters)))
        return false;
    if (!all.alarmMeters.isEmpty() && !add("alarms", joined(all.alarmMeters)))
        return false;
    if (!all.commandSeqs.isEmpty() && !add("commands", joined(all.commandSeqs)))
        return false;
    if (all.lastJournalId && !add("journal", QString::number(all.lastJournalId)))
        return false;
    const QString notify = db.dialect().notifyStatement();
    if (!notify.isEmpty() && !db.exec(notify))
        return false;
    return true;
}

void Writer::announce(const ChangeSet &all)
{
    if (!m_notifier || all.isEmpty())
        return;
    auto list = [](const QSet<QString> &s) {
        QStringList l(s.begin(), s.end());
        l.sort();
        return l;
    };
    if (all.meters)
        emit m_notifier->metersChanged();
    if (!all.readingMeters.isEmpty())
        emit m_notifier->readingsAdded(list(all.readingMeters));
    if (!all.alarmMeters.isEmpty())
        emit m_notifier->alarmsChanged(list(all.alarmMeters), all.newCriticalAlarms);
    if (!all.commandSeqs.isEmpty())
        emit m_notifier->commandsChanged(list(all.commandSeqs));
    if (all.lastJournalId)
        emit m_notifier->journalAppended(all.lastJournalId);
    if (all.reviewFlags)
        emit m_notifier->reviewFlagsChanged();
}

} // namespace md
