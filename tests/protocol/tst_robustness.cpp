// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input into the upload parser: random bytes, truncations and mutations of valid bodies.
// Every input must end in success or one of the spec's codes; nothing may crash or hang. The seed is
// fixed, so a failure reproduces. Also times the 24,000-reading batch (printed, not asserted).
#include "protocol/codec.h"
#include "protocol/examples.h"
#include "protocol/security.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <ctime>

using namespace md;

namespace {

const QStringList kCodes{QStringLiteral("9002"), QStringLiteral("9003"), QStringLiteral("1301"), QStringLiteral("1302")};

CodecOptions options(SignMode mode)
{
    CodecOptions o;
    o.aesKey = "s3cr3t-KEY-01234";
    o.appSecret = QStringLiteral("s3cr3t-KEY-0123456789");
    o.signMode = mode;
    return o;
}

QByteArray validBody(const MessageSpec &spec, bool signedBody)
{
    const MessageCodec codec(options(signedBody ? SignMode::Lenient : SignMode::Off));
    return QJsonDocument(codec.build(spec, Examples::validPlainBody(spec)).value()).toJson(QJsonDocument::Compact);
}

QJsonValue randomValue(QRandomGenerator &rng, int depth = 0)
{
    switch (rng.bounded(depth > 3 ? 7 : 9)) {
    case 0:
        return QJsonValue();
    case 1:
        return rng.bounded(2) == 1;
    case 2:
        return double(rng.generate64()) * 1e300;
    case 3:
        return qint64(rng.generate64());
    case 4:
        return QString();
    case 5:
        return QString(rng.bounded(40000), QChar(u'9'));
    case 6:
        return QStringLiteral("2024-11-03 08:15:0") + QChar(u'0' + rng.bounded(10));
    case 7:
        return QJsonArray{randomValue(rng, depth + 1), randomValue(rng, depth + 1)};
    default:
        return QJsonObject{{QStringLiteral("dataTime"), randomValue(rng, depth + 1)}};
    }
}

// Replaces one randomly chosen node of the tree (a type swap, usually).
QJsonValue swapOne(const QJsonValue &v, QRandomGenerator &rng, int &countdown)
{
    if (countdown-- == 0)
        return randomValue(rng);
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = swapOne(it.value(), rng, countdown);
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = swapOne(a[i], rng, countdown);
        return a;
    }
    return v;
}

QByteArray mutateBytes(QByteArray body, QRandomGenerator &rng)
{
    static const QByteArray specials[] = {
        QByteArray("\0", 1), "\xff\xfe", "\xc3", "\xed\xa0\x80", "\"", "\\", "{", "}", "[", "]", ",", ":",
        "1e99999", "-0", "99999999999999999999999999999", "\\u0000", "\\ud800", "null", "true", "NaN",
    };
    const int edits = 1 + rng.bounded(4);
    for (int e = 0; e < edits && !body.isEmpty(); ++e) {
        const qsizetype at = rng.bounded(body.size());
        switch (rng.bounded(4)) {
        case 0:
            body[at] = char(rng.bounded(256));
            break;
        case 1:
            body.insert(at, specials[rng.bounded(int(std::size(specials)))]);
            break;
        case 2:
            body.remove(at, 1 + rng.bounded(8));
            break;
        default:
            body.insert(at, body.mid(rng.bounded(body.size()), rng.bounded(32)));
        }
    }
    return body;
}

// CPU time of this thread: the build machine is shared, wall-clock time is noisy.
qint64 cpuNanos()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

} // namespace

class TestRobustness : public QObject
{
    Q_OBJECT

    int m_inputs = 0;
    int m_accepted = 0;

