// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// whenFinished(future, context, f): runs f(future) on context's thread once the future is finished.
// Used instead of QFuture::then(context, ...), whose Qt 6.4 implementation crashed here when chained
// across threads (QPromise::start on a moved-from interface). Call it on context's thread.

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace md::http {

template<typename T, typename F>
void whenFinished(const QFuture<T> &future, QObject *context, F &&f)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, f = std::forward<F>(f)]() mutable {
                         f(watcher->future());
                         watcher->deleteLater();
                     });
    watcher->setFuture(future);
}

} // namespace md::http
