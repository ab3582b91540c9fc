// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"

#include "core/result.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace md {

// Copies committed WAL frames into the database file (PRAGMA wal_checkpoint(PASSIVE): never blocks
// the writer or a reader) at most every `interval` ms while commits come in. Durability does not
// depend on it: every COMMIT has fsynced the WAL already.
class Checkpointer
{
public:
    Checkpointer(std::function<Result<std::unique_ptr<Db>>()> open, int intervalMs);
    ~Checkpointer();
    void committed(); // a commit added frames to the WAL

private:
    void run();
    std::function<Result<std::unique_ptr<Db>>()> m_open;
    int m_intervalMs;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stopping = false;
    std::thread m_thread;
};

// Names the calling thread for top, perf and gdb (Linux; elsewhere a no-op).
void nameThread(const char *name);

} // namespace md
