// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Client-side checks of a command before anything is stored or sent (protocol.md section 8): pure
// functions, no I/O. Every value's form is judged by protocol/fieldformat.h (the catalogue's type, "format"
// and "typeBy"; required fields): 9002 naming the field, or the rule's own code for the fields a rule
// owns (a malformed price is 1105); the business rules mirror the platform's codes:
//   changeprice   1101 priceLadderNum missing, 1102 not 1..5, 1103 effectiveDate in the past (platform
//                 zone), 1104 cycleStartDate given but invalid, 1105 price0..price(n-1) missing or <= 0 (or a
//                 price beyond n), 1106 level1..level(n-1) missing, <= 0 or not strictly increasing (or a
//                 level beyond n-1)
//   recharge      1201 tradeNo missing / malformed, 1202 rechargeTime invalid or in the future,
//                 1203 rechargeNum missing or <= 0 (money 4 dp for rechargeType 1, volume 3 dp for 2)
//   dataSupplement 9002 beginDate / endDate not yyMMdd, begin after end, end in the future
//   setParameter  9002 with the field: ip dotted IPv4, port 1-65535, upCycle 0/1, upDay 1-31,
//                 noUseDay 0-999, alarmOne / alarmTwo / overdraft money >= 0, alarmOne > alarmTwo
//                 (first-level low-balance warning at the higher balance), at least one parameter
//   meterInfo     9002 userNo / addrDes required, meterOperation register|modify|remove
//   valveOperate  9002 valveOperate 0|1|2
// Each Error carries the code, the field path and an English detail; Error::message() gives the
// spec's text plus the path (what a form shows next to the field).

#include "core/result.h"
#include "core/timeformat.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace md {

struct ValidationContext
{
    qint64 nowEpoch = 0;   // 0: the current time
    PlatformTime time = PlatformTime(QByteArrayLiteral("Asia/Shanghai")); // the platform zone (effectiveDate / rechargeTime compare in it)
    // Skip the "required" check for the fields the command service fills (commandSeq, tradeNo,
    // rechargeCount, totalRechargeAmt, rechargeTime, meterType, ...): forms validate before those exist.
    bool serviceFillsFields = true;
};

} // namespace md

namespace md::CommandValidation {

// Every problem found, in field order (empty: valid). The first one is what a CLI reports.
QList<Error> validate(const QString &name, const QJsonObject &params, const ValidationContext &context = ValidationContext());
// The first problem only.
Result<void> check(const QString &name, const QJsonObject &params, const ValidationContext &context = ValidationContext());

// The rule groups, usable alone (a form validating one section as the operator types).
QList<Error> checkFormats(const QString &name, const QJsonObject &params, const ValidationContext &context);
QList<Error> checkLadder(const QJsonObject &params, const ValidationContext &context);
QList<Error> checkRecharge(const QJsonObject &params, const ValidationContext &context);
QList<Error> checkCancelRecharge(const QJsonObject &params);
QList<Error> checkSupplement(const QJsonObject &params, const ValidationContext &context);
QList<Error> checkSetParameter(const QJsonObject &params, const ValidationContext &context);
QList<Error> checkMeterInfo(const QJsonObject &params);
QList<Error> checkValveOperate(const QJsonObject &params);

// Single-value helper shared with forms.
bool isValidTradeNo(const QString &text); // 1..32 characters of [A-Za-z0-9_-]

} // namespace md::CommandValidation
