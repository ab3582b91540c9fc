// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The writer thread: owns the only writing connection, takes everything queued (up to the
// group-commit limits), runs each item in its own savepoint inside ONE transaction, commits, and
// only then resolves every item's future and announces the changes. A failing item rolls back to
// its savepoint and fails alone; a failing BEGIN/COMMIT fails the whole batch with 9998.
// A lost connection (PostgreSQL restarted, network dropped) is reopened by the writer itself, with a
// backoff of 0.25 s doubling to 5 s between attempts; meanwhile every batch fails at once with 9998
// (never a wait that would stall the listener). StoreNotifier::writeHealthChanged says when writing
// stops and starts working again.
// On SQLite the WAL is checkpointed on a thread and connection of its own (Checkpointer), so the
// writer's thread only appends and fsyncs the WAL; the writer's own automatic checkpoint stays as a
// safety net at a much larger WAL.

#include "checkpointer.h"
#include "connection.h"
#include "writes.h"

#include "core/timeformat.h"

#include <QFuture>
#include <QHash>
#include <QPromise>
#include <QSet>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

namespace md {

class StoreNotifier;

// What one item changed; merged into the batch's set when the item succeeded.
struct ChangeSet
{
    bool meters = false;
    QSet<QString> readingMeters;
    QSet<QString> alarmMeters;
    QList<qint64> newCriticalAlarms;
    QSet<QString> commandSeqs;
    qint64 lastJournalId = 0;
    bool reviewFlags = false;
    QHash<qint64, QPair<qint64, qint64>> dayCounts; // day number -> (uploads, readings)
    void merge(const ChangeSet &o);
    bool isEmpty() const;
};

struct WriteContext
{
    Db &db;
    const PlatformTime &time;
    qint64 now = 0; // epoch seconds at batch start
    ChangeSet changes;
    QHash<QString, qint64> &meterIdCache; // positive hits only; cleared on registry changes
};

class WriteTaskBase
{
public:
    virtual ~WriteTaskBase() = default;
    virtual int weight() const { return 1; }
    // Runs inside the item's savepoint; false: roll the item back.
    virtual bool apply(WriteContext &ctx) = 0;
    // After COMMIT (batchError null) or after the batch failed.
    virtual void resolve(const Error *batchError) = 0;
    // An upload the writer may apply together with its neighbours (Writer::GroupApply); null: none.
    virtual const UploadWrite *upload() const { return nullptr; }
    // The outcome of a group apply, in place of apply()'s.
    virtual void setOutcome(WriteOutcome) {}
};

bool itemSucceeded(const WriteOutcome &o);
template<typename T>
bool itemSucceeded(const Result<T> &r) { return r.ok(); }
inline bool itemSucceeded(const std::monostate &) { return true; }

template<typename T>
struct FailureOf { static T make(const Error &e) { return T(e); } };
template<>
struct FailureOf<std::monostate> { static std::monostate make(const Error &) { return {}; } };
template<>
struct FailureOf<WriteOutcome>
{
    static WriteOutcome make(const Error &e)
    {
        WriteOutcome o;
        o.error = e;
        return o;
    }
};

template<typename T>
class WriteTask : public WriteTaskBase
{
public:
    WriteTask(std::function<T(WriteContext &)> fn, int weight = 1) : m_fn(std::move(fn)), m_weight(weight)
    {
        m_promise.start();
    }
    QFuture<T> future() { return m_promise.future(); }
    int weight() const override { return m_weight; }
    bool apply(WriteContext &ctx) override
    {
        m_result.emplace(m_fn(ctx));
        return itemSucceeded(*m_result);
    }
    void resolve(const Error *batchError) override
    {
        if (batchError || !m_result)
            m_promise.addResult(FailureOf<T>::make(batchError ? *batchError : makeError(QStringLiteral("9999"))));
        else
            m_promise.addResult(std::move(*m_result));
        m_promise.finish();
    }

protected:
    std::optional<T> m_result;

private:
    std::function<T(WriteContext &)> m_fn;
    int m_weight;
    QPromise<T> m_promise;
};

class Writer
{
public:
    struct Limits
    {
        int maxItems = 512;
        int maxRows = 20000;
    };
    using Opener = std::function<Result<std::unique_ptr<Db>>()>;
    // Applies a run of consecutive uploads of a batch with one statement per table (PostgreSQL, where
    // every statement is a round trip). NotApplicable: it wrote nothing, apply them one by one;
    // Failed: a statement failed, the batch is replayed item by item in savepoints.
    enum class Grouped { Applied, NotApplicable, Failed };
    using GroupApply = std::function<Grouped(WriteContext &, const QList<const UploadWrite *> &, QList<WriteOutcome> &)>;
    // Opens the connection on the writer thread (Qt 6.4 cannot move a connection between threads)
    // and waits for it: check openError(). `group` is used only when a batch runs without savepoints
    // (PostgreSQL's optimistic first attempt).
    Writer(Opener open, QByteArray timeZone, Limits limits, StoreNotifier *notifier, GroupApply group = {});
    ~Writer(); // drains the queue, then stops
    std::optional<Error> openError() const { return m_openError; }

    void enqueue(std::unique_ptr<WriteTaskBase> task);

    template<typename T>
    QFuture<T> post(std::function<T(WriteContext &)> fn, int weight = 1)
    {
        auto task = std::make_unique<WriteTask<T>>(std::move(fn), weight);
        QFuture<T> f = task->future();
        enqueue(std::move(task));
        return f;
    }

private:
    void run();
    void runBatch(std::vector<std::unique_ptr<WriteTaskBase>> &batch);
    // An upload this heavy (rows) goes through the group statements even alone.
    static constexpr int kGroupAloneWeight = 100;
    bool applyAlone(WriteContext &ctx, WriteTaskBase &task);
    // The end of the run of uploads starting at `begin` (at most begin + 1: no run).
    size_t uploadRunEnd(const std::vector<std::unique_ptr<WriteTaskBase>> &batch, size_t begin) const;
    bool writeChangeRows(WriteContext &ctx, const ChangeSet &all);
    void announce(const ChangeSet &all);
    bool ensureConnection(Error &why);
    void setHealth(const std::optional<Error> &problem);

    Opener m_open;
    std::unique_ptr<Db> m_db;
    std::unique_ptr<Checkpointer> m_checkpointer; // SQLite only
    qint64 m_nextReconnectMs = 0;
    Error m_down; // why the last reopen failed
    int m_backoffMs = 250;
    bool m_healthy = true;
    std::optional<Error> m_openError;
    PlatformTime m_time;
    Limits m_limits;
    StoreNotifier *m_notifier;
    GroupApply m_group;
    QHash<QString, qint64> m_meterIds;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::unique_ptr<WriteTaskBase>> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace md
