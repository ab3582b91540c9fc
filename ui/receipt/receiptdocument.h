// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one renderer of the recharge receipt: a QTextDocument laid out for the chosen paper (80 mm
// thermal roll, A5 or A4) and printed with QTextDocument::print on any QPagedPaintDevice, so the
// print preview, the printer and the PDF file show the same thing. The document is paginated to the
// page's printable area (no page numbers, no extra margins); on the thermal roll the page is as long
// as the receipt. Text is in the console's language; the amount is also written in Chinese capitals
// (大写金额) whatever the language, as a receipt in China must show it. The font is a CJK family the
// system has (Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, SimSun), embedded in the PDF.

#include "receipt.h"

#include "core/result.h"

#include <QCoreApplication>
#include <QPageLayout>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace md {

class ReceiptDocument
{
    Q_DECLARE_TR_FUNCTIONS(md::ReceiptDocument)
public:
    static QString html(const Receipt &receipt, ReceiptPaper paper);
    // The document with its page size set to the printable area of pageLayout(), in 96-dpi pixels.
    static std::unique_ptr<QTextDocument> document(const Receipt &receipt, ReceiptPaper paper);
    // A5/A4 portrait, or an 80 mm roll as long as this receipt.
    static QPageLayout pageLayout(const Receipt &receipt, ReceiptPaper paper);
    // Sets the device's page layout and prints the receipt on it.
    static void render(const Receipt &receipt, ReceiptPaper paper, QPagedPaintDevice *device);
    static Result<void> writePdf(const Receipt &receipt, ReceiptPaper paper, const QString &path);

    static QString stateText(const Receipt &receipt);
    static QString title(const Receipt &receipt);
};

} // namespace md
