// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The newest question wins: run() reads the store on the console's read pool and hands the answer
// to `done` on the owner's thread, unless run() was called again meanwhile (a newer filter, a newer
// change from the feed), in which case the older answer is dropped. The owner (a view or model)
// holds it as a member, so an answer arriving after the owner is gone is dropped too (whenDone).
// Views call run() straight from the change feed's signals: the feed has debounced them already.

#include "ui/models/consolecontext.h"

#include "core/whendone.h"

#include <QObject>

#include <utility>

namespace md {

template<typename T>
class LatestQuery
{
public:
    LatestQuery(ConsoleContext *context, QObject *owner) : m_context(context), m_owner(owner) {}
    LatestQuery(const LatestQuery &) = delete;
    LatestQuery &operator=(const LatestQuery &) = delete;

    // read: T(const Store &), on a worker. done: void(T), on the owner's thread, newest run only.
    template<typename Read, typename Done>
    void run(Read read, Done done)
    {
        const quint64 generation = ++m_generation;
        ++m_running;
        whenDone(m_context->query(std::move(read)), m_owner, [this, generation, done = std::move(done)](T answer) mutable {
            --m_running;
            if (generation == m_generation)
                done(std::move(answer));
        });
    }
    // Drops the answer of every run so far (the owner was cleared or its question withdrawn).
    void drop() { ++m_generation; }
    bool isRunning() const { return m_running > 0; }

private:
    ConsoleContext *m_context;
    QObject *m_owner;
    quint64 m_generation = 0;
    int m_running = 0;
};

} // namespace md
