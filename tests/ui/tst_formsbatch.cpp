// SPDX-License-Identifier: GPL-3.0-or-later
// Batches and the Commands view's actions against the real simulator, listener and store: a tariff
// change for 100 meters completes with per-meter results and a UTF-8-with-BOM CSV; an unreachable
// recharge is resent explicitly and keeps its trade number (the confirmation says so); cancel and
// resend are offered only in the states where they make sense.

#include "formsworld.h"

#include "ui/commandtext.h"
#include "ui/forms/batchdialog.h"
#include "ui/forms/batchresultmodel.h"
#include "ui/forms/commanddialog.h"
#include "ui/forms/commandform.h"
#include "ui/forms/commandlauncher.h"
#include "ui/forms/commandstatuswidget.h"
#include "ui/forms/rechargeconfirmdialog.h"

#include "core/commandstate.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>

using namespace md;
using namespace md::testing;

class TestFormsBatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_world.setUp(100, 20));
    }

    void batchOf100Completes()
    {
        QStringList meters;
        for (int i = 1; i <= 100; ++i)
            meters << FormsWorld::meterNo(i);
        BatchDialog dlg(m_world.context(), QStringLiteral("changeprice"), meters);
        QAbstractItemModelTester tester(dlg.resultModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dlg.show();
        const QString d = PlatformTime().today().toString(Qt::ISODate); // today on the platform
        for (const auto &[f, v] : QList<QPair<QString, QString>>{{QStringLiteral("priceName"), QStringLiteral("District 7")},
                                                                 {QStringLiteral("priceVersion"), QStringLiteral("2026-12")},
                                                                 {QStringLiteral("effectiveDate"), d},
                                                                 {QStringLiteral("priceLadderNum"), QStringLiteral("2")},
                                                                 {QStringLiteral("price0"), QStringLiteral("2.89")},
                                                                 {QStringLiteral("price1"), QStringLiteral("3.47")},
                                                                 {QStringLiteral("level1"), QStringLiteral("240")},
                                                                 {QStringLiteral("cycleStartDate"), QStringLiteral("2026-01-01 00:00:00")}})
            dlg.form()->setValue(f, v);
        QVERIFY(dlg.form()->revalidate());
        QVERIFY(dlg.startButton()->isEnabled());
        dlg.startButton()->click();
        auto *box = qobject_cast<QMessageBox *>(dlg.pendingConfirmation());
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("100")));
        std::optional<BatchSummary> done;
        connect(&dlg, &BatchDialog::batchFinished, this, [&done](const BatchSummary &s) { done = s; });
        box->button(QMessageBox::Yes)->click();
        QVERIFY(dlg.runner());
        QVERIFY(dlg.cancelButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 20000);
        const BatchSummary summary = *done;
        QCOMPARE(summary.total, 100);
        QCOMPARE(summary.settled, 100);
        QCOMPARE(summary.invalid, 0);
        QCOMPARE(dlg.progressBar()->value(), 100);
        QCOMPARE(dlg.resultModel()->rowCount(), 100);
        // The results follow the meters' answers: every one succeeds (chargePriceResult 00).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const BatchItemResult &r : dlg.runner()->results())
                    if (r.state != CommandState::Succeeded)
                        return false;
                return true;
            }(),
            15000);
        const QModelIndex state = dlg.resultModel()->index(99, BatchResultModel::State);
        QCOMPARE(state.data().toString(), CommandText::stateLabel(CommandState::Succeeded));
        QVERIFY(!dlg.resultModel()->index(0, BatchResultModel::CommandSeq).data().toString().isEmpty());
        // CSV: UTF-8 with a BOM, a header and one line per meter.
        const QByteArray csv = dlg.csvBytes();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QList<QByteArray> lines = csv.mid(3).trimmed().split('\n');
        QCOMPARE(lines.size(), 101);
        QVERIFY(lines.at(1).contains("SIM000001"));
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("batch.csv"));
        QSignalSpy saved(&dlg, &BatchDialog::csvSaved);
        dlg.saveCsv(path);
        QVERIFY(saved.wait(5000));
        QVERIFY(saved.first().at(1).toBool());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("\xEF\xBB\xBF"));
        if (const QString shots = qEnvironmentVariable("MD_SCREENSHOT_DIR"); !shots.isEmpty()) {
            dlg.resize(900, 640);
            QTest::qWait(50);
            dlg.grab().save(shots + QStringLiteral("/batch-en.png"));
        }
    }

    void unreachableRechargeIsResentWithItsTradeNo()
    {
        const QString meter = FormsWorld::meterNo(5);
        sim::FaultSwitches down = m_world.sim->faults().switches();
        down.http500 = true;
        m_world.sim->faults().set(down);
        CommandDialog dlg(m_world.context(), QStringLiteral("recharge"), meter);
        dlg.show();
        dlg.setValue(QStringLiteral("rechargeNum"), QStringLiteral("30"));
        dlg.sendButton()->click();
        auto *c = qobject_cast<RechargeConfirmDialog *>(dlg.pendingConfirmation());
        QVERIFY(c);
        c->confirmButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(dlg.status()->state(), CommandState::Unreachable, 10000);
        const CommandRecord first = dlg.status()->record();
        QVERIFY(!first.tradeNo.isEmpty());
        down.http500 = false;
        m_world.sim->faults().set(down);

        CommandLauncher launcher(m_world.context(), nullptr);
        launcher.setSelectedCommand(first.commandSeq);
        QTRY_VERIFY(launcher.resendAction()->isEnabled());
        QVERIFY(!launcher.cancelAction()->isEnabled());
        std::optional<CommandRecord> resent;
        connect(&launcher, &CommandLauncher::commandResent, this, [&resent](const CommandRecord &r) { resent = r; });
        launcher.resendAction()->trigger();
        QTRY_VERIFY(launcher.pendingConfirmation());
        auto *confirm = qobject_cast<RechargeConfirmDialog *>(launcher.pendingConfirmation());
        QVERIFY(confirm);
        auto *note = confirm->findChild<QLabel *>(QStringLiteral("confirmResendNote"));
        QVERIFY(note && note->text().contains(first.tradeNo));
        QCOMPARE(confirm->findChild<QLabel *>(QStringLiteral("confirmDisplay"))->text(), QStringLiteral("¥30.00"));
        confirm->confirmButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(resent.has_value(), 5000);
        const CommandRecord again = *resent;
        QCOMPARE(again.tradeNo, first.tradeNo);
        QVERIFY(again.commandSeq != first.commandSeq);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto r = m_world.store->commandBySeq(again.commandSeq);
                return r.ok() && r.value() && r.value()->state == CommandState::Succeeded;
            }(),
            10000);
        QCOMPARE(m_world.sim->world().find(meter)->rechargeCount, qint64(1));
        // A succeeded command offers neither cancel nor resend.
        launcher.setSelectedCommand(again.commandSeq);
        QTest::qWait(200);
        QVERIFY(!launcher.resendAction()->isEnabled());
        QVERIFY(!launcher.cancelAction()->isEnabled());
    }

    void cancelOffersOnlyQueued()
    {
        QVERIFY(canCancel(CommandState::Queued));
        for (CommandState s : {CommandState::Sent, CommandState::Succeeded, CommandState::Rejected})
            QVERIFY(!canCancel(s));
        // Cancel asks first and defaults to "keep it".
        CommandLauncher launcher(m_world.context(), nullptr);
        launcher.cancelCommand(QStringLiteral("20260101000000000001"));
        auto *box = qobject_cast<QMessageBox *>(launcher.pendingConfirmation());
        QVERIFY(box);
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::No));
        box->button(QMessageBox::No)->click();
    }

private:
    FormsWorld m_world;
};

QTEST_MAIN(TestFormsBatch)
#include "tst_formsbatch.moc"
