// SPDX-License-Identifier: GPL-3.0-or-later
// Readings reach the table exactly as mapped: every optional column null or set (int64 values past
// 2^53 and negative ones), commandSeq text with JSON-special characters, new and already stored rows
// mixed in one upload, a key repeated inside one upload, and a batch larger than one insert chunk.
// Statuses likewise (text beyond ASCII, null columns, re-delivery not counted).
// The meter's "latest" columns move per group (status, newest reading, upload time) only forward.
// SQLite binds an upload's rows as one JSON parameter; PostgreSQL as multi-row VALUES: both must
// store the same. Runs on SQLite and, under scripts/with-postgres.sh, on PostgreSQL.
#include "storetesting.h"

using namespace md;
using namespace md::testing;

class TestReadingRows : public QObject
{
    Q_OBJECT

private slots:
    void valuesExact_data();
    void valuesExact();
    void mixedNewAndStored_data() { addBackendRows(); }
    void mixedNewAndStored();
    void largerThanOneChunk_data() { addBackendRows(); }
    void largerThanOneChunk();
    void meterLatestColumns_data() { addBackendRows(); }
    void meterLatestColumns();
    void statusesExact_data() { addBackendRows(); }
    void statusesExact();
};

namespace {

Reading full(qint64 dataTime, qint64 base)
{
    Reading r;
    r.meterNo = QStringLiteral("M1");
    r.dataTime = dataTime;
    r.readingNum = Volume::fromUnits(base);
    r.standardNum = Volume::fromUnits(base + 1);
    r.workNum = Volume::fromUnits(-(base + 2));
    r.meterBalanceAmt = Money::fromUnits(base + 3);
    r.totalUseAmt = Money::fromUnits(base + 4);
    r.meterBalanceQty = Volume::fromUnits(base + 5);
    r.price = Money::fromUnits(base + 6);
    r.ladderQty = Volume::fromUnits(base + 7);
    return r;
}

Reading bare(qint64 dataTime, qint64 base)
{
    Reading r;
    r.meterNo = QStringLiteral("M1");
    r.dataTime = dataTime;
    r.readingNum = Volume::fromUnits(base);
    return r;
}

UploadWrite upload(const QList<Reading> &readings)
{
    UploadWrite w;
    w.journal = inbound(QStringLiteral("meterDataUp"), QStringLiteral("M1"));
    w.readings = readings;
    return w;
}

bool sameReading(const Reading &a, const Reading &b)
{
    return a.dataTime == b.dataTime && a.readingNum == b.readingNum && a.standardNum == b.standardNum
           && a.workNum == b.workNum && a.meterBalanceAmt == b.meterBalanceAmt && a.totalUseAmt == b.totalUseAmt
           && a.meterBalanceQty == b.meterBalanceQty && a.price == b.price && a.ladderQty == b.ladderQty
           && a.commandSeq == b.commandSeq;
}

} // namespace

void TestReadingRows::valuesExact_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<Reading>("reading");
    for (const QString &b : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        QTest::newRow(qPrintable(b + QStringLiteral(": every column set"))) << b << full(1700000000, 1234);
        QTest::newRow(qPrintable(b + QStringLiteral(": past 2^53"))) << b << full(1700003600, 9007199254740993LL);
        QTest::newRow(qPrintable(b + QStringLiteral(": negative"))) << b << full(1700007200, -9007199254740993LL);
        QTest::newRow(qPrintable(b + QStringLiteral(": optional columns null"))) << b << bare(1700010800, 0);
        Reading quoted = bare(1700014400, 5);
        quoted.commandSeq = QStringLiteral("20\"26\\11\n30");
        QTest::newRow(qPrintable(b + QStringLiteral(": commandSeq with quote, backslash, newline"))) << b << quoted;
        Reading wide = bare(1700016200, 6);
        wide.commandSeq = QStringLiteral("指令序列号-\u00e9\U0001F600");
        QTest::newRow(qPrintable(b + QStringLiteral(": commandSeq beyond ASCII"))) << b << wide;
        Reading seq = full(1700018000, 7);
        seq.commandSeq = QStringLiteral("20261130000001");
        QTest::newRow(qPrintable(b + QStringLiteral(": commandSeq"))) << b << seq;
    }
}

