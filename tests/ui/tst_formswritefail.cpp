// SPDX-License-Identifier: GPL-3.0-or-later
// The console's own writes failing while an operator sends a recharge from the form (real SQLite file,
// the in-process simulator over HTTP on 127.0.0.1):
// - the database full (PRAGMA max_page_count at its size, then filled): the recharge either gets no
//   row (the dialog shows the store's error) or a row that ends rejected "not sent" (its outbound
//   journal entry could not be written); the platform sees nothing; when space returns the same
//   dialog sends it once and it succeeds;
// - the database write-locked by another connection past busy_timeout before the send: no row, an
//   error in the dialog, nothing sent;
// - the lock taken after the platform accepted, so the row cannot move to sent: the dialog keeps
//   showing what is stored (queued), never "sent"; once the lock is gone the platform's answer is
//   written and the dialog shows sent, without the recharge going out again.
// In every case the dialog never showed a state the database does not hold, and the console's status
// bar says the database cannot write while it cannot, and stops saying so when it can again.
#include "formsworld.h"

#include "client/platformclient.h"
#include "storage/storenotifier.h"
#include "ui/forms/commanddialog.h"
#include "ui/forms/commandstatuswidget.h"
#include "ui/forms/rechargeform.h"
#include "ui/mainwindow.h"
#include "ui/models/consolecontext.h"
#include "ui/widgets/statuspanel.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace md;
using namespace md::testing;

namespace {

qint64 platformSaw(const FormsWorld &w)
{
    qint64 n = 0;
    for (qint64 c : w.sim->endpoint().replyCounts())
        n += c;
    return n;
}

// Another program holding the database's write lock (a backup tool, a second writer).
class WriteLock
{
public:
    explicit WriteLock(const QString &file)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        m_held = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_held)
            qWarning() << "lock:" << db.lastError().text();
    }
    ~WriteLock()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name);
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool held() const { return m_held; }

private:
    QString m_name;
    bool m_held = false;
};

} // namespace

class TestFormsWriteFail : public QObject
{
    Q_OBJECT
    FormsWorld m_world;

    QString dbFile() const { return m_world.dir.filePath(QStringLiteral("meterdesk.sqlite")); }

    // A recharge dialog with its amount entered; every state its status line shows is recorded.
    CommandDialog *rechargeDialog(int meter, QList<CommandState> *shown)
    {
        auto *dlg = new CommandDialog(m_world.context(), QStringLiteral("recharge"), FormsWorld::meterNo(meter));
        dlg->setAttribute(Qt::WA_DeleteOnClose, false);
        connect(dlg->status(), &CommandStatusWidget::stateChanged, this, [shown](CommandState s) { shown->append(s); });
        dlg->show();
        dlg->setValue(QStringLiteral("rechargeNum"), QStringLiteral("30.00"));
        if (!QTest::qWaitFor([dlg] { return static_cast<RechargeForm *>(dlg->form())->numbers().has_value(); }, 5000))
            qWarning("the recharge form never computed its numbers");
        return dlg;
    }
    static bool clickSend(CommandDialog *dlg)
    {
        if (!dlg->sendButton()->isEnabled())
            return false;
        dlg->sendButton()->click();
        return confirm(dlg->pendingConfirmation());
    }
    // The state on screen is the stored one (or there is no row and the dialog says why).
    void checkShownIsStored(CommandDialog *dlg)
    {
        if (!dlg->status()->hasCommand()) {
            QVERIFY(dlg->sendErrorLabel()->isVisible());
            QVERIFY(!dlg->sendErrorLabel()->text().isEmpty());
            return;
        }
        auto row = m_world.store->commandBySeq(dlg->status()->commandSeq());
        QVERIFY(row.ok() && row.value());
        QCOMPARE(dlg->status()->state(), row.value()->state);
    }

private slots:
    void initTestCase()
    {
        m_world.busyTimeoutMs = 300;
        QVERIFY(m_world.setUp(4));
    }