    void feed(const MessageSpec &spec, const QByteArray &body)
    {
        ++m_inputs;
        for (SignMode mode : {SignMode::Lenient, SignMode::Strict}) {
            const auto r = MessageCodec(options(mode)).parse(spec, body);
            if (r.ok()) {
                m_accepted += mode == SignMode::Lenient;
                QVERIFY(r->spec == &spec);
                continue;
            }
            QVERIFY2(kCodes.contains(r.error().code), qPrintable(r.error().code));
            QVERIFY(!r.error().message().isEmpty());
        }
    }

private slots:
    void init()
    {
        m_inputs = 0;
        m_accepted = 0;
    }

    void randomBytes()
    {
        QRandomGenerator rng(20241103);
        for (const MessageSpec &spec : Catalog::instance().uploads()) {
            for (int i = 0; i < 400; ++i) {
                QByteArray junk(rng.bounded(300), Qt::Uninitialized);
                for (char &c : junk)
                    c = char(rng.bounded(256));
                if (i % 2)
                    junk.prepend('{'); // get past the first byte
                feed(spec, junk);
                if (QTest::currentTestFailed())
                    return;
            }
        }
        QCOMPARE(m_accepted, 0);
        qInfo("random inputs: %d", m_inputs);
    }

    void truncations()
    {
        for (const MessageSpec &spec : Catalog::instance().uploads()) {
            const QByteArray body = validBody(spec, true);
            const qsizetype step = qMax<qsizetype>(1, body.size() / 300);
            for (qsizetype n = 0; n < body.size(); n += step) {
                feed(spec, body.left(n));
                if (QTest::currentTestFailed())
                    return;
            }
            feed(spec, body);
        }
        QCOMPARE(m_accepted, Catalog::instance().uploads().size()); // only the whole bodies
        qInfo("truncated inputs: %d", m_inputs);
    }

    void byteMutations()
    {
        QRandomGenerator rng(7);
        for (const MessageSpec &spec : Catalog::instance().uploads()) {
            const QByteArray body = validBody(spec, rng.bounded(2) == 1);
            for (int i = 0; i < 300; ++i) {
                feed(spec, mutateBytes(body, rng));
                if (QTest::currentTestFailed())
                    return;
            }
        }
        qInfo("mutated inputs: %d, accepted %d", m_inputs, m_accepted);
    }

    void typeSwaps()
    {
        QRandomGenerator rng(11);
        for (const MessageSpec &spec : Catalog::instance().uploads()) {
            const QJsonObject body = QJsonDocument::fromJson(validBody(spec, false)).object();
            for (int i = 0; i < 200; ++i) {
                int countdown = rng.bounded(60);
                const QJsonValue swapped = swapOne(body, rng, countdown);
                feed(spec, QJsonDocument(swapped.isObject() ? swapped.toObject() : QJsonObject())
                               .toJson(QJsonDocument::Compact));
                if (QTest::currentTestFailed())
                    return;
            }
        }
        qInfo("type-swapped inputs: %d, accepted %d", m_inputs, m_accepted);
    }

