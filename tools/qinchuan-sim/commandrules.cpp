// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandrules.h"

#include <QRegularExpression>

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

constexpr qint64 kMaxPriceUnits = 100 * 10000;         // 100 yuan per m3
constexpr qint64 kMaxRechargeUnits = 100000LL * 10000; // 100000 yuan

Result<void> checkTradeNo(const Record &record)
{
    static const QRegularExpression format(s("^[A-Za-z0-9_-]{1,64}$"));
    if (!format.match(record.text(s("tradeNo"))).hasMatch())
        return makeError(s("1201"), s("tradeNo"), s("1..64 letters, digits, '_' or '-'"));
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
    if (n > 1 && !presentIn(raw, s("cycleStartDate")))
        return makeError(s("1104"), s("cycleStartDate"), s("a ladder needs its cycle start date"));
    for (int i = 0; i < 5; ++i) {
        const QString key = s("price") + QString::number(i);
        const bool present = presentIn(raw, key);
        if (i >= n) {
            if (present)
                return makeError(s("1105"), key, s("price beyond the ladder count"));
            continue;
        }
        const auto price = record.money(key);
        if (!present || !price || price->units() <= 0 || price->units() > kMaxPriceUnits)
            return makeError(s("1105"), key, s("price must be > 0 and <= 100"));
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
    if (!at || *at > now + 600 || *at < now - 30LL * 86400)
        return makeError(s("1202"), s("rechargeTime"), s("recharge time not within the last 30 days"));
    const auto amount = record.money(s("rechargeNum"));
    if (!amount || amount->units() <= 0 || amount->units() > kMaxRechargeUnits)
        return makeError(s("1203"), s("rechargeNum"), s("amount must be > 0 and <= 100000"));
    if (record.text(s("rechargeType")) == u"2" && amount->units() % 10 != 0)
        return makeError(s("1203"), s("rechargeNum"), s("a volume has 3 decimals"));
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
