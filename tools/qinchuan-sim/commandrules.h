// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The platform's business checks on commands that are well formed (the catalogue already checked
// fields and formats): changeprice ladders (1101-1106) and recharges (1201-1203), as the spec's
// return-code dictionary (8.1) names them. protocol.md section 8 asks our client to mirror these.

#include "core/result.h"
#include "protocol/record.h"

#include <QDate>
#include <QJsonObject>

namespace md::sim::Rules {

// A parse error on a field whose emptiness has its own code: priceLadderNum missing or "" -> 1101,
// tradeNo missing or "" -> 1201. Any other error is returned unchanged.
Error refineParseError(const QString &command, const QJsonObject &raw, const Error &error);

// 1102 ladder count outside 1..5; 1103 effectiveDate before `today`; 1104 cycleStartDate missing for a
// ladder (count > 1); 1105 a price of the ladder missing, <= 0 or over 100 yuan/m3, or a price beyond
// the ladder; 1106 ladder volumes missing, <= 0, not strictly increasing, or beyond the ladder.
Result<void> checkChangePrice(const QJsonObject &raw, const Record &record, QDate today);

// 1201 tradeNo not 1..64 of [A-Za-z0-9_-]; 1202 rechargeTime more than 10 minutes ahead of `now` or
// older than 30 days; 1203 rechargeNum <= 0, over 100000, or a volume (rechargeType 2) with 4 decimals.
Result<void> checkRecharge(const Record &record, qint64 now);

// cancelRecharge: 1201 tradeNo format, 1203 rechargeNum <= 0.
Result<void> checkCancelRecharge(const Record &record);

} // namespace md::sim::Rules
