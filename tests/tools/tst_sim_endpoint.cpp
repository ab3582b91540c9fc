// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated platform over real HTTP on 127.0.0.1: it rejects what a strict platform rejects
// (9001, 9003, 9002 naming the field, 1003, plain sensitive values, ladder and recharge rules),
// accepts valid commands and posts their result uploads, correctly authenticated and signed, to a
// small receiver; the fault switches (via POST /sim/control) duplicate, drop, mis-sign, fail.

#include "simulator.h"

#include "protocol/catalog.h"
#include "protocol/codec.h"
#include "protocol/security.h"
#include "server/http/httpcompat.h"

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

using namespace md;
using namespace md::sim;

namespace {

const Credentials kCreds{QStringLiteral("QC20230001"), QStringLiteral("s3cr3t-KEY-0123456789")};
const PlatformTime kTime("Asia/Shanghai");

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

CodecOptions clientOptions(bool encrypt = true)
{
    CodecOptions o;
    o.aesKey = kCreds.appSecret.toUtf8().left(16);
    o.encryptSensitive = encrypt;
    o.signMode = SignMode::Lenient;
    o.appSecret = kCreds.appSecret;
    o.time = kTime;
    return o;
}

QString seq(int n)
{
    return QStringLiteral("2026112410000000%1").arg(n, 4, 10, QLatin1Char('0'));
}

QJsonObject valve(const QString &meterNo, const QString &op, int n)
{
    return {{"meterNo", meterNo}, {"commandSeq", seq(n)}, {"meterType", "QC-G4"}, {"valveOperate", op}};
}

QJsonObject recharge(const QString &tradeNo, const QString &amount, int n)
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

QJsonObject changeprice(int n)
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

} // namespace

class TstSimEndpoint : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void rejects_data();
    void rejects();
    void validValveOperatePostsSignedResult();
    void closeValvePostsCloseResult();
    void rechargeCreditsOnceAndEncryptsResult();
    void duplicatedAndDroppedResults();
    void wrongSecretSignsWrong();
    void replyFaults();
    void controlRejectsUnknownSwitch();
    void scheduledReadingsAndGasLeak();
    void supplementCarriesDailyReadings();
    void retriesWhileListenerDown();

private:
    Answer post(const QString &name, const QJsonObject &plain, Mutation mutation = None,
                const QJsonObject &overrides = {});
    Answer rawPost(const QString &path, const QByteArray &body,
                   const QList<QPair<QByteArray, QByteArray>> &headers);
    Answer control(const QJsonObject &switches);

    std::unique_ptr<Receiver> m_receiver;
    std::unique_ptr<Simulator> m_sim;
    QNetworkAccessManager m_network;
};

void TstSimEndpoint::initTestCase()
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

void TstSimEndpoint::init()
{
    m_receiver->got.clear();
    m_sim->faults().set(FaultSwitches{});
}

Answer TstSimEndpoint::rawPost(const QString &path, const QByteArray &body,
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
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.error = reply->error();
    a.body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return a;
}

