// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the simulator's HTTP tests: an in-process qinchuan-sim on 127.0.0.1, a tiny receiver in
// the role of our listener (records every upload, answers 0000), and a client that builds commands
// with the catalogue, signs them and sends them with real headers.

#include "simulator.h"

#include "protocol/catalog.h"
#include "protocol/codec.h"
#include "protocol/security.h"
#include "http/httpcompat.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <memory>

namespace md::testing {

using namespace md::sim;

inline const Credentials kCreds{QStringLiteral("QC20230001"), QStringLiteral("s3cr3t-KEY-0123456789")};
inline const PlatformTime kTime("Asia/Shanghai");

struct Received
{
    QString name;
    QByteArray accessToken, authorization, timestamp;
    QJsonObject body;
};

// A tiny business-platform listener: records every upload and answers 0000.
class Receiver
{
public:
    Receiver()
    {
        for (const QString &name : Catalog::instance().uploadRouteNames()) {
            http::addRoute(m_server, QStringLiteral("/rest/v1/bussinessPlatform/") + name,
                           [this, name](const QHttpServerRequest &r) {
                               got.append(Received{name, http::headerValue(r, "AccessToken"),
                                                   http::headerValue(r, "Authorization"),
                                                   http::headerValue(r, "timestamp"),
                                                   QJsonDocument::fromJson(r.body()).object()});
                               return http::jsonResponse(
                                   QJsonObject{{QStringLiteral("returnCode"), QStringLiteral("0000")},
                                               {QStringLiteral("returnMessage"), QStringLiteral("ok")}});
                           });
        }
        auto *tcp = new QTcpServer;
        tcp->listen(QHostAddress::LocalHost, 0);
        port = tcp->serverPort();
        http::bindServer(m_server, tcp);
    }
    QList<Received> named(const QString &name) const
    {
        QList<Received> out;
        for (const Received &r : got)
            if (r.name == name)
                out << r;
        return out;
    }
    QList<Received> got;
    quint16 port = 0;

private:
    QHttpServer m_server;
};

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QJsonObject body;
    QString code() const { return body.value(QStringLiteral("returnCode")).toString(); }
    QString message() const { return body.value(QStringLiteral("returnMessage")).toString(); }
};

enum Mutation { None, BadToken, StaleTimestamp, BadSign, NoSign, PlainSensitive };

inline CodecOptions clientOptions(bool encrypt = true)
{
    CodecOptions o;
    o.aesKey = kCreds.appSecret.toUtf8().left(16);
    o.encryptSensitive = encrypt;
    o.signMode = SignMode::Lenient;
    o.appSecret = kCreds.appSecret;
    o.time = kTime;
    return o;
}

inline QString seq(int n)
{
    return QStringLiteral("2026112410000000%1").arg(n, 4, 10, QLatin1Char('0'));
}

inline QJsonObject valve(const QString &meterNo, const QString &op, int n)
{
    return {{"meterNo", meterNo}, {"commandSeq", seq(n)}, {"meterType", "QC-G4"}, {"valveOperate", op}};
}

inline QJsonObject recharge(const QString &tradeNo, const QString &amount, int n)
{
    return {{"meterNo", "SIM000001"},
            {"commandSeq", seq(n)},
            {"meterType", "QC-G4"},
            {"rechargeType", "1"},
            {"rechargeCount", "1"},
            {"tradeNo", tradeNo},
            {"rechargeTime", kTime.formatDateTime(QDateTime::currentSecsSinceEpoch() - 60)},
            {"rechargeNum", amount},
            {"totalRechargeAmt", "50.00"}};
}

