// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The read-only record tables of the console's pages (alarms, commands, journal) share one look:
// whole-row selection, no editing, no row numbers, no wrapping, and rows one line of the table's own
// font high (a fixed height, so a taller CJK fallback glyph in zh_CN does not stretch a row).

#include <QAbstractItemView>
#include <QHeaderView>
#include <QTableView>

namespace md::ui {

inline QTableView *makeRecordTable(QAbstractItemModel *model, QAbstractItemView::SelectionMode selection,
                                   QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(selection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    return table;
}

} // namespace md::ui
