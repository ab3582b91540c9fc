// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformclient.h"

#include "oneshotbody.h"

#include "commandnames.h"

#include "core/whendone.h"
#include "protocol/catalog.h"
#include "protocol/codec.h"
#include "protocol/codecsettings.h"
#include "protocol/security.h"
#include "storage/store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace md {

namespace {

// The headers that matter, for the journal: the AccessToken is a credential of the moment and is
// masked; Authorization only carries appId:timestamp.
QByteArray journalHeaders(const RequestDraft &wire)
{
    QJsonObject h{{QStringLiteral("url"), QUrl(wire.url).toString(QUrl::RemoveUserInfo)}};
    for (const auto &[name, value] : wire.headers)
        h.insert(QString::fromLatin1(name),
                 name == "AccessToken" ? QStringLiteral("***") : QString::fromLatin1(value));
    return QJsonDocument(h).toJson(QJsonDocument::Compact);
}

void resolve(const std::shared_ptr<QPromise<PlatformOutcome>> &promise, const PlatformOutcome &outcome)
{
    promise->addResult(outcome);
    promise->finish();
}

} // namespace

PlatformClient::PlatformClient(PlatformSettings settings, std::shared_ptr<Store> store, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_store(std::move(store)),
      m_network(new QNetworkAccessManager(this))
{
}

PlatformClient::~PlatformClient() = default;

void PlatformClient::setSettings(const PlatformSettings &settings)
{
    m_settings = settings;
}

void PlatformClient::setClock(std::function<qint64()> nowEpoch)
{
    m_now = std::move(nowEpoch);
}

qint64 PlatformClient::now() const
{
    return (m_now ? m_now() : QDateTime::currentSecsSinceEpoch()) + m_clockOffset.load();
}

QString PlatformClient::endpointUrl(const QString &name) const
{
    QString base = m_settings.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + QStringLiteral("/prepose/") + name;
}

Result<QJsonObject> PlatformClient::buildBody(const PlatformRequest &request) const
{
    const MessageSpec *spec = Catalog::instance().command(request.name);
    if (!spec)
        return makeError(QStringLiteral("9002"), QStringLiteral("name"),
                         QStringLiteral("unknown command '%1'").arg(request.name));
    return MessageCodec(codecOptionsFor(m_settings)).build(*spec, request.plainValues);
}

Result<RequestDraft> PlatformClient::wireRequest(const PlatformRequest &request, bool maskToken) const
{
    auto body = buildBody(request);
    if (!body)
        return body.error();
    RequestDraft wire;
    wire.url = endpointUrl(request.name);
    wire.body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    wire.plainValues = request.plainValues;
    const AuthHeaders auth = Auth::make(Credentials{m_settings.appId, m_settings.appSecret},
                                        PlatformTime(m_settings.timeZone), now(), m_settings.tokenCase);
    wire.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=utf-8")},
                    {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
                    {QByteArrayLiteral("timestamp"), auth.timestamp},
                    {QByteArrayLiteral("AccessToken"), maskToken ? RequestDraft::maskedToken() : auth.accessToken},
                    {QByteArrayLiteral("Authorization"), auth.authorization}};
    return wire;
}

Result<RequestDraft> PlatformClient::draft(const PlatformRequest &request) const
{
    return wireRequest(request, true);
}

QFuture<PlatformOutcome> PlatformClient::post(const PlatformRequest &request)
{
    auto promise = std::make_shared<QPromise<PlatformOutcome>>();
    promise->start();
    QFuture<PlatformOutcome> future = promise->future();

    auto wire = wireRequest(request, false);
    if (!wire) {
        PlatformOutcome outcome;
        outcome.localError = wire.error();
        outcome.returnMessage = wire.error().message();
        resolve(promise, outcome);
        return future;
    }
    transmit(request, *wire, promise);
    return future;
}

void PlatformClient::post(const PlatformRequest &request, std::function<void(const PlatformOutcome &)> done)
{
    post(request).then(this, [done = std::move(done)](const PlatformOutcome &o) { done(o); });
}

void PlatformClient::transmit(const PlatformRequest &request, const RequestDraft &wire,
                              std::shared_ptr<QPromise<PlatformOutcome>> promise)
{
    const QString &url = wire.url;
    const QByteArray &body = wire.body;
    QNetworkRequest http{QUrl(url)};
    for (const auto &[name, value] : wire.headers)
        http.setRawHeader(name, value);
    http.setTransferTimeout(qMax(1, m_settings.requestTimeoutSeconds) * 1000);

    JournalEntry entry;
    entry.at = QDateTime::currentMSecsSinceEpoch();
    entry.direction = JournalDirection::Outbound;
    entry.endpoint = QStringLiteral("/prepose/") + request.name;
    entry.remote = QUrl(url).adjusted(QUrl::RemoveUserInfo).authority(); // never a password from the URL
    entry.headers = journalHeaders(wire);
    entry.body = body;
    entry.meterNo = request.meterNo;
    entry.commandSeq = request.commandSeq;

    auto send = [this, request, body, http, promise] {
        ++m_inFlight;
        emit requestStarted(request.commandSeq, request.name);
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        // Posted from a body that cannot be rewound: Qt must not repeat the request on its own.
        QNetworkRequest once = http;
        once.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        once.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new OneShotBody(body);
        QNetworkReply *reply = m_network->post(once, device);
        device->setParent(reply);
        connect(reply, &QNetworkReply::finished, this, [this, request, body, reply, clock, promise] {
            PlatformOutcome outcome;
            outcome.requestBody = body;
            outcome.durationMs = clock->elapsed();
            finish(request, reply, std::move(outcome), promise);
        });
    };

    if (!m_store) {
        send();
        return;
    }
    // Journaled raw before it leaves: a request the journal cannot record does not go out.
    whenDone(m_store->journal(entry), this, [this, send, promise, request](const Result<qint64> &journaled) {
        if (!journaled) {
            PlatformOutcome outcome;
            outcome.localError = makeError(QStringLiteral("9998"), QString(),
                                           QStringLiteral("journal not writable: %1").arg(journaled.error().detail));
            outcome.returnMessage = outcome.localError.message();
            resolve(promise, outcome);
            return;
        }
        send();
    });
}

void PlatformClient::finish(const PlatformRequest &request, QNetworkReply *reply, PlatformOutcome outcome,
                            std::shared_ptr<QPromise<PlatformOutcome>> promise)
{
    reply->deleteLater();
    --m_inFlight;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    outcome.httpStatus = status.isValid() ? status.toInt() : 0;
    if (reply->isOpen())
        outcome.replyBody = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        outcome.networkError = reply->errorString();
    outcome.timedOut = reply->error() == QNetworkReply::OperationCanceledError
                       || reply->error() == QNetworkReply::TimeoutError;

    const QJsonObject answer = QJsonDocument::fromJson(outcome.replyBody).object();
    const QJsonValue code = answer.value(QStringLiteral("returnCode"));
    if (outcome.httpStatus == 0 || outcome.httpStatus >= 500) {
        // No answer from the platform itself: the command may or may not have arrived, so it is not
        // resent by itself (a recharge least of all); the operator decides.
        outcome.state = CommandState::Unreachable;
        outcome.returnMessage = outcome.timedOut
                                    ? QStringLiteral("no answer within %1 s").arg(m_settings.requestTimeoutSeconds)
                                    : (outcome.httpStatus ? QStringLiteral("HTTP %1").arg(outcome.httpStatus)
                                                          : outcome.networkError);
    } else if (outcome.httpStatus == 200 && code.isString()) {
        outcome.returnCode = code.toString();
        outcome.returnMessage = answer.value(QStringLiteral("returnMessage")).toString();
        outcome.state = outcome.returnCode == u"0000" ? CommandNames::stateAfterAcceptance(request.name)
                                                      : CommandState::Rejected;
    } else if (outcome.httpStatus == 200) {
        // HTTP 200 without a readable platform answer (a proxy's HTML page, JSON cut short): the
        // request got through, so the command may have been applied. Like no answer at all it ends
        // unreachable and is never resent by itself.
        outcome.state = CommandState::Unreachable;
        outcome.returnMessage = QStringLiteral("HTTP 200 without a readable platform answer (%1 bytes)").arg(outcome.replyBody.size());
    } else {
        // An answer that is not the platform's (404 from a wrong baseUrl, a proxy page): refused.
        outcome.state = CommandState::Rejected;
        outcome.returnCode = code.isString() ? code.toString() : QString();
        outcome.returnMessage = answer.value(QStringLiteral("returnMessage")).toString();
        if (outcome.returnMessage.isEmpty())
            outcome.returnMessage = QStringLiteral("HTTP %1 without a platform answer").arg(outcome.httpStatus);
    }

    auto done = [this, request, outcome, promise] {
        emit requestFinished(request.commandSeq, outcome);
        resolve(promise, outcome);
    };
    if (!m_store) {
        done();
        return;
    }
    JournalEntry entry;
    entry.at = QDateTime::currentMSecsSinceEpoch();
    entry.direction = JournalDirection::Outbound;
    entry.endpoint = QStringLiteral("/prepose/") + request.name;
    entry.remote = reply->url().adjusted(QUrl::RemoveUserInfo).authority();
    entry.headers = QJsonDocument(QJsonObject{{QStringLiteral("reply"), true},
                                              {QStringLiteral("error"), outcome.networkError}})
                        .toJson(QJsonDocument::Compact);
    entry.body = outcome.replyBody;
    entry.returnCode = outcome.returnCode;
    entry.httpStatus = outcome.httpStatus;
    entry.meterNo = request.meterNo;
    entry.commandSeq = request.commandSeq;
    entry.durationMs = outcome.durationMs;
    // The reply's row is queued to the store's single writer before anything the caller does with
    // the outcome (the state update), so it commits first or in the same group commit; waiting for it
    // here would only add a commit's latency to every command. The outcome stands either way: a
    // store that cannot write fails the state update next and says so.
    (void)m_store->journal(entry);
    done();
}

} // namespace md
