// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The meter window's recharge ledger: one row per recharge (trade number, amount, type, state,
// created, credited, cancelled, command number) and, for the selected row, "Reprint receipt…" and
// "Save receipt as PDF…". A reprint is marked 补打 / REPRINT with the time it was printed; a
// cancelled recharge reprints as a cancellation receipt.

#include "storage/commandrecord.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QTableView;

namespace md {

class ConsoleContext;
class ReceiptPrinter;
class TextTableModel;

class RechargeLedgerPage : public QWidget
{
    Q_OBJECT
public:
    RechargeLedgerPage(ConsoleContext *context, QWidget *parent = nullptr);

    void setEntries(const QList<RechargeLedgerEntry> &entries);
    void retranslate();

    QTableView *table() const { return m_table; }
    QPushButton *reprintButton() const { return m_reprint; }
    QPushButton *pdfButton() const { return m_pdf; }
    ReceiptPrinter *printer() const { return m_printer; }
    // The command of the selected row (empty when none).
    QString selectedCommandSeq() const;

private:
    void updateButtons();

    ConsoleContext *m_context;
    QList<RechargeLedgerEntry> m_entries;
    TextTableModel *m_model;
    QTableView *m_table;
    QPushButton *m_reprint;
    QPushButton *m_pdf;
    ReceiptPrinter *m_printer;
};

} // namespace md
