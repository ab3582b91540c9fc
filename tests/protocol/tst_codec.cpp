// SPDX-License-Identifier: GPL-3.0-or-later
// Catalogue-driven parsing: every message, every required field, every type's malformed form, the
// alarm codes, sensitive values, sign modes and aliases.
#include "protocol/codec.h"
#include "protocol/examples.h"
#include "protocol/security.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace md;

namespace {

const QByteArray kKey = "s3cr3t-KEY-01234";
const QString kSecret = QStringLiteral("s3cr3t-KEY-0123456789");

CodecOptions options(SignMode mode = SignMode::Off)
{
    CodecOptions o;
    o.aesKey = kKey;
    o.appSecret = kSecret;
    o.signMode = mode;
    return o;
}

const MessageSpec *anySpec(const QString &name)
{
    const MessageSpec *s = Catalog::instance().upload(name);
    return s ? s : Catalog::instance().command(name);
}

// A step of a path into a body: a key, and for lists the element index.
struct Step
{
    QString key;
    int index = -1;
};
using Path = QList<Step>;

QString pathText(const Path &path)
{
    QString out;
    for (const Step &s : path) {
        if (!out.isEmpty())
            out += u'.';
        out += s.key;
        if (s.index >= 0)
            out += QStringLiteral("[%1]").arg(s.index);
    }
    return out;
}

// Replaces (or with nullopt removes) the value at `path`.
QJsonObject edited(QJsonObject body, const Path &path, const std::optional<QJsonValue> &value, int depth = 0)
{
    const Step &s = path[depth];
    if (depth == path.size() - 1) {
        if (value)
            body.insert(s.key, *value);
        else
            body.remove(s.key);
        return body;
    }
    QJsonArray list = body.value(s.key).toArray();
    list[s.index] = edited(list[s.index].toObject(), path, value, depth + 1);
    body.insert(s.key, list);
    return body;
}

using FieldPaths = QList<std::pair<Path, const FieldSpec *>>;

// Every field of a message, list items included (through element 1 of each list).
void collect(const QList<FieldSpec> &fields, const Path &prefix, FieldPaths &out)
{
    for (const FieldSpec &f : fields) {
        Path p = prefix;
        p.append({f.name, -1});
        out.append({p, &f});
        if (f.type == FieldType::List) {
            p.last().index = 1;
            collect(f.items, p, out);
        }
    }
}

Path findPath(const MessageSpec &spec, const QString &text)
{
    FieldPaths fields;
    collect(spec.fields, {}, fields);
    for (const auto &[p, f] : fields)
        if (pathText(p) == text)
            return p;
    return {};
}

QString malformedValue(const FieldSpec &f)
{
    switch (f.type) {
    case FieldType::String:
        return f.isEnum() ? QStringLiteral("ZZ") : QString();
    case FieldType::Integer:
        return QStringLiteral("12a");
    case FieldType::Money:
        return QStringLiteral("3.20001");
    case FieldType::Volume:
        return QStringLiteral("1.0001");
    case FieldType::DateTime:
        return QStringLiteral("2024-02-30 08:00:00");
    case FieldType::Date:
        return QStringLiteral("2024-02-30");
    case FieldType::YyMMdd:
        return QStringLiteral("20241103");
    case FieldType::List:
        break;
    }
    return QString();
}

Error parseError(const MessageSpec &spec, const QJsonObject &body, const CodecOptions &o = options())
{
    const auto r = MessageCodec(o).parse(spec, body);
    return r.ok() ? Error{QStringLiteral("ok"), {}, {}} : r.error();
}

QJsonObject rechargeUpBody()
{
    return Examples::validPlainBody(*Catalog::instance().upload(u"rechargeUp"));
}

void forEveryMessage(const std::function<void(const MessageSpec &)> &fn)
{
    for (const auto &m : Catalog::instance().uploads())
        fn(m);
    for (const auto &m : Catalog::instance().commands())
        fn(m);
}

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT
private slots:
    void validExample_data()
    {
        QTest::addColumn<QString>("message");
        forEveryMessage([](const MessageSpec &m) { QTest::newRow(qPrintable(m.name)) << m.name; });
    }
    void validExample()
    {
        QFETCH(QString, message);
        const MessageSpec *spec = anySpec(message);
        const QJsonObject body = Examples::validPlainBody(*spec);
        const QByteArray bytes = QJsonDocument(body).toJson();
        const auto parsed = MessageCodec(options()).parse(*spec, bytes);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().code + u' ' + parsed.error().path + u' ' + parsed.error().detail));
        QCOMPARE(parsed->spec, spec);
        QVERIFY(parsed->flags.isEmpty());
        for (const FieldSpec &f : spec->fields) {
            if (f.type == FieldType::List) {
                QCOMPARE(parsed->record.list(f.name).size(), 2);
                const auto scalars = std::count_if(f.items.begin(), f.items.end(),
                                                   [](const FieldSpec &i) { return i.type != FieldType::List; });
                QCOMPARE(parsed->record.list(f.name)[1].fields.size(), scalars);
            } else {
                QVERIFY2(parsed->record.has(f.name), qPrintable(f.name));
                QCOMPARE(parsed->record.text(f.name), body.value(f.name).toString());
            }
        }
    }

    void requiredMissing_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("asEmptyString");
        forEveryMessage([](const MessageSpec &m) {
            FieldPaths fields;
            collect(m.fields, {}, fields);
            for (const auto &[path, f] : fields) {
                if (!f->required)
                    continue;
                const QString p = pathText(path);
                QTest::addRow("%s %s", qPrintable(m.name), qPrintable(p)) << m.name << p << false;
                if (f->type != FieldType::List)
                    QTest::addRow("%s %s empty", qPrintable(m.name), qPrintable(p)) << m.name << p << true;
            }
        });
    }
    void requiredMissing()
    {
        QFETCH(QString, message);
        QFETCH(QString, path);
        QFETCH(bool, asEmptyString);
        const MessageSpec *spec = anySpec(message);
        const Path target = findPath(*spec, path);
        QVERIFY(!target.isEmpty());
        const QJsonObject body = edited(Examples::validPlainBody(*spec), target,
                                        asEmptyString ? std::optional<QJsonValue>(QString()) : std::nullopt);
        const Error e = parseError(*spec, body);
        QCOMPARE(e.code, QStringLiteral("9002"));
        QCOMPARE(e.path, path);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("path");     // of the field edited
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");     // "flag": accepted and flagged
        QTest::addColumn<QString>("errorPath");
        forEveryMessage([](const MessageSpec &m) {
            FieldPaths fields;
            collect(m.fields, {}, fields);
            for (const auto &[path, f] : fields) {
                const QString p = pathText(path);
                const QByteArray nameBytes = m.name.toLatin1(); // outlives the addRow calls below
                const char *n = nameBytes.constData();
                if (f->type == FieldType::List) {
                    QTest::addRow("%s %s not array", n, qPrintable(p)) << m.name << p << QJsonValue("x") << "9002" << p;
                    QTest::addRow("%s %s empty", n, qPrintable(p)) << m.name << p << QJsonValue(QJsonArray()) << "9002" << p;
                    QTest::addRow("%s %s not objects", n, qPrintable(p))
                        << m.name << p << QJsonValue(QJsonArray{1, 2}) << "9002" << p + QStringLiteral("[0]");
                    continue;
                }
                // Scalars travel as strings: a number or an object is malformed whatever the type.
                QTest::addRow("%s %s number", n, qPrintable(p)) << m.name << p << QJsonValue(5) << f->invalidCode << p;
                QTest::addRow("%s %s object", n, qPrintable(p))
                    << m.name << p << QJsonValue(QJsonObject{{"a", "1"}}) << f->invalidCode << p;
                const QString bad = malformedValue(*f);
                if (bad.isEmpty())
                    continue;
                const bool flagged = f->isEnum() && !f->required && f->invalidCode == u"9002";
                QTest::addRow("%s %s '%s'", n, qPrintable(p), qPrintable(bad))
                    << m.name << p << QJsonValue(bad) << (flagged ? QStringLiteral("flag") : f->invalidCode) << p;
            }
        });
    }
    void malformed()
    {
        QFETCH(QString, message);
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, errorPath);
        const MessageSpec *spec = anySpec(message);
        const Path target = findPath(*spec, path);
        QVERIFY(!target.isEmpty());
        const QJsonObject body = edited(Examples::validPlainBody(*spec), target, value);
        const auto r = MessageCodec(options()).parse(*spec, body);
        if (code == u"flag") {
            QVERIFY(r.ok());
            QCOMPARE(r->flags, QStringList{path});
            return;
        }
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().path, errorPath);
        QVERIFY(!r.error().detail.isEmpty());
        QVERIFY(r.error().message().endsWith(QStringLiteral(": ") + errorPath));
    }

    void alarms_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("time ok") << "alarmTime" << "2024-02-29 23:59:59" << "ok";
        QTest::newRow("time 24h") << "alarmTime" << "2024-11-03 24:00:00" << "1301";
        QTest::newRow("time T") << "alarmTime" << "2024-11-03T08:00:00" << "1301";
        QTest::newRow("time date only") << "alarmTime" << "2024-11-03" << "1301";
        QTest::newRow("time empty") << "alarmTime" << "" << "9002"; // missing, not malformed
        QTest::newRow("type 1002") << "alarmType" << "1002" << "ok";
        QTest::newRow("type 0000") << "alarmType" << "0000" << "ok";
        QTest::newRow("type 4001") << "alarmType" << "4001" << "ok";
        QTest::newRow("type 1008") << "alarmType" << "1008" << "1302";
        QTest::newRow("type 9999") << "alarmType" << "9999" << "1302";
        QTest::newRow("type 1002 spaced") << "alarmType" << " 1002" << "1302";
        QTest::newRow("type empty") << "alarmType" << "" << "9002";
        QTest::newRow("status 1") << "alarmStatus" << "1" << "ok";
        QTest::newRow("status 2") << "alarmStatus" << "2" << "9002";
    }
    void alarms()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, code);
        const MessageSpec *spec = Catalog::instance().upload(u"sendAlarm");
        const QJsonObject body = edited(Examples::validPlainBody(*spec), Path{{"alarms", 1}, {field, -1}}, QJsonValue(value));
        const Error e = parseError(*spec, body);
        QCOMPARE(e.code, code);
        if (code != u"ok")
            QCOMPARE(e.path, QStringLiteral("alarms[1].") + field);
    }

    void sensitive_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("units");
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("plain") << "rechargeNum" << "100" << "ok" << qint64(1000000) << false;
        QTest::newRow("plain 17 chars") << "rechargeNum" << "123456789012.1234" << "ok" << qint64(1234567890121234) << false;
        QTest::newRow("encrypted") << "rechargeNum" << "NND7m/fy3CvX3ot9v+bbKg==" << "ok" << qint64(1000000) << true;
        QTest::newRow("encrypted negative") << "meterBalanceAmt" << "8+NFHJkqH/KwnfPVTISM1g==" << "ok" << qint64(-155000) << true;
        QTest::newRow("encrypted 32") << "rechargeNum" << "u9YnxdyILTmFFlDxg8W6EerxYFZN1xuYvzT5PzZVsz0=" << "ok"
                                      << qint64(1234567890121234) << true;
        QTest::newRow("encrypted volume") << "totalRechargeQty" << "ris7EyNAW6H2ldcZ/BT8bA==" << "9002" << qint64(0) << false;
        QTest::newRow("encrypted 0.0000 as volume") << "totalRechargeQty" << "sJaxZxdeesk3PpDhg94frQ==" << "9002" << qint64(0) << false;
        QTest::newRow("encrypted 16 digits") << "rechargeNum" << "ngcKEniZZIGEPTdYt5ibBpAN0QXtW2bN/acnojlUa70="
                                             << "9002" << qint64(0) << false; // too many integer digits
        QTest::newRow("garbage base64") << "rechargeNum" << "AAAAAAAAAAAAAAAAAAAAAA==" << "9002" << qint64(0) << false;
        QTest::newRow("not base64") << "rechargeNum" << "!!!!!!!!!!!!!!!!!!!!!!!!" << "9002" << qint64(0) << false;
        QTest::newRow("18 chars") << "rechargeNum" << "1234567890123.1234" << "9002" << qint64(0) << false;
        QTest::newRow("20 chars") << "rechargeNum" << "NND7m/fy3CvX3ot9v+bb" << "9002" << qint64(0) << false;
        QTest::newRow("too many decimals") << "rechargeNum" << "3.20001" << "9002" << qint64(0) << false;
    }
    void sensitive()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, code);
        QFETCH(qint64, units);
        QFETCH(bool, encrypted);
        QJsonObject body = rechargeUpBody();
        body.insert(field, value);
        const auto r = MessageCodec(options()).parse(*Catalog::instance().upload(u"rechargeUp"), body);
        if (code != u"ok") {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, code);
            QCOMPARE(r.error().path, field);
            return;
        }
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
        const FieldValue fv = r->record.fields.value(field);
        QCOMPARE(fv.number, units);
        QCOMPARE(fv.wasEncrypted, encrypted);
        QVERIFY(!fv.text.contains(u'=')); // decrypted text, never the ciphertext
    }

    void encryptedVolume()
    {
        // "10.100" encrypted with the vector key: a volume with 3 decimals decrypts and parses.
        const QByteArray cipher = AesEcb(kKey).encryptToBase64("10.100");
        QJsonObject body = rechargeUpBody();
        body.insert("totalRechargeQty", QString::fromLatin1(cipher));
        const auto r = MessageCodec(options()).parse(*Catalog::instance().upload(u"rechargeUp"), body);
        QVERIFY(r.ok());
        QCOMPARE(r->record.volume("totalRechargeQty")->units(), 10100);
        QVERIFY(r->record.fields.value("totalRechargeQty").wasEncrypted);
    }

    void encryptedWithWrongKey()
    {
        CodecOptions o = options();
        o.aesKey = "another-key-0000";
        QJsonObject body = rechargeUpBody();
        body.insert("rechargeNum", "NND7m/fy3CvX3ot9v+bbKg==");
        QCOMPARE(parseError(*Catalog::instance().upload(u"rechargeUp"), body, o).code, QStringLiteral("9002"));
    }

    void ciphertextInPlainField()
    {
        const MessageSpec *spec = Catalog::instance().upload(u"meterDataUp");
        const QJsonObject body = edited(Examples::validPlainBody(*spec), Path{{"meterReadingDetails", 0}, {"price", -1}},
                                        QJsonValue("NND7m/fy3CvX3ot9v+bbKg=="));
        const Error e = parseError(*spec, body);
        QCOMPARE(e.code, QStringLiteral("9002"));
        QCOMPARE(e.path, QStringLiteral("meterReadingDetails[0].price"));
    }

    void signModes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("sign");
        QTest::addColumn<QString>("code");
        const struct
        {
            const char *sign;
            bool present;
            bool valid;
        } rows[] = {{"absent", false, false}, {"empty", false, false}, {"good", true, true},    {"lower", true, true},
                    {"bad", true, false},     {"number", true, false}, {"tampered", true, false}};
        for (const auto &r : rows) {
            const QString bad = QStringLiteral("9003");
            QTest::addRow("off %s", r.sign) << int(SignMode::Off) << r.sign << "ok";
            QTest::addRow("lenient %s", r.sign) << int(SignMode::Lenient) << r.sign << (!r.present || r.valid ? "ok" : bad);
            QTest::addRow("strict %s", r.sign) << int(SignMode::Strict) << r.sign << (r.present && r.valid ? "ok" : bad);
        }
    }
    void signModes()
    {
        QFETCH(int, mode);
        QFETCH(QString, sign);
        QFETCH(QString, code);
        const MessageSpec *spec = Catalog::instance().upload(u"meterDataUp");
        QJsonObject body = Examples::validPlainBody(*spec);
        const QString good = QString::fromLatin1(Signature::sign(body, kSecret));
        if (sign == u"good")
            body.insert("sign", good);
        else if (sign == u"lower")
            body.insert("sign", good.toLower());
        else if (sign == u"bad")
            body.insert("sign", QString(good).replace(0, 1, good[0] == u'A' ? "B" : "A"));
        else if (sign == u"number")
            body.insert("sign", 12345);
        else if (sign == u"empty")
            body.insert("sign", "");
        else if (sign == u"tampered") {
            body.insert("sign", good);
            body.insert("meterNo", "20249999");
        }
        const Error e = parseError(*spec, body, options(SignMode(mode)));
        QCOMPARE(e.code, code);
        if (code == u"9003")
            QCOMPARE(e.path, QStringLiteral("sign"));
        // parseFields never looks at the signature.
        QVERIFY(MessageCodec(options(SignMode(mode))).parseFields(*spec, body).ok());
    }

    void fieldAliases_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("sentKey");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("meterDataUp canonical") << "meterDataUp" << "meterReadingDetails" << "meterReadingDetails";
        QTest::newRow("meterDataUp alias") << "meterDataUp" << "readingDetails" << "meterReadingDetails";
        QTest::newRow("supplement canonical") << "meterDataSupplement" << "readingDetails" << "readingDetails";
        QTest::newRow("supplement alias") << "meterDataSupplement" << "meterReadingDetails" << "readingDetails";
    }
    void fieldAliases()
    {
        QFETCH(QString, message);
        QFETCH(QString, sentKey);
        QFETCH(QString, canonical);
        const MessageSpec *spec = Catalog::instance().upload(message);
        QJsonObject body = Examples::validPlainBody(*spec);
        const QJsonValue list = body.take(canonical);
        body.insert(sentKey, list);
        const auto r = MessageCodec(options()).parse(*spec, body);
        QVERIFY(r.ok());
        QCOMPARE(r->record.list(canonical).size(), 2);
        QCOMPARE(r->record.lists.size(), 1);
        // An error inside the list names the key as sent.
        body = edited(body, Path{{sentKey, 1}, {"dataTime", -1}}, QJsonValue("2024-11-03"));
        const Error e = parseError(*spec, body);
        QCOMPARE(e.code, QStringLiteral("9002"));
        QCOMPARE(e.path, sentKey + QStringLiteral("[1].dataTime"));
    }

    void batchAlias()
    {
        const MessageSpec *spec = Catalog::instance().upload(u"meterDataUpBatch");
        QJsonObject body = Examples::validPlainBody(*spec);
        QJsonArray meters = body.value("meterDatas").toArray();
        QJsonObject m1 = meters[1].toObject();
        m1.insert("meterReadingDetails", m1.take("readingDetails"));
        meters[1] = m1;
        body.insert("meterDatas", meters);
        const auto r = MessageCodec(options()).parse(*spec, body);
        QVERIFY(r.ok());
        QCOMPARE(r->record.list("meterDatas")[1].list("readingDetails").size(), 2);
        QCOMPARE(r->record.list("meterDatas")[1].text("meterNo"), QStringLiteral("20240002"));
        body = edited(body, Path{{"meterDatas", 1}, {"meterReadingDetails", 0}, {"readingNum", -1}}, QJsonValue("x"));
        QCOMPARE(parseError(*spec, body).path, QStringLiteral("meterDatas[1].meterReadingDetails[0].readingNum"));
    }

    void documentLevel_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QByteArray() << "9002";
        QTest::newRow("not json") << QByteArray("meterNo=1") << "9002";
        QTest::newRow("truncated") << QByteArray("{\"meterNo\":\"1\"") << "9002";
        QTest::newRow("array") << QByteArray("[{}]") << "9002";
        QTest::newRow("string") << QByteArray("\"x\"") << "9002";
        QTest::newRow("empty object") << QByteArray("{}") << "9002";
        QTest::newRow("empty list") << QByteArray(R"({"meterNo":"1","factoryCode":"QC","meterType":"G4","alarms":[]})")
                                    << "9002";
        QTest::newRow("minimal") << QByteArray(R"({"meterNo":"1","factoryCode":"QC","meterType":"G4","alarms":[{"alarmTime":"2024-11-03 08:00:00","alarmType":"1002","alarmStatus":"0"}],"extra":{"x":[1]}})")
                                 << "ok";
    }
    void documentLevel()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const auto r = MessageCodec(options()).parse(*Catalog::instance().upload(u"sendAlarm"), body);
        QCOMPARE(r.ok() ? QStringLiteral("ok") : r.error().code, code);
    }

    void typedValues()
    {
        const MessageSpec *spec = Catalog::instance().upload(u"meterDataUp");
        QJsonObject body = Examples::validPlainBody(*spec);
        body.insert("totalRechargeAmt", "-15.5");
        body.insert("totalRechargeCount", "0042");
        body.insert("signalStrength", "");        // empty optional: absent
        body.insert("temperature", QJsonValue()); // null optional: absent
        body.insert("valveStatus", "7");          // unknown optional code: kept, flagged
        body.insert("somethingNew", "ignored");
        const auto r = MessageCodec(options()).parse(*spec, body);
        QVERIFY(r.ok());
        const Record &rec = r->record;
        QCOMPARE(rec.money("totalRechargeAmt")->units(), -155000);
        QCOMPARE(rec.text("totalRechargeAmt"), QStringLiteral("-15.5"));
        QVERIFY(!rec.volume("totalRechargeAmt"));
        QCOMPARE(*rec.integer("totalRechargeCount"), 42);
        QVERIFY(!rec.has("signalStrength"));
        QVERIFY(!rec.has("temperature"));
        QVERIFY(!rec.has("somethingNew"));
        QCOMPARE(rec.text("valveStatus"), QStringLiteral("7"));
        QVERIFY(rec.fields.value("valveStatus").unknownEnum);
        QCOMPARE(r->flags, QStringList{"valveStatus"});
        QCOMPARE(*rec.epoch("meterTime"), QDateTime(QDate(2024, 11, 3), QTime(0, 15), QTimeZone::utc()).toSecsSinceEpoch());
        const Record &reading = rec.list("meterReadingDetails")[1];
        QCOMPARE(reading.volume("readingNum")->units(), 101100);
        QVERIFY(!reading.money("readingNum"));
        QVERIFY(rec.list("nothing").isEmpty());
        QVERIFY(!rec.epoch("meterNo"));
        QVERIFY(!rec.money("absent"));
    }

    void unknownEnumInListIsFlagged()
    {
        const MessageSpec *spec = Catalog::instance().upload(u"meterDataUpBatch");
        const QJsonObject body = edited(Examples::validPlainBody(*spec), Path{{"meterDatas", 1}, {"powerType", -1}},
                                        QJsonValue("9"));
        const auto r = MessageCodec(options()).parse(*spec, body);
        QVERIFY(r.ok());
        QCOMPARE(r->flags, QStringList{"meterDatas[1].powerType"});
    }

    void integers_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("0") << "0" << true;
        QTest::newRow("18 digits") << "999999999999999999" << true;
        QTest::newRow("19 digits") << "9999999999999999999" << false;
        QTest::newRow("negative") << "-1" << false;
        QTest::newRow("plus") << "+1" << false;
        QTest::newRow("decimal") << "1.0" << false;
        QTest::newRow("space") << " 1" << false;
        QTest::newRow("fullwidth") << "１" << false;
    }
    void integers()
    {
        QFETCH(QString, value);
        QFETCH(bool, ok);
        const MessageSpec *spec = Catalog::instance().upload(u"meterDataUp");
        QJsonObject body = Examples::validPlainBody(*spec);
        body.insert("totalRechargeCount", value);
        QCOMPARE(parseError(*spec, body).code, ok ? QStringLiteral("ok") : QStringLiteral("9002"));
    }

    void dates()
    {
        const MessageSpec *spec = Catalog::instance().command(u"dataSupplement");
        QJsonObject body = Examples::validPlainBody(*spec);
        body.insert("beginDate", "240229");
        auto r = MessageCodec(options()).parse(*spec, body);
        QVERIFY(r.ok());
        QCOMPARE(*r->record.date("beginDate"), QDate(2024, 2, 29));
        const MessageSpec *price = Catalog::instance().command(u"changeprice");
        r = MessageCodec(options()).parse(*price, Examples::validPlainBody(*price));
        QVERIFY(r.ok());
        QCOMPARE(*r->record.date("effectiveDate"), QDate(2024, 12, 1));
        QVERIFY(!r->record.date("meterNo"));
    }

    void rechargeByVolume()
    {
        const MessageSpec *spec = Catalog::instance().command(u"recharge");
        QJsonObject body = Examples::validPlainBody(*spec);
        body.insert("rechargeType", "2");
        body.insert("rechargeNum", "10.1");
        const auto r = MessageCodec(options()).parse(*spec, body);
        QVERIFY(r.ok());
        QCOMPARE(r->record.volume("rechargeNum")->units(), 10100);
        QVERIFY(!r->record.money("rechargeNum"));
        QCOMPARE(r->record.money("totalRechargeAmt")->units(), 123400);
        body.insert("rechargeNum", "10.1000");
        QCOMPARE(parseError(*spec, body).code, QStringLiteral("9002"));
        body.insert("rechargeType", "1");
        QCOMPARE(parseError(*spec, body).code, QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
