// SPDX-License-Identifier: GPL-3.0-or-later
// The change feed: this process's commits arrive once per debounce with their keys merged, another
// process's commits (a QProcess child writing the same database) arrive through the watcher on its
// own thread, and a commit of this process is announced once although it is a `changes` row too (the
// watcher passes over rows under this store's writer id).
#include "storetesting.h"

#include "storage/changefeed.h"
#include "storage/storenotifier.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace md;
using namespace md::testing;

class TestChangeFeed : public QObject
{
    Q_OBJECT

private slots:
    void thisProcessIsAnnouncedOncePerDebounce_data() { addBackendRows(); }
    void thisProcessIsAnnouncedOncePerDebounce();
    void otherProcessesAreFollowed_data() { addBackendRows(); }
    void otherProcessesAreFollowed();
    void ownCommitIsAnnouncedOnce_data() { addBackendRows(); }
    void ownCommitIsAnnouncedOnce();
    void listenerCountersAreOneMoreKind();
};

namespace {
QStringList allKeys(const QSignalSpy &spy)
{
    QStringList keys;
    for (const QList<QVariant> &args : spy)
        keys += args.at(0).toStringList();
    return keys;
}
} // namespace

void TestChangeFeed::thisProcessIsAnnouncedOncePerDebounce()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1")), meter(QStringLiteral("M2"))})).ok());
    // The writer announces a batch after resolving its futures: the next batch comes after that.
    store->flush().waitForFinished();
    ChangeFeed feed(*store, ChangeFeed::Options{.debounceMs = 100, .followOtherProcesses = false});
    QVERIFY(!feed.followsOtherProcesses());
    QSignalSpy readings(&feed, &ChangeFeed::readingsAdded);
    QSignalSpy journal(&feed, &ChangeFeed::journalAppended);
    QSignalSpy meters(&feed, &ChangeFeed::metersChanged);

    // Two commits while this thread is busy: their notifications queue up and are announced together.
    QVERIFY(wait(store->submit(meterDataUp(QStringLiteral("M1"), 1600000000, 3))).ok);
    QVERIFY(wait(store->submit(meterDataUp(QStringLiteral("M2"), 1600000000, 3))).ok);
    store->flush().waitForFinished();
    QTRY_COMPARE_WITH_TIMEOUT(readings.count(), 1, 5000);
    QCOMPARE(readings.at(0).at(0).toStringList(), (QStringList{QStringLiteral("M1"), QStringLiteral("M2")}));
    QCOMPARE(journal.count(), 1);
    QVERIFY(journal.at(0).at(0).toLongLong() > 0);
    QCOMPARE(meters.count(), 0);
    QTest::qWait(300); // nothing else is announced for those two commits
    QCOMPARE(readings.count(), 1);

    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M3"))})).ok());
    QTRY_COMPARE_WITH_TIMEOUT(meters.count(), 1, 5000);
}

void TestChangeFeed::otherProcessesAreFollowed()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1")), meter(QStringLiteral("M2"))})).ok());
    ChangeFeed feed(*store, ChangeFeed::Options{.debounceMs = 50, .followOtherProcesses = true, .pollIntervalMs = 100});
    QVERIFY(feed.followsOtherProcesses());
    QSignalSpy following(&feed, &ChangeFeed::following);
    QSignalSpy readings(&feed, &ChangeFeed::readingsAdded);
    QSignalSpy commands(&feed, &ChangeFeed::commandsChanged);
    QVERIFY(following.wait(10000));

    QElapsedTimer clock;
    clock.start();
    QProcess upload;
    upload.start(QStringLiteral(MD_STORAGE_CHILD), {db, QStringLiteral("upload"), QStringLiteral("M2"), QStringLiteral("1")});
    QTRY_VERIFY_WITH_TIMEOUT(allKeys(readings).contains(QStringLiteral("M2")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(upload.state(), QProcess::NotRunning, 10000);
    QCOMPARE(upload.exitCode(), 0);
    qInfo("another process's upload announced after %lld ms (process start included)", clock.elapsed());

    QProcess send;
    send.start(QStringLiteral(MD_STORAGE_CHILD), {db, QStringLiteral("commands"), QStringLiteral("3")});
    QVERIFY(send.waitForFinished(20000));
    QCOMPARE(send.exitCode(), 0);
    // One per line; a Windows child's stdout (text mode) ends its lines with \r\n.
    const QStringList seqs = QString::fromLatin1(send.readAllStandardOutput())
                                 .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QCOMPARE(seqs.size(), 3);
    for (const QString &seq : seqs)
        QTRY_VERIFY_WITH_TIMEOUT(allKeys(commands).contains(seq), 5000);
}

void TestChangeFeed::ownCommitIsAnnouncedOnce()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1")), meter(QStringLiteral("M2"))})).ok());
    store->flush().waitForFinished();
    // A debounce far shorter than the poll: had the watcher passed this process's row on, it would
    // come as an announcement of its own.
    ChangeFeed feed(*store, ChangeFeed::Options{.debounceMs = 1, .followOtherProcesses = true, .pollIntervalMs = 100});
    QSignalSpy following(&feed, &ChangeFeed::following);
    QSignalSpy readings(&feed, &ChangeFeed::readingsAdded);
    QSignalSpy journal(&feed, &ChangeFeed::journalAppended);
    QVERIFY(following.wait(10000));

    QVERIFY(wait(store->submit(meterDataUp(QStringLiteral("M1"), 1600000000, 3))).ok);
    QTRY_COMPARE_WITH_TIMEOUT(readings.count(), 1, 5000);
    QCOMPARE(readings.at(0).at(0).toStringList(), QStringList{QStringLiteral("M1")});
    QCOMPARE(journal.count(), 1);
    // Another process writes after it: once its change is announced, the watcher has read past this
    // process's row (ids grow with the commits), and that row announced nothing.
    QProcess upload;
    upload.start(QStringLiteral(MD_STORAGE_CHILD), {db, QStringLiteral("upload"), QStringLiteral("M2"), QStringLiteral("1")});
    QTRY_VERIFY_WITH_TIMEOUT(allKeys(readings).contains(QStringLiteral("M2")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(upload.state(), QProcess::NotRunning, 10000);
    QCOMPARE(upload.exitCode(), 0);
    QCOMPARE(allKeys(readings).count(QStringLiteral("M1")), 1);
    QCOMPARE(allKeys(readings).count(QStringLiteral("M2")), 1);
    QCOMPARE(journal.count(), 2); // this process's journal row once, the other process's once
}

void TestChangeFeed::listenerCountersAreOneMoreKind()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("counters.sqlite")));
    QVERIFY(store);
    ChangeFeed feed(*store, ChangeFeed::Options{.debounceMs = 50, .followOtherProcesses = false});
    QSignalSpy counted(&feed, &ChangeFeed::requestsCounted);
    QSignalSpy readings(&feed, &ChangeFeed::readingsAdded);
    // A burst of requests (the listener emits from its threads): one announcement, the newest counts.
    for (qint64 i = 1; i <= 5; ++i)
        emit store->notifier()->requestsCounted(i, 1700000000 + i);
    QTRY_COMPARE_WITH_TIMEOUT(counted.count(), 1, 5000);
    QCOMPARE(counted.at(0).at(0).toLongLong(), 5);
    QCOMPARE(counted.at(0).at(1).toLongLong(), 1700000005);
    QCOMPARE(readings.count(), 0); // nothing else is announced with them
    QTest::qWait(200);
    QCOMPARE(counted.count(), 1);
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
