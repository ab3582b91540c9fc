// SPDX-License-Identifier: GPL-3.0-or-later
// The recharge receipt: rendered to PDF on each paper and read back with Poppler's pdftotext (the
// amount in capitals, the numbers, the operator, the CJK font embedded), then the counter's path in
// the console: search -> recharge 100 -> confirmed by the simulated meter -> print preview -> PDF;
// the reprint from the ledger; "Open the valve now" after clearing arrears, sent only when chosen;
// "Close the valve" first after a gas leak. MD_SCREENSHOT_DIR (+ MD_SCREENSHOT_QM) saves pictures.
#include "formsworld.h"
#include "pdfreadback.h"

#include "storage/store.h"
#include "ui/forms/commanddialog.h"
#include "ui/forms/commandlauncher.h"
#include "ui/forms/commandstatuswidget.h"
#include "ui/forms/rechargeconfirmdialog.h"
#include "ui/forms/rechargenextsteps.h"
#include "ui/mainwindow.h"
#include "ui/models/consolecontext.h"
#include "ui/receipt/receiptdocument.h"
#include "ui/receipt/receiptprinter.h"
#include "ui/views/meterdetailwindow.h"
#include "ui/models/registrymodel.h"
#include "ui/views/metersview.h"
#include "ui/views/rechargeledgerpage.h"
#include "ui/widgets/statuspanel.h"

#include <QApplication>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTranslator>

using namespace md;
using namespace md::testing;

namespace {

QString pdfText(const QString &path) { return pdfreadback::text(path); }
QString pdfFonts(const QString &path) { return pdfreadback::fonts(path); }

// pdftotext breaks lines and may put spaces between table cells: compare without white space.
QString squeeze(QString s)
{
    s.remove(QRegularExpression(QStringLiteral("\\s+")));
    return s;
}

Receipt sampleReceipt()
{
    Receipt r;
    r.company = QStringLiteral("成都秦川燃气有限公司");
    r.desk = QStringLiteral("高新营业厅 2 号窗口");
    r.receiptNo = QStringLiteral("R20261130120000000001");
    r.customer = QStringLiteral("张伟");
    r.userNo = QStringLiteral("U00000001");
    r.meterNo = QStringLiteral("510102300001");
    r.address = QStringLiteral("成都市高新区天府大道 88 号 3-2-501");
    r.amount = Money::parse(QStringLiteral("1005.5"));
    r.rechargeCount = 3;
    r.cumulativeTotal = Money::parse(QStringLiteral("1305.50"));
    r.balanceBefore = Money::parse(QStringLiteral("-20.35"));
    r.expectedAfter = Money::parse(QStringLiteral("985.15"));
    r.tradeNo = QStringLiteral("R20261130120000000002");
    r.commandSeq = QStringLiteral("20261130120000000001");
    r.state = CommandState::Succeeded;
    r.credited = true;
    r.operatorName = QStringLiteral("王班长 (wangbz)");
    r.printedBy = r.operatorName;
    r.rechargeTime = QStringLiteral("2026-11-30 12:00:00");
    r.printedAt = QStringLiteral("2026-11-30 12:00:05");
    return r;
}

} // namespace

class TestReceipt : public QObject
{
    Q_OBJECT
private:
    FormsWorld m_world;
    QTemporaryDir m_out;

