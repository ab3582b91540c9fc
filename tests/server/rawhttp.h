// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A tiny blocking HTTP/1.1 client over QTcpSocket for tests: the server under test runs on its own
// thread, so the test thread may block. Raw on purpose: tests need to send what QNetworkAccessManager
// never would (oversize claims, Expect: 100-continue, hang-ups, 200 sockets at once).

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTcpSocket>

namespace md::testing::rawhttp {

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct Reply
{
    int status = 0;          // 0: no answer
    QByteArray head;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString returnCode() const { return json().value(QStringLiteral("returnCode")).toString(); }
    QString returnMessage() const { return json().value(QStringLiteral("returnMessage")).toString(); }
};

inline QByteArray request(const QByteArray &method, const QByteArray &path, const Headers &headers,
                          const QByteArray &body, bool withLength = true)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (withLength)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

// Reads one final (non-1xx) response from `socket`, waiting up to `timeoutMs` in total.
inline Reply readReply(QTcpSocket &socket, int timeoutMs = 10000)
{
    Reply reply;
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        buffer += socket.readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                break;
            const QByteArray head = buffer.left(end);
            const int status = head.mid(9, 3).toInt();
            if (status >= 100 && status < 200) { // interim: skip
                buffer.remove(0, end + 4);
                continue;
            }
            qint64 length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() - (end + 4) >= length) {
                reply.status = status;
                reply.head = head;
                reply.body = buffer.mid(end + 4, length);
                return reply;
            }
            break;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        socket.waitForReadyRead(50);
    }
    return reply;
}

inline Reply send(quint16 port, const QByteArray &raw, int timeoutMs = 10000)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(raw);
    socket.flush();
    return readReply(socket, timeoutMs);
}

inline Reply post(quint16 port, const QByteArray &path, const Headers &headers, const QByteArray &body)
{
    return send(port, request("POST", path, headers, body));
}

// VmRSS / VmHWM of this process in KiB (Linux), 0 elsewhere.
inline qint64 procStatusKiB(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key) + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace md::testing::rawhttp
