// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A meter's recharge ledger as a table (Store::rechargeLedger): trade number, amount, state, created,
// credited, cancelled. The cancel-recharge form picks its tradeNo here: only credited, not yet
// cancelled recharges can be cancelled (canCancel()).

#include "core/timeformat.h"
#include "storage/commandrecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace md {

class RechargeLedgerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TradeNo, Amount, State, Created, Credited, ColumnCount };
    enum Role { TradeNoRole = Qt::UserRole + 1, WireAmountRole, CancellableRole };

    explicit RechargeLedgerModel(QObject *parent = nullptr);

    // `time`: the configured platform zone the times are shown in.
    void setEntries(QList<RechargeLedgerEntry> entries, const PlatformTime &time);
    const QList<RechargeLedgerEntry> &entries() const { return m_entries; }
    static bool canCancel(const RechargeLedgerEntry &e);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QString when(qint64 epoch) const;

    QList<RechargeLedgerEntry> m_entries;
    PlatformTime m_time;
};

} // namespace md
