// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Hands a finished future (or its result) to a handler on a context object's thread, exactly once.
//
// Why not QFuture::then(context, handler) for a future another thread finishes: in Qt 6.4, when the
// future finishes while then() is attaching the continuation, QFutureInterfaceBase::setContinuation
// runs the continuation (the future already looks finished) and also stores it, and the finishing
// thread then runs the stored copy a second time, on a moved-from promise: a crash in
// QFutureInterfaceBase::reportStarted (later Qt versions mark the continuation as executed). A read
// on a worker pool can finish inside that window on a loaded machine. A QFutureWatcher connects
// under the future's own lock, so it sees the end once, whenever it comes.

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <type_traits>
#include <utility>

namespace md {

// `f(future)` runs on `context`'s thread once the future is finished (cancelled too), unless
// `context` is destroyed first. Call it on `context`'s thread.
template<typename T, typename F>
void whenFinished(const QFuture<T> &future, QObject *context, F &&f)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, f = std::forward<F>(f)]() mutable {
                         watcher->deleteLater();
                         f(watcher->future());
                     });
    watcher->setFuture(future);
}

// `handler(const T &)` (or `handler()` for QFuture<void>) with the result, on `context`'s thread;
// not at all when the future is cancelled or `context` is destroyed first.
template<typename T, typename Handler>
void whenDone(const QFuture<T> &future, QObject *context, Handler handler)
{
    whenFinished(future, context, [handler = std::move(handler)](const QFuture<T> &done) mutable {
        if constexpr (std::is_void_v<T>) {
            if (!done.isCanceled())
                handler();
        } else if (done.resultCount() > 0) {
            handler(done.result());
        }
    });
}

} // namespace md
