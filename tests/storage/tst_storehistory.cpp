// SPDX-License-Identifier: GPL-3.0-or-later
// History reads: daily consumption, status history, journal filters and paging, CLI exports,
// overview counters, retention (purgeBefore). SQLite and PostgreSQL.
#include "storetesting.h"

using namespace md;
using namespace md::testing;

class TestStoreHistory : public QObject
{
    Q_OBJECT

private slots:
    void historyExportsAndRetention_data() { addBackendRows(); }
    void historyExportsAndRetention();
};

void TestStoreHistory::historyExportsAndRetention()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1")), meter(QStringLiteral("M2"))})).ok());
    // Three days of hourly readings, +10 units an hour; days start at 16:00 UTC (Asia/Shanghai midnight).
    const qint64 day0 = 1700064000; // 2023-11-16 00:00 +08:00
    for (int d = 0; d < 3; ++d)
        QVERIFY(wait(store->submit(meterDataUp(QStringLiteral("M1"), day0 + d * 86400, 24, 1000 + d * 240))).ok);
    QVERIFY(wait(store->submit(meterDataUp(QStringLiteral("M2"), day0, 2))).ok);

    auto daily = store->dailyConsumption(QStringLiteral("M1"), day0, day0 + 3 * 86400);
    QVERIFY(daily.ok());
    QCOMPARE(daily->size(), 3);
    QCOMPARE(daily->at(0).date, QDate(2023, 11, 16));
    QCOMPARE(daily->at(1).consumption.units(), 240); // 24 hours x 10
    QCOMPARE(daily->at(2).lastReading.units(), 1000 + 2 * 240 + 230);

    auto statuses = store->statusHistory(QStringLiteral("M1"), 0, 0);
    QCOMPARE(statuses->size(), 3);
    QVERIFY(statuses->at(0).meterTime > statuses->at(1).meterTime); // newest first

    JournalEntry out;
    out.at = QDateTime::currentMSecsSinceEpoch();
    out.direction = JournalDirection::Outbound;
    out.endpoint = QStringLiteral("/prepose/valveOperate");
    out.commandSeq = QStringLiteral("20231116000000000001");
    out.returnCode = QStringLiteral("0000");
    QVERIFY(wait(store->journal(out)).ok());
    JournalFilter jf;
    jf.meterNo = QStringLiteral("M1");
    QCOMPARE(store->journalPage(jf)->rows.size(), 3);
    jf = {};
    jf.direction = JournalDirection::Outbound;
    QCOMPARE(store->journalPage(jf)->rows.size(), 1);
    jf = {};
    jf.text = QStringLiteral("valveOp");
    QCOMPARE(store->journalPage(jf)->rows.size(), 1);
    jf = {};
    jf.limit = 2;
    auto first = store->journalPage(jf);
    QCOMPARE(first->rows.size(), 2);
    jf.beforeId = first->rows.last().id;
    QCOMPARE(store->journalPage(jf)->rows.size(), 2); // 5 rows: 2 + 2 (+1)

    ExportRequest ex;
    ex.kind = ExportKind::Readings;
    ex.meterNo = QStringLiteral("M1");
    ex.from = day0 + 86400;
    ex.to = day0 + 2 * 86400;
    auto table = store->exportHistory(ex);
    QVERIFY(table.ok());
    QCOMPARE(table->rows.size(), 24);
    QCOMPARE(table->header.at(2), QStringLiteral("readingNum"));
    QCOMPARE(table->rows.first().at(2), QStringLiteral("1.240")); // canonical volume text
    QCOMPARE(table->rows.first().at(5), QStringLiteral("5.0000")); // canonical money text
    ex.kind = ExportKind::Journal;
    ex.meterNo.clear();
    ex.from = ex.to = 0;
    QCOMPARE(store->exportHistory(ex)->rows.size(), 5);

    auto stats = store->overview({});
    QVERIFY(stats.ok());
    QCOMPARE(stats->uploadsToday, 4); // inbound uploads journaled today
    QCOMPARE(stats->uploadsPerDay.last().second, 4);

    // Retention: readings before day 2 go, the rest and the meters' latest columns stay.
    auto purged = wait(store->purgeBefore(day0 + 2 * 86400, true));
    QVERIFY(purged.ok());
    QVERIFY(*purged >= 48 + 2);
    QCOMPARE(store->readings(QStringLiteral("M1"), 0, 0)->time.size(), 24);
    QCOMPARE(store->readings(QStringLiteral("M2"), 0, 0)->time.size(), 0);
    QCOMPARE(store->registryPage({})->first().lastReading->units(), 1000 + 2 * 240 + 230);
}

QTEST_GUILESS_MAIN(TestStoreHistory)
#include "tst_storehistory.moc"
