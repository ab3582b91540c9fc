// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Hands a future's result to a handler on a context object's thread, exactly once.
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

namespace md {

// `handler(const T &)` (or `handler()` for QFuture<void>) runs on `context`'s thread, which must be
// the calling thread; not at all when the future is cancelled or `context` is destroyed first.
template<typename T, typename Handler>
void whenDone(const QFuture<T> &future, QObject *context, Handler handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, handler = std::move(handler)]() mutable {
                         watcher->deleteLater();
                         if constexpr (std::is_void_v<T>) {
                             if (!watcher->isCanceled())
                                 handler();
                         } else if (watcher->future().resultCount() > 0) {
                             handler(watcher->future().result());
                         }
                     });
    watcher->setFuture(future);
}

} // namespace md
