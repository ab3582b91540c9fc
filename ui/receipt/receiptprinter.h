// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Prints the receipt of one recharge or cancellation command: reads what the receipt needs off the
// GUI thread (command, meter, ledger row, the balance before), builds it, and then opens the print
// preview (QPrintPreviewDialog, from which the operator prints) or writes a PDF. Both go through
// ReceiptDocument::render. Every print and every PDF goes into the journal (desk/print,
// desk/reprint, desk/receipt-pdf) with the operator and the receipt number.

#include "receipt.h"

#include "ui/forms/formcontext.h"

#include "core/result.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QPrintPreviewDialog>

#include <functional>

class QPrinter;
class QWidget;

namespace md {

class ReceiptPrinter : public QObject
{
    Q_OBJECT
public:
    ReceiptPrinter(const FormContext &context, QWidget *parentWidget);

    // Reads the inputs of the receipt of `commandSeq` (a recharge or a cancelRecharge).
    static QFuture<Result<ReceiptInputs>> load(std::shared_ptr<Store> store, const QString &commandSeq);

    ReceiptPaper paper() const;
    ReceiptIssuer issuer(bool reprint) const;

    // Opens the print preview (window-modal); printing from it is journaled.
    void preview(const QString &commandSeq, bool reprint);
    void savePdf(const QString &commandSeq, bool reprint, const QString &path);
    // Asks where, then savePdf.
    void askAndSavePdf(const QString &commandSeq, bool reprint);

    QPrintPreviewDialog *previewDialog() const { return m_preview; }
    const Receipt &lastReceipt() const { return m_last; }

signals:
    void previewOpened(QPrintPreviewDialog *dialog);
    void printed(const md::Receipt &receipt);
    void pdfWritten(const QString &path);
    void failed(const QString &message);

private:
    void withReceipt(const QString &commandSeq, bool reprint, std::function<void(const Receipt &)> then);
    void journal(const QString &action, const Receipt &receipt, const QString &path = {});

    FormContext m_ctx;
    QPointer<QWidget> m_parent;
    QPointer<QPrintPreviewDialog> m_preview;
    Receipt m_last;
};

} // namespace md
