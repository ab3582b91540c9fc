// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// THE one place for the differences of QHttpServer between Qt 6.4 (Debian 12) and 6.8 LTS (Windows
// builds). Everything else in MeterDesk calls these functions and never checks QT_VERSION for
// QHttpServer. Differences hidden here:
//   - bind(): void in 6.4, bool in 6.8;
//   - the missing handler: std::function(request, QHttpServerResponder&&) in 6.4, a context object
//     and (request, QHttpServerResponder&) in 6.8;
//   - the after-request hook: afterRequest(response&&, request) in 6.4, addAfterRequestHandler in 6.8;
//   - headers: a list of pairs in 6.4, QHttpHeaders in 6.8; response headers likewise;
//   - asynchronous answers: 6.4's QFuture path keeps raw pointers to the socket and the request, so
//     a client that hangs up before the answer is ready crashes it; here 6.4 answers through a
//     responder whose socket is pinned by ConnectionGuard until the answer is written. 6.8 (whose
//     QHttpServerStream tracks the socket) takes the QFuture directly;
//   - Expect: 100-continue: answered by QHttpServer from 6.5 on, by ConnectionGuard before.

#include <QByteArray>
#include <QByteArrayView>
#include <QFuture>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

class QTcpServer;

namespace md::http {

// True when QHttpServer itself answers "Expect: 100-continue" (Qt >= 6.5).
constexpr bool serverAnswersExpectContinue()
{
    return QT_VERSION >= QT_VERSION_CHECK(6, 5, 0);
}

// A request header, case-insensitive; empty when absent.
QByteArray headerValue(const QHttpServerRequest &request, QByteArrayView name);
// All request headers in arrival order, names as sent.
QList<QPair<QByteArray, QByteArray>> headerList(const QHttpServerRequest &request);

// Hands a listening server to QHttpServer (which becomes its parent). False when it is not listening.
bool bindServer(QHttpServer &server, QTcpServer *tcpServer);

using SyncHandler = std::function<QHttpServerResponse(const QHttpServerRequest &)>;
using AsyncHandler = std::function<QFuture<QHttpServerResponse>(const QHttpServerRequest &)>;
using AfterRequestHook = std::function<void(const QHttpServerRequest &, QHttpServerResponse &)>;

// Answers every request no route took (context: an object in the server's thread).
void setMissingHandler(QHttpServer &server, QObject *context, SyncHandler handler);
// Runs on every response of synchronous routes before it is sent (6.4 and 6.8 alike skip the
// missing handler; asynchronous routes get it too).
void addAfterRequestHook(QHttpServer &server, QObject *context, AfterRequestHook hook);

// Routes `path` for every method: the handler decides what a wrong method gets (QHttpServer would
// send a bare 404). Returns false when QHttpServer refused the rule.
bool addRoute(QHttpServer &server, const QString &path, SyncHandler handler);
// The same with an asynchronous answer: the listener thread does not wait for the future. The
// future may resolve on any thread. On 6.4 the server must sit on a BoundedTcpServer/BoundedSslServer
// (which pins the socket until the answer is written); without one the answer is awaited in place.
bool addAsyncRoute(QHttpServer &server, const QString &path, AsyncHandler handler);

// An answer made on the server's thread once `ready` has finished (on any thread): `answer` runs
// then, there, exactly once, also when the client has hung up meanwhile (nothing is written then).
// Cheaper than an AsyncHandler whose future is a second one derived from the first: one watcher
// per request and no second promise.
struct DeferredResponse
{
    QFuture<void> ready;
    std::function<QHttpServerResponse()> answer;
};
using DeferredHandler = std::function<DeferredResponse(const QHttpServerRequest &)>;
// As addAsyncRoute, for deferred answers.
bool addDeferredRoute(QHttpServer &server, const QString &path, DeferredHandler handler);

void setResponseHeader(QHttpServerResponse &response, const QByteArray &name, const QByteArray &value);

// Small helpers that read the same on both versions.
QHttpServerResponse jsonResponse(const QJsonObject &body, int httpStatus = 200);
QFuture<QHttpServerResponse> readyResponse(QHttpServerResponse &&response);

} // namespace md::http
