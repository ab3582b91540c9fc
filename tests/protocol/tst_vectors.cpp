// SPDX-License-Identifier: GPL-3.0-or-later
// Every golden value of vectors.json (protocol.md) reproduced exactly.
#include "core/fixeddecimal.h"
#include "core/timeformat.h"
#include "protocol/security.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace md;

namespace {

QJsonObject vectors()
{
    static const QJsonObject root = [] {
        QFile f(QStringLiteral(MD_TEST_DATA_DIR "/vectors.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot open vectors.json");
        return QJsonDocument::fromJson(f.readAll()).object();
    }();
    return root;
}

QJsonArray section(const char *a, const char *b = nullptr)
{
    QJsonValue v = vectors().value(QLatin1String(a));
    if (b)
        v = v.toObject().value(QLatin1String(b));
    return v.toArray();
}

} // namespace

class TestVectors : public QObject
{
    Q_OBJECT
private slots:
    void sectionsPresent()
    {
        QVERIFY(section("accessToken").size() >= 4);
        QVERIFY(section("authorization").size() >= 3);
        QVERIFY(section("sign").size() >= 4);
        QVERIFY(section("aes", "cases").size() >= 6);
        QVERIFY(section("decimal", "money").size() >= 7);
    }

    void accessToken_data()
    {
        QTest::addColumn<QString>("appId");
        QTest::addColumn<QString>("appSecret");
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<QByteArray>("expect");
        QTest::addColumn<QByteArray>("expectLower");
        int i = 0;
        for (const auto &v : section("accessToken")) {
            const QJsonObject o = v.toObject();
            const QByteArray expect = o.value(u"expect").toString().toLatin1();
            QTest::addRow("%d", i++) << o.value(u"appId").toString() << o.value(u"appSecret").toString()
                                     << o.value(u"timestamp").toString().toLatin1() << expect
                                     << (o.contains(u"expectLowercase") ? o.value(u"expectLowercase").toString().toLatin1()
                                                                         : expect.toLower());
        }
    }
    void accessToken()
    {
        QFETCH(QString, appId);
        QFETCH(QString, appSecret);
        QFETCH(QByteArray, timestamp);
        QFETCH(QByteArray, expect);
        QFETCH(QByteArray, expectLower);
        QCOMPARE(Auth::accessToken(appId, appSecret, timestamp), expect);
        QCOMPARE(Auth::accessToken(appId, appSecret, timestamp, TokenCase::Lower), expectLower);
    }

    void authorization_data()
    {
        QTest::addColumn<QString>("appId");
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<QByteArray>("expect");
        int i = 0;
        for (const auto &v : section("authorization")) {
            const QJsonObject o = v.toObject();
            QTest::addRow("%d", i++) << o.value(u"appId").toString() << o.value(u"timestamp").toString().toLatin1()
                                     << o.value(u"expect").toString().toLatin1();
        }
    }
    void authorization()
    {
        QFETCH(QString, appId);
        QFETCH(QByteArray, timestamp);
        QFETCH(QByteArray, expect);
        QCOMPARE(Auth::authorization(appId, timestamp), expect);
    }

