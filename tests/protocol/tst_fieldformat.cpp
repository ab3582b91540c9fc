// SPDX-License-Identifier: GPL-3.0-or-later
// FieldFormat, the one check of a value's form: every kind accepts its form and refuses the rest
// with the field's code and name; a String field's "format" and a "typeBy" come from the catalogue;
// the codec's writer and reader give the same message as the check itself.
#include "codectestutil.h"

#include "protocol/fieldformat.h"

#include <QTest>

using namespace md;
using namespace md::testing;

namespace {

// A field of a message, or of the elements of one of its lists (sendAlarm's alarms[].alarmTime).
const FieldSpec &fieldOf(const QString &message, const QString &field)
{
    const MessageSpec *spec = anySpec(message);
    if (const FieldSpec *f = spec->field(field))
        return *f;
    for (const FieldSpec &list : spec->fields)
        for (const FieldSpec &item : list.items)
            if (item.matches(field))
                return item;
    qFatal("no field %s.%s", qPrintable(message), qPrintable(field));
}

QJsonObject siblings(const QString &rechargeType)
{
    return rechargeType.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("rechargeType"), rechargeType}};
}

} // namespace

class TestFieldFormat : public QObject
{
    Q_OBJECT
private slots:
    void check_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("rechargeType"); // a sibling, for "typeBy"
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("number"); // when valid
        QTest::addColumn<QString>("code");  // when not

