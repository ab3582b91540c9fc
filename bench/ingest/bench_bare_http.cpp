// SPDX-License-Identifier: GPL-3.0-or-later
// The ceiling for bench/ingest/run.sh: a bare QHttpServer on 127.0.0.1 answering every request with
// a fixed {"returnCode":"0000"} and nothing else. Prints "listening on http://127.0.0.1:PORT".
#include "http/httpcompat.h"

#include <QCoreApplication>
#include <QHttpServer>
#include <QJsonObject>
#include <QTcpServer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const quint16 port = argc > 1 ? quint16(QByteArray(argv[1]).toUInt()) : 0;
    QHttpServer server;
    auto *tcp = new QTcpServer;
    tcp->setListenBacklogSize(1024);
    if (!tcp->listen(QHostAddress::LocalHost, port) || !md::http::bindServer(server, tcp)) {
        QTextStream(stderr) << "cannot listen: " << tcp->errorString() << Qt::endl;
        return 1;
    }
    const QJsonObject ok{{QStringLiteral("returnCode"), QStringLiteral("0000")},
                         {QStringLiteral("returnMessage"), QStringLiteral("交易成功")}};
    md::http::setMissingHandler(server, &server, [ok](const QHttpServerRequest &) { return md::http::jsonResponse(ok); });
    QTextStream(stdout) << "listening on http://127.0.0.1:" << tcp->serverPort() << Qt::endl;
    return app.exec();
}
