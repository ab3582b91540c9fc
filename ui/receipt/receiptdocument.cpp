// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiptdocument.h"

#include "core/chineseamount.h"

#include <QFile>
#include <QFontDatabase>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextFrame>

namespace md {

namespace {

constexpr qreal kSourceDpi = 96.0; // QTextDocument lays out in these pixels without a paint device

qreal mmToPx(qreal mm)
{
    return mm * kSourceDpi / 25.4;
}

qreal pxToMm(qreal px)
{
    return px * 25.4 / kSourceDpi;
}

QFont receiptFont(ReceiptPaper paper)
{
    static const QStringList preferred{QStringLiteral("Noto Sans CJK SC"), QStringLiteral("WenQuanYi Micro Hei"),
                                       QStringLiteral("Microsoft YaHei"), QStringLiteral("SimSun"),
                                       QStringLiteral("Source Han Sans SC")};
    const QStringList installed = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    QStringList families;
    for (const QString &f : preferred)
        if (installed.contains(f))
            families << f;
    if (families.isEmpty() && !installed.isEmpty())
        families << installed.first();
    QFont font;
    if (!families.isEmpty())
        font.setFamilies(families);
    font.setPointSizeF(paper == ReceiptPaper::Thermal80 ? 8.0 : paper == ReceiptPaper::A5 ? 10.0 : 11.0);
    return font;
}

QMarginsF marginsMm(ReceiptPaper paper)
{
    return paper == ReceiptPaper::Thermal80 ? QMarginsF(4, 4, 4, 6) : QMarginsF(14, 12, 14, 12);
}

qreal paperWidthMm(ReceiptPaper paper)
{
    switch (paper) {
    case ReceiptPaper::Thermal80: return 80;
    case ReceiptPaper::A5: return QPageSize(QPageSize::A5).size(QPageSize::Millimeter).width();
    case ReceiptPaper::A4: return QPageSize(QPageSize::A4).size(QPageSize::Millimeter).width();
    }
    return 148;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

QString ReceiptDocument::title(const Receipt &r)
{
    return r.cancellation ? tr("Recharge cancellation receipt") : tr("Recharge receipt");
}

QString ReceiptDocument::stateText(const Receipt &r)
{
    switch (r.state) {
    case CommandState::Queued: return tr("queued, not yet sent to the platform");
    case CommandState::Sent:
        return r.credited ? tr("confirmed by the meter") : tr("accepted by the platform, waiting for the meter");
    case CommandState::Accepted: return tr("accepted by the platform");
    case CommandState::Succeeded: return tr("confirmed by the meter");
    case CommandState::Failed: return tr("refused by the meter");
    case CommandState::Expired: return tr("expired without the meter's answer");
    case CommandState::Rejected: return tr("rejected by the platform");
    case CommandState::Unreachable: return tr("platform not reached");
    case CommandState::Cancelled: return tr("cancelled before sending");
    }
    return QString();
}

QString ReceiptDocument::html(const Receipt &r, ReceiptPaper paper)
{
    const bool roll = paper == ReceiptPaper::Thermal80;
    QString h;
    h += QStringLiteral("<html><body>");
    if (!r.company.isEmpty())
        h += QStringLiteral("<p align=\"center\" style=\"font-size:%1pt; font-weight:bold;\">%2</p>")
                 .arg(roll ? 10 : 14)
                 .arg(esc(r.company));
    h += QStringLiteral("<p align=\"center\" style=\"font-size:%1pt; font-weight:bold;\">%2</p>")
             .arg(roll ? 11 : 16)
             .arg(esc(title(r)));
    if (r.reprint)
        h += QStringLiteral("<p align=\"center\" style=\"font-weight:bold;\">%1</p>")
                 .arg(esc(tr("REPRINT (补打) %1").arg(r.printedAt)));

    QList<QPair<QString, QString>> rows;
    auto add = [&rows](const QString &label, const QString &value) {
        if (!value.isEmpty())
            rows.append({label, value});
    };
    add(tr("Desk"), r.desk);
    add(tr("Receipt no."), r.receiptNo);
    add(tr("Customer"), r.customer);
    add(tr("User no."), r.userNo);
    add(tr("Meter no."), r.meterNo);
    add(tr("Address"), r.address);
    add(tr("Recharge type"), r.byVolume ? tr("by volume") : tr("by amount"));
    QString amountWords;
    if (r.byVolume) {
        if (r.volume)
            add(r.cancellation ? tr("Volume cancelled") : tr("Volume"), QStringLiteral("%1 m³").arg(r.volume->format(3)));
    } else if (r.amount) {
        add(r.cancellation ? tr("Amount cancelled") : tr("Amount"), QStringLiteral("¥%1").arg(r.amount->format(2)));
        if (const Result<QString> words = chineseCapitalAmount(*r.amount); words.ok())
            amountWords = *words;
        add(tr("Amount in words (大写)"), amountWords.isEmpty() ? QString() : QStringLiteral("人民币") + amountWords);
    }
    if (r.rechargeCount > 0)
        add(tr("Recharge count"), QString::number(r.rechargeCount));
    if (r.cumulativeTotal)
        add(tr("Cumulative total"), QStringLiteral("¥%1").arg(r.cumulativeTotal->format(2)));
    if (r.balanceBefore)
        add(tr("Balance before"), QStringLiteral("¥%1").arg(r.balanceBefore->format(2)));
    if (r.expectedAfter)
        add(tr("Expected balance after"), QStringLiteral("¥%1").arg(r.expectedAfter->format(2)));
    add(tr("Trade no. (交易流水号)"), r.tradeNo);
    add(tr("Command seq. (指令序列号)"), r.commandSeq);
    add(tr("State at print time"), stateText(r));
    add(tr("Recharge time"), r.rechargeTime);
    add(tr("Operator"), r.operatorName);
    add(tr("Printed"), r.printedAt);
    if (r.reprint || r.printedBy != r.operatorName)
        add(tr("Printed by"), r.printedBy);

    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"%1\">").arg(roll ? 1 : 3);
    for (const auto &[label, value] : std::as_const(rows))
        h += QStringLiteral("<tr><td width=\"%1%\" style=\"color:#333;\">%2</td><td>%3</td></tr>")
                 .arg(roll ? 38 : 32)
                 .arg(esc(label), esc(value));
    h += QStringLiteral("</table>");
    if (!roll)
        h += QStringLiteral("<p><br/>%1 ____________________ &nbsp;&nbsp; %2 ____________________</p>")
                 .arg(esc(tr("Customer signature")), esc(tr("Operator signature")));
    h += QStringLiteral("<p align=\"center\" style=\"font-size:%1pt;\">%2</p>")
             .arg(roll ? 7 : 9)
             .arg(esc(tr("Please keep this receipt. The meter credits the recharge when it next connects.")));
    h += QStringLiteral("</body></html>");
    return h;
}

std::unique_ptr<QTextDocument> ReceiptDocument::document(const Receipt &r, ReceiptPaper paper)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setDefaultFont(receiptFont(paper));
    doc->setDocumentMargin(0);
    doc->setHtml(html(r, paper));
    const QPageLayout layout = pageLayout(r, paper);
    const QRectF paint = layout.paintRect(QPageLayout::Millimeter);
    doc->setPageSize(QSizeF(mmToPx(paint.width()), mmToPx(paint.height())));
    return doc;
}

QPageLayout ReceiptDocument::pageLayout(const Receipt &r, ReceiptPaper paper)
{
    const QMarginsF m = marginsMm(paper);
    if (paper != ReceiptPaper::Thermal80) {
        const QPageSize size(paper == ReceiptPaper::A4 ? QPageSize::A4 : QPageSize::A5);
        return QPageLayout(size, QPageLayout::Portrait, m, QPageLayout::Millimeter);
    }
    // The roll is as long as the text: lay it out at the printable width and measure.
    QTextDocument measure;
    measure.setDefaultFont(receiptFont(paper));
    measure.setDocumentMargin(0);
    measure.setHtml(html(r, paper));
    const qreal widthMm = paperWidthMm(paper) - m.left() - m.right();
    measure.setTextWidth(mmToPx(widthMm));
    const qreal heightMm = pxToMm(measure.size().height()) + m.top() + m.bottom() + 4;
    const QPageSize size(QSizeF(paperWidthMm(paper), heightMm), QPageSize::Millimeter, QStringLiteral("80mm roll"),
                         QPageSize::ExactMatch);
    return QPageLayout(size, QPageLayout::Portrait, m, QPageLayout::Millimeter);
}

void ReceiptDocument::render(const Receipt &r, ReceiptPaper paper, QPagedPaintDevice *device)
{
    device->setPageLayout(pageLayout(r, paper));
    document(r, paper)->print(device);
}

Result<void> ReceiptDocument::writePdf(const Receipt &r, ReceiptPaper paper, const QString &path)
{
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly))
            return makeError(QStringLiteral("9999"), QStringLiteral("path"), probe.errorString());
    }
    QPdfWriter writer(path);
    writer.setCreator(QStringLiteral("MeterDesk"));
    writer.setTitle(title(r) + QLatin1Char(' ') + r.receiptNo);
    writer.setResolution(300);
    render(r, paper, &writer);
    if (QFile(path).size() == 0)
        return makeError(QStringLiteral("9999"), QStringLiteral("path"), QStringLiteral("nothing was written"));
    return {};
}

} // namespace md