        const QString up = QStringLiteral("meterDataUp");
        QTest::newRow("money") << up << "totalRechargeAmt" << "" << "3.2" << true << qint64(32000) << "";
        QTest::newRow("money negative") << up << "totalRechargeAmt" << "" << "-1.5" << true << qint64(-15000) << "";
        QTest::newRow("money 5 dp") << up << "totalRechargeAmt" << "" << "3.20001" << false << qint64(0) << "9002";
        QTest::newRow("money comma") << up << "totalRechargeAmt" << "" << "3,2" << false << qint64(0) << "9002";
        QTest::newRow("volume") << up << "totalRechargeQty" << "" << "10.125" << true << qint64(10125) << "";
        QTest::newRow("volume 4 dp") << up << "totalRechargeQty" << "" << "10.1250" << false << qint64(0) << "9002";
        QTest::newRow("integer") << up << "totalRechargeCount" << "" << "12" << true << qint64(12) << "";
        QTest::newRow("integer sign") << up << "totalRechargeCount" << "" << "-12" << false << qint64(0) << "9002";
        QTest::newRow("datetime") << up << "meterTime" << "" << "2026-11-24 10:00:00" << true << qint64(1795485600) << "";
        QTest::newRow("datetime hour 24") << up << "meterTime" << "" << "2026-11-24 24:00:00" << false << qint64(0) << "9002";
        QTest::newRow("date") << "changeprice" << "effectiveDate" << "" << "2026-12-01" << true
                              << QDate(2026, 12, 1).toJulianDay() << "";
        QTest::newRow("date 30 Feb") << "changeprice" << "effectiveDate" << "" << "2026-02-30" << false << qint64(0) << "9002";
        QTest::newRow("yyMMdd") << "dataSupplement" << "beginDate" << "" << "261101" << true << QDate(2026, 11, 1).toJulianDay() << "";
        QTest::newRow("yyMMdd iso") << "dataSupplement" << "beginDate" << "" << "2026-11-01" << false << qint64(0) << "9002";
        QTest::newRow("code") << up << "valveStatus" << "" << "1" << true << qint64(0) << "";
        QTest::newRow("code unknown") << up << "valveStatus" << "" << "9" << false << qint64(0) << "9002";
        QTest::newRow("alarm time 1301") << "sendAlarm" << "alarmTime" << "" << "yesterday" << false << qint64(0) << "1301";
        QTest::newRow("alarm type 1302") << "sendAlarm" << "alarmType" << "" << "XX" << false << qint64(0) << "1302";
        QTest::newRow("free text") << up << "temperature" << "" << "about 20" << true << qint64(0) << "";
        // String fields whose "format" the catalogue gives (the spec types them String).
        QTest::newRow("format integer") << "setParameter" << "port" << "" << "8080" << true << qint64(8080) << "";
        QTest::newRow("format integer letters") << "setParameter" << "port" << "" << "80a" << false << qint64(0) << "9002";
        QTest::newRow("format money") << "setParameter" << "alarmOne" << "" << "20.5" << true << qint64(205000) << "";
        QTest::newRow("format money text") << "setParameter" << "alarmOne" << "" << "twenty" << false << qint64(0) << "9002";
        QTest::newRow("format ipv4") << "parameterUp" << "ip" << "" << "10.0.0.1" << true << qint64(0) << "";
        QTest::newRow("format ipv4 256") << "parameterUp" << "ip" << "" << "10.0.0.256" << false << qint64(0) << "9002";
        // "typeBy": recharge.rechargeNum is money for rechargeType 1 (and by default), a volume for 2.
        QTest::newRow("typeBy money") << "recharge" << "rechargeNum" << "1" << "10.1250" << true << qint64(101250) << "";
        QTest::newRow("typeBy default") << "recharge" << "rechargeNum" << "" << "10.1250" << true << qint64(101250) << "";
        QTest::newRow("typeBy volume") << "recharge" << "rechargeNum" << "2" << "10.125" << true << qint64(10125) << "";
        QTest::newRow("typeBy volume 4 dp") << "recharge" << "rechargeNum" << "2" << "10.1250" << false << qint64(0) << "9002";
    }
    void check()
    {
        QFETCH(QString, message);
        QFETCH(QString, field);
        QFETCH(QString, rechargeType);
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, number);
        QFETCH(QString, code);
        const FieldFormat format(fieldOf(message, field), siblings(rechargeType));
        const Result<qint64> r = format.check(text, PlatformTime(QByteArrayLiteral("Asia/Shanghai")));
        QCOMPARE(r.ok(), valid);
        if (valid) {
            QCOMPARE(*r, number);
            return;
        }
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().path, field); // the message names the field
        QVERIFY(!r.error().detail.isEmpty());
    }

    // The kinds the forms pick their editors by: the catalogue's data, not field names.
    void kinds()
    {
        QCOMPARE(FieldFormat(fieldOf("setParameter", "port")).kind(), FieldFormat::Kind::Integer);
        QCOMPARE(FieldFormat(fieldOf("setParameter", "noUseDay")).kind(), FieldFormat::Kind::Integer);
        QCOMPARE(FieldFormat(fieldOf("setParameter", "overdraft")).kind(), FieldFormat::Kind::Money);
        QCOMPARE(FieldFormat(fieldOf("setParameter", "ip")).kind(), FieldFormat::Kind::Ipv4);
        QCOMPARE(FieldFormat(fieldOf("setParameter", "upCycle")).kind(), FieldFormat::Kind::Code);
        QCOMPARE(FieldFormat(fieldOf("meterInfo", "userName")).kind(), FieldFormat::Kind::Text);
        QCOMPARE(FieldFormat(fieldOf("recharge", "rechargeNum")).kind(), FieldFormat::Kind::Money);
        QCOMPARE(FieldFormat(fieldOf("recharge", "rechargeNum"), siblings("2")).kind(), FieldFormat::Kind::Volume);
        QCOMPARE(FieldFormat(fieldOf("recharge", "rechargeNum"), siblings("2")).decimals(), 3);
        QVERIFY(fieldOf("updatePriceAndBalance", "balanceAmt").negative);
        QVERIFY(!fieldOf("updatePriceAndBalance", "price").negative);
    }

    // A malformed value gets the same message from the writer (a command leaving) and the reader
    // (the simulator parsing it) as from the check: one rule, one text.
    void codecSaysWhatTheCheckSays_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::newRow("recharge volume 4 dp") << "recharge" << "rechargeNum" << "10.1250";
        QTest::newRow("recharge time") << "recharge" << "rechargeTime" << "2026-11-24";
        QTest::newRow("valve code") << "valveOperate" << "valveOperate" << "7";
        QTest::newRow("ladder count") << "changeprice" << "priceLadderNum" << "two";
    }
    void codecSaysWhatTheCheckSays()
    {
        QFETCH(QString, message);
        QFETCH(QString, field);
        QFETCH(QString, text);
        const MessageSpec *spec = anySpec(message);
        QJsonObject body = Examples::validPlainBody(*spec);
        body.insert(QStringLiteral("rechargeType"), QStringLiteral("2"));
        body.insert(field, text);
        if (!spec->field(QStringLiteral("rechargeType")))
            body.remove(QStringLiteral("rechargeType"));
        const MessageCodec codec(options());
        const Error expected = FieldFormat(*spec->field(field), body).check(text, codec.options().time).error();
        const auto built = codec.build(*spec, body);
        QVERIFY(!built.ok());
        QCOMPARE(built.error(), expected);
        const auto parsed = codec.parse(*spec, body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error(), expected);
    }

    // parameterUp: a String field's value outside its "format" is kept and flagged (data is never
    // lost), as an unknown code in an optional field is.
    void offFormatUploadIsKeptAndFlagged()
    {
        const MessageSpec *spec = anySpec(QStringLiteral("parameterUp"));
        QJsonObject body = Examples::validPlainBody(*spec);
        body.insert(QStringLiteral("port"), QStringLiteral("80a"));
        const auto parsed = MessageCodec(options()).parse(*spec, body);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
        QCOMPARE(parsed->flags, QStringList{QStringLiteral("port")});
        QVERIFY(parsed->record.fields.value(QStringLiteral("port")).flagged);
        QCOMPARE(parsed->record.text(QStringLiteral("port")), QStringLiteral("80a"));
    }
};

QTEST_GUILESS_MAIN(TestFieldFormat)
#include "tst_fieldformat.moc"
