// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One ConnectionGuard per accepted socket, installed by BoundedTcpServer / BoundedSslServer before
// QHttpServer sees the socket. It watches the raw request stream as it arrives (its readyRead slot
// runs before QHttpServer's) and
//   - refuses a body over maxBodyBytes with 413 and a JSON body, then closes, without reading the
//     rest: a Content-Length over the cap is refused as soon as the headers are in, a chunked body
//     when its running total passes the cap;
//   - answers "Expect: 100-continue" on Qt < 6.5 (QHttpServer does from 6.5 on);
//   - closes a connection that does not deliver a whole request within readTimeoutMs (idle after
//     connecting or after its last answer, or a body dripping in a byte at a time), so idle and
//     slow peers cannot hold the listener's sockets; never while an answer is pending;
//   - pins the socket (swallows its deferred deletion) while an asynchronous answer is pending, so
//     Qt 6.4's responder never writes to a deleted socket (see httpcompat.cpp).
// Only bytes are counted here; what a request means is the business of the routes.

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <functional>

class QTcpSocket;
class QTimer;

namespace md::http {

// What the guard tells its owner about a request it refused (journal it, count it).
struct RejectedRequest
{
    QHostAddress remote;
    QByteArray head;        // request line and headers as received (up to maxHeaderBytes)
    qint64 declaredLength = -1; // Content-Length, -1 when none (chunked)
    qint64 receivedBodyBytes = 0;
    int httpStatus = 413;
};

struct ConnectionPolicy
{
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    qint64 maxHeaderBytes = 64 * 1024;
    int readTimeoutMs = 30000;  // a whole request (head and body) within this, else the socket closes
    int maxConnections = 1000;  // BoundedTcpServer: over this, the longest-idle connection makes room
    // The body of the 413 answer (JSON). Generic default; the listener puts its dictionary text in.
    QByteArray oversizeBody = QByteArrayLiteral(
        R"({"returnCode":"9002","returnMessage":"request body too large"})");
    // Called on the socket's thread after the 413 was queued for sending.
    std::function<void(const RejectedRequest &)> onRejected;
};

class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    // Creates the guard as a child of the socket and connects its readyRead slot (call this before
    // anyone else connects to the socket's readyRead).
    static ConnectionGuard *adopt(QTcpSocket *socket, const ConnectionPolicy &policy);
    // Call once the consumer (QHttpServer) has connected its own readyRead slot: the guard then
    // learns how many bytes the consumer left unread after each signal, so it never counts a byte
    // twice whatever the consumer's reading strategy.
    static void armAfterConsumer(QTcpSocket *socket);
    static ConnectionGuard *of(QTcpSocket *socket);

    // The socket whose readyRead is being delivered on this thread right now (nullptr outside):
    // QHttpServer calls route handlers synchronously from that signal.
    static QTcpSocket *currentSocket();

    // Keeps the socket object alive (its deleteLater() is held back) until unpin().
    void pin();
    void unpin();

    qint64 requestsSeen() const { return m_requestsSeen; }
    // No request in progress and no answer pending: a connection that may be closed to make room.
    bool isIdle() const { return m_phase == Phase::Head && m_head.isEmpty() && m_pins == 0; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ConnectionGuard(QTcpSocket *socket, const ConnectionPolicy &policy);
    void beforeConsumer();
    void afterConsumer();
    void feed(const char *data, qint64 size);
    bool headComplete();
    void requestDone();
    void reject();
    void readTimedOut();

    enum class Phase { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer, Rejected };

    QTcpSocket *m_socket;
    ConnectionPolicy m_policy;
    Phase m_phase = Phase::Head;
    QByteArray m_head;
    QByteArray m_line;          // chunk-size or trailer line being collected
    qint64 m_remaining = 0;     // body or chunk bytes still to come
    qint64 m_declaredLength = -1;
    qint64 m_bodyBytes = 0;
    qint64 m_leftUnread = 0;    // bytes the consumer left in the buffer after the last signal
    qint64 m_requestsSeen = 0;
    bool m_consumerArmed = false;
    int m_pins = 0;
    bool m_deleteHeldBack = false;
    QTimer *m_deadline = nullptr;
};

} // namespace md::http
