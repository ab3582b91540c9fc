// SPDX-License-Identifier: GPL-3.0-or-later
// Offline review over archives (StoreOptions::archives): after history moved into two archive files,
// a read-only store opened with them answers every history read (timeline, reading rows, statuses,
// alarms, journal pages and entries) exactly as the database did before, pages cut across the
// sources included. SQLite attaches the archives; PostgreSQL merges them from an SQLite connection.
#include "archivetesting.h"
#include "storetesting.h"

#include "storage/archive.h"

using namespace md;
using namespace md::testing;

namespace {

template<typename T, typename F>
QList<qint64> keys(const QList<T> &rows, F key)
{
    QList<qint64> k;
    for (const T &r : rows)
        k << key(r);
    return k;
}

} // namespace

class TestArchiveReview : public QObject
{
    Q_OBJECT

private slots:
    void readsLiveAndArchivesAsOne_data() { addBackendRows(); }
    void readsLiveAndArchivesAsOne();
    void refusesWhatIsNotAnArchive();
};

void TestArchiveReview::readsLiveAndArchivesAsOne()
{
    MD_FRESH_DATABASE(database);
    const QString m1 = QStringLiteral("M1");
    AlarmFilter alarmsOfM1;
    alarmsOfM1.meterNo = m1;
    alarmsOfM1.activeOnly = false;
    JournalFilter journal;
    journal.limit = 1000;
    JournalFilter page = journal;
    page.limit = 4;
    page.offset = 7; // crosses live rows into archived ones
    ReadingSeries series;
    QList<qint64> rowTimes, statusTimes, alarmIds, journalIds, pageIds;
    {
        auto live = openStore(database);
        QVERIFY(live);
        populate(*live);
        series = *live->readings(m1, 0, 0);
        rowTimes = keys(*live->readingRows(m1, 0, 0, 100), [](const Reading &r) { return r.dataTime; });
        statusTimes = keys(*live->statusHistory(m1, 0, 0, 0), [](const MeterStatus &r) { return r.meterTime; });
        alarmIds = keys(*live->alarms(alarmsOfM1), [](const AlarmRow &r) { return r.id; });
        journalIds = keys(live->journalPage(journal)->rows, [](const JournalEntry &e) { return e.id; });
        pageIds = keys(live->journalPage(page)->rows, [](const JournalEntry &e) { return e.id; });
    }
    QCOMPARE(series.time.size(), 120);
    QCOMPARE(alarmIds.size(), 1);

    QStringList archives;
    for (const QDate &before : {kBefore.addDays(-2), kBefore}) {
        archives << tmpDir__.filePath(QStringLiteral("before %1.sqlite").arg(before.toString(Qt::ISODate)));
        ArchiveRequest r;
        r.source = database;
        r.archivePath = archives.constLast();
        r.before = before;
        auto done = archiveHistory(r);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
        QVERIFY(done->moved.value(QStringLiteral("readings")) > 0);
    }

    // The live database alone now holds only the last two days.
    QCOMPARE(openStore(database, true)->readings(m1, 0, 0)->time.size(), 48);

    StoreOptions o;
    o.database = database;
    o.readOnly = true;
    o.archives = archives;
    auto opened = Store::open(o);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().detail));
    const Store &review = **opened;
    const auto merged = *review.readings(m1, 0, 0);
    QCOMPARE(merged.time, series.time);
    QCOMPARE(merged.readingUnits, series.readingUnits);
    QCOMPARE(merged.balanceUnits, series.balanceUnits);
    QCOMPARE(keys(*review.readingRows(m1, 0, 0, 100), [](const Reading &r) { return r.dataTime; }), rowTimes);
    QCOMPARE(keys(*review.statusHistory(m1, 0, 0, 0), [](const MeterStatus &r) { return r.meterTime; }), statusTimes);
    QCOMPARE(keys(*review.alarms(alarmsOfM1), [](const AlarmRow &r) { return r.id; }), alarmIds);
    QCOMPARE(keys(review.journalPage(journal)->rows, [](const JournalEntry &e) { return e.id; }), journalIds);
    QCOMPARE(keys(review.journalPage(page)->rows, [](const JournalEntry &e) { return e.id; }), pageIds);
    // Single rows found in whichever file holds them.
    const auto closed = review.alarm(alarmIds.first());
    QVERIFY(closed.ok() && closed->has_value());
    QVERIFY(!(*closed)->active);
    const auto oldest = review.journalEntry(journalIds.last());
    QVERIFY(oldest.ok() && oldest->has_value());
    QCOMPARE((*oldest)->body, QByteArrayLiteral("{}"));
    // A range inside the archives only, and a daily view built on the merged timeline.
    QCOMPARE(review.readings(m1, cutoff() - 3 * 86400, cutoff() - 2 * 86400)->time.size(), 24);
    QCOMPARE(review.dailyConsumption(m1, cutoff() - 3 * 86400, cutoff() + 2 * 86400)->size(), 5);
}

void TestArchiveReview::refusesWhatIsNotAnArchive()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("live.sqlite"));
    QVERIFY(openStore(db));
    StoreOptions o;
    o.database = db;
    o.readOnly = true;
    o.archives = {db}; // a live database, not an archive
    QVERIFY(!Store::open(o).ok());
    o.archives = {dir.filePath(QStringLiteral("missing.sqlite"))};
    QVERIFY(!Store::open(o).ok());
    o.archives = {};
    o.readOnly = false;
    o.archives = {dir.filePath(QStringLiteral("x.sqlite"))};
    QVERIFY(!Store::open(o).ok()); // archives only with a read-only store
}

QTEST_GUILESS_MAIN(TestArchiveReview)
#include "tst_archivereview.moc"
