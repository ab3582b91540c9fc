// SPDX-License-Identifier: GPL-3.0-or-later
// Every QT_VERSION check about QHttpServer lives in this file (see httpcompat.h for the list).
#include "httpcompat.h"

#include "connectionguard.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QPromise>
#include <QTcpServer>
#include <QTcpSocket>

#include <QHttpServerResponder>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace md::http {

QByteArray headerValue(const QHttpServerRequest &request, QByteArrayView name)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // QHttpHeaders compares names case-insensitively; names are Latin-1.
    return request.headers().value(QLatin1StringView(name.data(), name.size())).toByteArray();
#else
    return request.value(name.toByteArray()); // 6.4 hashes the lower-cased name
#endif
}

QList<QPair<QByteArray, QByteArray>> headerList(const QHttpServerRequest &request)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QList<QPair<QByteArray, QByteArray>> list;
    const QHttpHeaders headers = request.headers();
    list.reserve(headers.size());
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QLatin1StringView headerName = headers.nameAt(i);
        list.append({QByteArray(headerName.data(), headerName.size()), headers.valueAt(i).toByteArray()});
    }
    return list;
#else
    return request.headers();
#endif
}

bool bindServer(QHttpServer &server, QTcpServer *tcpServer)
{
    if (!tcpServer || !tcpServer->isListening())
        return false;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return server.bind(tcpServer);
#else
    server.bind(tcpServer); // void in 6.4
    return true;
#endif
}

void setMissingHandler(QHttpServer &server, QObject *context, SyncHandler handler)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    server.setMissingHandler(context, [handler](const QHttpServerRequest &request, QHttpServerResponder &responder) {
        responder.sendResponse(handler(request));
    });
#else
    Q_UNUSED(context);
    server.setMissingHandler([handler](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handler(request).write(std::move(responder));
    });
#endif
}

void addAfterRequestHook(QHttpServer &server, QObject *context, AfterRequestHook hook)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    server.addAfterRequestHandler(context, [hook](const QHttpServerRequest &request, QHttpServerResponse &response) {
        hook(request, response);
    });
#else
    Q_UNUSED(context);
    server.afterRequest([hook](QHttpServerResponse &&response, const QHttpServerRequest &request) {
        hook(request, response);
        return std::move(response);
    });
#endif
}

bool addRoute(QHttpServer &server, const QString &path, SyncHandler handler)
{
    auto view = [handler](const QHttpServerRequest &request) { return handler(request); };
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return server.route(path, std::move(view)) != nullptr;
#else
    return server.route(path, std::move(view));
#endif
}

bool addAsyncRoute(QHttpServer &server, const QString &path, AsyncHandler handler)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // QHttpServerStream (6.5+) keeps the socket and the request until the responder is gone.
    auto view = [handler](const QHttpServerRequest &request) { return handler(request); };
#  if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return server.route(path, std::move(view)) != nullptr;
#  else
    return server.route(path, std::move(view));
#  endif
#else
    // 6.4: answered as a deferred route (which pins the socket); the answer is the future's result.
    return addDeferredRoute(server, path, [handler](const QHttpServerRequest &request) {
        QFuture<QHttpServerResponse> future = handler(request);
        return DeferredResponse{QFuture<void>(future), [future]() mutable {
                                    // A future that finished without a result (cancelled) has no answer.
                                    return future.resultCount() > 0
                                               ? future.takeResult()
                                               : QHttpServerResponse(QHttpServerResponder::StatusCode::InternalServerError);
                                }};
    });
#endif
}

bool addDeferredRoute(QHttpServer &server, const QString &path, DeferredHandler handler)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QHttpServer *context = &server;
    return addAsyncRoute(server, path, [handler, context](const QHttpServerRequest &request) {
        DeferredResponse deferred = handler(request);
        auto promise = std::make_shared<QPromise<QHttpServerResponse>>();
        promise->start();
        auto *watcher = new QFutureWatcher<void>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, promise, answer = std::move(deferred.answer)] {
            watcher->deleteLater();
            promise->addResult(answer());
            promise->finish();
        });
        watcher->setFuture(deferred.ready);
        return promise->future();
    });
#else
    // 6.4: QHttpServer's own QFuture path captures a raw socket pointer and a reference to the
    // request; a client that hangs up first makes it write to freed memory. So take the responder,
    // pin the socket (its deleteLater() is held back) and write when the answer is ready.
    return server.route(path, [handler](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        DeferredResponse deferred = handler(request);
        QTcpSocket *socket = ConnectionGuard::currentSocket();
        ConnectionGuard *guard = ConnectionGuard::of(socket);
        if (!guard || deferred.ready.isFinished()) {
            deferred.ready.waitForFinished(); // no guard to pin with: answer in place (blocks this thread)
            deferred.answer().write(std::move(responder));
            return;
        }
        guard->pin();
        // A watcher rather than QFuture::then(context, ...): 6.4's context continuations crash
        // (QPromise::start on a moved-from interface) when several are chained across threads.
        auto *watcher = new QFutureWatcher<void>(guard);
        QPointer<QTcpSocket> alive(socket);
        auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
        QObject::connect(watcher, &QFutureWatcherBase::finished, guard,
                         [watcher, shared, alive, guard, answer = std::move(deferred.answer)] {
                             QHttpServerResponse response = answer();
                             if (alive && alive->state() == QAbstractSocket::ConnectedState)
                                 response.write(std::move(*shared));
                             watcher->deleteLater();
                             guard->unpin();
                         });
        watcher->setFuture(deferred.ready);
    });
#endif
}

void setResponseHeader(QHttpServerResponse &response, const QByteArray &name, const QByteArray &value)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders headers = response.headers();
    headers.removeAll(name);
    headers.append(name, value);
    response.setHeaders(std::move(headers));
#else
    response.setHeader(name, value);
#endif
}

QHttpServerResponse jsonResponse(const QJsonObject &body, int httpStatus)
{
    return QHttpServerResponse(body, static_cast<QHttpServerResponder::StatusCode>(httpStatus));
}

QFuture<QHttpServerResponse> readyResponse(QHttpServerResponse &&response)
{
    QPromise<QHttpServerResponse> promise;
    promise.start();
    promise.addResult(std::move(response));
    promise.finish();
    return promise.future();
}

} // namespace md::http
