// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandvalidation.h"

namespace md::CommandValidation {

// Stub: the rules arrive in the next commit.
QList<Error> validate(const QString &, const QJsonObject &, const ValidationContext &) { return {}; }
Result<void> check(const QString &name, const QJsonObject &params, const ValidationContext &context)
{
    const auto errors = validate(name, params, context);
    if (errors.isEmpty())
        return {};
    return errors.first();
}
QList<Error> checkFormats(const QString &, const QJsonObject &, const ValidationContext &) { return {}; }
QList<Error> checkLadder(const QJsonObject &, const ValidationContext &) { return {}; }
QList<Error> checkRecharge(const QJsonObject &, const ValidationContext &) { return {}; }
QList<Error> checkCancelRecharge(const QJsonObject &) { return {}; }
QList<Error> checkSupplement(const QJsonObject &, const ValidationContext &) { return {}; }
QList<Error> checkSetParameter(const QJsonObject &) { return {}; }
QList<Error> checkMeterInfo(const QJsonObject &) { return {}; }
QList<Error> checkValveOperate(const QJsonObject &) { return {}; }
bool isValidIpv4(const QString &) { return true; }
bool isValidTradeNo(const QString &) { return true; }

} // namespace md::CommandValidation