inline QJsonObject changeprice(int n)
{
    const QDate tomorrow = kTime.dateOf(QDateTime::currentSecsSinceEpoch()).addDays(1);
    return {{"meterNo", "SIM000002"},
            {"meterType", "QC-G4"},
            {"commandSeq", seq(n)},
            {"priceName", "居民阶梯"},
            {"priceVersion", "v2"},
            {"priceLadderNum", "3"},
            {"effectiveDate", tomorrow.toString(Qt::ISODate)},
            {"cycleStartDate", "2026-01-01 00:00:00"},
            {"price0", "2.48"},
            {"price1", "2.98"},
            {"price2", "3.72"},
            {"level1", "360"},
            {"level2", "600"}};
}

class SimHarness
{
public:
    void initTestCase();
    void init();
    Answer post(const QString &name, const QJsonObject &plain, Mutation mutation = None,
                const QJsonObject &overrides = {});
    Answer rawPost(const QString &path, const QByteArray &body,
                   const QList<QPair<QByteArray, QByteArray>> &headers);
    Answer control(const QJsonObject &switches);

    std::unique_ptr<Receiver> m_receiver;
    std::unique_ptr<Simulator> m_sim;
    QNetworkAccessManager m_network;
};

inline void SimHarness::initTestCase()
{
    m_receiver = std::make_unique<Receiver>();
    QVERIFY(m_receiver->port > 0);
    SimulatorConfig c;
    c.credentials = kCreds;
    c.listenerBase =
        QUrl(QStringLiteral("http://127.0.0.1:%1/rest/v1/bussinessPlatform").arg(m_receiver->port));
    c.resultDelayMs = 0;
    c.retryDelayMs = 100;
    m_sim = std::make_unique<Simulator>(c);
    m_sim->world().generate(3, QDateTime::currentSecsSinceEpoch() - 86400);
    const auto port = m_sim->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.ok());
}

inline void SimHarness::init()
{
    m_receiver->got.clear();
    m_sim->faults().set(FaultSwitches{});
}

inline Answer SimHarness::rawPost(const QString &path, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_sim->baseUrl() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/json;charset=utf-8"));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    request.setTransferTimeout(5000);
    QNetworkReply *reply = m_network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.error = reply->error();
    a.body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return a;
}

inline Answer SimHarness::post(const QString &name, const QJsonObject &plain, Mutation mutation,
                               const QJsonObject &overrides)
{
    const MessageSpec *spec = Catalog::instance().command(name);
    Q_ASSERT(spec);
    auto built = MessageCodec(clientOptions(mutation != PlainSensitive)).build(*spec, plain);
    if (!built) {
        qWarning() << "test body does not build:" << built.error().code << built.error().path
                   << built.error().detail;
        return {};
    }
    QJsonObject body = built.value();
    if (!overrides.isEmpty()) {
        // Malformed on purpose: change the wire body, then sign it again so only the field is wrong.
        for (auto it = overrides.begin(); it != overrides.end(); ++it) {
            if (it.value().isNull())
                body.remove(it.key());
            else
                body.insert(it.key(), it.value());
        }
        body.insert(QStringLiteral("sign"), QString::fromLatin1(Signature::sign(body, kCreds.appSecret)));
    }
    if (mutation == BadSign)
        body.insert(QStringLiteral("sign"), QStringLiteral("0123456789ABCDEF0123456789ABCDEF"));
    if (mutation == NoSign)
        body.remove(QStringLiteral("sign"));
    qint64 now = QDateTime::currentSecsSinceEpoch();
    if (mutation == StaleTimestamp)
        now -= 3600;
    const AuthHeaders h = Auth::make(kCreds, kTime, now);
    const QByteArray token = mutation == BadToken ? QByteArray(32, 'A') : h.accessToken;
    return rawPost(QStringLiteral("/prepose/") + name, QJsonDocument(body).toJson(QJsonDocument::Compact),
                   {{"timestamp", h.timestamp}, {"AccessToken", token}, {"Authorization", h.authorization}});
}

inline Answer SimHarness::control(const QJsonObject &switches)
{
    return rawPost(QStringLiteral("/sim/control"), QJsonDocument(switches).toJson(), {});
}

} // namespace md::testing