void TestReadingRows::valuesExact()
{
    QFETCH(Reading, reading);
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    const WriteOutcome out = wait(store->submit(upload({reading})));
    QVERIFY2(out.ok, qPrintable(out.error.detail));
    QCOMPARE(out.readingsInserted, 1);
    auto rows = store->readingRows(QStringLiteral("M1"), 0, 0);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QVERIFY(sameReading(rows->at(0), reading));
    // The same reading again is a re-delivery, not a conflict.
    const WriteOutcome again = wait(store->submit(upload({reading})));
    QVERIFY(again.ok);
    QCOMPARE(again.readingsDuplicate, 1);
    QCOMPARE(again.readingsConflict, 0);
}

void TestReadingRows::mixedNewAndStored()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    QVERIFY(wait(store->submit(upload({full(1000, 1), full(2000, 2)}))).ok);
    // stored same (1000), stored other values (2000), new (3000), new then repeated in the upload (4000)
    const WriteOutcome out = wait(store->submit(upload({full(1000, 1), full(2000, 99), full(3000, 3), full(4000, 4), full(4000, 4)})));
    QVERIFY2(out.ok, qPrintable(out.error.detail));
    QCOMPARE(out.readingsInserted, 2);
    QCOMPARE(out.readingsDuplicate, 2);
    QCOMPARE(out.readingsConflict, 1);
    auto rows = store->readingRows(QStringLiteral("M1"), 0, 0);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 4);
    QVERIFY(sameReading(rows->at(1), full(2000, 2))); // the first kept
    QCOMPARE(store->reviewFlags(true)->size(), 1);
}

void TestReadingRows::largerThanOneChunk()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    QList<Reading> readings;
    for (int i = 0; i < 12150; ++i) // 60 chunks of 200, then 128 and 23 rows
        readings << (i % 2 ? full(i * 60, i) : bare(i * 60, i));
    readings << bare(60, 1); // the last row repeats a key from the first chunk
    const WriteOutcome out = wait(store->submit(upload(readings)));
    QVERIFY2(out.ok, qPrintable(out.error.detail));
    QCOMPARE(out.readingsInserted, 12150);
    QCOMPARE(out.readingsDuplicate, 0);
    QCOMPARE(out.readingsConflict, 1); // bare(60, 1) differs from full(60, 1)
    auto rows = store->readingRows(QStringLiteral("M1"), 0, 0);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 12150);
    for (int i = 0; i < 12150; i += 997)
        QVERIFY2(sameReading(rows->at(i), i % 2 ? full(i * 60, i) : bare(i * 60, i)), qPrintable(QString::number(i)));
}

