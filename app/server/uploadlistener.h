// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The embedded receiver: QHttpServer on its own QThread (never the GUI thread), on a listening
// BoundedTcpServer (or BoundedSslServer when a certificate and key are configured) made by us, so
// it works the same on Qt 6.4 and 6.8. Routes {pathPrefix}/{name} for every upload name and alias
// the catalogue lists, each answered by UploadPipeline.
//
// Threading: construct, start and stop from one thread (the GUI's); signals arrive there queued.
// start() while running rebinds: the new port is opened first and the old one closed only when the
// new one listens, so a failed move leaves the receiver where it was.

#include "uploadpipeline.h"

#include "core/result.h"
#include "core/settings.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace md {

class Store;
class ListenerWorker;

struct ListenerAddress
{
    QString host;
    quint16 port = 0;
    bool tls = false;
    QString url() const; // http://127.0.0.1:8080 (IPv6 in brackets)
};

class UploadListener : public QObject
{
    Q_OBJECT
public:
    explicit UploadListener(std::shared_ptr<Store> store, QObject *parent = nullptr);
    ~UploadListener() override; // stops and joins the thread

    // Opens (or moves to) host:port (port 0: any free port). Resolves with the bound address, or
    // an error naming the setting at fault ("listener/port", "listener/tlsCertificate", ...).
    // Do not wait on the future in the GUI thread: use .then(this, ...) or the signals.
    QFuture<Result<ListenerAddress>> start(const ListenerSettings &listener, const PlatformSettings &platform);
    // Stops accepting, lets the requests in flight finish (their writes commit), closes.
    QFuture<void> stop();

    bool isListening() const { return m_listening.load(); }
    ListenerAddress address() const;
    qint64 requestsToday() const { return m_requestsToday.load(); }
    qint64 lastUploadAt() const { return m_lastUploadAt.load(); } // epoch seconds, 0: none yet
    // The platform's clock minus this desk's, from the signed timestamps of the last 15 authentic
    // uploads (median); 0 before the first.
    qint64 clockSkewSeconds() const { return m_clockSkew.load(); }

Q_SIGNALS:
    void listening(const QString &address, quint16 port);
    void stopped();
    void failed(const QString &error);
    void requestHandled(const QString &name, const QString &returnCode, const QString &meterNo);
    // clockSkewSeconds() changed (seen in an upload taken, or refused only for the clock window).
    void clockSkewObserved(qint64 platformMinusDeskSeconds);

private:
    void onHandled(const HandledRequest &handled); // any thread
    void setAddress(const ListenerAddress &address, bool listening);

    struct Sink; // what the pipeline's callbacks reach, shared so they outlive neither side

    std::shared_ptr<Store> m_store;
    std::shared_ptr<Sink> m_sink;
    QThread *m_thread = nullptr;
    ListenerWorker *m_worker = nullptr;
    std::atomic<bool> m_listening{false};
    std::atomic<qint64> m_requestsToday{0};
    std::atomic<qint64> m_lastUploadAt{0};
    std::atomic<qint64> m_clockSkew{0};
    mutable QMutex m_addressMutex;
    ListenerAddress m_address;
};

} // namespace md
