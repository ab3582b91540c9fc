// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadposter.h"

#include "protocol/catalog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace md::sim {

namespace {

CodecOptions withWrongSecret(CodecOptions options)
{
    // The AES key stays right (it may derive from the real secret); only the signing secret is wrong.
    if (options.aesKey.isEmpty())
        options.aesKey = options.appSecret.toUtf8().left(16);
    options.appSecret += QStringLiteral("-wrong");
    return options;
}

QString summaryOf(const QJsonObject &plain)
{
    QStringList parts;
    for (const char *key : {"meterNo", "commandSeq", "tradeNo", "resultCode"}) {
        const QString v = plain.value(QLatin1String(key)).toString();
        if (!v.isEmpty())
            parts << QStringLiteral("%1=%2").arg(QLatin1String(key), v);
    }
    if (plain.contains(QStringLiteral("meterDatas")))
        parts << QStringLiteral("meters=%1").arg(plain.value(QStringLiteral("meterDatas")).toArray().size());
    return parts.join(QLatin1Char(' '));
}

} // namespace

UploadPoster::UploadPoster(PosterConfig config, Faults *faults, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_faults(faults), m_codec(m_config.codec),
      m_wrongCodec(withWrongSecret(m_config.codec))
{
}

QByteArray UploadPoster::buildWire(const QString &name, const QJsonObject &plainValues) const
{
    const MessageSpec *spec = Catalog::instance().upload(name);
    if (!spec)
        return {};
    const auto built = (m_faults->switches().wrongSecret ? m_wrongCodec : m_codec).build(*spec, plainValues);
    if (!built) {
        qWarning("upload %s %s: cannot build: %s %s %s", qPrintable(name), qPrintable(summaryOf(plainValues)),
                 qPrintable(built.error().code), qPrintable(built.error().path),
                 qPrintable(built.error().detail));
        return {};
    }
    return QJsonDocument(built.value()).toJson(QJsonDocument::Compact);
}

bool UploadPoster::post(const QString &name, const QJsonObject &plainValues, UploadKind kind, Done done)
{
    const FaultSwitches &f = m_faults->switches();
    const QString summary = summaryOf(plainValues);
    if (kind == UploadKind::Result && f.dropResults) {
        ++m_stats.dropped;
        qInfo("upload %s %s: DROPPED (fault switch)", qPrintable(name), qPrintable(summary));
        return false;
    }
    const QByteArray body = buildWire(name, plainValues);
    if (body.isEmpty())
        return false;
    const QString tag = f.wrongSecret ? QStringLiteral(" [wrong secret]") : QString();
    const int copies = (kind == UploadKind::Result && f.duplicateResults) ? 2 : 1;
    for (int i = 0; i < copies; ++i) {
        if (i > 0)
            ++m_stats.duplicated;
        send(Attempt{name, body, summary + tag + (i > 0 ? QStringLiteral(" [duplicate]") : QString()), 0,
                     i == 0 ? done : Done{}});
    }
    return true;
}

void UploadPoster::postWire(const QString &name, const QByteArray &body, Done done)
{
    send(Attempt{name, body, QString(), 0, std::move(done)});
}

void UploadPoster::send(Attempt attempt)
{
    ++attempt.attempt;
    if (attempt.attempt == 1)
        ++m_stats.posted;
    QUrl url = m_config.listenerBase;
    url.setPath(url.path() + QLatin1Char('/') + attempt.name);
    QNetworkRequest request(url);
    const AuthHeaders h = Auth::make(m_config.credentials, m_config.codec.time,
                                     QDateTime::currentSecsSinceEpoch(), m_config.tokenCase);
    request.setRawHeader("timestamp", h.timestamp);
    request.setRawHeader("AccessToken", h.accessToken);
    request.setRawHeader("Authorization", h.authorization);
    request.setRawHeader("Content-Type", "application/json;charset=utf-8");
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_config.timeoutMs);
    ++m_inFlight;
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_network.post(request, attempt.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, attempt, clock]() {
        reply->deleteLater();
        --m_inFlight;
        UploadOutcome out;
        out.name = attempt.name;
        out.attempts = attempt.attempt;
        out.latencyMs = clock.elapsed();
        out.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        out.returnCode = answer.value(QStringLiteral("returnCode")).toString();
        out.returnMessage = answer.value(QStringLiteral("returnMessage")).toString();
        const bool listenerDown =
            out.httpStatus == 0 || out.httpStatus >= 500 || out.returnCode == QLatin1String("9998");
        if (listenerDown && attempt.attempt <= m_config.retries) {
            ++m_stats.retried;
            const int delay = m_config.retryDelayMs * attempt.attempt;
            qInfo("upload %s %s: %s, retry %d in %d ms", qPrintable(attempt.name),
                  qPrintable(attempt.summary),
                  qPrintable(out.httpStatus == 0
                                 ? reply->errorString()
                                 : QStringLiteral("HTTP %1 %2").arg(out.httpStatus).arg(out.returnCode)),
                  attempt.attempt, delay);
            QTimer::singleShot(delay, this, [this, attempt] { send(attempt); });
            return;
        }
        if (out.httpStatus == 0)
            qInfo("upload %s %s: undelivered (%s)", qPrintable(attempt.name), qPrintable(attempt.summary),
                  qPrintable(reply->errorString()));
        finish(attempt, out);
    });
}

void UploadPoster::finish(const Attempt &attempt, const UploadOutcome &outcome)
{
    if (outcome.accepted())
        ++m_stats.accepted;
    else if (outcome.httpStatus == 0)
        ++m_stats.undelivered;
    else
        ++m_stats.rejected;
    if (outcome.httpStatus != 0 && (m_config.logEachUpload || !outcome.accepted()))
        qInfo("upload %s %s -> HTTP %d %s %s (%lld ms)", qPrintable(attempt.name),
              qPrintable(attempt.summary), outcome.httpStatus, qPrintable(outcome.returnCode),
              qPrintable(outcome.returnMessage), outcome.latencyMs);
    if (attempt.done)
        attempt.done(outcome);
    emit finished(outcome);
}

} // namespace md::sim
