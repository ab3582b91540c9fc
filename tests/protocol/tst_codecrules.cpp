// SPDX-License-Identifier: GPL-3.0-or-later
// Value rules of the codec: alarm codes 1301/1302, sensitive values plain/encrypted/garbage, sign
// modes off/lenient/strict, integers, dates, recharge by volume.
#include "codectestutil.h"

#include <QJsonDocument>
#include <QTest>

using namespace md;
using namespace md::testing;

class TestCodecRules : public QObject
{
    Q_OBJECT
private slots:
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
        QTest::newRow("plain 18 chars signed") << "rechargeNum" << "-123456789012.3456" << "ok" << qint64(-1234567890123456)
                                               << false; // the largest the spec allows: 12+4 digits and a sign
        QTest::newRow("encrypted 18 chars signed") << "rechargeNum"
                                                   << QString::fromLatin1(AesEcb(kKey).encryptToBase64("-123456789012.3456"))
                                                   << "ok" << qint64(-1234567890123456) << true;
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

    // Balances and totals may come plain or AES-128-ECB/Base64 in every upload that carries them,
    // decided per value; one body may mix both forms.
    void balancesPlainOrEncrypted_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("encrypt");
        const char *rows[][2] = {
            {"meterDataUp", "totalRechargeAmt"},
            {"meterDataUp", "totalRechargeQty"},
            {"meterDataUp", "meterReadingDetails[1].meterBalanceAmt"},
            {"meterDataUp", "meterReadingDetails[1].totalUseAmt"},
            {"meterDataUp", "meterReadingDetails[1].meterBalanceQty"},
            {"meterDataUpBatch", "meterDatas[1].totalRechargeAmt"},
            {"meterDataUpBatch", "meterDatas[1].totalRechargeQty"},
            {"meterDataUpBatch", "meterDatas[1].readingDetails[1].meterBalanceAmt"},
            {"meterDataUpBatch", "meterDatas[1].readingDetails[1].totalUseAmt"},
            {"meterDataUpBatch", "meterDatas[1].readingDetails[1].meterBalanceQty"},
            {"meterDataSupplement", "readingDetails[1].meterBalanceAmt"},
            {"meterDataSupplement", "readingDetails[1].totalUseAmt"},
            {"meterDataSupplement", "readingDetails[1].meterBalanceQty"},
            {"rechargeUp", "rechargeNum"},
            {"rechargeUp", "totalRechargeAmt"},
            {"rechargeUp", "totalRechargeQty"},
            {"rechargeUp", "meterBalanceAmt"},
            {"rechargeUp", "meterBalanceQty"},
            {"cancelRechargeUp", "rechargeNum"},
        };
        for (const auto &r : rows) {
            for (const bool encrypt : {false, true})
                QTest::addRow("%s %s %s", r[0], r[1], encrypt ? "encrypted" : "plain")
                    << QString::fromLatin1(r[0]) << QString::fromLatin1(r[1]) << encrypt;
        }
    }
    void balancesPlainOrEncrypted()
    {
        QFETCH(QString, message);
        QFETCH(QString, path);
        QFETCH(bool, encrypt);
        const MessageSpec *spec = Catalog::instance().upload(message);
        QVERIFY(spec);
        const Path at = findPath(*spec, path);
        QVERIFY2(!at.isEmpty(), qPrintable(path));
        FieldPaths fields;
        collect(spec->fields, {}, fields);
        const FieldSpec *field = nullptr;
        for (const auto &[p, f] : fields)
            if (pathText(p) == path)
                field = f;
        QVERIFY(field && field->sensitive);
        const bool money = field->type == FieldType::Money;
        const QByteArray plain = money ? "-1234.5600" : "987.650";
        const QString wire = encrypt ? QString::fromLatin1(AesEcb(kKey).encryptToBase64(plain)) : QString::fromLatin1(plain);
        const QJsonObject body = edited(Examples::validPlainBody(*spec), at, QJsonValue(wire));
        const auto r = MessageCodec(options()).parse(*spec, body);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().path + u' ' + r.error().detail));
        // Walk the parsed record down the same path.
        const Record *rec = &r->record;
        for (int i = 0; i + 1 < at.size(); ++i)
            rec = &rec->list(at[i].key).at(at[i].index);
        const FieldValue fv = rec->fields.value(at.last().key);
        QCOMPARE(fv.wasEncrypted, encrypt);
        QCOMPARE(fv.text, QString::fromLatin1(plain));
        QCOMPARE(fv.number, money ? qint64(-12345600) : qint64(987650));
    }

    void mixedPlainAndEncryptedInOneBody()
    {
        const MessageSpec *spec = Catalog::instance().upload(u"meterDataUp");
        QJsonObject body = Examples::validPlainBody(*spec);
        body = edited(body, findPath(*spec, "meterReadingDetails[1].meterBalanceAmt"),
                      QJsonValue(QString::fromLatin1(AesEcb(kKey).encryptToBase64("12.3400"))));
        body = edited(body, findPath(*spec, "meterReadingDetails[1].totalUseAmt"), QJsonValue("56.7800"));
        const auto r = MessageCodec(options()).parse(*spec, body);
        QVERIFY(r.ok());
        const Record &row = r->record.list("meterReadingDetails").at(1);
        QVERIFY(row.fields.value("meterBalanceAmt").wasEncrypted);
        QCOMPARE(row.fields.value("meterBalanceAmt").number, qint64(123400));
        QVERIFY(!row.fields.value("totalUseAmt").wasEncrypted);
        QCOMPARE(row.fields.value("totalUseAmt").number, qint64(567800));
    }

    void ciphertextInUnmarkedMoneyField()
    {
        // price is not marked sensitive; protocol.md section 4 still lets any money value arrive
        // encrypted. A string value is never decrypted.
        const MessageSpec *spec = Catalog::instance().upload(u"meterDataUp");
        const QJsonObject body = edited(Examples::validPlainBody(*spec), Path{{"meterReadingDetails", 0}, {"price", -1}},
                                        QJsonValue("NND7m/fy3CvX3ot9v+bbKg=="));
        const auto r = MessageCodec(options()).parse(*spec, body);
        QVERIFY(r.ok());
        const FieldValue price = r->record.list("meterReadingDetails").at(0).fields.value("price");
        QVERIFY(price.wasEncrypted);
        QCOMPARE(price.number, qint64(1000000));
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

QTEST_GUILESS_MAIN(TestCodecRules)
#include "tst_codecrules.moc"
