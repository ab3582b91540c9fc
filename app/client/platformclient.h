// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The HTTP side of a command (protocol.md sections 2-4, 8): POST {baseUrl}/prepose/{name} with the
// auth headers, a signed body (sensitive fields AES-encrypted), the configured transfer timeout, and
// both the request and the reply journaled (Outbound, AccessToken masked). Asynchronous: post()
// returns at once; the future resolves on this object's thread when the exchange is over. It never
// changes a command's state itself: CommandService turns the outcome into a state.

#include "requestdraft.h"

#include "storage/commandrecord.h"

#include "core/result.h"
#include "core/settings.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QPromise>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace md {

class Store;

struct PlatformRequest
{
    QString name;           // /prepose/ name: valveOperate, recharge, changeprice, ...
    QString commandSeq;     // for the journal row (also inside plainValues when the message has it)
    QString meterNo;
    QJsonObject plainValues; // every wire field as plain strings; the codec signs and encrypts
};

struct PlatformOutcome
{
    // Sent or Accepted (HTTP 200 + returnCode 0000; Accepted for commands without a result upload),
    // Rejected (any other returnCode, or a 4xx / a 200 whose body is not a platform answer),
    // Unreachable (no HTTP answer, timeout, connection refused, HTTP 5xx).
    CommandState state = CommandState::Unreachable;
    int httpStatus = 0;        // 0: no HTTP answer
    QString returnCode;        // the platform's; empty when there was none
    QString returnMessage;     // the platform's message, or our description of the network failure
    QString networkError;      // QNetworkReply error text (empty when the platform answered)
    bool timedOut = false;
    qint64 durationMs = 0;
    QByteArray requestBody;    // as sent (ciphertext for sensitive fields)
    QByteArray replyBody;
    // Set when nothing left the machine (the body could not be built: 9002 naming the field).
    Error localError;
    bool sentNothing() const { return !localError.code.isEmpty(); }
};

class PlatformClient : public QObject
{
    Q_OBJECT
public:
    // store may be null (no journal: tests and tools). The client owns its QNetworkAccessManager.
    PlatformClient(PlatformSettings settings, std::shared_ptr<Store> store, QObject *parent = nullptr);
    ~PlatformClient() override;

    const PlatformSettings &settings() const { return m_settings; }
    void setSettings(const PlatformSettings &settings);

    // Builds, journals, posts. Resolves on this object's thread; never blocks.
    QFuture<PlatformOutcome> post(const PlatformRequest &request);
    // Callback form (for code that prefers it); `done` runs on this object's thread.
    void post(const PlatformRequest &request, std::function<void(const PlatformOutcome &)> done);

    // Requests currently waiting for an answer.
    int inFlight() const { return m_inFlight; }
    // Clock override for tests (epoch seconds); null: the system clock.
    void setClock(std::function<qint64()> nowEpoch);
    // The platform's clock minus this desk's (UploadListener::clockSkewSeconds()): the timestamp of
    // every command is the platform's time, so a desk clock minutes off is not refused with 9001.
    void setClockOffset(qint64 seconds) { m_clockOffset = seconds; }

    // The wire body post() would send (signed, sensitive fields encrypted), or 9002 naming the field.
    // CommandService calls it before persisting a command so that a body that cannot be built never
    // becomes a queued row.
    Result<QJsonObject> buildBody(const PlatformRequest &request) const;

    // The endpoint URL for a command name: {baseUrl}/prepose/{name} (one slash between).
    QString endpointUrl(const QString &name) const;

    // The request post() would put on the wire now (the same URL, headers and body bytes), the
    // AccessToken masked; or 9002 naming the field when the body cannot be built.
    Result<RequestDraft> draft(const PlatformRequest &request) const;

signals:
    // Emitted when a request leaves / its answer (or failure) is in. For status bars and logs.
    void requestStarted(const QString &commandSeq, const QString &name);
    void requestFinished(const QString &commandSeq, const md::PlatformOutcome &outcome);

private:
    // The one builder of what leaves: draft() masks its token, post() sends it as it is.
    Result<RequestDraft> wireRequest(const PlatformRequest &request, bool maskToken) const;
    void transmit(const PlatformRequest &request, const RequestDraft &wire,
                  std::shared_ptr<QPromise<PlatformOutcome>> promise);
    void finish(const PlatformRequest &request, QNetworkReply *reply, PlatformOutcome outcome,
                std::shared_ptr<QPromise<PlatformOutcome>> promise);
    qint64 now() const;
    PlatformSettings m_settings;
    std::shared_ptr<Store> m_store;
    QNetworkAccessManager *m_network = nullptr;
    std::function<qint64()> m_now;
    std::atomic<qint64> m_clockOffset{0};
    int m_inFlight = 0;
};

} // namespace md
