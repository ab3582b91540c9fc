// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A tiny stand-in for the Qinchuan /prepose/ endpoint (real QHttpServer on 127.0.0.1, free port):
// records every request and answers what the test asks for. The whole loop with the real simulator
// lives in tst_commandflow; this one lets the client tests choose odd answers precisely.

#include "client/commandnames.h"
#include "http/httpcompat.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>

namespace md::testing {

struct SeenRequest
{
    QString name;
    QByteArray timestamp, accessToken, authorization, contentType, accept;
    QJsonObject body;
};

class FakePlatform : public QObject
{
public:
    // What the next requests get: HTTP status and, when status is 200 or 4xx, a platform body.
    int status = 200;
    QString returnCode = QStringLiteral("0000");
    QString returnMessage = QStringLiteral("交易成功");
    QList<SeenRequest> seen;

    FakePlatform()
    {
        for (const QString &name : CommandNames::all())
            http::addRoute(m_server, QStringLiteral("/prepose/") + name, [this, name](const QHttpServerRequest &r) {
                SeenRequest s;
                s.name = name;
                s.timestamp = http::headerValue(r, "timestamp");
                s.accessToken = http::headerValue(r, "AccessToken");
                s.authorization = http::headerValue(r, "Authorization");
                s.contentType = http::headerValue(r, "Content-Type");
                s.accept = http::headerValue(r, "Accept");
                s.body = QJsonDocument::fromJson(r.body()).object();
                seen << s;
                if (status >= 500)
                    return http::jsonResponse(QJsonObject{{QStringLiteral("error"), QStringLiteral("busy")}}, status);
                return http::jsonResponse(QJsonObject{{QStringLiteral("returnCode"), returnCode},
                                                      {QStringLiteral("returnMessage"), returnMessage}},
                                          status);
            });
        auto *tcp = new QTcpServer;
        tcp->listen(QHostAddress::LocalHost, 0);
        m_port = tcp->serverPort();
        http::bindServer(m_server, tcp);
        // A peer that accepts and never answers (timeouts).
        m_silent.listen(QHostAddress::LocalHost, 0);
        connect(&m_silent, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_silent.nextPendingConnection())
                s->setParent(&m_silent);
        });
        // A port nobody listens on (connection refused): bind, read the port, close.
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost, 0);
        m_closedPort = closed.serverPort();
        closed.close();
    }

    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString silentUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_silent.serverPort()); }
    QString refusedUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_closedPort); }

private:
    QHttpServer m_server;
    QTcpServer m_silent;
    quint16 m_port = 0;
    quint16 m_closedPort = 0;
};

} // namespace md::testing
