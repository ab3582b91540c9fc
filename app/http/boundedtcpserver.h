// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Listening servers that put a ConnectionGuard on every socket before QHttpServer gets it: the
// guard's readyRead slot is connected first, so it sees every byte before QHttpServer parses it.
// The hook is nextPendingConnection(), which QHttpServer calls in a loop until it returns null (6.4
// and 6.8 alike): the guard is installed when a socket is handed out, and armed "after the consumer"
// on the next call, when QHttpServer has connected its own slots.
// Both cap the open connections at ConnectionPolicy::maxConnections: a new one over the cap closes
// the connection idle the longest (connected, nothing asked, nothing pending), or is refused itself
// when none is idle, so a flood of idle sockets never locks a real upload out.

#include "connectionguard.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>

namespace md::http {

class BoundedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit BoundedTcpServer(ConnectionPolicy policy, QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;
    const ConnectionPolicy &policy() const { return m_policy; }

private:
    ConnectionPolicy m_policy;
    QPointer<QTcpSocket> m_lastHanded;
    QList<QPointer<QTcpSocket>> m_open;
};

// The same over TLS (QSslServer completes the handshake before handing the socket out).
class BoundedSslServer : public QSslServer
{
    Q_OBJECT
public:
    BoundedSslServer(ConnectionPolicy policy, const QSslConfiguration &tls, QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;
    const ConnectionPolicy &policy() const { return m_policy; }

private:
    ConnectionPolicy m_policy;
    QPointer<QTcpSocket> m_lastHanded;
    QList<QPointer<QTcpSocket>> m_open;
};

// Loads a PEM certificate (chain) and key for BoundedSslServer. Error text names the file at fault.
bool loadTlsConfiguration(const QString &certificatePem, const QString &keyPem, QSslConfiguration *out,
                          QString *error);
// Mutual TLS: the handshake fails unless the client presents a certificate that chains to one of the
// CA certificates in caPem (and only those: the system's CAs vouch for no client here).
bool requireClientCertificates(const QString &caPem, QSslConfiguration *tls, QString *error);

} // namespace md::http
