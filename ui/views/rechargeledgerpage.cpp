// SPDX-License-Identifier: GPL-3.0-or-later
#include "rechargeledgerpage.h"

#include "ui/models/consolecontext.h"
#include "ui/models/display.h"
#include "ui/models/texttablemodel.h"
#include "ui/receipt/receiptprinter.h"
#include "ui/widgets/recordtable.h"

#include "core/dictionary.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace md {

RechargeLedgerPage::RechargeLedgerPage(ConsoleContext *context, QWidget *parent) : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("rechargeLedgerPage"));
    m_model = new TextTableModel([] {
        return QStringList{tr("Trade No."), tr("Recharge quantity"), tr("Recharge type"), tr("State"), tr("Created"),
                           tr("Credited"), tr("Cancelled"), tr("Command No.")};
    }, this);
    m_table = ui::makeRecordTable(m_model, QAbstractItemView::SingleSelection, this);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_reprint = new QPushButton(this);
    m_reprint->setObjectName(QStringLiteral("reprintReceiptButton"));
    m_pdf = new QPushButton(this);
    m_pdf->setObjectName(QStringLiteral("reprintPdfButton"));
    m_printer = new ReceiptPrinter(FormContext{nullptr, context->storePtr(), context->operatorName(), context}, this);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_reprint);
    row->addWidget(m_pdf);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RechargeLedgerPage::updateButtons);
    connect(m_reprint, &QPushButton::clicked, this, [this] { m_printer->preview(selectedCommandSeq(), true); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { m_printer->askAndSavePdf(selectedCommandSeq(), true); });
    connect(m_printer, &ReceiptPrinter::failed, this,
            [this](const QString &m) { QMessageBox::warning(this, tr("Receipt"), m); });
    retranslate();
    updateButtons();
}

void RechargeLedgerPage::setEntries(const QList<RechargeLedgerEntry> &entries)
{
    const QString selected = selectedCommandSeq();
    m_entries = entries;
    const PlatformTime &time = m_context->time();
    QList<QStringList> rows;
    QList<QColor> colours;
    for (const auto &e : entries) {
        // Each recharge in its own unit: yuan (2 decimals) or m³ (3 decimals), never mixed.
        rows.append({e.tradeNo, e.byVolume() ? tr("%1 m³").arg(e.volume.format(3)) : tr("¥%1").arg(e.amount.format(2)),
                     Dictionary::displayName(Dictionary::rechargeTypes(), e.rechargeType),
                     e.state, display::dateTime(time, e.createdAt), display::dateTime(time, e.creditedAt),
                     e.cancelled ? display::dateTime(time, e.cancelledAt) : QString(), e.commandSeq});
        colours.append(e.cancelled ? QColor(Qt::gray) : QColor());
    }
    m_model->setRows(rows, colours);
    for (int i = 0; i < m_entries.size(); ++i)
        if (!selected.isEmpty() && m_entries[i].commandSeq == selected)
            m_table->selectRow(i);
    updateButtons();
}

QString RechargeLedgerPage::selectedCommandSeq() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_entries.size())
        return QString();
    return m_entries[rows.first().row()].commandSeq;
}

void RechargeLedgerPage::updateButtons()
{
    const bool any = !selectedCommandSeq().isEmpty();
    m_reprint->setEnabled(any);
    m_pdf->setEnabled(any);
}

void RechargeLedgerPage::retranslate()
{
    m_model->retranslate();
    m_reprint->setText(tr("Re&print receipt…"));
    m_reprint->setToolTip(tr("Print preview of the selected recharge's receipt, marked as a reprint (补打)"));
    m_pdf->setText(tr("Save receipt as PDF…"));
}

} // namespace md