    // Meter 2 closed for arrears: valve closed, balance below zero, alarm 3001 active.
    bool closeForArrears(const QString &meterNo)
    {
        const qint64 t = QDateTime::currentSecsSinceEpoch() - 600;
        UploadWrite w;
        w.journal.at = t * 1000;
        w.journal.endpoint = QStringLiteral("meterReadingsUp");
        MeterStatus s;
        s.meterNo = meterNo;
        s.meterTime = t;
        s.receivedAt = t;
        s.valveStatus = QStringLiteral("1");
        w.statuses << s;
        Reading r;
        r.meterNo = meterNo;
        r.dataTime = t;
        r.readingNum = Volume::fromUnits(123456);
        r.meterBalanceAmt = Money::parse(QStringLiteral("-20.35"));
        w.readings << r;
        w.alarms << AlarmEvent{meterNo, t, QStringLiteral("3001"), true};
        return m_world.store->submit(w).result().ok;
    }

private slots:
    void initTestCase()
    {
        const QString missing = pdfreadback::toolsMissing();
        if (!missing.isEmpty())
            QFAIL(qPrintable(missing + QStringLiteral(" missing: scripts/deps.sh test installs poppler-utils")));
        qputenv("USER", "counterclerk");
        qunsetenv("USERNAME");
        QVERIFY(m_world.setUp(3));
        QVERIFY(closeForArrears(FormsWorld::meterNo(2)));
    }

    void pdfHoldsTheReceipt_data()
    {
        QTest::addColumn<int>("paper");
        QTest::addColumn<bool>("cancellation");
        QTest::addColumn<bool>("reprint");
        QTest::addColumn<QStringList>("expected");
        const QStringList common{QStringLiteral("成都秦川燃气有限公司"), QStringLiteral("510102300001"),
                                 QStringLiteral("张伟"), QStringLiteral("R20261130120000000002"),
                                 QStringLiteral("20261130120000000001"), QStringLiteral("王班长(wangbz)"),
                                 QStringLiteral("¥1005.50"), QStringLiteral("壹仟零伍元伍角"),
                                 QStringLiteral("¥-20.35"), QStringLiteral("¥985.15"), QStringLiteral("¥1305.50")};
        QTest::newRow("thermal 80 mm") << int(ReceiptPaper::Thermal80) << false << false
                                       << (common + QStringList{QStringLiteral("Rechargereceipt")});
        QTest::newRow("A5") << int(ReceiptPaper::A5) << false << false << common;
        QTest::newRow("A4 reprint") << int(ReceiptPaper::A4) << false << true
                                    << (common + QStringList{QStringLiteral("补打"), QStringLiteral("2026-11-3012:00:05")});
        QTest::newRow("A5 cancellation") << int(ReceiptPaper::A5) << true << false
                                         << QStringList{QStringLiteral("Rechargecancellationreceipt"),
                                                        QStringLiteral("Amountcancelled"), QStringLiteral("壹仟零伍元伍角")};
    }
    void pdfHoldsTheReceipt()
    {
        QFETCH(int, paper);
        QFETCH(bool, cancellation);
        QFETCH(bool, reprint);
        QFETCH(QStringList, expected);
        Receipt r = sampleReceipt();
        r.cancellation = cancellation;
        r.reprint = reprint;
        const QString path = m_out.filePath(QStringLiteral("r-%1.pdf").arg(QTest::currentDataTag()).replace(u' ', u'_'));
        const Result<void> written = ReceiptDocument::writePdf(r, ReceiptPaper(paper), path);
        QVERIFY2(written.ok(), qPrintable(written.error().detail));
        const QString text = squeeze(pdfText(path));
        for (const QString &e : expected)
            QVERIFY2(text.contains(e), qPrintable(QStringLiteral("'%1' not in: %2").arg(e, text)));
        if (!reprint)
            QVERIFY(!text.contains(QStringLiteral("补打")));
        // The CJK font travels with the file: every font line of pdffonts says "emb yes".
        const QStringList fonts = pdfFonts(path).split(u'\n', Qt::SkipEmptyParts).mid(2);
        QVERIFY(!fonts.isEmpty());
        for (const QString &f : fonts)
            QVERIFY2(f.contains(QStringLiteral(" yes ")), qPrintable(f));
    }

    void thermalRollFitsTheText()
    {
        const QPageLayout l = ReceiptDocument::pageLayout(sampleReceipt(), ReceiptPaper::Thermal80);
        const QSizeF mm = l.fullRect(QPageLayout::Millimeter).size();
        QCOMPARE(qRound(mm.width()), 80);
        QVERIFY2(mm.height() > 80 && mm.height() < 400, qPrintable(QString::number(mm.height())));
    }