Answer TstSimEndpoint::post(const QString &name, const QJsonObject &plain, Mutation mutation,
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

Answer TstSimEndpoint::control(const QJsonObject &switches)
{
    return rawPost(QStringLiteral("/sim/control"), QJsonDocument(switches).toJson(), {});
}

void TstSimEndpoint::rejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("plain");
    QTest::addColumn<int>("mutation");
    QTest::addColumn<QJsonObject>("overrides");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field"); // must appear in returnMessage
    const QJsonObject ok = valve("SIM000001", "0", 1);
    QTest::newRow("bad token") << "valveOperate" << ok << int(BadToken) << QJsonObject{} << "9001"
                               << "";
    QTest::newRow("stale timestamp") << "valveOperate" << ok << int(StaleTimestamp) << QJsonObject{} << "9001"
                                     << "";
    QTest::newRow("bad sign") << "valveOperate" << ok << int(BadSign) << QJsonObject{} << "9003"
                              << "";
    QTest::newRow("no sign, strict") << "valveOperate" << ok << int(NoSign) << QJsonObject{} << "9003"
                                     << "";
    QTest::newRow("missing field") << "valveOperate" << ok << int(None)
                                   << QJsonObject{{"valveOperate", QJsonValue()}} << "9002"
                                   << "valveOperate";
    QTest::newRow("bad enum") << "valveOperate" << ok << int(None) << QJsonObject{{"valveOperate", "7"}}
                              << "9002"
                              << "valveOperate";
    QTest::newRow("unknown meter") << "valveOperate" << valve("NOPE0001", "0", 2) << int(None)
                                   << QJsonObject{} << "1003"
                                   << "meterNo";
    QTest::newRow("plain sensitive") << "recharge" << recharge("R1", "50.00", 3) << int(PlainSensitive)
                                     << QJsonObject{} << "9002"
                                     << "rechargeNum";
    QTest::newRow("recharge amount 0")
        << "recharge" << recharge("R2", "0", 4) << int(None) << QJsonObject{} << "1203"
        << "rechargeNum";
    QTest::newRow("recharge tradeNo empty")
        << "recharge" << recharge("R3", "5", 5) << int(None) << QJsonObject{{"tradeNo", ""}} << "1201"
        << "tradeNo";
    QTest::newRow("recharge time old") << "recharge" << recharge("R4", "5", 6) << int(None)
                                       << QJsonObject{{"rechargeTime", "2020-01-01 00:00:00"}} << "1202"
                                       << "rechargeTime";
    QTest::newRow("ladder empty") << "changeprice" << changeprice(7) << int(None)
                                  << QJsonObject{{"priceLadderNum", ""}} << "1101"
                                  << "priceLadderNum";
    QTest::newRow("ladder 6") << "changeprice" << changeprice(8) << int(None)
                              << QJsonObject{{"priceLadderNum", "6"}} << "1102"
                              << "priceLadderNum";
    QTest::newRow("effective date past") << "changeprice" << changeprice(9) << int(None)
                                         << QJsonObject{{"effectiveDate", "2020-01-01"}} << "1103"
                                         << "effectiveDate";
    QTest::newRow("ladder without cycle start") << "changeprice" << changeprice(10) << int(None)
                                                << QJsonObject{{"cycleStartDate", QJsonValue()}} << "1104"
                                                << "cycleStartDate";
    QTest::newRow("price beyond ladder")
        << "changeprice" << changeprice(11) << int(None) << QJsonObject{{"price3", "4.0000"}} << "1105"
        << "price3";
    QTest::newRow("zero price") << "changeprice" << changeprice(12) << int(None)
                                << QJsonObject{{"price1", "0.0000"}} << "1105"
                                << "price1";
    QTest::newRow("levels not increasing")
        << "changeprice" << changeprice(13) << int(None) << QJsonObject{{"level2", "300.000"}} << "1106"
        << "level2";
}

void TstSimEndpoint::rejects()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, plain);
    QFETCH(int, mutation);
    QFETCH(QJsonObject, overrides);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const Answer a = post(name, plain, Mutation(mutation), overrides);
    QCOMPARE(a.status, 200);
    QCOMPARE(a.code(), code);
    if (!field.isEmpty())
        QVERIFY2(a.message().contains(field), qPrintable(a.message()));
    QTest::qWait(50);
    QVERIFY(m_receiver->got.isEmpty()); // a rejected command has no result upload
}

