// SPDX-License-Identifier: GPL-3.0-or-later
// Header authentication (protocol.md section 2): every way a request can fail, and the ways it may pass.
#include "protocol/security.h"

#include <QTest>

using namespace md;

namespace {

const Credentials kCreds{QStringLiteral("QC20230001"), QStringLiteral("s3cr3t-KEY-0123456789")};
const QByteArray kTs = "20241103081500";
const QByteArray kToken = "A72CF4B136F0CCF6FDE798693142F85F"; // vectors.json accessToken[0]
const QByteArray kAuth = "UUMyMDIzMDAwMToyMDI0MTEwMzA4MTUwMA==";

qint64 sentEpoch()
{
    return *PlatformTime().toEpoch(*parseCompactTimestamp(QString::fromLatin1(kTs)));
}

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT
private slots:
    void verify_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<int>("skew"); // our clock minus the sender's, seconds
        QTest::addColumn<QString>("failing"); // empty: accepted; else the header named in the error

        QTest::newRow("good") << kToken << kAuth << kTs << 0 << "";
        QTest::newRow("lower-case token") << kToken.toLower() << kAuth << kTs << 0 << "";
        QTest::newRow("mixed-case token") << QByteArray("a72CF4B136F0CCF6FDE798693142f85f") << kAuth << kTs << 0 << "";
        QTest::newRow("Basic prefix") << kToken << "Basic " + kAuth << kTs << 0 << "";
        QTest::newRow("basic prefix lower") << kToken << "basic " + kAuth << kTs << 0 << "";
        QTest::newRow("no timestamp header") << kToken << kAuth << QByteArray() << 0 << "";
        QTest::newRow("padded values") << " " + kToken + " " << " " + kAuth << kTs << 0 << "";
        QTest::newRow("window +300") << kToken << kAuth << kTs << 300 << "";
        QTest::newRow("window -300") << kToken << kAuth << kTs << -300 << "";
        QTest::newRow("window +301") << kToken << kAuth << kTs << 301 << "timestamp";
        QTest::newRow("window -301") << kToken << kAuth << kTs << -301 << "timestamp";
        QTest::newRow("a day late") << kToken << kAuth << kTs << 86400 << "timestamp";

