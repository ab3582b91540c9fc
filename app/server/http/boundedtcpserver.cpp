// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundedtcpserver.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>

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
} // namespace

BoundedTcpServer::BoundedTcpServer(ConnectionPolicy policy, QObject *parent)
    : QTcpServer(parent), m_policy(std::move(policy))
{
}

QTcpSocket *BoundedTcpServer::nextPendingConnection()
{
    return handOut(QTcpServer::nextPendingConnection(), m_lastHanded, m_policy);
}

BoundedSslServer::BoundedSslServer(ConnectionPolicy policy, const QSslConfiguration &tls, QObject *parent)
    : QSslServer(parent), m_policy(std::move(policy))
{
    setSslConfiguration(tls);
}

QTcpSocket *BoundedSslServer::nextPendingConnection()
{
    return handOut(QSslServer::nextPendingConnection(), m_lastHanded, m_policy);
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

} // namespace md::http
