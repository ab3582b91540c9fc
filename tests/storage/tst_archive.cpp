// SPDX-License-Identifier: GPL-3.0-or-later
// archiveHistory (meterdesk-cli archive): the rows older than the platform day move into the
// archive file, exactly once, even when the process is killed (SIGKILL) between the archive's commit
// and the live delete, or after both, and then run again; the registry, open commands (and their
// journal rows), active alarms and the recharge ledger stay where they are.
#include "archivetesting.h"
#include "storetesting.h"

#include "storage/archive.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace md;
using namespace md::testing;

namespace {

QMap<QString, qint64> archiveCounts(const QString &path)
{
    QMap<QString, qint64> counts;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        if (!db.open())
            return counts;
        for (const QString &t : archivedTables()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t)) && q.next())
                counts.insert(t, q.value(0).toLongLong());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return counts;
}

} // namespace

class TestArchive : public QObject
{
    Q_OBJECT

private slots:
    void movesOnceDespiteKill_data();
    void movesOnceDespiteKill();
    void refusesAnotherDatabasesArchive();
};

void TestArchive::movesOnceDespiteKill_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("killTable");
    QTest::addColumn<QString>("killStage");
    QTest::addColumn<int>("killAt");
    for (const char *backend : {"sqlite", "postgresql"}) {
        const QString b = QString::fromLatin1(backend);
        QTest::addRow("%s no kill", backend) << b << QString() << QString() << 0;
        QTest::addRow("%s killed: readings chunk 3 archived, not deleted", backend) << b << "readings" << "archived" << 3;
        QTest::addRow("%s killed: readings chunk 5 deleted", backend) << b << "readings" << "deleted" << 5;
        QTest::addRow("%s killed: statuses chunk 1 archived", backend) << b << "statuses" << "archived" << 1;
        QTest::addRow("%s killed: alarms archived", backend) << b << "alarms" << "archived" << 1;
        QTest::addRow("%s killed: journal chunk 1 archived", backend) << b << "journal" << "archived" << 1;
    }
}

void TestArchive::movesOnceDespiteKill()
{
    MD_FRESH_DATABASE(database);
    QFETCH(QString, killTable);
    QFETCH(QString, killStage);
    QFETCH(int, killAt);
    QMap<QString, qint64> before;
    {
        auto s = openStore(database);
        QVERIFY(s);
        populate(*s);
        before = *s->tableCounts();
    }
    const QString archive = tmpDir__.filePath(QStringLiteral("archive 2026.sqlite"));
    ArchiveRequest request;
    request.source = database;
    request.archivePath = archive;
    request.before = kBefore;
    request.chunkRows = 10;
    if (!killTable.isEmpty()) {
        QProcess child;
        child.start(QStringLiteral(MD_ARCHIVE_CHILD), {database, archive, kBefore.toString(Qt::ISODate), QStringLiteral("10"),
                                                       killTable, killStage, QString::number(killAt)});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit); // really killed mid-run
        const auto partial = archiveCounts(archive);
        QVERIFY2(partial.value(killTable) > 0, "the kill came after rows reached the archive");
    }
    auto report = archiveHistory(request);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().path + QLatin1Char(' ') + report.error().detail));
    QCOMPARE(report->archiveCounts, kMoved);
    QCOMPARE(archiveCounts(archive), kMoved);

    auto s = openStore(database);
    QVERIFY(s);
    const auto after = *s->tableCounts();
    for (auto it = kMoved.constBegin(); it != kMoved.constEnd(); ++it)
        QCOMPARE(after.value(it.key()) + it.value(), before.value(it.key()));
    for (const char *kept : {"meters", "commands", "recharges", "command_results", "counters"})
        QCOMPARE(after.value(QLatin1String(kept)), before.value(QLatin1String(kept)));
    // What stays live is exactly what is at or after the cut-off (and what is still current).
    const auto m1 = s->readings(QStringLiteral("M1"), 0, 0);
    QCOMPARE(m1->time.size(), 48);
    QCOMPARE(m1->time.first(), cutoff());
    AlarmFilter active;
    active.activeOnly = true;
    QCOMPARE(s->alarms(active)->size(), 2);
    JournalFilter open;
    open.endpoint = QStringLiteral("valveOperate");
    QCOMPARE(s->journalPage(open)->rows.size(), 1);
    QCOMPARE(s->rechargeLedger(QStringLiteral("M1"))->size(), 1);

    // The manifest says what the file holds; one more run moves nothing.
    auto manifest = readArchiveManifest(archive);
    QVERIFY(manifest.ok());
    QCOMPARE(manifest->value(QStringLiteral("state")), QStringLiteral("complete"));
    QCOMPARE(manifest->value(QStringLiteral("before")), QStringLiteral("2026-11-10"));
    auto again = archiveHistory(request);
    QVERIFY(again.ok());
    for (const QString &t : archivedTables())
        QCOMPARE(again->moved.value(t), 0);
    QCOMPARE(again->archiveCounts, kMoved);
}

void TestArchive::refusesAnotherDatabasesArchive()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite")), b = dir.filePath(QStringLiteral("b.sqlite"));
    QVERIFY(openStore(a) && openStore(b));
    ArchiveRequest r;
    r.source = a;
    r.archivePath = dir.filePath(QStringLiteral("arch.sqlite"));
    r.before = kBefore;
    QVERIFY(archiveHistory(r).ok());
    r.source = b;
    const auto refused = archiveHistory(r);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().detail.contains(QStringLiteral("another database")));
    QVERIFY(!readArchiveManifest(a).ok()); // a live database is not an archive
}

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