void TestReadingRows::meterLatestColumns()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    auto status = [](qint64 meterTime, const char *valve, const char *cell) {
        MeterStatus st;
        st.meterNo = QStringLiteral("M1");
        st.meterTime = meterTime;
        st.receivedAt = meterTime;
        st.valveStatus = QLatin1String(valve);
        st.cellVoltage = QLatin1String(cell);
        return st;
    };
    auto row = [&] {
        auto page = store->registryPage({});
        return page.ok() && page->size() == 1 ? page->at(0) : RegistryRow{};
    };
    auto send = [&](QList<MeterStatus> statuses, QList<Reading> readings, qint64 atSeconds) {
        UploadWrite w = upload(readings);
        w.statuses = statuses;
        w.journal.at = atSeconds * 1000;
        return wait(store->submit(w)).ok;
    };
    // Two statuses with the same time: the later one in the upload wins.
    QVERIFY(send({status(2000, "0", "3.6"), status(2000, "1", "3.5")}, {full(1000, 10), full(1900, 19)}, 5000));
    RegistryRow r = row();
    QCOMPARE(r.valveStatus, QStringLiteral("1"));
    QCOMPARE(r.cellVoltage, QStringLiteral("3.5"));
    QCOMPARE(r.lastReading->units(), 19);
    QCOMPARE(r.balance->units(), 22);
    QCOMPARE(r.lastUploadAt, 5000);
    // Late: an older status and reading, received earlier than the last upload: nothing moves.
    QVERIFY(send({status(1500, "0", "3.0")}, {full(500, 5)}, 4000));
    r = row();
    QCOMPARE(r.valveStatus, QStringLiteral("1"));
    QCOMPARE(r.cellVoltage, QStringLiteral("3.5"));
    QCOMPARE(r.lastReading->units(), 19);
    QCOMPARE(r.lastUploadAt, 5000);
    // A newer status alone moves the status columns, not the reading's.
    QVERIFY(send({status(3000, "0", "3.4")}, {}, 6000));
    r = row();
    QCOMPARE(r.valveStatus, QStringLiteral("0"));
    QCOMPARE(r.cellVoltage, QStringLiteral("3.4"));
    QCOMPARE(r.lastReading->units(), 19);
    QCOMPARE(r.lastUploadAt, 6000);
    // A newer reading without a balance keeps the balance.
    QVERIFY(send({}, {bare(2500, 25)}, 7000));
    r = row();
    QCOMPARE(r.lastReading->units(), 25);
    QCOMPARE(r.balance->units(), 22);
    QCOMPARE(r.valveStatus, QStringLiteral("0"));
    QCOMPARE(r.lastUploadAt, 7000);
}

void TestReadingRows::statusesExact()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1")), meter(QStringLiteral("M2"))})).ok());
    MeterStatus a;
    a.meterNo = QStringLiteral("M1");
    a.meterTime = 1700000000;
    a.receivedAt = 1700000100;
    a.valveStatus = QStringLiteral("1");
    a.signalStrength = QStringLiteral("-87");
    a.powerType = QStringLiteral("电池\"\\");
    a.cellVoltage = QStringLiteral("3.6");
    a.temperature = QStringLiteral("-12.5");
    a.pressure = QString(); // null
    a.totalRechargeAmt = Money::fromUnits(9007199254740993LL);
    a.totalRechargeCount = 12;
    a.totalRechargeQty = Volume::fromUnits(4503599627370497LL);
    MeterStatus b; // every optional column null
    b.meterNo = QStringLiteral("M2");
    b.meterTime = 1700000000;
    b.receivedAt = 1700000100;
    UploadWrite w = upload({});
    w.statuses = {a, b};
    const WriteOutcome out = wait(store->submit(w));
    QVERIFY2(out.ok, qPrintable(out.error.detail));
    QCOMPARE(out.statusesInserted, 2);
    auto rows = store->statusHistory(QStringLiteral("M1"), 0, 2000000000);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    const MeterStatus &r = rows->at(0);
    QCOMPARE(r.meterNo, a.meterNo);
    QCOMPARE(r.meterTime, a.meterTime);
    QCOMPARE(r.receivedAt, a.receivedAt);
    QCOMPARE(r.valveStatus, a.valveStatus);
    QCOMPARE(r.signalStrength, a.signalStrength);
    QCOMPARE(r.powerType, a.powerType);
    QCOMPARE(r.cellVoltage, a.cellVoltage);
    QCOMPARE(r.temperature, a.temperature);
    QVERIFY(r.pressure.isEmpty());
    QCOMPARE(r.totalRechargeAmt, a.totalRechargeAmt);
    QCOMPARE(r.totalRechargeCount, a.totalRechargeCount);
    QCOMPARE(r.totalRechargeQty, a.totalRechargeQty);
    auto other = store->statusHistory(QStringLiteral("M2"), 0, 2000000000);
    QVERIFY(other.ok());
    QCOMPARE(other->size(), 1);
    QVERIFY(!other->at(0).totalRechargeAmt && !other->at(0).totalRechargeCount && !other->at(0).totalRechargeQty);
    QVERIFY(other->at(0).valveStatus.isEmpty());
    const WriteOutcome again = wait(store->submit(w));
    QVERIFY(again.ok);
    QCOMPARE(again.statusesInserted, 0);
}

QTEST_GUILESS_MAIN(TestReadingRows)
#include "tst_readingrows.moc"