void TstSimEndpoint::validValveOperatePostsSignedResult()
{
    const Answer a = post("valveOperate", valve("SIM000003", "0", 20));
    QCOMPARE(a.code(), QStringLiteral("0000"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named("openVResult").size(), 1, 5000);
    const Received r = m_receiver->named("openVResult").first();
    QVERIFY(Auth::verify(kCreds, r.accessToken, r.authorization, r.timestamp, kTime,
                         QDateTime::currentSecsSinceEpoch(), 300)
                .ok());
    QVERIFY(Signature::verify(r.body, kCreds.appSecret));
    QCOMPARE(r.body.value("commandSeq").toString(), seq(20));
    QCOMPARE(r.body.value("meterNo").toString(), QStringLiteral("SIM000003"));
    QCOMPARE(r.body.value("resultCode").toString(), QStringLiteral("00"));
    // The upload is what our listener's codec accepts.
    QVERIFY(MessageCodec(clientOptions()).parse(*Catalog::instance().upload(u"openVResult"), r.body).ok());
    QCOMPARE(m_sim->world().find("SIM000003")->valve, QStringLiteral("0"));
}

void TstSimEndpoint::closeValvePostsCloseResult()
{
    QCOMPARE(post("valveOperate", valve("SIM000003", "1", 21)).code(), QStringLiteral("0000"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named("closeVResult").size(), 1, 5000);
    QCOMPARE(m_sim->world().find("SIM000003")->valve, QStringLiteral("1"));
}

void TstSimEndpoint::rechargeCreditsOnceAndEncryptsResult()
{
    SimulatedMeter *m = m_sim->world().find("SIM000001");
    const Money before = m->totalRechargeAmt;
    QCOMPARE(post("recharge", recharge("R20261124000000000001", "50.00", 30)).code(), QStringLiteral("0000"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named("rechargeUp").size(), 1, 5000);
    const QJsonObject body = m_receiver->named("rechargeUp").first().body;
    QVERIFY(Signature::verify(body, kCreds.appSecret));
    QVERIFY(body.value("rechargeNum").toString().size() >= 24); // ciphertext, not "50.0000"
    const auto parsed = MessageCodec(clientOptions()).parse(*Catalog::instance().upload(u"rechargeUp"), body);
    QVERIFY(parsed.ok());
    QVERIFY(parsed->record.fields.value("rechargeNum").wasEncrypted);
    QCOMPARE(parsed->record.money("rechargeNum")->units(), qint64(500000));
    QCOMPARE(parsed->record.money("totalRechargeAmt")->units(), (before + Money::fromUnits(500000)).units());
    // The same tradeNo again (a resend): answered and reported, not credited twice.
    QCOMPARE(post("recharge", recharge("R20261124000000000001", "50.00", 31)).code(), QStringLiteral("0000"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named("rechargeUp").size(), 2, 5000);
    QCOMPARE(m->totalRechargeAmt, before + Money::fromUnits(500000));
    // cancelRecharge answers at once with cancelRechargeUp and takes the money back.
    QCOMPARE(post("cancelRecharge", QJsonObject{{"meterNo", "SIM000001"},
                                                {"commandSeq", seq(32)},
                                                {"meterType", "QC-G4"},
                                                {"tradeNo", "R20261124000000000001"},
                                                {"rechargeNum", "50.00"}})
                 .code(),
             QStringLiteral("0000"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named("cancelRechargeUp").size(), 1, 5000);
    QCOMPARE(m->totalRechargeAmt, before);
}

void TstSimEndpoint::duplicatedAndDroppedResults()
{
    QCOMPARE(control({{"duplicateResults", true}}).code(), QString()); // answers the switch state
    QVERIFY(m_sim->faults().switches().duplicateResults);
    QCOMPARE(post("valveOperate", valve("SIM000002", "0", 40)).code(), QStringLiteral("0000"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named("openVResult").size(), 2, 5000);
    QCOMPARE(m_receiver->named("openVResult").at(0).body, m_receiver->named("openVResult").at(1).body);

    m_receiver->got.clear();
    QCOMPARE(control({{"duplicateResults", false}, {"dropResults", true}}).status, 200);
    QCOMPARE(post("valveOperate", valve("SIM000002", "0", 41)).code(), QStringLiteral("0000"));
    QTest::qWait(600);
    QCOMPARE(m_receiver->named("openVResult").size(), 0);
    QCOMPARE(m_sim->poster().stats().dropped, qint64(1));
}

void TstSimEndpoint::wrongSecretSignsWrong()
{
    QCOMPARE(control({{"wrongSecret", true}, {"failRatePercent", 100}}).status, 200);
    QCOMPARE(post("getParameter",
                  QJsonObject{{"meterNo", "SIM000002"}, {"meterType", "QC-G4"}, {"commandSeq", seq(50)}})
                 .code(),
             QStringLiteral("0000"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named("parameterUp").size(), 1, 5000);
    const Received r = m_receiver->named("parameterUp").first();
    QVERIFY(Auth::verify(kCreds, r.accessToken, r.authorization, r.timestamp, kTime,
                         QDateTime::currentSecsSinceEpoch(), 300)
                .ok());
    QVERIFY(!Signature::verify(r.body, kCreds.appSecret));
    QCOMPARE(r.body.value("alarmOne").toString(), QStringLiteral("50"));
    // failRatePercent 100: the valve result says 01.
    QCOMPARE(post("valveOperate", valve("SIM000002", "1", 51)).code(), QStringLiteral("0000"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named("closeVResult").size(), 1, 5000);
    QCOMPARE(m_receiver->named("closeVResult").first().body.value("resultCode").toString(),
             QStringLiteral("01"));
}

void TstSimEndpoint::replyFaults()
{
    QCOMPARE(control({{"http500", true}}).status, 200);
    Answer a = post("valveOperate", valve("SIM000001", "1", 60));
    QCOMPARE(a.status, 500);
    QCOMPARE(control({{"http500", false}, {"replyDelayMs", 400}}).status, 200);
    QElapsedTimer clock;
    clock.start();
    a = post("valveOperate", valve("SIM000001", "1", 61));
    QCOMPARE(a.code(), QStringLiteral("0000"));
    QVERIFY(clock.elapsed() >= 380);
    QCOMPARE(control({{"replyDelayMs", 0}, {"noReply", "close"}}).status, 200);
    m_receiver->got.clear();
    a = post("valveOperate", valve("SIM000001", "1", 62));
    QCOMPARE(a.status, 0);
    QVERIFY(a.error != QNetworkReply::NoError);
    // The command was applied: only the answer was lost. (At least once: QNetworkAccessManager
    // silently sends a POST again when the server closes the connection without an answer.)
    QTRY_VERIFY_WITH_TIMEOUT(m_receiver->named("closeVResult").size() >= 1, 5000);
}

void TstSimEndpoint::controlRejectsUnknownSwitch()
{
    const Answer a = control({{"noSuchSwitch", true}});
    QCOMPARE(a.status, 400);
    QVERIFY(a.message().contains("noSuchSwitch"));
    const Answer b = control({{"noReply", "sometimes"}});
    QCOMPARE(b.status, 400);
    QCOMPARE(m_sim->faults().switches().noReply, NoReply::Off);
}

void TstSimEndpoint::scheduledReadingsAndGasLeak()
{
    SimulatedMeter *m = m_sim->world().find("SIM000003");
    QList<AlarmChange> ignored;
    QVERIFY(m->operateValve("0", 0, &ignored));
    const qint64 now = QDateTime::currentSecsSinceEpoch() + 5;
    m->leakAt = now - 1;
    m_sim->scheduler().reportNext(3, now);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named("meterDataUp").size(), 3, 5000);
    for (const Received &r : m_receiver->named("meterDataUp")) {
        QVERIFY(Signature::verify(r.body, kCreds.appSecret));
        const auto parsed =
            MessageCodec(clientOptions()).parse(*Catalog::instance().upload(u"meterDataUp"), r.body);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().path));
        QVERIFY(!parsed->record.list("meterReadingDetails").isEmpty());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!m_receiver->named("sendAlarm").isEmpty(), 5000);
    bool leak = false;
    for (const Received &r : m_receiver->named("sendAlarm")) {
        QVERIFY(MessageCodec(clientOptions()).parse(*Catalog::instance().upload(u"sendAlarm"), r.body).ok());
        for (const QJsonValue &a : r.body.value("alarms").toArray())
            leak |= r.body.value("meterNo").toString() == u"SIM000003" &&
                    a["alarmType"].toString() == u"1002" && a["alarmStatus"].toString() == u"0";
    }
    QVERIFY(leak);
    QCOMPARE(m->valve, QStringLiteral("1")); // a leak closes the valve
}

void TstSimEndpoint::supplementCarriesDailyReadings()
{
    const QDate today = kTime.dateOf(QDateTime::currentSecsSinceEpoch());
    const QJsonObject plain{{"meterNo", "SIM000002"},
                            {"commandSeq", seq(70)},
                            {"meterType", "QC-G4"},
                            {"beginDate", today.addDays(-3).toString("yyMMdd")},
                            {"endDate", today.toString("yyMMdd")}};
    QCOMPARE(post("dataSupplement", plain).code(), QStringLiteral("0000"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->named("meterDataSupplement").size(), 1, 5000);
    const QJsonObject body = m_receiver->named("meterDataSupplement").first().body;
    const auto parsed =
        MessageCodec(clientOptions()).parse(*Catalog::instance().upload(u"meterDataSupplement"), body);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->record.text("commandSeq"), seq(70));
    QVERIFY(!parsed->record.list("readingDetails").isEmpty());
    // A reversed range is the platform's 9002, naming the field.
    QJsonObject reversed = plain;
    reversed["beginDate"] = today.toString("yyMMdd");
    reversed["endDate"] = today.addDays(-3).toString("yyMMdd");
    reversed["commandSeq"] = seq(71);
    const Answer a = post("dataSupplement", reversed);
    QCOMPARE(a.code(), QStringLiteral("9002"));
    QVERIFY(a.message().contains("beginDate"));
}

void TstSimEndpoint::retriesWhileListenerDown()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    PosterConfig pc;
    pc.listenerBase = QUrl(QStringLiteral("http://127.0.0.1:%1/rest/v1/bussinessPlatform").arg(closedPort));
    pc.credentials = kCreds;
    pc.codec = clientOptions();
    pc.retries = 2;
    pc.retryDelayMs = 50;
    Faults faults;
    UploadPoster poster(pc, &faults);
    UploadOutcome outcome;
    bool done = false;
    QVERIFY(poster.post("openVResult",
                        QJsonObject{{"meterNo", "SIM000001"},
                                    {"factoryCode", "QC"},
                                    {"meterType", "QC-G4"},
                                    {"commandSeq", seq(80)},
                                    {"resultCode", "00"}},
                        UploadKind::Result, [&](const UploadOutcome &o) {
                            outcome = o;
                            done = true;
                        }));
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QCOMPARE(outcome.attempts, 3);
    QCOMPARE(outcome.httpStatus, 0);
    QCOMPARE(poster.stats().retried, qint64(2));
    QCOMPARE(poster.stats().undelivered, qint64(1));
}

QTEST_GUILESS_MAIN(TstSimEndpoint)
#include "tst_sim_endpoint.moc"