    // search -> recharge 100 -> confirmed -> print preview -> PDF, as at the counter.
    void counterPath()
    {
        ConsoleContext console(m_world.store, m_world.settings);
        MainWindow window(&console);
        CommandLauncher launcher(FormContext{m_world.service.get(), m_world.store, m_world.settings.effectiveOperator(), &console},
                                 &window, &console);
        window.show();
        QVERIFY(window.statusPanel()->operatorText().contains(QStringLiteral("counterclerk")));

        const QString meter = FormsWorld::meterNo(1);
        window.metersView()->setSearchText(meter);
        QTRY_COMPARE(window.metersView()->model()->rowCount(), 1);
        QTRY_COMPARE(window.metersView()->currentMeterNo(), meter);
        QTest::keyClick(window.metersView()->searchField(), Qt::Key_Return);
        QTRY_VERIFY(window.meterWindow(meter));
        MeterDetailWindow *detail = window.meterWindow(meter);
        QTRY_VERIFY(detail->isLoaded() && detail->actionButton(QStringLiteral("recharge"))->isEnabled());
        detail->actionButton(QStringLiteral("recharge"))->click();
        CommandDialog *dlg = nullptr;
        QTRY_VERIFY((dlg = window.findChild<CommandDialog *>()) != nullptr);
        dlg->setValue(QStringLiteral("rechargeNum"), QStringLiteral("100"));
        QTRY_VERIFY(dlg->sendButton()->isEnabled());
        dlg->sendButton()->click();
        QTRY_VERIFY(dlg->pendingConfirmation());
        QVERIFY(confirm(dlg->pendingConfirmation()));
        QTRY_COMPARE_WITH_TIMEOUT(dlg->status()->state(), CommandState::Succeeded, 20000);

        RechargeNextSteps *next = dlg->nextSteps();
        QVERIFY(next);
        QTRY_VERIFY(next->printButton()->isEnabled());
        QVERIFY(next->printButton()->isDefault()); // printing is the next step offered
        QVERIFY(!next->openValveButton()->isVisible()); // meter 1 was not closed for arrears

        QSignalSpy opened(next->printer(), &ReceiptPrinter::previewOpened);
        dlg->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dlg));
        QTest::keySequence(dlg, QKeySequence::Print); // Ctrl+P
        QTRY_COMPARE(opened.size(), 1);
        QPrintPreviewDialog *preview = next->printer()->previewDialog();
        QVERIFY(preview && preview->isVisible());

        // What the preview and the printer are given, printed to a PDF file.
        const QString path = m_out.filePath(QStringLiteral("counter.pdf"));
        QPrinter pdf(QPrinter::HighResolution);
        pdf.setOutputFormat(QPrinter::PdfFormat);
        pdf.setOutputFileName(path);
        emit preview->paintRequested(&pdf);
        const QString text = squeeze(pdfText(path));
        const QString tradeNo = dlg->status()->record().tradeNo;
        QVERIFY(!tradeNo.isEmpty());
        for (const QString &e : {QStringLiteral("壹佰元整"), meter, tradeNo, QStringLiteral("counterclerk"),
                                 QStringLiteral("张伟"), dlg->status()->record().commandSeq})
            QVERIFY2(text.contains(e), qPrintable(QStringLiteral("'%1' not in: %2").arg(e, text)));
        QVERIFY(text.contains(QStringLiteral("confirmedbythemeter")));

        // Printing from the preview is journaled with the operator.
        preview->accept();
        JournalFilter jf;
        jf.text = QStringLiteral("desk/print");
        QTRY_VERIFY(m_world.store->journalPage(jf).value().rows.size() >= 1);
        const auto j = m_world.store->journalPage(jf).value().rows.first();
        QCOMPARE(j.endpoint, QStringLiteral("desk/print"));
        const auto full = m_world.store->journalEntry(j.id).value();
        QVERIFY(full->headers.contains("counterclerk"));
        dlg->close();

        // Reprint from the ledger row: marked 补打 with the reprint time.
        RechargeLedgerPage *ledger = detail->ledgerPage();
        QTRY_VERIFY(ledger->table()->model()->rowCount() >= 1);
        ledger->table()->selectRow(0);
        QVERIFY(ledger->reprintButton()->isEnabled());
        const QString again = m_out.filePath(QStringLiteral("reprint.pdf"));
        QSignalSpy written(ledger->printer(), &ReceiptPrinter::pdfWritten);
        ledger->printer()->savePdf(ledger->selectedCommandSeq(), true, again);
        QTRY_COMPARE(written.size(), 1);
        const QString reprinted = squeeze(pdfText(again));
        QVERIFY2(reprinted.contains(QStringLiteral("补打")) && reprinted.contains(tradeNo), qPrintable(reprinted));
        jf.text = QStringLiteral("desk/receipt-pdf");
        QTRY_VERIFY(m_world.store->journalPage(jf).value().rows.size() >= 1);
        detail->close();
    }

    // A recharge that clears the arrears of a meter closed for them offers the valve; only a click sends it.
    void openTheValveOnlyWhenChosen()
    {
        const QString meter = FormsWorld::meterNo(2);
        ConsoleContext console(m_world.store, m_world.settings);
        FormContext ctx{m_world.service.get(), m_world.store, m_world.settings.effectiveOperator(), &console};
        CommandDialog dlg(ctx, QStringLiteral("recharge"), meter);
        dlg.show();
        dlg.setValue(QStringLiteral("rechargeNum"), QStringLiteral("100"));
        QTRY_VERIFY(dlg.nextSteps()->closedForArrears());
        QTRY_VERIFY(dlg.sendButton()->isEnabled());
        dlg.sendButton()->click();
        QTRY_VERIFY(dlg.pendingConfirmation());
        QVERIFY(confirm(dlg.pendingConfirmation()));
        QTRY_COMPARE_WITH_TIMEOUT(dlg.status()->state(), CommandState::Succeeded, 20000);
        QPushButton *open = dlg.nextSteps()->openValveButton();
        QTRY_VERIFY(open->isVisible() && open->isEnabled());
        QTest::qWait(300);
        QCOMPARE(commandCount(m_world, QStringLiteral("valveOperate"), meter), 0); // never by itself

        open->click();
        open->click(); // a second click sends nothing more
        QTRY_COMPARE(commandCount(m_world, QStringLiteral("valveOperate"), meter), 1);
        QTRY_VERIFY(!dlg.nextSteps()->valveCommandSeq().isEmpty());
        CommandFilter f;
        f.name = QStringLiteral("valveOperate");
        f.meterNo = meter;
        const CommandRecord valve = m_world.store->commands(f).value().rows.first();
        QCOMPARE(valve.params.value(QStringLiteral("valveOperate")).toString(), QStringLiteral("0"));
        QVERIFY(valve.operatorName.contains(QStringLiteral("counterclerk")));
        QTRY_COMPARE_WITH_TIMEOUT(dlg.nextSteps()->valveStatus()->state(), CommandState::Succeeded, 20000);
        QVERIFY(!open->isEnabled());
    }

    void gasLeakOffersClosingTheValveFirst()
    {
        const QString meter = FormsWorld::meterNo(3);
        ConsoleContext console(m_world.store, m_world.settings);
        MeterDetailWindow detail(&console, meter);
        QSignalSpy asked(&console, &ConsoleContext::actionRequested);
        QTRY_VERIFY(detail.isLoaded());
        QVERIFY(!detail.closeValveFirstButton()->isVisibleTo(&detail));
        const qint64 t = QDateTime::currentSecsSinceEpoch();
        UploadWrite w;
        w.journal.at = t * 1000;
        w.journal.endpoint = QStringLiteral("alarmUp");
        w.alarms << AlarmEvent{meter, t, QStringLiteral("1002"), true};
        QVERIFY(m_world.store->submit(w).result().ok);
        detail.reload();
        QTRY_VERIFY(detail.closeValveFirstButton()->isVisibleTo(&detail));
        detail.closeValveFirstButton()->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(0).toString(), QStringLiteral("closeValve"));
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("MD_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("MD_SCREENSHOT_DIR not set");
        QList<QTranslator *> translators;
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            if (lang == u"zh_CN") {
                for (const QString &qm : qEnvironmentVariable("MD_SCREENSHOT_QM").split(u':', Qt::SkipEmptyParts)) {
                    auto *t = new QTranslator(this);
                    QVERIFY2(t->load(qm), qPrintable(qm));
                    QCoreApplication::installTranslator(t);
                    translators << t;
                }
            }
            ConsoleContext console(m_world.store, m_world.settings);
            Settings s = m_world.settings;
            s.receipt.companyName = QStringLiteral("成都秦川燃气有限公司");
            s.receipt.deskName = QStringLiteral("高新营业厅 2 号窗口");
            console.setSettings(s);
            FormContext ctx{m_world.service.get(), m_world.store, s.effectiveOperator(), &console};
            CommandDialog dlg(ctx, QStringLiteral("recharge"), FormsWorld::meterNo(1));
            dlg.show();
            dlg.setValue(QStringLiteral("rechargeNum"), QStringLiteral("100"));
            QTRY_VERIFY(dlg.sendButton()->isEnabled());
            dlg.sendButton()->click();
            QTRY_VERIFY(dlg.pendingConfirmation());
            QVERIFY(confirm(dlg.pendingConfirmation()));
            QTRY_COMPARE_WITH_TIMEOUT(dlg.status()->state(), CommandState::Succeeded, 20000);
            QTest::qWait(100);
            dlg.adjustSize();
            QVERIFY(dlg.grab().save(QStringLiteral("%1/result-panel-%2.png").arg(dir, lang)));
            QSignalSpy opened(dlg.nextSteps()->printer(), &ReceiptPrinter::previewOpened);
            dlg.nextSteps()->printButton()->click();
            QTRY_COMPARE(opened.size(), 1);
            QPrintPreviewDialog *preview = dlg.nextSteps()->printer()->previewDialog();
            QTest::qWait(300);
            QVERIFY(preview->grab().save(QStringLiteral("%1/receipt-preview-%2.png").arg(dir, lang)));
            preview->reject();
            {
                // Meter 2 is closed for arrears: the result panel offers to open the valve.
                CommandDialog arrears(ctx, QStringLiteral("recharge"), FormsWorld::meterNo(2));
                arrears.show();
                arrears.setValue(QStringLiteral("rechargeNum"), QStringLiteral("100"));
                QTRY_VERIFY(arrears.sendButton()->isEnabled());
                arrears.sendButton()->click();
                QTRY_VERIFY(arrears.pendingConfirmation());
                QVERIFY(confirm(arrears.pendingConfirmation()));
                QTRY_VERIFY_WITH_TIMEOUT(arrears.nextSteps()->openValveButton()->isVisible(), 20000);
                QTest::qWait(100);
                arrears.adjustSize();
                QVERIFY(arrears.grab().save(QStringLiteral("%1/result-panel-open-valve-%2.png").arg(dir, lang)));
            }
            for (const char *paper : {"thermal80", "a4"}) {
                s.receipt.paper = QString::fromLatin1(paper);
                console.setSettings(s);
                QSignalSpy again(dlg.nextSteps()->printer(), &ReceiptPrinter::previewOpened);
                dlg.nextSteps()->printButton()->click();
                QTRY_COMPARE(again.size(), 1);
                QTest::qWait(300);
                QVERIFY(dlg.nextSteps()->printer()->previewDialog()->grab().save(
                    QStringLiteral("%1/receipt-preview-%2-%3.png").arg(dir, QLatin1String(paper), lang)));
                dlg.nextSteps()->printer()->previewDialog()->reject();
            }
        }
        for (QTranslator *t : translators)
            QCoreApplication::removeTranslator(t);
    }
};

QTEST_MAIN(TestReceipt)
#include "tst_receipt.moc"
