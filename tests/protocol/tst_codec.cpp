// SPDX-License-Identifier: GPL-3.0-or-later
// Catalogue-driven parsing: every message parses its example, every required field (list items
// included) missing gives 9002 naming its path, every type's malformed form gives the right code,
// field aliases. Value rules (alarms, sensitive values, sign modes) are in tst_codecrules.cpp.
#include "codectestutil.h"

#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace md;
using namespace md::testing;

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
        QVERIFY(rec.fields.value("valveStatus").flagged);
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

};

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
