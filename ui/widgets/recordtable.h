// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The read-only record tables of the console's pages (alarms, commands, journal) share one look:
// whole-row selection, no editing, no row numbers, no wrapping.

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
    return table;
}

} // namespace md::ui
