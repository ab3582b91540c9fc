// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionguard.h"

#include "httpcompat.h"

#include <QEvent>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHttpGuard, "md.http.guard")

namespace md::http {

namespace {
thread_local QTcpSocket *t_currentSocket = nullptr;

constexpr qint64 maxChunkLine = 1024;

QByteArray oversizeResponse(const QByteArray &body)
{
    return QByteArrayLiteral("HTTP/1.1 413 Payload Too Large\r\n"
                             "Content-Type: application/json\r\n"
                             "Connection: close\r\n"
                             "Content-Length: ")
        + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body;
}
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ConnectionPolicy &policy)
    : QObject(socket), m_socket(socket), m_policy(policy), m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &ConnectionGuard::readTimedOut);
    if (m_policy.readTimeoutMs > 0)
        m_deadline->start(m_policy.readTimeoutMs);
}

void ConnectionGuard::readTimedOut()
{
    if (m_pins > 0) { // the answer is being prepared: its wait is the store's, not the peer's
        m_deadline->start(m_policy.readTimeoutMs);
        return;
    }
    qCDebug(lcHttpGuard) << "closing a connection from" << m_socket->peerAddress().toString() << "after"
                        << m_policy.readTimeoutMs << "ms without a whole request (" << m_head.size() << "head bytes,"
                        << m_bodyBytes << "body bytes)";
    m_socket->abort();
}

ConnectionGuard *ConnectionGuard::adopt(QTcpSocket *socket, const ConnectionPolicy &policy)
{
    auto *guard = new ConnectionGuard(socket, policy);
    // Answers are small and often written after a wait (the commit): do not let Nagle hold them
    // back for the peer's delayed ACK.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(socket, &QTcpSocket::readyRead, guard, &ConnectionGuard::beforeConsumer);
    socket->installEventFilter(guard);
    return guard;
}