        QTest::newRow("wrong token") << QByteArray("A72CF4B136F0CCF6FDE798693142F85E") << kAuth << kTs << 0 << "AccessToken";
        QTest::newRow("short token") << kToken.left(31) << kAuth << kTs << 0 << "AccessToken";
        QTest::newRow("token for other time") << QByteArray("C5865D652A7BAF1E5654A4FFF2D510CD") << kAuth << kTs << 0
                                              << "AccessToken";
        QTest::newRow("missing token") << QByteArray() << kAuth << kTs << 0 << "AccessToken";
        QTest::newRow("missing authorization") << kToken << QByteArray() << kTs << 0 << "Authorization";
        // The spec defines no timestamp header: whatever it says, the Authorization's timestamp
        // (the one hashed into AccessToken) decides.
        QTest::newRow("timestamp header mismatch") << kToken << kAuth << QByteArray("20241103081501") << 0 << "";
        QTest::newRow("timestamp header garbage") << kToken << kAuth << QByteArray("yesterday") << 0 << "";
        QTest::newRow("appId mismatch") << kToken << QByteArray("QC20230002:20241103081500").toBase64() << kTs << 0
                                        << "Authorization";
        QTest::newRow("appId prefix") << kToken << QByteArray("QC2023000:20241103081500").toBase64() << kTs << 0
                                      << "Authorization";
        QTest::newRow("malformed base64") << kToken << QByteArray("UUMy!!!MDAwMToyMDI0MTEwMzA4MTUwMA==") << kTs << 0
                                          << "Authorization";
        QTest::newRow("no colon") << kToken << QByteArray("QC2023000120241103081500").toBase64() << kTs << 0
                                  << "Authorization";
        QTest::newRow("bad timestamp") << kToken << QByteArray("QC20230001:2024110308150").toBase64()
                                       << QByteArray("2024110308150") << 0 << "timestamp";
        QTest::newRow("impossible date") << kToken << QByteArray("QC20230001:20241303081500").toBase64() << QByteArray()
                                         << 0 << "timestamp";
        QTest::newRow("Basic only") << kToken << QByteArray("Basic ") << kTs << 0 << "Authorization";
    }
    void verify()
    {
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, authorization);
        QFETCH(QByteArray, timestamp);
        QFETCH(int, skew);
        QFETCH(QString, failing);
        const auto r = Auth::verify(kCreds, token, authorization, timestamp, PlatformTime(), sentEpoch() + skew, 300);
        if (failing.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.error().path + u' ' + r.error().detail));
            return;
        }
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("9001"));
        QCOMPARE(r.error().path, failing);
        QVERIFY(!r.error().detail.isEmpty());
        // Never echo the secret.
        QVERIFY(!r.error().message().contains(kCreds.appSecret));
        QVERIFY(!r.error().detail.contains(kCreds.appSecret));
    }

    void wrongSecret()
    {
        const Credentials other{kCreds.appId, QStringLiteral("another-secret")};
        QVERIFY(!Auth::verify(other, kToken, kAuth, kTs, PlatformTime(), sentEpoch(), 300).ok());
    }

    // The sender's clock, whatever the window, only from a request signed with our secret: what the
    // listener measures the desk's clock skew with.
    void signedTime_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<bool>("known");
        QTest::newRow("good") << kToken << kAuth << kCreds.appSecret << true;
        QTest::newRow("Basic prefix") << kToken << "Basic " + kAuth << kCreds.appSecret << true;
        QTest::newRow("another secret") << kToken << kAuth << QStringLiteral("another-secret") << false;
        QTest::newRow("token for other time") << QByteArray("C5865D652A7BAF1E5654A4FFF2D510CD") << kAuth << kCreds.appSecret << false;
        QTest::newRow("missing token") << QByteArray() << kAuth << kCreds.appSecret << false;
        QTest::newRow("appId mismatch") << kToken << QByteArray("QC20230002:20241103081500").toBase64() << kCreds.appSecret << false;
        QTest::newRow("malformed base64") << kToken << QByteArray("UUMy!!!MDAwMToyMDI0MTEwMzA4MTUwMA==") << kCreds.appSecret << false;
        QTest::newRow("no authorization") << kToken << QByteArray() << kCreds.appSecret << false;
    }
    void signedTime()
    {
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, authorization);
        QFETCH(QString, secret);
        QFETCH(bool, known);
        const auto at = Auth::signedTime(Credentials{kCreds.appId, secret}, token, authorization, PlatformTime());
        QCOMPARE(at.has_value(), known);
        if (known)
            QCOMPARE(*at, sentEpoch()); // 2024: years outside any window
    }

    void makeProducesVerifiableHeaders_data()
    {
        QTest::addColumn<int>("tokenCase");
        QTest::newRow("upper") << int(TokenCase::Upper);
        QTest::newRow("lower") << int(TokenCase::Lower);
    }
    void makeProducesVerifiableHeaders()
    {
        QFETCH(int, tokenCase);
        const PlatformTime time;
        const qint64 now = sentEpoch();
        const AuthHeaders h = Auth::make(kCreds, time, now, TokenCase(tokenCase));
        QCOMPARE(h.timestamp, kTs); // Shanghai wall clock
        QCOMPARE(h.accessToken, TokenCase(tokenCase) == TokenCase::Upper ? kToken : kToken.toLower());
        QCOMPARE(h.authorization, kAuth);
        QVERIFY(Auth::verify(kCreds, h.accessToken, h.authorization, h.timestamp, time, now + 10, 300).ok());
    }

    void otherZone()
    {
        // The timestamp is wall clock in the configured zone: the same text is another instant in UTC.
        const PlatformTime utc(QByteArrayLiteral("UTC"));
        const qint64 utcSent = *utc.toEpoch(*parseCompactTimestamp(QString::fromLatin1(kTs)));
        QCOMPARE(utcSent - sentEpoch(), 8 * 3600);
        QVERIFY(Auth::verify(kCreds, kToken, kAuth, kTs, utc, utcSent, 300).ok());
        QVERIFY(!Auth::verify(kCreds, kToken, kAuth, kTs, utc, sentEpoch(), 300).ok());
    }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("abc") << QByteArray("abc") << true;
        QTest::newRow("empty") << QByteArray() << QByteArray() << true;
        QTest::newRow("last differs") << QByteArray("abc") << QByteArray("abd") << false;
        QTest::newRow("first differs") << QByteArray("xbc") << QByteArray("abc") << false;
        QTest::newRow("length") << QByteArray("abc") << QByteArray("abcd") << false;
        QTest::newRow("case") << QByteArray("ABC") << QByteArray("abc") << false;
    }
    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(Auth::constantTimeEquals(a, b), equal);
    }

    void aesKeyHandling()
    {
        QVERIFY(AesEcb("short").isValid()); // zero-padded
        QCOMPARE(AesEcb("s3cr3t-KEY-0123456789").encryptToBase64("100.0000"), QByteArray("NND7m/fy3CvX3ot9v+bbKg=="));
        const AesEcb aes("s3cr3t-KEY-01234");
        QVERIFY(!aes.decryptFromBase64("").has_value());
        QVERIFY(!aes.decryptFromBase64("AAAA").has_value());            // not a whole block
        QVERIFY(!aes.decryptFromBase64("not base64 at all").has_value());
        QCOMPARE(aes.decryptFromBase64(aes.encryptToBase64("")).value_or("x"), QByteArray());
        const QByteArray chinese = QStringLiteral("秦川").toUtf8();
        QCOMPARE(aes.decryptFromBase64(aes.encryptToBase64(chinese)).value_or(""), chinese);
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
