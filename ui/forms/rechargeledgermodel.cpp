// SPDX-License-Identifier: GPL-3.0-or-later
#include "rechargeledgermodel.h"

#include "core/commandstate.h"
#include "ui/commandtext.h"

namespace md {

RechargeLedgerModel::RechargeLedgerModel(QObject *parent) : QAbstractTableModel(parent) {}

QString RechargeLedgerModel::when(qint64 epoch) const
{
    // Shown in the platform zone: the same clock the meter and the customer use.
    return epoch > 0 ? m_time.formatDateTime(epoch) : QString();
}

void RechargeLedgerModel::setEntries(QList<RechargeLedgerEntry> entries, const PlatformTime &time)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_time = time;
    endResetModel();
}

bool RechargeLedgerModel::canCancel(const RechargeLedgerEntry &e)
{
    return e.creditedAt > 0 && !e.cancelled;
}

int RechargeLedgerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RechargeLedgerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RechargeLedgerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RechargeLedgerEntry &e = m_entries.at(index.row());
    switch (role) {
    case TradeNoRole:
        return e.tradeNo;
    case WireAmountRole:
        return e.wireNumber();
    case CancellableRole:
        return canCancel(e);
    case Qt::TextAlignmentRole:
        return index.column() == Amount ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case TradeNo:
            return e.tradeNo;
        case Amount:
            return e.byVolume() ? QStringLiteral("%1 m³").arg(e.volume.format(3))
                                : QStringLiteral("¥%1").arg(e.amount.format(2));
        case State: {
            if (e.cancelled)
                return tr("cancelled");
            const auto s = commandStateFromName(e.state);
            return s ? CommandText::stateLabel(*s) : e.state;
        }
        case Created:
            return when(e.createdAt);
        case Credited:
            return e.cancelled ? when(e.cancelledAt) : when(e.creditedAt);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant RechargeLedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TradeNo:
        return tr("Trade number");
    case Amount:
        return tr("Amount");
    case State:
        return tr("State");
    case Created:
        return tr("Created");
    case Credited:
        return tr("Credited / cancelled");
    }
    return {};
}

Qt::ItemFlags RechargeLedgerModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    // Rows that cannot be cancelled stay visible (context) but cannot be picked.
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    return canCancel(m_entries.at(index.row())) ? base | Qt::ItemIsSelectable : base;
}

} // namespace md