void ConnectionGuard::armAfterConsumer(QTcpSocket *socket)
{
    ConnectionGuard *guard = of(socket);
    if (!guard || guard->m_consumerArmed || guard->m_phase == Phase::Rejected)
        return;
    guard->m_consumerArmed = true;
    connect(socket, &QTcpSocket::readyRead, guard, &ConnectionGuard::afterConsumer);
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

QTcpSocket *ConnectionGuard::currentSocket()
{
    return t_currentSocket;
}

void ConnectionGuard::pin()
{
    ++m_pins;
}

void ConnectionGuard::unpin()
{
    if (m_pins > 0 && m_pins == 1 && m_policy.readTimeoutMs > 0)
        m_deadline->start(m_policy.readTimeoutMs); // the next request's time starts with this answer
    if (m_pins > 0 && --m_pins == 0 && m_deleteHeldBack) {
        m_deleteHeldBack = false;
        m_socket->deleteLater();
    }
}

bool ConnectionGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_socket && event->type() == QEvent::DeferredDelete && m_pins > 0) {
        m_deleteHeldBack = true; // deleted once the pending answer is written (unpin)
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void ConnectionGuard::beforeConsumer()
{
    t_currentSocket = m_socket;
    if (m_phase == Phase::Rejected) {
        m_socket->readAll(); // drained, never buffered
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    // Bytes the consumer left unread last time were counted then. When it has read some of them
    // since (outside a signal), clamp: FIFO reading means the rest is new.
    if (m_leftUnread > available)
        m_leftUnread = available;
    const qint64 fresh = available - m_leftUnread;
    if (fresh <= 0)
        return;
    const QByteArray bytes = m_socket->peek(available);
    const qint64 offset = bytes.size() - fresh;
    if (offset < 0)
        return;
    feed(bytes.constData() + offset, fresh);
    if (!m_consumerArmed)
        m_leftUnread = 0; // without the after-hook assume the consumer reads everything (Qt 6.4 does)
    else
        m_leftUnread = available; // corrected by afterConsumer() once the consumer has read
}

void ConnectionGuard::afterConsumer()
{
    if (t_currentSocket == m_socket)
        t_currentSocket = nullptr;
    if (m_phase != Phase::Rejected)
        m_leftUnread = m_socket->bytesAvailable();
}

void ConnectionGuard::feed(const char *data, qint64 size)
{
    qint64 i = 0;
    while (i < size && m_phase != Phase::Rejected) {
        switch (m_phase) {
        case Phase::Head: {
            // Collect up to the blank line; search only the new bytes plus 3 of overlap.
            const qint64 searchFrom = qMax<qint64>(0, m_head.size() - 3);
            const qint64 take = qMin(size - i, m_policy.maxHeaderBytes + 4 - m_head.size());
            m_head.append(data + i, take);
            const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
            if (end < 0) {
                i += take;
                if (m_head.size() > m_policy.maxHeaderBytes) {
                    reject();
                    return;
                }
                break;
            }
            const qint64 used = (end + 4) - (m_head.size() - take);
            m_head.truncate(end + 4);
            i += used;
            if (!headComplete())
                return;
            break;
        }
        case Phase::Body: {
            const qint64 take = qMin(size - i, m_remaining);
            m_remaining -= take;
            m_bodyBytes += take;
            i += take;
            if (m_remaining == 0)
                requestDone();
            break;
        }
        case Phase::ChunkSize:
        case Phase::Trailer: {
            const char c = data[i++];
            m_line.append(c);
            if (m_line.size() > maxChunkLine) {
                reject();
                return;
            }
            if (!m_line.endsWith("\r\n"))
                break;
            const QByteArray line = m_line.chopped(2);
            m_line.clear();
            if (m_phase == Phase::Trailer) {
                if (line.isEmpty())
                    requestDone();
                break;
            }
            bool ok = false;
            const qint64 chunk = line.split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || chunk < 0) {
                requestDone(); // malformed framing: QHttpServer's parser will refuse it
                break;
            }
            if (chunk == 0) {
                m_phase = Phase::Trailer;
                break;
            }
            m_bodyBytes += chunk;
            if (m_bodyBytes > m_policy.maxBodyBytes) {
                reject();
                return;
            }
            m_remaining = chunk;
            m_phase = Phase::ChunkData;
            break;
        }
        case Phase::ChunkData: {
            const qint64 take = qMin(size - i, m_remaining);
            m_remaining -= take;
            i += take;
            if (m_remaining == 0) {
                m_remaining = 2; // the CRLF after the chunk
                m_phase = Phase::ChunkDataEnd;
            }
            break;
        }
        case Phase::ChunkDataEnd: {
            const qint64 take = qMin(size - i, m_remaining);
            m_remaining -= take;
            i += take;
            if (m_remaining == 0)
                m_phase = Phase::ChunkSize;
            break;
        }
        case Phase::Rejected:
            return;
        }
    }
}

bool ConnectionGuard::headComplete()
{
    bool chunked = false;
    bool expectContinue = false;
    m_declaredLength = -1;
    const QList<QByteArray> lines = m_head.split('\n');
    for (qsizetype n = 1; n < lines.size(); ++n) {
        const QByteArray &line = lines.at(n);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            m_declaredLength = ok ? length : -1;
        } else if (name == "transfer-encoding") {
            chunked = value.toLower().contains("chunked");
        } else if (name == "expect") {
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    m_bodyBytes = 0;
    if (m_declaredLength > m_policy.maxBodyBytes) {
        reject(); // refused before a byte of the body is read
        return false;
    }
    if (expectContinue && !serverAnswersExpectContinue())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (chunked) {
        m_phase = Phase::ChunkSize;
    } else if (m_declaredLength > 0) {
        m_remaining = m_declaredLength;
        m_phase = Phase::Body;
    } else {
        requestDone();
    }
    return true;
}

void ConnectionGuard::requestDone()
{
    ++m_requestsSeen;
    if (m_policy.readTimeoutMs > 0)
        m_deadline->start(m_policy.readTimeoutMs);
    m_head.clear();
    m_line.clear();
    m_remaining = 0;
    m_bodyBytes = 0;
    m_phase = Phase::Head;
}

void ConnectionGuard::reject()
{
    m_phase = Phase::Rejected;
    m_deadline->stop(); // the lingering close below has its own timers
    qCInfo(lcHttpGuard) << "refusing an oversize request from" << m_socket->peerAddress().toString()
                        << "declared" << m_declaredLength << "received" << m_bodyBytes;
    // Nobody else reads this socket again: QHttpServer's slot is cut off (also for the signal being
    // delivered right now) and whatever arrives is drained, never buffered.
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeConsumer);
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    m_socket->readAll();
    m_socket->write(oversizeResponse(m_policy.oversizeBody));
    // Lingering close: keep draining (and discarding) for a moment, so a client still sending
    // reads the 413 instead of a connection reset (closing with unread input sends RST, and the
    // client's kernel may drop the answer with it). Well-behaved clients close on the 413 first.
    QPointer<QTcpSocket> socket = m_socket;
    QTimer::singleShot(1000, m_socket, [socket] {
        if (socket)
            socket->disconnectFromHost();
    });
    QTimer::singleShot(5000, m_socket, [socket] {
        if (socket && socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
    });
    if (m_policy.onRejected) {
        RejectedRequest info;
        info.remote = m_socket->peerAddress();
        info.head = m_head.left(m_policy.maxHeaderBytes);
        info.declaredLength = m_declaredLength;
        info.receivedBodyBytes = m_bodyBytes;
        info.httpStatus = 413;
        m_policy.onRejected(info);
    }
}

} // namespace md::http
