// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Commands (newest first) with their state, meter, operator and times. Rows that change (a result
// upload, a resend) are replaced in place by commandSeq.

#include "storage/commandrecord.h"

#include <QAbstractTableModel>

namespace md {

class PlatformTime;

class CommandModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Created, Seq, Name, Meter, State, Operator, Sent, Finished, ReturnCode, Result, Attempts,
                  ColumnCount };
    enum Role { CommandSeqRole = Qt::UserRole + 1, MeterNoRole, StateRole };

    explicit CommandModel(const PlatformTime *time, QObject *parent = nullptr);

    void setRows(QList<CommandRecord> rows);
    void updateRow(const CommandRecord &row);
    const CommandRecord *rowAt(int row) const;
    const QList<CommandRecord> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const PlatformTime *m_time;
    QList<CommandRecord> m_rows;
};

} // namespace md
