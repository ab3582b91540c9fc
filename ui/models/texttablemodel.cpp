// SPDX-License-Identifier: GPL-3.0-or-later
#include "texttablemodel.h"

#include <QBrush>

namespace md {

TextTableModel::TextTableModel(HeaderFn header, QObject *parent)
    : QAbstractTableModel(parent), m_headerFn(std::move(header)), m_header(m_headerFn())
{
}

void TextTableModel::setRows(QList<QStringList> rows, QList<QColor> rowColours)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_colours = std::move(rowColours);
    endResetModel();
}

void TextTableModel::retranslate()
{
    m_header = m_headerFn();
    if (!m_header.isEmpty())
        emit headerDataChanged(Qt::Horizontal, 0, int(m_header.size()) - 1);
}

int TextTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TextTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_header.size());
}

QVariant TextTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole)
        return m_rows[index.row()].value(index.column());
    if (role == Qt::ForegroundRole && index.row() < m_colours.size() && m_colours[index.row()].isValid())
        return QBrush(m_colours[index.row()]);
    return {};
}

QVariant TextTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_header.value(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace md
