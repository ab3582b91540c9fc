// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadlistener.h"

#include <algorithm>

#include "listenerworker.h"

#include "core/timeformat.h"
#include "storage/store.h"
#include "storage/storenotifier.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QPromise>
#include <QThread>

namespace md {

QString ListenerAddress::url() const
{
    const QString h = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1://%2:%3").arg(tls ? QStringLiteral("https") : QStringLiteral("http"), h).arg(port);
}

// The pipeline reports from the listener and writer threads; the listener may be gone by then.
struct UploadListener::Sink
{
    QMutex mutex;
    UploadListener *owner = nullptr;
    PlatformTime time;
    qint64 countDay = 0;
    QList<qint64> skews; // platform minus desk, the last accepted uploads
};

UploadListener::UploadListener(std::shared_ptr<Store> store, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_sink(std::make_shared<Sink>())
{
    m_sink->owner = this;
    std::shared_ptr<Sink> sink = m_sink;
    auto notify = [sink](const HandledRequest &handled) {
        QMutexLocker lock(&sink->mutex);
        if (sink->owner)
            sink->owner->onHandled(handled);
    };
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("md-listener"));
    m_worker = new ListenerWorker(m_store, notify);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

UploadListener::~UploadListener()
{
    {
        QMutexLocker lock(&m_sink->mutex);
        m_sink->owner = nullptr;
    }
    ListenerWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->closeNow(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QFuture<Result<ListenerAddress>> UploadListener::start(const ListenerSettings &listener, const PlatformSettings &platform)
{
    auto promise = std::make_shared<QPromise<Result<ListenerAddress>>>();
    promise->start();
    QFuture<Result<ListenerAddress>> future = promise->future();
    {
        QMutexLocker lock(&m_sink->mutex);
        m_sink->time = PlatformTime(platform.timeZone);
    }
    ListenerWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [this, worker, promise, listener, platform] {
        Result<ListenerAddress> opened = worker->open(listener, platform);
        if (opened) {
            setAddress(opened.value(), true);
            Q_EMIT listening(opened->host, opened->port);
        } else {
            Q_EMIT failed(opened.error().path + QStringLiteral(": ") + opened.error().detail);
        }
        promise->addResult(opened);
        promise->finish();
    }, Qt::QueuedConnection);
    return future;
}

QFuture<void> UploadListener::stop()
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> future = promise->future();
    ListenerWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [this, worker, promise] {
        worker->close([this, promise] {
            setAddress(ListenerAddress{}, false);
            Q_EMIT stopped();
            promise->finish();
        });
    }, Qt::QueuedConnection);
    return future;
}

ListenerAddress UploadListener::address() const
{
    QMutexLocker lock(&m_addressMutex);
    return m_address;
}

void UploadListener::setAddress(const ListenerAddress &address, bool listening)
{
    QMutexLocker lock(&m_addressMutex);
    m_address = address;
    m_listening = listening;
}

void UploadListener::onHandled(const HandledRequest &handled)
{
    // Called with m_sink->mutex held, from the listener or the writer thread.
    const qint64 day = m_sink->time.dateOf(handled.at ? handled.at : QDateTime::currentSecsSinceEpoch()).toJulianDay();
    if (day != m_sink->countDay) {
        m_sink->countDay = day;
        m_requestsToday = 0;
    }
    ++m_requestsToday;
    if (handled.returnCode == QLatin1String("0000"))
        m_lastUploadAt = qMax(m_lastUploadAt.load(), handled.at);
    Q_EMIT requestHandled(handled.endpoint, handled.returnCode, handled.meterNo);
    // One more kind of change: a console shows the counters from its change feed, debounced with
    // the rows the request wrote.
    if (StoreNotifier *notifier = m_store->notifier())
        Q_EMIT notifier->requestsCounted(m_requestsToday.load(), m_lastUploadAt.load());
    if (handled.peerClock > 0) {
        // A median: one meter with a wrong clock or a delayed retry does not move the estimate.
        QList<qint64> &skews = m_sink->skews;
        skews.append(handled.peerClock - handled.at);
        if (skews.size() > 15)
            skews.removeFirst();
        QList<qint64> sorted = skews;
        std::sort(sorted.begin(), sorted.end());
        const qint64 skew = sorted.at(sorted.size() / 2);
        if (m_clockSkew.exchange(skew) != skew)
            Q_EMIT clockSkewObserved(skew);
    }
}

} // namespace md
