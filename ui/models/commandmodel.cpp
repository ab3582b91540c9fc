// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandmodel.h"

#include "display.h"

#include "ui/commandtext.h"

#include <QBrush>

namespace md {

CommandModel::CommandModel(const PlatformTime *time, QObject *parent) : QAbstractTableModel(parent), m_time(time) {}

void CommandModel::setRows(QList<CommandRecord> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void CommandModel::updateRow(const CommandRecord &row)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].commandSeq == row.commandSeq) {
            m_rows[i] = row;
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            return;
        }
    }
}

const CommandRecord *CommandModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int CommandModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CommandModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommandModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CommandRecord &c = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Created: return display::dateTime(*m_time, c.createdAt);
        case Seq: return c.commandSeq;
        case Name: return CommandText::commandTitle(c.name);
        case Meter: return c.meterNo;
        case State: return CommandText::stateLabel(c.state);
        case Operator: return c.operatorName;
        case Sent: return display::dateTime(*m_time, c.sentAt);
        case Finished: return display::dateTime(*m_time, c.finishedAt);
        case ReturnCode: return c.returnMessage.isEmpty() ? c.returnCode : QStringLiteral("%1 %2").arg(c.returnCode, c.returnMessage);
        case Result: return c.resultCode;
        case Attempts: return QString::number(c.attempts);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() != State)
            return {};
        return QBrush(CommandText::stateColour(c.state));
    case CommandSeqRole: return c.commandSeq;
    case MeterNoRole: return c.meterNo;
    case StateRole: return commandStateName(c.state);
    }
    return {};
}

QVariant CommandModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Created: return tr("Created");
    case Seq: return tr("Command No.");
    case Name: return tr("Command");
    case Meter: return tr("Meter No.");
    case State: return tr("State");
    case Operator: return tr("Operator");
    case Sent: return tr("Sent");
    case Finished: return tr("Finished");
    case ReturnCode: return tr("Platform reply");
    case Result: return tr("Result");
    case Attempts: return tr("Attempts");
    }
    return {};
}

} // namespace md
