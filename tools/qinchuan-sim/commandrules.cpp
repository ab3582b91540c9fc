// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandrules.h"


namespace md::sim::Rules {

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

bool presentIn(const QJsonObject &raw, const QString &key)
{
    const QJsonValue v = raw.value(key);
    return !v.isUndefined() && !v.isNull() && !(v.isString() && v.toString().isEmpty());
}

// The spec sets no upper limit on prices, recharge amounts or the tradeNo's length, and no age
// limit on a recharge's time (a resend keeps its original time): the platform refuses none of them.
// What it does check: a tradeNo is present (1201), a price is > 0 (1105), an amount is > 0 in the
// unit rechargeType names (1203), a recharge time is not ahead of the clock (1202).
Result<void> checkTradeNo(const Record &record)
{
    if (record.text(s("tradeNo")).trimmed().isEmpty())
        return makeError(s("1201"), s("tradeNo"), s("tradeNo is empty"));
    return {};
}

} // namespace

Error refineParseError(const QString &command, const QJsonObject &raw, const Error &error)
{
    if (command == u"changeprice" && error.path == u"priceLadderNum" && !presentIn(raw, error.path))
        return makeError(s("1101"), error.path, s("ladder count is empty"));
    if ((command == u"recharge" || command == u"cancelRecharge") && error.path == u"tradeNo" &&
        !presentIn(raw, error.path))
        return makeError(s("1201"), error.path, s("tradeNo is empty"));
    if (command == u"changeprice" && error.path == u"cycleStartDate")
        return makeError(s("1104"), error.path, s("cycle start date malformed"));
    return error;
}

Result<void> checkChangePrice(const QJsonObject &raw, const Record &record, QDate today)
{
    const qint64 n = record.integer(s("priceLadderNum")).value_or(0);
    if (n < 1 || n > 5)
        return makeError(s("1102"), s("priceLadderNum"), s("ladder count must be 1..5"));
    const auto effective = record.date(s("effectiveDate"));
    if (!effective || *effective < today)
        return makeError(s("1103"), s("effectiveDate"), s("effective date before today"));
    // cycleStartDate and billingCycle are optional (the meter keeps its current cycle); a malformed
    // cycleStartDate is 1104 (Rules::refineParseError).
    for (int i = 0; i < 5; ++i) {
        const QString key = s("price") + QString::number(i);
        const bool present = presentIn(raw, key);
        if (i >= n) {
            if (present)
                return makeError(s("1105"), key, s("price beyond the ladder count"));
            continue;
        }
        const auto price = record.money(key);
        if (!present || !price || price->units() <= 0)
            return makeError(s("1105"), key, s("price must be > 0"));
    }
    qint64 previous = 0;
    for (int i = 1; i <= 4; ++i) {
        const QString key = s("level") + QString::number(i);
        const bool present = presentIn(raw, key);
        if (i >= n) {
            if (present)
                return makeError(s("1106"), key, s("ladder volume beyond the ladder count"));
            continue;
        }
        const auto level = record.volume(key);
        if (!present || !level || level->units() <= previous)
            return makeError(s("1106"), key, s("ladder volumes must be > 0 and strictly increasing"));
        previous = level->units();
    }
    return {};
}

Result<void> checkRecharge(const Record &record, qint64 now)
{
    if (auto r = checkTradeNo(record); !r)
        return r;
    const auto at = record.epoch(s("rechargeTime"));
    if (!at || *at > now + 600)
        return makeError(s("1202"), s("rechargeTime"), s("recharge time ahead of the clock"));
    // rechargeType 2: rechargeNum is a volume (the codec reads it with 3 decimals), else money.
    const bool byVolume = record.text(s("rechargeType")) == u"2";
    const QString key = s("rechargeNum");
    const qint64 units = byVolume ? record.volume(key).value_or(Volume()).units() : record.money(key).value_or(Money()).units();
    if (units <= 0)
        return makeError(s("1203"), s("rechargeNum"), byVolume ? s("volume must be > 0") : s("amount must be > 0"));
    return {};
}

Result<void> checkCancelRecharge(const Record &record)
{
    if (auto r = checkTradeNo(record); !r)
        return r;
    const auto amount = record.money(s("rechargeNum"));
    if (!amount || amount->units() <= 0)
        return makeError(s("1203"), s("rechargeNum"), s("amount must be > 0"));
    return {};
}

} // namespace md::sim::Rules
