// SPDX-License-Identifier: GPL-3.0-or-later
// PlatformClient against a tiny QHttpServer on 127.0.0.1: headers, signed and encrypted body, the
// outcome of every kind of answer (or none), and the journal of both directions.
#include "fakeplatform.h"

#include "client/platformclient.h"
#include "protocol/security.h"
#include "storage/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace md;
using md::testing::FakePlatform;

namespace {

PlatformSettings settingsFor(const QString &baseUrl)
{
    PlatformSettings s;
    s.baseUrl = baseUrl;
    s.appId = QStringLiteral("QC20230001");
    s.appSecret = QStringLiteral("0123456789abcdefSECRET");
    s.requestTimeoutSeconds = 1;
    return s;
}

QJsonObject valve(const QString &seq = QStringLiteral("20261124100000000001"))
{
    return QJsonObject{{QStringLiteral("meterNo"), QStringLiteral("M001")},
                       {QStringLiteral("commandSeq"), seq},
                       {QStringLiteral("meterType"), QStringLiteral("NB-G4")},
                       {QStringLiteral("valveOperate"), QStringLiteral("1")}};
}

QJsonObject plainFor(const QString &name)
{
    QJsonObject v{{QStringLiteral("meterNo"), QStringLiteral("M001")},
                  {QStringLiteral("commandSeq"), QStringLiteral("20261124100000000002")},
                  {QStringLiteral("meterType"), QStringLiteral("NB-G4")}};
    if (name == u"valveOperate")
        return valve();
    if (name == u"setParameter")
        v.insert(QStringLiteral("port"), QStringLiteral("8080"));
    if (name == u"updatePriceAndBalance")
        v.insert(QStringLiteral("price"), QStringLiteral("3.2"));
    if (name == u"meterInfo") {
        v.remove(QStringLiteral("commandSeq"));
        v.insert(QStringLiteral("userNo"), QStringLiteral("U1"));
        v.insert(QStringLiteral("addrDes"), QStringLiteral("Road 1"));
    }
    return v;
}

PlatformOutcome wait(QFuture<PlatformOutcome> f)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, 10000)) {
        qWarning("no outcome within 10 s");
        PlatformOutcome none;
        none.returnMessage = QStringLiteral("test: no outcome");
        return none;
    }
    return f.result();
}

} // namespace

class TestPlatformClient : public QObject
{
    Q_OBJECT
private slots:
    void headersAndSignedEncryptedBody();
    void outcomes_data();
    void outcomes();
    void unbuildableBodyNeverLeaves();
    void journalsBothDirectionsWithTokenMasked();
    void endpointUrl();
};

