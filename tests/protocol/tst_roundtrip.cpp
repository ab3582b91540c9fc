// SPDX-License-Identifier: GPL-3.0-or-later
// build() then parse() with the same options gives back the same values, for every message,
// with and without encryption and signing; build() rejects what it must not send.
#include "protocol/codec.h"
#include "protocol/examples.h"
#include "protocol/security.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace md;

namespace {

CodecOptions options(bool encrypt, SignMode mode)
{
    CodecOptions o;
    o.aesKey = "s3cr3t-KEY-01234";
    o.appSecret = QStringLiteral("s3cr3t-KEY-0123456789");
    o.encryptSensitive = encrypt;
    o.signMode = mode;
    return o;
}

const MessageSpec *anySpec(const QString &name)
{
    const MessageSpec *s = Catalog::instance().upload(name);
    return s ? s : Catalog::instance().command(name);
}

// The canonical wire text of a plain value (money/volume get every decimal).
QString canonicalText(const FieldSpec &f, const QString &plain)
{
    if (f.type == FieldType::Money)
        return Money::parse(plain)->toString();
    if (f.type == FieldType::Volume)
        return Volume::parse(plain)->toString();
    return plain;
}

void compareRecord(const QList<FieldSpec> &fields, const QJsonObject &plain, const Record &record)
{
    for (const FieldSpec &f : fields) {
        if (f.type == FieldType::List) {
            const QJsonArray items = plain.value(f.name).toArray();
            const QList<Record> &parsed = record.list(f.name);
            QCOMPARE(parsed.size(), items.size());
            for (qsizetype i = 0; i < items.size(); ++i)
                compareRecord(f.items, items[i].toObject(), parsed[i]);
            continue;
        }
        QVERIFY2(record.has(f.name), qPrintable(f.name));
        const FieldValue v = record.fields.value(f.name);
        QCOMPARE(v.text, canonicalText(f, plain.value(f.name).toString()));
        if (f.type == FieldType::Money)
            QCOMPARE(v.number, Money::parse(plain.value(f.name).toString())->units());
        QVERIFY(!v.flagged);
    }
}

} // namespace