    void diskFull()
    {
        ConsoleContext context(m_world.store, m_world.settings);
        MainWindow window(&context);
        window.show();
        QVERIFY(window.statusPanel()->databaseText().isEmpty());
        const qint64 before = platformSaw(m_world);
        // The file may not grow (SQLite clamps the cap to its size), then what room is left is used
        // up, down to entries of a few bytes.
        QVERIFY(awaitResult(m_world.store->setSqliteMaxPageCount(1)).ok());
        int written = 0;
        for (int size : {4096, 1024, 256, 64, 8, 1}) {
            for (int i = 0; i < 100000; ++i) {
                JournalEntry filler;
                filler.at = QDateTime::currentMSecsSinceEpoch();
                filler.endpoint = QStringLiteral("filler");
                filler.body = QByteArray(size, 'x');
                if (!awaitResult(m_world.store->journal(filler)).ok())
                    break;
                ++written;
            }
        }
        qInfo("database full after %d filler entries", written);
        QTRY_VERIFY_WITH_TIMEOUT(window.statusPanel()->databaseText().contains(QStringLiteral("full")), 5000);
        qInfo("status bar: %s", qPrintable(window.statusPanel()->databaseText()));

        QList<CommandState> shown;
        std::unique_ptr<CommandDialog> dlg(rechargeDialog(1, &shown));
        QVERIFY(clickSend(dlg.get()));
        QTRY_VERIFY_WITH_TIMEOUT(!dlg->isSending(), 10000);
        QTest::qWait(500); // whatever follows a stored row (the journal write, its state) has happened
        QVERIFY2(!shown.contains(CommandState::Sent) && !shown.contains(CommandState::Succeeded), "shown as sent");
        QCOMPARE(platformSaw(m_world), before);
        checkShownIsStored(dlg.get());
        qInfo("with the database full: %s", qPrintable(dlg->status()->hasCommand() ? dlg->status()->record().returnMessage
                                                                                 : dlg->sendErrorLabel()->text()));
        if (dlg->status()->hasCommand()) { // stored, but its journal entry could not be: not sent
            QCOMPARE(dlg->status()->state(), CommandState::Rejected);
            QVERIFY2(dlg->status()->record().returnMessage.contains(QStringLiteral("not sent")),
                     qPrintable(dlg->status()->record().returnMessage));
        }

        // Space returns: a dialog whose send failed may send again, and it goes once.
        QVERIFY(awaitResult(m_world.store->setSqliteMaxPageCount(0)).ok());
        shown.clear();
        std::unique_ptr<CommandDialog> again(dlg->status()->hasCommand() ? rechargeDialog(1, &shown) : nullptr);
        CommandDialog *sender = again ? again.get() : dlg.get();
        QVERIFY(clickSend(sender));
        QTRY_COMPARE_WITH_TIMEOUT(sender->status()->state(), CommandState::Succeeded, 10000);
        checkShownIsStored(sender);
        QCOMPARE(platformSaw(m_world), before + 1);
        QCOMPARE(m_world.sim->world().find(FormsWorld::meterNo(1))->rechargeCount, qint64(1));
        QTRY_VERIFY_WITH_TIMEOUT(window.statusPanel()->databaseText().isEmpty(), 5000);
    }

    void lockedBeforeTheRowIsWritten()
    {
        ConsoleContext context(m_world.store, m_world.settings);
        MainWindow window(&context);
        window.show();
        const qint64 before = platformSaw(m_world);
        const int rows = commandCount(m_world, QStringLiteral("recharge"), FormsWorld::meterNo(2));
        QList<CommandState> shown;
        std::unique_ptr<CommandDialog> dlg(rechargeDialog(2, &shown));
        {
            WriteLock lock(dbFile());
            QVERIFY(lock.held());
            QVERIFY(clickSend(dlg.get()));
            QTRY_VERIFY_WITH_TIMEOUT(!dlg->isSending(), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(!window.statusPanel()->databaseText().isEmpty(), 5000);
            qInfo("status bar: %s", qPrintable(window.statusPanel()->databaseText()));
        }
        QVERIFY(!dlg->status()->hasCommand());
        checkShownIsStored(dlg.get());
        QVERIFY(shown.isEmpty());
        QCOMPARE(platformSaw(m_world), before);
        QCOMPARE(commandCount(m_world, QStringLiteral("recharge"), FormsWorld::meterNo(2)), rows);
        // The next write goes through: the status bar clears.
        JournalEntry probe;
        probe.at = QDateTime::currentMSecsSinceEpoch();
        probe.endpoint = QStringLiteral("probe");
        QVERIFY(awaitResult(m_world.store->journal(probe)).ok());
        QTRY_VERIFY_WITH_TIMEOUT(window.statusPanel()->databaseText().isEmpty(), 5000);
    }

    void lockedWhenThePlatformAccepts()
    {
        // The platform answers 0000 after 1.5 s; the meter's result is not posted (it would need
        // the database too). The row cannot move from queued to sent while the lock is held.
        sim::FaultSwitches f;
        f.replyDelayMs = 1500;
        f.dropResults = true;
        m_world.sim->faults().set(f);
        auto reset = qScopeGuard([this] { m_world.sim->faults().set(sim::FaultSwitches()); });
        const qint64 before = platformSaw(m_world);
        QList<CommandState> shown;
        std::unique_ptr<CommandDialog> dlg(rechargeDialog(3, &shown));
        QVERIFY(clickSend(dlg.get()));
        QTRY_VERIFY_WITH_TIMEOUT(platformSaw(m_world) == before + 1, 10000); // stored, journaled, on the wire
        {
            QSignalSpy health(m_world.store->notifier(), &StoreNotifier::writeHealthChanged);
            WriteLock lock(dbFile());
            QVERIFY(lock.held());
            // The answer is in and its state could not be written (the busy timeout ran out).
            QTRY_VERIFY_WITH_TIMEOUT(!health.isEmpty() && !health.first().at(0).toBool(), 10000);
            QTest::qWait(200); // the refresh of what is stored
            QVERIFY2(!shown.contains(CommandState::Sent), "shown as sent while the row could not say so");
            QCOMPARE(dlg->status()->state(), CommandState::Queued);
            checkShownIsStored(dlg.get());
        }
        QTRY_COMPARE_WITH_TIMEOUT(dlg->status()->state(), CommandState::Sent, 5000);
        checkShownIsStored(dlg.get());
        QCOMPARE(platformSaw(m_world), before + 1); // and it did not go again
    }
};

QTEST_MAIN(TestFormsWriteFail)
#include "tst_formswritefail.moc"
