// SPDX-License-Identifier: GPL-3.0-or-later
// Several processes on one database (QProcess children of storage_child): commandSeqs unique across
// processes, a command inserted here is finished by a result written in another process, and each
// sees the others' rows and change notifications.
#include "storetesting.h"

#include "storage/changewatcher.h"

#include <QProcess>
#include <QSet>
#include <QSignalSpy>

using namespace md;
using namespace md::testing;

class TestStoreProcesses : public QObject
{
    Q_OBJECT

private slots:
    void processesShareOneDatabase_data() { addBackendRows(); }
    void processesShareOneDatabase();
};

void TestStoreProcesses::processesShareOneDatabase()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1")), meter(QStringLiteral("M2"))})).ok());
    ChangeWatcher watcher(db, 100);
    QVERIFY(watcher.start().ok());
    QSignalSpy commandsSpy(&watcher, &ChangeWatcher::commandsChanged);
    QSignalSpy readingsSpy(&watcher, &ChangeWatcher::readingsAdded);

    // Our own command, to be finished by another process's result upload.
    auto seq = wait(store->allocateCommandSeq(QDateTime::currentSecsSinceEpoch()));
    CommandRecord mine;
    mine.commandSeq = *seq;
    mine.name = QStringLiteral("valveOperate");
    mine.meterNo = QStringLiteral("M1");
    mine.state = CommandState::Sent;
    QVERIFY(wait(store->insertCommand(mine)).ok());

    QList<QProcess *> children;
    auto spawn = [&](const QStringList &args) {
        auto *p = new QProcess(this);
        p->start(QStringLiteral(MD_STORAGE_CHILD), QStringList{db} + args);
        children << p;
        return p;
    };
    spawn({QStringLiteral("commands"), QStringLiteral("40")});
    spawn({QStringLiteral("commands"), QStringLiteral("40")});
    spawn({QStringLiteral("upload"), QStringLiteral("M2"), QStringLiteral("5")});
    spawn({QStringLiteral("result"), *seq, QStringLiteral("00")});
    QSet<QString> seqs{*seq};
    int printed = 0;
    for (QProcess *p : children) {
        QVERIFY(p->waitForFinished(60000));
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QVERIFY2(p->exitCode() == 0, qPrintable(QStringLiteral("child exit %1: %2").arg(p->exitCode()).arg(QString::fromUtf8(p->readAllStandardError()))));
        for (const QByteArray &line : p->readAllStandardOutput().split('\n'))
            if (!line.isEmpty()) {
                seqs.insert(QString::fromLatin1(line));
                ++printed;
            }
    }
    QCOMPARE(printed, 80);
    QCOMPARE(seqs.size(), 81); // unique across three processes
    QCOMPARE((*store->commandBySeq(*seq))->state, CommandState::Succeeded);
    QCOMPARE(store->commands({})->total, 81);
    QCOMPARE(store->readings(QStringLiteral("M2"), 0, 0)->time.size(), 5 * 24);
    QTRY_VERIFY_WITH_TIMEOUT(commandsSpy.count() >= 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(readingsSpy.count() >= 1, 5000);
    auto changed = store->changedCommandsSince(0, 1000);
    QCOMPARE(changed->size(), 81);
    for (int i = 1; i < changed->size(); ++i)
        QVERIFY(changed->at(i - 1).changeId < changed->at(i).changeId);
}

QTEST_GUILESS_MAIN(TestStoreProcesses)
#include "tst_storeprocesses.moc"