class TestRoundtrip : public QObject
{
    Q_OBJECT
private slots:
    void everyMessage_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("encrypt");
        QTest::addColumn<int>("mode");
        auto add = [](const MessageSpec &m) {
            for (bool encrypt : {true, false})
                for (SignMode mode : {SignMode::Off, SignMode::Lenient, SignMode::Strict})
                    QTest::addRow("%s %s %s", qPrintable(m.name), encrypt ? "aes" : "plain", qPrintable(signModeName(mode)))
                        << m.name << encrypt << int(mode);
        };
        for (const auto &m : Catalog::instance().commands())
            add(m);
        for (const auto &m : Catalog::instance().uploads())
            add(m);
    }
    void everyMessage()
    {
        QFETCH(QString, message);
        QFETCH(bool, encrypt);
        QFETCH(int, mode);
        const MessageSpec *spec = anySpec(message);
        const CodecOptions o = options(encrypt, SignMode(mode));
        const MessageCodec codec(o);
        QJsonObject plain = Examples::validPlainBody(*spec);
        // Short forms that build() must canonicalise.
        for (const FieldSpec &f : spec->fields)
            if (f.type == FieldType::Money)
                plain.insert(f.name, QStringLiteral("3.2"));
        const auto wire = codec.build(*spec, plain);
        QVERIFY2(wire.ok(), qPrintable(wire.ok() ? QString() : wire.error().path + u' ' + wire.error().detail));

        QCOMPARE(wire->contains(u"sign"), SignMode(mode) != SignMode::Off);
        if (SignMode(mode) != SignMode::Off)
            QVERIFY(Signature::verify(*wire, o.appSecret));
        for (const FieldSpec &f : spec->fields) {
            if (f.type != FieldType::Money && f.type != FieldType::Volume)
                continue;
            const QString sent = wire->value(f.name).toString();
            if (f.sensitive && encrypt) {
                QVERIFY2(sent.size() >= 24, qPrintable(sent));
                QCOMPARE(AesEcb(o.aesKey).decryptFromBase64(sent.toLatin1()).value_or(""),
                         canonicalText(f, plain.value(f.name).toString()).toLatin1());
            } else {
                QCOMPARE(sent, canonicalText(f, plain.value(f.name).toString()));
            }
        }

        const QByteArray bytes = QJsonDocument(*wire).toJson(QJsonDocument::Compact);
        const auto parsed = codec.parse(*spec, bytes);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().code + u' ' + parsed.error().path));
        compareRecord(spec->fields, plain, parsed->record);
        for (const FieldSpec &f : spec->fields)
            if (f.sensitive)
                QCOMPARE(parsed->record.fields.value(f.name).wasEncrypted, encrypt);
    }

    void buildRejects_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value"); // undefined: removed
        QTest::addColumn<QString>("code");
        QTest::newRow("missing meterNo") << "valveOperate" << "meterNo" << QJsonValue(QJsonValue::Undefined) << "9002";
        QTest::newRow("empty meterNo") << "valveOperate" << "meterNo" << QJsonValue("") << "9002";
        QTest::newRow("unknown valve op") << "valveOperate" << "valveOperate" << QJsonValue("3") << "9002";
        QTest::newRow("number") << "valveOperate" << "valveOperate" << QJsonValue(1) << "9002";
        QTest::newRow("money decimals") << "recharge" << "rechargeNum" << QJsonValue("3.20001") << "9002";
        QTest::newRow("money text") << "recharge" << "totalRechargeAmt" << QJsonValue("abc") << "9002";
        QTest::newRow("datetime") << "recharge" << "rechargeTime" << QJsonValue("2024-11-03T08:00:00") << "9002";
        QTest::newRow("integer") << "recharge" << "rechargeCount" << QJsonValue("1.5") << "9002";
        QTest::newRow("date") << "changeprice" << "effectiveDate" << QJsonValue("2024-13-01") << "9002";
        QTest::newRow("yymmdd") << "dataSupplement" << "beginDate" << QJsonValue("2024-11-03") << "9002";
        QTest::newRow("optional enum") << "setParameter" << "upCycle" << QJsonValue("7") << "9002";
        QTest::newRow("volume") << "meterInfo" << "enableMeterReading" << QJsonValue("1.0001") << "9002";
        QTest::newRow("alarm type") << "sendAlarm" << "alarms" << QJsonValue(QJsonArray{QJsonObject{
            {"alarmTime", "2024-11-03 08:00:00"}, {"alarmType", "1008"}, {"alarmStatus", "0"}}}) << "1302";
        QTest::newRow("empty list") << "sendAlarm" << "alarms" << QJsonValue(QJsonArray()) << "9002";
    }
    void buildRejects()
    {
        QFETCH(QString, message);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        const MessageSpec *spec = anySpec(message);
        QJsonObject plain = Examples::validPlainBody(*spec);
        if (value.isUndefined())
            plain.remove(field);
        else
            plain.insert(field, value);
        const auto r = MessageCodec(options(true, SignMode::Lenient)).build(*spec, plain);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY(r.error().path.startsWith(field));
    }

    void buildDetails()
    {
        const MessageSpec *spec = Catalog::instance().command(u"recharge");
        QJsonObject plain = Examples::validPlainBody(*spec);
        plain.insert("rechargeType", "2");
        plain.insert("rechargeNum", "10.1");
        plain.insert("meterBalanceAmt", "");   // empty optional: left out
        plain.insert("notInTheSpec", "dropped");
        plain.insert("sign", "stale");
        const auto r = MessageCodec(options(false, SignMode::Lenient)).build(*spec, plain);
        QVERIFY(r.ok());
        QCOMPARE(r->value("rechargeNum").toString(), QStringLiteral("10.100")); // a volume: 3 decimals
        QCOMPARE(r->value("totalRechargeAmt").toString(), QStringLiteral("12.3400"));
        QVERIFY(!r->contains("meterBalanceAmt"));
        QVERIFY(!r->contains("notInTheSpec"));
        QVERIFY(r->value("sign").toString() != u"stale");
        QVERIFY(Signature::verify(*r, QStringLiteral("s3cr3t-KEY-0123456789")));

        // The signature covers the ciphertext as sent (protocol.md section 4).
        const auto enc = MessageCodec(options(true, SignMode::Lenient)).build(*spec, plain);
        QVERIFY(enc.ok());
        QVERIFY(enc->value("rechargeNum").toString().size() >= 24);
        QCOMPARE(enc->value("sign").toString().toLatin1(), Signature::sign(*enc, QStringLiteral("s3cr3t-KEY-0123456789")));
        QVERIFY(enc->value("sign") != r->value("sign"));
    }

    void buildAcceptsAliases()
    {
        const MessageSpec *spec = Catalog::instance().upload(u"meterDataUp");
        QJsonObject plain = Examples::validPlainBody(*spec);
        plain.insert("readingDetails", plain.take("meterReadingDetails"));
        const auto r = MessageCodec(options(false, SignMode::Off)).build(*spec, plain);
        QVERIFY(r.ok());
        QVERIFY(r->contains("meterReadingDetails"));
        QVERIFY(!r->contains("readingDetails"));
        QCOMPARE(r->value("meterReadingDetails").toArray().size(), 2);
    }

    void vectorBodyBuildsToVectorSign()
    {
        // vectors.json sign[0]: the valveOperate body built with signing on gives the golden sign.
        const MessageSpec *spec = Catalog::instance().command(u"valveOperate");
        const QJsonObject plain{{"meterNo", "20240001"}, {"commandSeq", "202411030815000001"},
                                {"meterType", "QC-G4"}, {"valveOperate", "1"}};
        const auto r = MessageCodec(options(true, SignMode::Strict)).build(*spec, plain);
        QVERIFY(r.ok());
        QCOMPARE(r->value("sign").toString(), QStringLiteral("11494C0CDEFD79FBB0F128C0E03D2F7A"));
    }
};

QTEST_GUILESS_MAIN(TestRoundtrip)
#include "tst_roundtrip.moc"
