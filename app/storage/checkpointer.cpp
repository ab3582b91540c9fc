// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkpointer.h"

#include <chrono>

#ifdef __linux__
#include <pthread.h>
#endif

namespace md {

void nameThread(const char *name)
{
#ifdef __linux__
    pthread_setname_np(pthread_self(), name);
#else
    Q_UNUSED(name);
#endif
}

Checkpointer::Checkpointer(std::function<Result<std::unique_ptr<Db>>()> open, int intervalMs)
    : m_open(std::move(open)), m_intervalMs(intervalMs)
{
    m_thread = std::thread([this] { run(); });
}

Checkpointer::~Checkpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Checkpointer::committed()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_pending)
            return;
        m_pending = true;
    }
    m_wake.notify_one();
}

void Checkpointer::run()
{
    nameThread("md-checkpoint");
    auto opened = m_open();
    if (!opened)
        return; // the writer's automatic checkpoint still runs
    std::unique_ptr<Db> db = std::move(opened).value();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || m_pending; });
        if (m_stopping)
            break;
        // Let commits gather: one checkpoint (and one fsync of the database file) per interval.
        m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs), [this] { return m_stopping; });
        m_pending = false;
        lock.unlock();
        db->exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")); // busy or failed: the next one catches up
        lock.lock();
    }
    lock.unlock();
    db.reset(); // closed on the thread that opened it
}

} // namespace md
