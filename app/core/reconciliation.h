// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Daily reconciliation: what the desk's recharge ledger says was credited (rechargeUp 00) and
// cancelled, against what the meters' own totals (totalRechargeAmt, totalRechargeCount,
// totalRechargeQty in readings' statuses and rechargeUp) moved by over the same days. Exact integers:
// Money units (0.0001 yuan), Volume units (0.001 m3), counts.

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace md {

struct ReconciliationRequest
{
    QDate from; // platform days, inclusive
    QDate to;
};

// Both sides of one meter over the range.
struct ReconciliationRow
{
    QString meterNo;
    // The ledger: credited recharges received in the range, cancellations confirmed in the range.
    qint64 ledgerCount = 0;
    qint64 ledgerAmount = 0;     // Money units, credited
    qint64 cancelCount = 0;
    qint64 cancelAmount = 0;     // Money units, cancelled
    qint64 ledgerNetAmount() const { return ledgerAmount - cancelAmount; }
    // The meter: its totals at the last report in the range minus the last before it.
    qint64 meterAmountDelta = 0; // Money units
    std::optional<qint64> meterCountDelta; // nullopt: no count reported after the last ledger event
    std::optional<qint64> meterQtyDelta;   // Volume units; nullopt: the meter reports no quantity
    qint64 amountDifference() const { return meterAmountDelta - ledgerNetAmount(); }
    std::optional<qint64> countDifference() const
    {
        return meterCountDelta ? std::optional<qint64>(*meterCountDelta - ledgerCount) : std::nullopt;
    }
    bool disagrees() const { return amountDifference() != 0 || countDifference().value_or(0) != 0; }
};

// One platform day of the ledger (what a supervisor prints).
struct ReconciliationDay
{
    QDate date;
    qint64 recharges = 0;
    qint64 amount = 0;       // Money units credited
    qint64 quantity = 0;     // Volume units the meters counted as recharged (totalRechargeQty deltas)
    qint64 cancellations = 0;
    qint64 cancelledAmount = 0;
};

struct ReconciliationReport
{
    ReconciliationRequest request;
    QList<ReconciliationRow> mismatches; // only meters whose two sides disagree, by meterNo
    QList<ReconciliationDay> days;       // every day of the range, oldest first
    qint64 metersCompared = 0;
    qint64 metersWithoutBaseline = 0;    // ledger activity but no report before the range
};

} // namespace md