void TestPlatformClient::headersAndSignedEncryptedBody()
{
    FakePlatform platform;
    PlatformSettings s = settingsFor(platform.baseUrl());
    PlatformClient client(s, nullptr);
    QJsonObject v{{QStringLiteral("meterNo"), QStringLiteral("M001")},
                  {QStringLiteral("commandSeq"), QStringLiteral("20261124100000000003")},
                  {QStringLiteral("meterType"), QStringLiteral("NB-G4")},
                  {QStringLiteral("rechargeType"), QStringLiteral("1")},
                  {QStringLiteral("rechargeCount"), QStringLiteral("3")},
                  {QStringLiteral("tradeNo"), QStringLiteral("R20261124100000000001")},
                  {QStringLiteral("rechargeTime"), QStringLiteral("2026-11-24 10:00:00")},
                  {QStringLiteral("rechargeNum"), QStringLiteral("100")},
                  {QStringLiteral("totalRechargeAmt"), QStringLiteral("300.5")}};
    const PlatformOutcome o = wait(client.post(PlatformRequest{QStringLiteral("recharge"), v.value(u"commandSeq").toString(),
                                                               QStringLiteral("M001"), v}));
    QCOMPARE(o.state, CommandState::Sent);
    QCOMPARE(o.httpStatus, 200);
    QCOMPARE(o.returnCode, QStringLiteral("0000"));
    QCOMPARE(platform.seen.size(), 1);
    const auto &r = platform.seen.first();
    QCOMPARE(r.name, QStringLiteral("recharge"));
    QCOMPARE(r.timestamp.size(), 14);
    QCOMPARE(r.accessToken, Auth::accessToken(s.appId, s.appSecret, r.timestamp, TokenCase::Upper));
    QCOMPARE(r.authorization, Auth::authorization(s.appId, r.timestamp));
    QVERIFY(r.contentType.startsWith("application/json"));
    QVERIFY(r.contentType.contains("utf-8"));
    QCOMPARE(r.accept, QByteArray("application/json"));
    QVERIFY(r.body.contains(u"sign"));
    QVERIFY(Signature::verify(r.body, s.appSecret));
    // Sensitive values travel encrypted and decrypt to the canonical decimal.
    const QString cipher = r.body.value(u"rechargeNum").toString();
    QVERIFY2(cipher.size() >= 24, qPrintable(cipher));
    const auto plain = AesEcb(s.effectiveAesKey()).decryptFromBase64(cipher.toLatin1());
    QVERIFY(plain.has_value());
    QCOMPARE(*plain, QByteArray("100.0000"));
    QCOMPARE(r.body.value(u"tradeNo").toString(), QStringLiteral("R20261124100000000001"));
}

void TestPlatformClient::outcomes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("peer"); // fake | silent | refused
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<CommandState>("expected");

    const QString ok = QStringLiteral("交易成功");
    QTest::newRow("valve 0000 -> sent") << "valveOperate" << "fake" << 200 << "0000" << ok << CommandState::Sent;
    QTest::newRow("getParameter 0000 -> sent") << "getParameter" << "fake" << 200 << "0000" << ok << CommandState::Sent;
    QTest::newRow("setParameter 0000 -> accepted") << "setParameter" << "fake" << 200 << "0000" << ok << CommandState::Accepted;
    QTest::newRow("updatePrice 0000 -> accepted") << "updatePriceAndBalance" << "fake" << 200 << "0000" << ok << CommandState::Accepted;
    QTest::newRow("meterInfo 0000 -> accepted") << "meterInfo" << "fake" << 200 << "0000" << ok << CommandState::Accepted;
    QTest::newRow("1003 -> rejected") << "valveOperate" << "fake" << 200 << "1003" << "表具编号不存在" << CommandState::Rejected;
    QTest::newRow("9001 -> rejected") << "setParameter" << "fake" << 200 << "9001" << "鉴权失败" << CommandState::Rejected;
    QTest::newRow("404 -> rejected") << "valveOperate" << "fake" << 404 << "9002" << "no such route" << CommandState::Rejected;
    QTest::newRow("500 -> unreachable") << "valveOperate" << "fake" << 500 << "" << "" << CommandState::Unreachable;
    QTest::newRow("503 -> unreachable") << "meterInfo" << "fake" << 503 << "" << "" << CommandState::Unreachable;
    QTest::newRow("timeout -> unreachable") << "valveOperate" << "silent" << 0 << "" << "" << CommandState::Unreachable;
    QTest::newRow("refused -> unreachable") << "valveOperate" << "refused" << 0 << "" << "" << CommandState::Unreachable;
}

