// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The newest answer wins, and a view never piles reads up on the read pool. A view or model holds
// one LatestQuery per question it asks the store (as a member, so an answer arriving after the owner
// is gone is dropped too: whenDone) and calls
// - run() when the data may have changed (a change from the feed, the page shown again): while a read
//   is on its way, the new one waits and starts when that answer is in (a later run() replaces a
//   waiting one), so a read slower than the changes arrive still shows every answer it gets, one read
//   at a time;
// - restart() when the question changed (a new filter, a cleared table): answers to reads already
//   started are dropped and the new read starts at once.
// Answers come from the event loop on the owner's thread, never inside run(). The change feed has
// debounced the changes already: views call run() straight from its signals.

#include "ui/models/consolecontext.h"

#include "core/whendone.h"

#include <QObject>

#include <functional>
#include <utility>

namespace md {

template<typename T>
class LatestQuery
{
public:
    LatestQuery(ConsoleContext *context, QObject *owner) : m_context(context), m_owner(owner) {}
    LatestQuery(const LatestQuery &) = delete;
    LatestQuery &operator=(const LatestQuery &) = delete;

    // read: T(const Store &), on a worker. done: void(T), on the owner's thread.
    template<typename Read, typename Done>
    void run(Read read, Done done)
    {
        auto start = [this, read = std::move(read), done = std::move(done)]() mutable {
            start_(std::move(read), std::move(done));
        };
        if (m_waiting) {
            m_next = std::move(start);
            return;
        }
        start();
    }
    template<typename Read, typename Done>
    void restart(Read read, Done done)
    {
        drop();
        run(std::move(read), std::move(done));
    }
    // Drops the answers of every read so far and forgets a waiting one (the owner was cleared or its
    // question withdrawn).
    void drop()
    {
        ++m_generation;
        m_waiting = false;
        m_next = nullptr;
    }
    // A read this query still wants the answer of is on its way.
    bool isRunning() const { return m_waiting; }

private:
    template<typename Read, typename Done>
    void start_(Read read, Done done)
    {
        const quint64 generation = m_generation;
        m_waiting = true;
        whenDone(m_context->query(std::move(read)), m_owner, [this, generation, done = std::move(done)](T answer) mutable {
            if (generation != m_generation)
                return; // dropped: a newer question owns m_waiting
            m_waiting = false;
            done(std::move(answer));
            if (!m_waiting && m_next) // done() may have started a read itself
                std::exchange(m_next, nullptr)();
        });
    }

    ConsoleContext *m_context;
    QObject *m_owner;
    quint64 m_generation = 0;
    bool m_waiting = false;
    std::function<void()> m_next; // the read that waits for the one on its way
};

} // namespace md
