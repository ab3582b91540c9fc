// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a meter is billed: in money (金额表) or in gas volume (气量表). The spec has no field for it in
// meterInfo; the registry may carry it (a CSV column, typed by hand), else the console learns it
// from the meter's credited recharges, else from what the meter reports (金额表 fill meterBalanceAmt,
// 气量表 meterBalanceQty). Stored as the spec's rechargeType codes: 1 money, 2 volume.

#include <QString>

#include <optional>

namespace md {

enum class BillingUnit { Unknown = 0, Money = 1, Volume = 2 };

// "" -> Unknown; "money", "金额", "金额表", "1" -> Money; "volume", "气量", "气量表", "2" -> Volume
// (case and surrounding blanks ignored); anything else -> nullopt.
std::optional<BillingUnit> parseBillingUnit(const QString &text);
// "money" / "volume" / "" (the CSV and CLI form).
QString billingUnitName(BillingUnit unit);

} // namespace md