    void sign_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("appSecret");
        QTest::addColumn<QByteArray>("canonical");
        QTest::addColumn<QByteArray>("expect");
        int i = 0;
        for (const auto &v : section("sign")) {
            const QJsonObject o = v.toObject();
            QTest::addRow("%d", i++) << o.value(u"body").toObject() << o.value(u"appSecret").toString()
                                     << o.value(u"canonical").toString().toUtf8() << o.value(u"expect").toString().toLatin1();
        }
    }
    void sign()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, appSecret);
        QFETCH(QByteArray, canonical);
        QFETCH(QByteArray, expect);
        QCOMPARE(Signature::canonical(body), canonical);
        QCOMPARE(Signature::sign(body, appSecret), expect);
        body.insert(QStringLiteral("sign"), QString::fromLatin1(expect));
        QVERIFY(Signature::verify(body, appSecret));
        body.insert(QStringLiteral("sign"), QString::fromLatin1(expect.toLower()));
        QVERIFY(Signature::verify(body, appSecret));
        QVERIFY(!Signature::verify(body, appSecret + u'x'));
    }

    // Beyond the vectors: arrays with numbers, booleans and null, nested unsorted objects, escapes,
    // non-ASCII and astral keys (UTF-8 byte order). Expectations from Python's
    // json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False), an independent writer.
    void canonicalForms_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("canonical");
        QTest::addColumn<QByteArray>("sign");
        QTest::newRow("scalars in arrays") << QByteArray("{\"b\": [1, 2.5, true, false, null, {\"z\": 1, \"a\": \"x\"}], \"a\": \"1\"}")
                                           << QByteArray("a=1&b=[1,2.5,true,false,null,{\"a\":\"x\",\"z\":1}]")
                                           << QByteArray("0C1F08504B0E733C36595FA45751559C");
        QTest::newRow("escapes") << QStringLiteral("{\"list\": [{\"k\": \"引号\\\"和\\\\反斜杠\", \"ctrl\": \"a\\nb\\tc\\u0001\"}], \"empty\": \"\", \"nul\": null, \"n\": 0}").toUtf8()
                                 << QStringLiteral("list=[{\"ctrl\":\"a\\nb\\tc\\u0001\",\"k\":\"引号\\\"和\\\\反斜杠\"}]&n=0").toUtf8()
                                 << QByteArray("947FA360E8845704765179FA1290BF6E");
        QTest::newRow("nested and numbers") << QByteArray("{\"x\": {\"b\": {\"d\": [], \"c\": {}}, \"a\": [-1, 1e+21, 0.1]}, \"sign\": \"ignored\"}")
                                            << QByteArray("x={\"a\":[-1,1e+21,0.1],\"b\":{\"c\":{},\"d\":[]}}")
                                            << QByteArray("5E224AF840DCACFCAC820965C54E4B3E");
        QTest::newRow("utf-8 key order") << QStringLiteral("{\"é\": \"1\", \"e\": \"2\", \"z\": \"😀\", \"Z\": [\"😀\"]}").toUtf8()
                                         << QStringLiteral("Z=[\"😀\"]&e=2&z=😀&é=1").toUtf8()
                                         << QByteArray("A98046FEB86A9C35C19BA48B1DFAB902");
    }
    void canonicalForms()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, canonical);
        QFETCH(QByteArray, sign);
        QJsonParseError error;
        const QJsonObject body = QJsonDocument::fromJson(json, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(Signature::canonical(body), canonical);
        QCOMPARE(Signature::sign(body, QStringLiteral("s3cr3t-KEY-0123456789")), sign);
    }

    void aes_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("expect");
        const QJsonObject aes = vectors().value(u"aes").toObject();
        const QByteArray key = aes.value(u"key").toString().toUtf8();
        const QByteArray fromSecret = vectors().value(u"credentials").toObject().value(u"appSecret").toString().toUtf8().left(16);
        QCOMPARE(fromSecret, key); // keyFrom: first 16 bytes of appSecret
        for (const auto &v : aes.value(u"cases").toArray()) {
            const QJsonObject o = v.toObject();
            const QByteArray plain = o.value(u"plain").toString().toUtf8();
            QTest::addRow("%s", plain.constData()) << key << plain << o.value(u"expect").toString().toLatin1();
        }
    }
    void aes()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, expect);
        const AesEcb aes(key);
        QVERIFY(aes.isValid());
        QCOMPARE(aes.encryptToBase64(plain), expect);
        QCOMPARE(aes.decryptFromBase64(expect).value_or("<failed>"), plain);
        const auto wrong = AesEcb("another-key-0000").decryptFromBase64(expect);
        QVERIFY(!wrong || *wrong != plain);
    }

    void money_data() { decimalRows("money", "moneyInvalid"); }
    void money()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, units);
        const auto m = Money::parse(text);
        QCOMPARE(m.has_value(), valid);
        if (valid)
            QCOMPARE(m->units(), units);
    }
    void volume_data() { decimalRows("volume", "volumeInvalid"); }
    void volume()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, units);
        const auto v = Volume::parse(text);
        QCOMPARE(v.has_value(), valid);
        if (valid)
            QCOMPARE(v->units(), units);
    }

    void format_data()
    {
        QTest::addColumn<bool>("isMoney");
        QTest::addColumn<qint64>("units");
        QTest::addColumn<QString>("expect");
        for (const auto &v : section("decimal", "moneyFormat"))
            QTest::addRow("money %s", qPrintable(v[1].toString())) << true << v[0].toInteger() << v[1].toString();
        for (const auto &v : section("decimal", "volumeFormat"))
            QTest::addRow("volume %s", qPrintable(v[1].toString())) << false << v[0].toInteger() << v[1].toString();
    }
    void format()
    {
        QFETCH(bool, isMoney);
        QFETCH(qint64, units);
        QFETCH(QString, expect);
        QCOMPARE(isMoney ? Money::fromUnits(units).toString() : Volume::fromUnits(units).toString(), expect);
    }

    void datetime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        for (const auto &v : section("datetime", "valid"))
            QTest::addRow("valid %s", qPrintable(v.toString())) << v.toString() << true;
        for (const auto &v : section("datetime", "invalid"))
            QTest::addRow("invalid '%s'", qPrintable(v.toString())) << v.toString() << false;
    }
    void datetime()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(parseLocalDateTime(text).has_value(), valid);
        const PlatformTime time;
        const auto epoch = time.parseDateTime(text);
        QCOMPARE(epoch.has_value(), valid);
        if (valid)
            QCOMPARE(time.formatDateTime(*epoch), text);
    }

    void yymmdd_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        const QJsonObject y = vectors().value(u"datetime").toObject().value(u"yymmdd").toObject();
        for (const auto &v : y.value(u"valid").toArray())
            QTest::addRow("valid %s", qPrintable(v.toString())) << v.toString() << true;
        for (const auto &v : y.value(u"invalid").toArray())
            QTest::addRow("invalid %s", qPrintable(v.toString())) << v.toString() << false;
    }
    void yymmdd()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto d = parseYyMMdd(text);
        QCOMPARE(d.has_value(), valid);
        if (valid)
            QCOMPARE(formatYyMMdd(*d), text);
    }

private:
    void decimalRows(const char *validKey, const char *invalidKey)
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("units");
        for (const auto &v : section("decimal", validKey))
            QTest::addRow("valid %s", qPrintable(v[0].toString())) << v[0].toString() << true << v[1].toInteger();
        for (const auto &v : section("decimal", invalidKey))
            QTest::addRow("invalid '%s'", qPrintable(v.toString())) << v.toString() << false << qint64(0);
    }
};

QTEST_GUILESS_MAIN(TestVectors)
#include "tst_vectors.moc"
