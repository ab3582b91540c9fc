// SPDX-License-Identifier: GPL-3.0-or-later
// Offline review with archives in the console (offscreen): File > Open archive… exists; a read-only
// store opened with the archive file shows the meter window's timeline and alarm lanes with the
// archived readings and the archived (closed) alarm, where the live database alone shows the last
// days only. Reads run on the console's read pool (the window waits with QTRY, never blocks).
#include "../storage/archivetesting.h"

#include "storage/archive.h"
#include "ui/mainwindow.h"
#include "ui/models/consolecontext.h"
#include "ui/timeline/alarmtimeline.h"
#include "ui/timeline/readingtimeline.h"
#include "ui/views/meterdetailwindow.h"

#include <QAction>
#include <QTemporaryDir>
#include <QTest>

using namespace md;
using namespace md::testing;

class TestUiArchive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void meterWindow_data();
    void meterWindow();
    void menuHasOpenArchive();

private:
    QTemporaryDir m_dir;
    QString m_live, m_archive;
};

void TestUiArchive::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_live = m_dir.filePath(QStringLiteral("live.sqlite"));
    m_archive = m_dir.filePath(QStringLiteral("archive.sqlite"));
    {
        auto s = openStore(m_live);
        QVERIFY(s);
        populate(*s);
    }
    ArchiveRequest r;
    r.source = m_live;
    r.archivePath = m_archive;
    r.before = kBefore;
    QVERIFY(archiveHistory(r).ok());
}

void TestUiArchive::meterWindow_data()
{
    QTest::addColumn<bool>("withArchive");
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("alarms");
    QTest::newRow("live database alone") << false << 48 << 0;
    QTest::newRow("live database and its archive") << true << 120 << 1;
}

void TestUiArchive::meterWindow()
{
    QFETCH(bool, withArchive);
    QFETCH(int, points);
    QFETCH(int, alarms);
    StoreOptions o;
    o.database = m_live;
    o.readOnly = true;
    o.runMigrations = false;
    if (withArchive)
        o.archives = {m_archive};
    auto store = Store::open(o);
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().detail));
    ConsoleContext context(*store, Settings());
    MainWindow window(&context);
    window.show();
    MeterDetailWindow *w = window.openMeter(QStringLiteral("M1"));
    QTRY_VERIFY(w->isLoaded());
    QCOMPARE(w->data().error, QString());
    QCOMPARE(w->data().readings.time.size(), points);
    QCOMPARE(w->readingTimeline()->series().size(), points);
    QCOMPARE(w->data().alarms.size(), alarms);
    QCOMPARE(w->alarmTimeline()->lanes().size(), alarms);
    if (withArchive)
        QCOMPARE(w->data().readings.time.first(), cutoff() - 3 * 86400);
}

void TestUiArchive::menuHasOpenArchive()
{
    auto store = openStore(m_live, true);
    QVERIFY(store);
    ConsoleContext context(store, Settings());
    MainWindow window(&context);
    auto *action = window.findChild<QAction *>(QStringLiteral("openArchiveAction"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    QVERIFY(action->text().contains(QStringLiteral("archive")));
}

QTEST_MAIN(TestUiArchive)
#include "tst_ui_archive.moc"
