// SPDX-License-Identifier: GPL-3.0-or-later
#include "listenerworker.h"

#include "http/boundedtcpserver.h"
#include "core/whendone.h"
#include "http/httpcompat.h"
#include "protocol/catalog.h"
#include "storage/store.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

#include "quarantinereplay.h"

Q_DECLARE_LOGGING_CATEGORY(lcListener)

namespace md {

namespace {

Error configError(const QString &key, const QString &detail)
{
    return Error{QString(), key, detail};
}

QString normalisedPrefix(QString prefix)
{
    prefix = prefix.trimmed();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    if (!prefix.isEmpty() && !prefix.startsWith(QLatin1Char('/')))
        prefix.prepend(QLatin1Char('/'));
    return prefix;
}

std::optional<QHostAddress> hostAddress(const QString &host)
{
    const QString h = host.trimmed();
    if (h.isEmpty() || h == QLatin1String("0.0.0.0") || h == QLatin1String("*"))
        return QHostAddress(QHostAddress::AnyIPv4);
    if (h == QLatin1String("::"))
        return QHostAddress(QHostAddress::Any);
    if (h.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(h))
        return std::nullopt;
    return address;
}

} // namespace

ListenerWorker::ListenerWorker(std::shared_ptr<Store> store, UploadPipeline::Notify notify)
    : m_store(std::move(store)), m_notify(std::move(notify))
{
}

ListenerWorker::~ListenerWorker()
{
    closeNow();
}

Result<ListenerAddress> ListenerWorker::open(const ListenerSettings &listener, const PlatformSettings &platform)
{
    const std::optional<QHostAddress> address = hostAddress(listener.host);
    if (!address)
        return configError(QStringLiteral("listener/host"), QStringLiteral("not an IP address: %1").arg(listener.host));
    if (listener.maxBodyBytes <= 0)
        return configError(QStringLiteral("listener/maxBodyBytes"), QStringLiteral("must be positive"));
    if (Result<void> tlsFiles = listener.checkTls(); !tlsFiles)
        return tlsFiles.error();
    const bool tls = !listener.tlsCertificate.isEmpty();
    QSslConfiguration tlsConfiguration;
    if (tls) {
        QString error;
        if (!http::loadTlsConfiguration(listener.tlsCertificate, listener.tlsKey, &tlsConfiguration, &error))
            return configError(QStringLiteral("listener/tlsCertificate"), error);
        if (!listener.tlsClientCa.isEmpty() && !http::requireClientCertificates(listener.tlsClientCa, &tlsConfiguration, &error))
            return configError(QStringLiteral("listener/tlsClientCa"), error);
    }

    auto pipeline = std::make_shared<UploadPipeline>(m_store, PipelineConfig::from(platform, listener), m_notify);

    http::ConnectionPolicy policy;
    policy.maxBodyBytes = listener.maxBodyBytes;
    policy.readTimeoutMs = listener.readTimeoutSeconds * 1000;
    policy.maxConnections = listener.maxConnections;
    const Error tooLarge{QStringLiteral("9002"), QStringLiteral("body"), {}};
    policy.oversizeBody = QJsonDocument(QJsonObject{{QStringLiteral("returnCode"), tooLarge.code},
                                                    {QStringLiteral("returnMessage"), tooLarge.message()}})
                              .toJson(QJsonDocument::Compact);
    std::weak_ptr<UploadPipeline> weak = pipeline;
    policy.onRejected = [weak](const http::RejectedRequest &r) {
        if (auto p = weak.lock())
            p->journalOversize(r.remote.toString(), r.head, r.declaredLength);
    };

    QTcpServer *tcp = tls ? static_cast<QTcpServer *>(new http::BoundedSslServer(policy, tlsConfiguration))
                          : new http::BoundedTcpServer(policy);
    tcp->setListenBacklogSize(1024); // bursts of meters waking at the same minute
    if (!tcp->listen(*address, listener.port)) {
        const QString why = tcp->errorString();
        // The socket error travels as the code ("socket-<QAbstractSocket::SocketError>") so the console
        // can say in the operator's language what happened; the system's own text stays in detail.
        Error e = configError(QStringLiteral("listener/port"),
                              QStringLiteral("cannot listen on %1:%2: %3").arg(listener.host).arg(listener.port).arg(why));
        e.code = QStringLiteral("socket-%1").arg(int(tcp->serverError()));
        delete tcp;
        return e;
    }

    auto *server = new QHttpServer(this);
    if (!http::bindServer(*server, tcp)) {
        delete tcp;
        delete server;
        return configError(QStringLiteral("listener/port"), QStringLiteral("QHttpServer refused the socket"));
    }
    const QString prefix = normalisedPrefix(listener.pathPrefix);
    const Catalog &catalog = Catalog::instance();
    for (const QString &name : catalog.uploadRouteNames()) {
        const MessageSpec *spec = catalog.upload(name);
        if (!spec)
            continue;
        http::addDeferredRoute(*server, prefix + QLatin1Char('/') + name,
                            [pipeline, spec](const QHttpServerRequest &request) { return pipeline->handle(request, *spec); });
    }
    http::setMissingHandler(*server, server, [pipeline](const QHttpServerRequest &request) {
        return pipeline->handleUnknownPath(request);
    });

    if (m_server)
        retire(m_server);
    m_server = server;
    m_tcp = tcp;
    m_pipeline = pipeline;
    delete m_replay;
    m_replay = new QuarantineReplay(m_store, PipelineConfig::from(platform, listener).codec, this);
    m_replay->start();

    ListenerAddress bound;
    bound.host = tcp->serverAddress().toString();
    bound.port = tcp->serverPort();
    bound.tls = tls;
    qCInfo(lcListener).noquote() << "listening on" << bound.url() << "prefix" << prefix;
    return bound;
}

void ListenerWorker::retire(QHttpServer *server)
{
    // Stop accepting at once; connections in flight keep their sockets a little longer so their
    // answers (waiting for the writer) can still go out.
    for (QTcpServer *tcp : server->findChildren<QTcpServer *>(QString(), Qt::FindDirectChildrenOnly))
        tcp->close();
    QTimer::singleShot(10000, server, &QObject::deleteLater);
}

void ListenerWorker::close(std::function<void()> done)
{
    if (!m_server) {
        done();
        return;
    }
    if (m_tcp)
        m_tcp->close();
    QPointer<QHttpServer> server = m_server;
    m_server = nullptr;
    m_tcp = nullptr;
    m_pipeline.reset();
    // Everything queued before this point commits; its answers are delivered through queued
    // continuations on this thread, so give the event loop a moment before the sockets go.
    whenFinished(m_store->flush(), this, [server, done](const QFuture<void> &) {
        QTimer::singleShot(100, [server, done] {
            delete server.data();
            done();
        });
    });
}

void ListenerWorker::closeNow()
{
    delete m_server.data();
    m_server = nullptr;
    m_tcp = nullptr;
    m_pipeline.reset();
}

} // namespace md
