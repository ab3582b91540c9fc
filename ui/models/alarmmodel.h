// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Alarms (active or history) as a table, newest first. The view fills it from Store::alarms().

#include "storage/queries.h"

#include <QAbstractTableModel>

namespace md {

class PlatformTime;

class AlarmModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Opened, Meter, Type, Severity, State, LastSeen, Raised, AcknowledgedBy, AcknowledgedAt,
                  ColumnCount };
    enum Role { AlarmIdRole = Qt::UserRole + 1, MeterNoRole, CriticalRole };

    explicit AlarmModel(const PlatformTime *time, QObject *parent = nullptr);

    void setRows(QList<AlarmRow> rows);
    const QList<AlarmRow> &rows() const { return m_rows; }
    const AlarmRow *rowAt(int row) const;
    void updateRow(const AlarmRow &row); // same id: replaced in place

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const PlatformTime *m_time;
    QList<AlarmRow> m_rows;
};

} // namespace md