void TestPlatformClient::outcomes()
{
    QFETCH(QString, name);
    QFETCH(QString, peer);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(CommandState, expected);

    FakePlatform platform;
    platform.status = status;
    platform.returnCode = code;
    platform.returnMessage = message;
    const QString base = peer == u"silent" ? platform.silentUrl() : peer == u"refused" ? platform.refusedUrl() : platform.baseUrl();
    PlatformClient client(settingsFor(base), nullptr);
    const PlatformOutcome o = wait(client.post(PlatformRequest{name, QStringLiteral("20261124100000000002"), QStringLiteral("M001"), plainFor(name)}));
    QCOMPARE(commandStateName(o.state), commandStateName(expected));
    QVERIFY(!o.sentNothing());
    QCOMPARE(client.inFlight(), 0);
    if (peer == u"fake") {
        QCOMPARE(platform.seen.size(), 1);
        QCOMPARE(o.httpStatus, status);
    } else {
        QCOMPARE(o.httpStatus, 0);
        QVERIFY(!o.returnMessage.isEmpty());
    }
    if (peer == u"silent")
        QVERIFY(o.timedOut);
    if (expected == CommandState::Rejected && status == 200) {
        QCOMPARE(o.returnCode, code);
        QCOMPARE(o.returnMessage, message); // the platform's words are kept
    }
}

void TestPlatformClient::unbuildableBodyNeverLeaves()
{
    FakePlatform platform;
    PlatformClient client(settingsFor(platform.baseUrl()), nullptr);
    QJsonObject v = valve();
    v.remove(QStringLiteral("meterType"));
    const PlatformOutcome o = wait(client.post(PlatformRequest{QStringLiteral("valveOperate"), QString(), QStringLiteral("M001"), v}));
    QVERIFY(o.sentNothing());
    QCOMPARE(o.localError.code, QStringLiteral("9002"));
    QCOMPARE(o.localError.path, QStringLiteral("meterType"));
    QTest::qWait(50);
    QCOMPARE(platform.seen.size(), 0);
}

void TestPlatformClient::journalsBothDirectionsWithTokenMasked()
{
    QTemporaryDir dir;
    StoreOptions so;
    so.database = dir.filePath(QStringLiteral("j.sqlite"));
    auto opened = Store::open(so);
    QVERIFY2(opened.ok(), qPrintable(opened.error().detail));
    std::shared_ptr<Store> store = *opened;
    FakePlatform platform;
    platform.returnCode = QStringLiteral("1003");
    platform.returnMessage = QStringLiteral("表具编号不存在");
    PlatformClient client(settingsFor(platform.baseUrl()), store);
    const QString seq = QStringLiteral("20261124100000000009");
    const PlatformOutcome o = wait(client.post(PlatformRequest{QStringLiteral("valveOperate"), seq, QStringLiteral("M001"), valve(seq)}));
    QCOMPARE(o.state, CommandState::Rejected);
    // The reply's row is queued before the outcome is handed on; it is on disk once the writer drains.
    auto flushed = store->flush();
    QVERIFY(QTest::qWaitFor([&] { return flushed.isFinished(); }, 5000));
    JournalFilter f;
    f.commandSeq = seq;
    auto page = store->journalPage(f);
    QVERIFY(page.ok());
    QCOMPARE(page->rows.size(), 2);
    bool sawReply = false;
    for (const auto &row : page->rows) {
        QCOMPARE(row.direction, JournalDirection::Outbound);
        QCOMPARE(row.endpoint, QStringLiteral("/prepose/valveOperate"));
        auto full = store->journalEntry(row.id);
        QVERIFY(full.ok() && full->has_value());
        const JournalEntry &e = **full;
        QVERIFY(!e.headers.contains(platform.seen.first().accessToken)); // the token never lands on disk
        if (e.httpStatus == 200) {
            sawReply = true;
            QCOMPARE(e.returnCode, QStringLiteral("1003"));
        } else {
            QVERIFY(e.body.contains("\"sign\""));
        }
    }
    QVERIFY(sawReply);
}

void TestPlatformClient::endpointUrl()
{
    PlatformClient client(settingsFor(QStringLiteral("http://10.1.2.3:9080/")), nullptr);
    QCOMPARE(client.endpointUrl(QStringLiteral("changeprice")), QStringLiteral("http://10.1.2.3:9080/prepose/changeprice"));
}

QTEST_GUILESS_MAIN(TestPlatformClient)
#include "tst_platformclient.moc"
