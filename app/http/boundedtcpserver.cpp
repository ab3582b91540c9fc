// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundedtcpserver.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttpServer, "md.http.server")

namespace md::http {

namespace {
// Shared by both servers: arm the previous socket (its consumer is connected by now), guard the new.
QTcpSocket *handOut(QTcpSocket *socket, QPointer<QTcpSocket> &lastHanded, const ConnectionPolicy &policy)
{
    if (lastHanded)
        ConnectionGuard::armAfterConsumer(lastHanded);
    lastHanded = socket;
    if (socket && !ConnectionGuard::of(socket))
        ConnectionGuard::adopt(socket, policy);
    return socket;
}

// Room for one more connection under the cap: drops closed sockets from `open`, then closes the
// oldest idle one if still at the cap. False when every open connection is busy.
bool makeRoom(QList<QPointer<QTcpSocket>> &open, int cap)
{
    open.removeIf([](const QPointer<QTcpSocket> &s) { return !s || s->state() != QAbstractSocket::ConnectedState; });
    if (cap <= 0 || open.size() < cap)
        return true;
    for (qsizetype i = 0; i < open.size(); ++i) {
        ConnectionGuard *guard = ConnectionGuard::of(open.at(i));
        if (guard && guard->isIdle()) {
            QPointer<QTcpSocket> victim = open.takeAt(i);
            qCDebug(lcHttpServer) << "connection cap" << cap << "reached: closing an idle connection from"
                                 << victim->peerAddress().toString();
            victim->abort();
            return true;
        }
    }
    return false;
}

// The next pending connection that fits under the cap (refused ones are closed here).
template<typename Server, typename Next>
QTcpSocket *nextWithinCap(Server *server, QList<QPointer<QTcpSocket>> &open, int cap, Next next)
{
    for (;;) {
        QTcpSocket *socket = next();
        if (!socket)
            return nullptr;
        if (makeRoom(open, cap)) {
            open.append(socket);
            return socket;
        }
        qCWarning(lcHttpServer) << "connection cap" << cap << "reached and every connection busy: refusing"
                                << socket->peerAddress().toString();
        socket->abort();
        socket->deleteLater();
        Q_UNUSED(server);
    }
}
} // namespace

BoundedTcpServer::BoundedTcpServer(ConnectionPolicy policy, QObject *parent)
    : QTcpServer(parent), m_policy(std::move(policy))
{
}

QTcpSocket *BoundedTcpServer::nextPendingConnection()
{
    return handOut(nextWithinCap(this, m_open, m_policy.maxConnections, [this] { return QTcpServer::nextPendingConnection(); }),
                   m_lastHanded, m_policy);
}

BoundedSslServer::BoundedSslServer(ConnectionPolicy policy, const QSslConfiguration &tls, QObject *parent)
    : QSslServer(parent), m_policy(std::move(policy))
{
    setSslConfiguration(tls);
    // A peer that connects and never finishes the handshake is dropped as an idle one would be.
    if (m_policy.readTimeoutMs > 0)
        setHandshakeTimeout(m_policy.readTimeoutMs);
}

QTcpSocket *BoundedSslServer::nextPendingConnection()
{
    return handOut(nextWithinCap(this, m_open, m_policy.maxConnections, [this] { return QSslServer::nextPendingConnection(); }),
                   m_lastHanded, m_policy);
}

bool loadTlsConfiguration(const QString &certificatePem, const QString &keyPem, QSslConfiguration *out,
                          QString *error)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(certificatePem);
        return false;
    }
    QFile keyFile(keyPem);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(keyPem, keyFile.errorString());
        return false;
    }
    const QByteArray keyBytes = keyFile.readAll();
    QSslKey key(keyBytes, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error = QStringLiteral("no RSA or EC private key in %1").arg(keyPem);
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    *out = tls;
    return true;
}

bool requireClientCertificates(const QString &caPem, QSslConfiguration *tls, QString *error)
{
    const QList<QSslCertificate> cas = QSslCertificate::fromPath(caPem, QSsl::Pem);
    if (cas.isEmpty()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(caPem);
        return false;
    }
    tls->setCaCertificates(cas);
    tls->setPeerVerifyMode(QSslSocket::VerifyPeer);
    return true;
}

} // namespace md::http
