// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Posts uploads to the business platform's listener the way the Qinchuan platform does: headers
// (md::Auth::make), body built, encrypted and signed by the catalogue (MessageCodec::build), retries
// while the listener is down (no answer, HTTP 5xx, 9998). Result uploads obey the fault switches
// (dropped, duplicated); every upload obeys "wrong secret" (signed with a wrong appSecret).

#include "faults.h"
#include "protocol/codec.h"
#include "protocol/security.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace md::sim {

struct PosterConfig
{
    QUrl listenerBase = QUrl(QStringLiteral("http://127.0.0.1:8080/rest/v1/bussinessPlatform"));
    Credentials credentials;
    CodecOptions codec;
    TokenCase tokenCase = TokenCase::Upper;
    int retries = 4;         // after the first attempt
    int retryDelayMs = 1000; // grows linearly with the attempt
    int timeoutMs = 15000;
    bool logEachUpload = true;
};

enum class UploadKind { Reading, Alarm, Result };

struct UploadOutcome
{
    QString name;
    int httpStatus = 0; // 0: no HTTP answer
    QString returnCode; // empty when no JSON answer
    QString returnMessage;
    int attempts = 0;
    qint64 latencyMs = 0; // of the last attempt
    bool accepted() const { return returnCode == QLatin1String("0000"); }
};

class UploadPoster : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const UploadOutcome &)>;

    UploadPoster(PosterConfig config, Faults *faults, QObject *parent = nullptr);

    // Builds the wire body from plain values and posts it; `done` (optional) runs once at the end.
    // Returns false when the body could not be built (a simulator bug: logged) or was dropped.
    bool post(const QString &name, const QJsonObject &plainValues, UploadKind kind, Done done = {});
    // Builds a wire body without posting (load mode builds once per meter).
    QByteArray buildWire(const QString &name, const QJsonObject &plainValues) const;
    // Posts an already built wire body.
    void postWire(const QString &name, const QByteArray &body, Done done = {});

    int inFlight() const { return m_inFlight; }
    const PosterConfig &config() const { return m_config; }

    struct Stats
    {
        qint64 posted = 0, accepted = 0, rejected = 0, undelivered = 0, retried = 0, dropped = 0,
               duplicated = 0;
    };
    const Stats &stats() const { return m_stats; }

signals:
    void finished(const md::sim::UploadOutcome &outcome);

private:
    struct Attempt
    {
        QString name;
        QByteArray body;
        QString summary; // "meterNo=... commandSeq=..." for the log
        int attempt = 0;
        Done done;
    };
    void send(Attempt attempt);
    void finish(const Attempt &attempt, const UploadOutcome &outcome);

    PosterConfig m_config;
    Faults *m_faults;
    MessageCodec m_codec;
    MessageCodec m_wrongCodec; // signs with a wrong appSecret (fault switch)
    QNetworkAccessManager m_network;
    int m_inFlight = 0;
    Stats m_stats;
};

} // namespace md::sim
