// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarmmodel.h"

#include "display.h"

#include "core/dictionary.h"

#include <QBrush>

namespace md {

AlarmModel::AlarmModel(const PlatformTime *time, QObject *parent) : QAbstractTableModel(parent), m_time(time) {}

void AlarmModel::setRows(QList<AlarmRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const AlarmRow *AlarmModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

void AlarmModel::updateRow(const AlarmRow &row)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == row.id) {
            m_rows[i] = row;
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            return;
        }
    }
}

int AlarmModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlarmModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlarmModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlarmRow &a = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Opened: return display::dateTime(*m_time, a.openedAt);
        case Meter: return a.meterNo;
        case Type: return QStringLiteral("%1 %2").arg(a.alarmType, Dictionary::alarmDisplayName(a.alarmType));
        case Severity: return a.critical ? tr("Critical") : tr("Normal");
        case State: return a.active ? tr("Active") : tr("Cleared %1").arg(display::dateTime(*m_time, a.closedAt));
        case LastSeen: return display::dateTime(*m_time, a.lastSeenAt);
        case Raised: return QString::number(a.raiseCount);
        case AcknowledgedBy: return a.acknowledgedBy;
        case AcknowledgedAt: return display::dateTime(*m_time, a.acknowledgedAt);
        }
        return {};
    case Qt::BackgroundRole:
        if (a.critical && a.active && a.acknowledgedAt == 0)
            return QBrush(display::criticalBackground());
        return {};
    case Qt::ForegroundRole:
        if (a.critical && a.active && a.acknowledgedAt == 0)
            return QBrush(display::criticalForeground());
        if (a.critical && index.column() == Severity)
            return QBrush(display::criticalBackground());
        return {};
    case AlarmIdRole:
        return a.id;
    case MeterNoRole:
        return a.meterNo;
    case CriticalRole:
        return a.critical;
    }
    return {};
}

QVariant AlarmModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Opened: return tr("Raised at");
    case Meter: return tr("Meter No.");
    case Type: return tr("Alarm");
    case Severity: return tr("Severity");
    case State: return tr("State");
    case LastSeen: return tr("Last seen");
    case Raised: return tr("Times raised");
    case AcknowledgedBy: return tr("Acknowledged by");
    case AcknowledgedAt: return tr("Acknowledged at");
    }
    return {};
}

} // namespace md