    void extremes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("deep arrays") << QByteArray(100000, '[');
        QTest::newRow("deep objects") << QByteArray("{\"a\":").repeated(5000) + "1" + QByteArray(5000, '}');
        QTest::newRow("deep in list") << "{\"meterNo\":\"1\",\"alarms\":" + QByteArray(3000, '[') + QByteArray(3000, ']') + "}";
        QTest::newRow("huge number") << QByteArray("{\"meterNo\":1e999999,\"alarms\":[{\"alarmTime\":-1e400}]}");
        QTest::newRow("long digits") << "{\"meterNo\":\"" + QByteArray(1 << 20, '7') + "\"}";
        QTest::newRow("nul bytes") << QByteArray("{\"meterNo\":\"1\0\",\"\0\":1}", 22);
        QTest::newRow("escaped nul") << QByteArray(R"({"meterNo":"\u0000","factoryCode":"\u0000","meterType":"x","alarms":[]})");
        QTest::newRow("invalid utf8") << QByteArray("{\"meterNo\":\"\xff\xfe\xc3\",\"factoryCode\":\"\xed\xa0\x80\"}");
        QTest::newRow("lone surrogate") << QByteArray(R"({"meterNo":"\ud800","factoryCode":"QC","meterType":"x"})");
        QTest::newRow("bom") << QByteArray("\xef\xbb\xbf{}");
        QTest::newRow("duplicate keys") << QByteArray(R"({"meterNo":"1","meterNo":2})");
        QTest::newRow("many keys") << [] {
            QByteArray b = "{";
            for (int i = 0; i < 20000; ++i)
                b += "\"k" + QByteArray::number(i) + "\":\"v\",";
            b += "\"sign\":\"x\"}";
            return b;
        }();
        QTest::newRow("huge list") << "{\"alarms\":[" + QByteArray("{},").repeated(50000) + "{}]}";
        QTest::newRow("sign object") << QByteArray(R"({"sign":{"a":[1,2,{"b":null}]}})");
        QTest::newRow("long ciphertext") << "{\"rechargeNum\":\"" + QByteArray(4 << 20, 'A') + "\"}";
    }
    void extremes()
    {
        QFETCH(QByteArray, body);
        for (const MessageSpec &spec : Catalog::instance().uploads()) {
            feed(spec, body);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void sensitiveGarbage()
    {
        // Random Base64 of every length through the AES path: decryption failures, bad padding, non-decimals.
        QRandomGenerator rng(3);
        const MessageSpec &spec = *Catalog::instance().upload(u"rechargeUp");
        QJsonObject body = Examples::validPlainBody(spec);
        for (int i = 0; i < 2000; ++i) {
            QByteArray raw(rng.bounded(64), Qt::Uninitialized);
            for (char &c : raw)
                c = char(rng.bounded(256));
            body.insert("rechargeNum", QString::fromLatin1(raw.toBase64()));
            feed(spec, QJsonDocument(body).toJson(QJsonDocument::Compact));
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(m_accepted, 0);
    }

    void bigBatchParseTime()
    {
        const QByteArray body = Examples::meterDataUpBatchBody(1000, 24);
        const MessageSpec &spec = *Catalog::instance().upload(u"meterDataUpBatch");
        const MessageCodec codec(options(SignMode::Lenient));
        qint64 best = std::numeric_limits<qint64>::max();
        qint64 bestJson = best;
        for (int round = 0; round < 3; ++round) {
            qint64 t0 = cpuNanos();
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            bestJson = qMin(bestJson, cpuNanos() - t0);
            t0 = cpuNanos();
            const auto r = codec.parse(spec, body);
            best = qMin(best, cpuNanos() - t0);
            QVERIFY(r.ok());
            const QList<Record> &meters = r->record.list("meterDatas");
            QCOMPARE(meters.size(), 1000);
            qsizetype readings = 0;
            for (const Record &m : meters)
                readings += m.list("readingDetails").size();
            QCOMPARE(readings, 24000);
            QCOMPARE(meters[999].list("readingDetails")[23].text("dataTime"), QStringLiteral("2024-11-03 23:00:00"));
        }
        qInfo("meterDataUpBatch 1000 x 24 (%lld bytes): parse %.1f ms (of which QJsonDocument %.1f ms), CPU time, best of 3",
              qint64(body.size()), best / 1e6, bestJson / 1e6);

        // The same body signed: the canonical form of 24,000 readings is computed once more.
        QJsonObject object = QJsonDocument::fromJson(body).object();
        object.insert("sign", QString::fromLatin1(Signature::sign(object, options(SignMode::Lenient).appSecret)));
        const QByteArray signedBody = QJsonDocument(object).toJson(QJsonDocument::Compact);
        qint64 bestSigned = std::numeric_limits<qint64>::max();
        for (int round = 0; round < 3; ++round) {
            const qint64 t0 = cpuNanos();
            const auto r = codec.parse(spec, signedBody);
            bestSigned = qMin(bestSigned, cpuNanos() - t0);
            QVERIFY(r.ok());
        }
        qInfo("signed meterDataUpBatch 1000 x 24: parse with sign check %.1f ms", bestSigned / 1e6);
    }
};

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
