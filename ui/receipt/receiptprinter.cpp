// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiptprinter.h"

#include "receiptdocument.h"

#include "client/commandservice.h"
#include "client/platformclient.h"
#include "core/whendone.h"
#include "storage/store.h"
#include "ui/models/consolecontext.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QJsonObject>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace md {

namespace {
constexpr qint64 kBalanceLookBack = 31 * 86400; // meters report at least monthly
}

ReceiptPrinter::ReceiptPrinter(const FormContext &context, QWidget *parentWidget)
    : QObject(parentWidget), m_ctx(context), m_parent(parentWidget)
{
}

QFuture<Result<ReceiptInputs>> ReceiptPrinter::load(std::shared_ptr<Store> store, const QString &commandSeq)
{
    return QtConcurrent::run(ConsoleContext::readPool(), [store, commandSeq]() -> Result<ReceiptInputs> {
        ReceiptInputs in;
        auto command = store->commandBySeq(commandSeq);
        if (!command.ok())
            return command.error();
        if (!command->has_value())
            return makeError(QStringLiteral("9999"), QStringLiteral("commandSeq"), commandSeq);
        in.command = **command;
        auto meter = store->meterSummary(in.command.meterNo);
        if (meter.ok())
            in.meter = *meter;
        const QString tradeNo = in.command.tradeNo.isEmpty()
                                    ? in.command.params.value(QStringLiteral("tradeNo")).toString()
                                    : in.command.tradeNo;
        if (auto ledger = store->rechargeLedger(in.command.meterNo); ledger.ok())
            for (const RechargeLedgerEntry &e : *ledger)
                if (e.tradeNo == tradeNo)
                    in.ledger = e;
        // The balance before: the last one the meter reported before the command was made.
        const qint64 at = in.command.createdAt;
        if (auto rows = store->readingRows(in.command.meterNo, at - kBalanceLookBack, at + 1); rows.ok())
            for (const Reading &r : *rows)
                if (r.meterBalanceAmt)
                    in.balanceBefore = r.meterBalanceAmt;
        if (!in.balanceBefore && in.meter && in.meter->row.lastUploadAt <= at)
            in.balanceBefore = in.meter->row.balance;
        return in;
    });
}

ReceiptPaper ReceiptPrinter::paper() const
{
    return receiptPaperFromName(m_ctx.console ? m_ctx.console->settings().receipt.paper : ReceiptSettings().paper);
}

ReceiptIssuer ReceiptPrinter::issuer(bool reprint) const
{
    ReceiptIssuer i;
    if (m_ctx.console) {
        i.company = m_ctx.console->settings().receipt.companyName;
        i.desk = m_ctx.console->settings().receipt.deskName;
        i.time = m_ctx.console->time();
    } else if (m_ctx.service && m_ctx.service->platformClient()) {
        i.time = PlatformTime(m_ctx.service->platformClient()->settings().timeZone);
    }
    i.printedBy = m_ctx.operatorName.isEmpty() ? OperatorIdentity::current().recorded() : m_ctx.operatorName;
    i.printedAt = QDateTime::currentSecsSinceEpoch();
    i.reprint = reprint;
    return i;
}

void ReceiptPrinter::withReceipt(const QString &commandSeq, bool reprint, std::function<void(const Receipt &)> then)
{
    if (!m_ctx.store) {
        emit failed(tr("No database is open."));
        return;
    }
    whenDone(load(m_ctx.store, commandSeq), this, [this, reprint, then](const Result<ReceiptInputs> &in) {
        if (!in.ok()) {
            emit failed(tr("The receipt could not be prepared: %1").arg(in.error().message()));
            return;
        }
        m_last = buildReceipt(*in, issuer(reprint));
        then(m_last);
    });
}

void ReceiptPrinter::preview(const QString &commandSeq, bool reprint)
{
    withReceipt(commandSeq, reprint, [this](const Receipt &receipt) {
        const ReceiptPaper p = paper();
        auto *dlg = new QPrintPreviewDialog(m_parent);
        dlg->setObjectName(QStringLiteral("receiptPreview"));
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        dlg->setWindowTitle(ReceiptDocument::title(receipt) + QStringLiteral(" ") + receipt.receiptNo);
        dlg->printer()->setDocName(receipt.receiptNo);
        dlg->printer()->setPageLayout(ReceiptDocument::pageLayout(receipt, p));
        dlg->resize(760, 900);
        connect(dlg, &QPrintPreviewDialog::paintRequested, this,
                [receipt, p](QPrinter *printer) { ReceiptDocument::render(receipt, p, printer); });
        connect(dlg, &QDialog::accepted, this, [this, receipt] {
            journal(receipt.reprint ? QStringLiteral("reprint") : QStringLiteral("print"), receipt);
            emit printed(receipt);
        });
        m_preview = dlg;
        dlg->open();
        emit previewOpened(dlg);
    });
}

void ReceiptPrinter::savePdf(const QString &commandSeq, bool reprint, const QString &path)
{
    withReceipt(commandSeq, reprint, [this, path](const Receipt &receipt) {
        const Result<void> written = ReceiptDocument::writePdf(receipt, paper(), path);
        if (!written.ok()) {
            emit failed(tr("Could not write %1: %2").arg(path, written.error().detail));
            return;
        }
        journal(QStringLiteral("receipt-pdf"), receipt, path);
        emit pdfWritten(path);
    });
}

void ReceiptPrinter::askAndSavePdf(const QString &commandSeq, bool reprint)
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(QStringLiteral("receipt-%1.pdf").arg(commandSeq));
    auto *dlg = new QFileDialog(m_parent, tr("Save receipt as PDF"), suggested, tr("PDF files (*.pdf)"));
    dlg->setAcceptMode(QFileDialog::AcceptSave);
    dlg->setDefaultSuffix(QStringLiteral("pdf"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QFileDialog::fileSelected, this,
            [this, commandSeq, reprint](const QString &path) { savePdf(commandSeq, reprint, path); });
    dlg->open();
}

void ReceiptPrinter::journal(const QString &action, const Receipt &receipt, const QString &path)
{
    QJsonObject details{{QStringLiteral("receiptNo"), receipt.receiptNo},
                        {QStringLiteral("tradeNo"), receipt.tradeNo},
                        {QStringLiteral("reprint"), receipt.reprint},
                        {QStringLiteral("cancellation"), receipt.cancellation},
                        {QStringLiteral("printedAt"), receipt.printedAt}};
    if (!path.isEmpty())
        details.insert(QStringLiteral("path"), path);
    if (m_ctx.console) {
        m_ctx.console->journalDeskAction(action, details, receipt.meterNo, receipt.commandSeq);
        return;
    }
    if (m_ctx.store && !m_ctx.store->isReadOnly())
        (void)m_ctx.store->journal(ConsoleContext::deskActionEntry(OperatorIdentity::current(), action, details,
                                                                   receipt.meterNo, receipt.commandSeq));
}

} // namespace md
