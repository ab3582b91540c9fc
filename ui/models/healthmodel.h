// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Meter-health flags as a table, newest first: kind, meter, the episode, its headline number and
// its evidence in words. The Health view fills it from Store::healthFlags().

#include "core/health.h"

#include <QAbstractTableModel>

namespace md {

class PlatformTime;

class HealthModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Kind, Meter, From, To, Value, Evidence, FirstSeen, State, ColumnCount };
    enum Role { FlagIdRole = Qt::UserRole + 1, MeterNoRole, KindRole };

    explicit HealthModel(const PlatformTime *time, QObject *parent = nullptr);

    void setRows(QList<HealthFlag> rows);
    const HealthFlag *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindName(HealthKind kind);
    // The headline number with its unit ("0.480 m³", "12 days").
    static QString valueText(const HealthFinding &f);
    // The evidence in one sentence, translated.
    static QString evidenceText(const HealthFinding &f);

private:
    QString stateText(const HealthFlag &f) const;
    const PlatformTime *m_time;
    QList<HealthFlag> m_rows;
};

} // namespace md
