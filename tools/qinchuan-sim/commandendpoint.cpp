// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandendpoint.h"

#include "commandeffects.h"
#include "commandrules.h"
#include "faults.h"
#include "meterworld.h"

#include "core/dictionary.h"
#include "protocol/catalog.h"
#include "http/boundedtcpserver.h"
#include "http/connectionguard.h"
#include "http/httpcompat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace md::sim {

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject replyBody(const QString &code, const QString &message)
{
    return QJsonObject{{s("returnCode"), code}, {s("returnMessage"), message}};
}

// An answer that is ready after `delayMs` (0: at once). The wait happens on a worker of `pool`
// (the compat layer takes futures resolved on any thread), so a slow reply never blocks the others.
QFuture<QHttpServerResponse> answerAfter(QThreadPool *pool, int delayMs, QHttpServerResponse &&response)
{
    if (delayMs <= 0)
        return http::readyResponse(std::move(response));
    auto pending = std::make_shared<QHttpServerResponse>(std::move(response));
    return QtConcurrent::run(pool, [pending, delayMs] {
        QThread::msleep(ulong(delayMs));
        return std::move(*pending);
    });
}

} // namespace

QJsonObject CommandReply::body() const
{
    const QString text = error.code == u"0000" ? Dictionary::returnCodeText(error.code) : error.message();
    return replyBody(error.code, text);
}

CommandEndpoint::CommandEndpoint(EndpointConfig config, MeterWorld *world, Faults *faults,
                                 CommandEffects *effects, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_world(world), m_faults(faults), m_effects(effects),
      m_codec(m_config.codec)
{
    m_pool.setMaxThreadCount(64);
    addRoutes();
}

CommandEndpoint::~CommandEndpoint() = default;

Result<quint16> CommandEndpoint::listen(const QHostAddress &host, quint16 port)
{
    http::ConnectionPolicy policy;
    policy.maxBodyBytes = 8 * 1024 * 1024;
    auto *tcp = new http::BoundedTcpServer(policy);
    if (!tcp->listen(host, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return makeError(s("9999"), QStringLiteral("%1:%2").arg(host.toString()).arg(port), why);
    }
    m_port = tcp->serverPort();
    if (!http::bindServer(m_server, tcp)) {
        delete tcp;
        return makeError(s("9999"), s("listen"), s("QHttpServer refused the socket"));
    }
    return m_port;
}

CommandReply CommandEndpoint::handle(const QString &name, const QByteArray &accessToken,
                                     const QByteArray &authorization, const QByteArray &timestamp,
                                     const QByteArray &body, qint64 now)
{
    CommandReply reply;
    auto fail = [&](Error e) {
        reply.error = std::move(e);
        return reply;
    };
    const MessageSpec *spec = Catalog::instance().command(name);
    if (!spec) {
        reply.httpStatus = 404;
        return fail(makeError(s("9002"), name, s("unknown command")));
    }
    const QJsonObject raw = QJsonDocument::fromJson(body).object();
    reply.meterNo = raw.value(s("meterNo")).toString();
    reply.commandSeq = raw.value(s("commandSeq")).toString();
    if (auto auth = Auth::verify(m_config.credentials, accessToken, authorization, timestamp,
                                 m_config.codec.time, now, m_config.toleranceSeconds);
        !auth)
        return fail(auth.error());
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(makeError(s("9002"), QString(), s("body is not a JSON object")));
    if (auto sign = m_codec.checkSignature(raw); !sign)
        return fail(sign.error());
    auto parsed = m_codec.parseFields(*spec, raw);
    if (!parsed)
        return fail(Rules::refineParseError(name, raw, parsed.error()));
    const Record &record = parsed->record;
    if (m_config.requireEncryption) {
        for (const FieldSpec &field : spec->fields) {
            if (field.sensitive && record.has(field.name) && !record.fields.value(field.name).wasEncrypted)
                return fail(makeError(s("9002"), field.name, s("sensitive value sent in plain text")));
        }
    }
    if (name != u"meterInfo") {
        const SimulatedMeter *meter = m_world->find(record.text(s("meterNo")));
        if (!meter)
            return fail(makeError(s("1003"), s("meterNo"), s("meter not known to the platform")));
        // 1002: the command names another model than the platform has for this meter. Commands
        // carry no factoryCode, so 1001 has nothing to check here.
        if (record.has(s("meterType")) && !meter->id.meterType.isEmpty() && record.text(s("meterType")) != meter->id.meterType)
            return fail(makeError(s("1002"), s("meterType"),
                                  s("the platform has this meter as ") + meter->id.meterType));
    }
    if (name == u"changeprice") {
        if (auto r = Rules::checkChangePrice(raw, record, m_world->time().dateOf(now)); !r)
            return fail(r.error());
    } else if (name == u"recharge") {
        if (auto r = Rules::checkRecharge(record, now); !r)
            return fail(r.error());
    } else if (name == u"cancelRecharge") {
        if (auto r = Rules::checkCancelRecharge(record); !r)
            return fail(r.error());
    }
    if (auto applied = m_effects->apply(name, record, now); !applied)
        return fail(applied.error());
    return fail(makeError(s("0000")));
}

void CommandEndpoint::addRoutes()
{
    for (const MessageSpec &spec : Catalog::instance().commands()) {
        const QString name = spec.name;
        http::addAsyncRoute(m_server, s("/prepose/") + name, [this, name](const QHttpServerRequest &request) {
            if (request.method() != QHttpServerRequest::Method::Post)
                return http::readyResponse(http::jsonResponse(replyBody(s("9002"), s("POST only")), 405));
            emit commandReceived(ReceivedCommand{request.url().path(), http::headerValue(request, "timestamp"),
                                                 http::headerValue(request, "AccessToken"),
                                                 http::headerValue(request, "Authorization"), request.body()});
            const FaultSwitches f = m_faults->switches();
            if (f.http500) {
                qInfo("command %s: HTTP 500 (fault switch, not applied)", qPrintable(name));
                return answerAfter(
                    &m_pool, f.replyDelayMs,
                    http::jsonResponse(replyBody(s("9999"), s("internal error (simulated)")), 500));
            }
            const CommandReply reply = handle(
                name, http::headerValue(request, "AccessToken"), http::headerValue(request, "Authorization"),
                http::headerValue(request, "timestamp"), request.body(), QDateTime::currentSecsSinceEpoch());
            ++m_counts[reply.error.code];
            qInfo("command %s meterNo=%s commandSeq=%s -> %s %s", qPrintable(name), qPrintable(reply.meterNo),
                  qPrintable(reply.commandSeq), qPrintable(reply.error.code),
                  qPrintable(reply.accepted() ? QString()
                                              : reply.error.path + QLatin1Char(' ') + reply.error.detail));
            emit commandHandled(name, reply.meterNo, reply.error.code);
            if (f.noReply == NoReply::Html || f.noReply == NoReply::HalfJson) {
                // The command was applied; what comes back is not the platform's answer.
                qInfo("command %s: garbled reply (%s, fault switch)", qPrintable(name), qPrintable(noReplyName(f.noReply)));
                const QByteArray json = QJsonDocument(reply.body()).toJson(QJsonDocument::Compact);
                return answerAfter(&m_pool, f.replyDelayMs,
                                   f.noReply == NoReply::Html
                                       ? QHttpServerResponse(QByteArrayLiteral("text/html"),
                                                             QByteArrayLiteral("<html><body><h1>502 Bad Gateway</h1></body></html>"))
                                       : QHttpServerResponse(QByteArrayLiteral("application/json"), json.left(json.size() / 2)));
            }
            if (f.noReply != NoReply::Off) {
                // The command was applied; its answer is what gets lost.
                QPointer<QTcpSocket> socket = http::ConnectionGuard::currentSocket();
                const int after = f.noReply == NoReply::Close ? 0 : f.holdMs;
                qInfo("command %s: no reply (%s, fault switch)", qPrintable(name),
                      qPrintable(noReplyName(f.noReply)));
                QTimer::singleShot(after, this, [socket] {
                    if (socket)
                        socket->abort();
                });
                return answerAfter(&m_pool, after + 100, http::jsonResponse(reply.body(), reply.httpStatus));
            }
            return answerAfter(&m_pool, f.replyDelayMs, http::jsonResponse(reply.body(), reply.httpStatus));
        });
    }
    http::addRoute(m_server, s("/sim/control"), [this](const QHttpServerRequest &request) {
        if (request.method() == QHttpServerRequest::Method::Post) {
            const QJsonDocument doc = QJsonDocument::fromJson(request.body());
            if (!doc.isObject())
                return http::jsonResponse(replyBody(s("9002"), s("a JSON object of switches")), 400);
            QJsonObject switches = doc.object();
            const QJsonValue delay = switches.take(s("resultDelayMs"));
            if (!delay.isUndefined() && (!delay.isDouble() || delay.toInt() < 0))
                return http::jsonResponse(replyBody(s("9002"), s("resultDelayMs: integer >= 0")), 400);
            if (auto r = m_faults->apply(switches); !r)
                return http::jsonResponse(
                    replyBody(r.error().code, r.error().path + s(": ") + r.error().detail), 400);
            if (!delay.isUndefined())
                m_effects->setResultDelayMs(delay.toInt());
            qInfo("control: %s",
                  QJsonDocument(m_faults->switches().toJson()).toJson(QJsonDocument::Compact).constData());
        }
        return http::jsonResponse(status());
    });
    http::setMissingHandler(m_server, this, [](const QHttpServerRequest &) {
        return http::jsonResponse(replyBody(s("9002"), s("unknown path")), 404);
    });
}

QJsonObject CommandEndpoint::status() const
{
    QJsonObject counts;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        counts.insert(it.key(), it.value());
    QJsonObject o = m_faults->switches().toJson();
    o.insert(s("resultDelayMs"), m_effects->resultDelayMs());
    o.insert(s("meters"), m_world->size());
    o.insert(s("replies"), counts);
    return o;
}

} // namespace md::sim
