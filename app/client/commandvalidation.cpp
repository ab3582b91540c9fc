// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandvalidation.h"

#include "commandnames.h"

#include "core/fixeddecimal.h"
#include "protocol/catalog.h"
#include "protocol/fieldformat.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>

namespace md::CommandValidation {

namespace {

const QString c9002 = QStringLiteral("9002");
const QString kLadder = QStringLiteral("changeprice");
const QString kRecharge = QStringLiteral("recharge");

Error err(const QString &code, const QString &path, const QString &detail)
{
    return makeError(code, path, detail);
}

// A present value: a non-empty JSON string. Non-strings are reported by checkFormats.
QString text(const QJsonObject &p, const QString &key)
{
    const auto v = p.value(key);
    return v.isString() ? v.toString() : QString();
}

bool present(const QJsonObject &p, const QString &key)
{
    const auto v = p.value(key);
    return !(v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()));
}

qint64 nowOf(const ValidationContext &c)
{
    return c.nowEpoch > 0 ? c.nowEpoch : QDateTime::currentSecsSinceEpoch();
}

// Fields whose problems carry a business code: the rule groups check them (present or not), the
// generic format pass leaves them alone so one problem is reported once, with the right code.
QSet<QString> ruleOwnedFields(const QString &name)
{
    if (name == u"changeprice")
        return {QStringLiteral("priceLadderNum"), QStringLiteral("effectiveDate"), QStringLiteral("cycleStartDate"),
                QStringLiteral("price0"), QStringLiteral("price1"), QStringLiteral("price2"),
                QStringLiteral("price3"), QStringLiteral("price4"), QStringLiteral("level1"),
                QStringLiteral("level2"), QStringLiteral("level3"), QStringLiteral("level4")};
    if (name == u"recharge")
        return {QStringLiteral("tradeNo"), QStringLiteral("rechargeTime"), QStringLiteral("rechargeNum")};
    if (name == u"cancelRecharge")
        return {QStringLiteral("tradeNo"), QStringLiteral("rechargeNum")};
    if (name == u"dataSupplement")
        return {QStringLiteral("beginDate"), QStringLiteral("endDate")};
    if (name == u"setParameter")
        return {QStringLiteral("ip"), QStringLiteral("port"), QStringLiteral("upCycle"), QStringLiteral("upDay"),
                QStringLiteral("noUseDay"), QStringLiteral("alarmOne"), QStringLiteral("alarmTwo"),
                QStringLiteral("overdraft")};
    return {};
}

// The field of a command, as the catalogue describes it.
const FieldSpec &fieldOf(const QString &command, const QString &field)
{
    static const FieldSpec none;
    const MessageSpec *spec = Catalog::instance().command(command);
    const FieldSpec *f = spec ? spec->field(field) : nullptr;
    return f ? *f : none;
}

// A present value checked by FieldFormat (the catalogue's form of the field, "typeBy" applied), its
// problem reported under a rule's business code. nullopt: absent, or malformed and reported.
std::optional<qint64> formatted(const QString &command, const QJsonObject &p, const QString &key, const QString &code,
                                const ValidationContext &c, QList<Error> &errors)
{
    if (!present(p, key))
        return std::nullopt;
    const Result<qint64> v = FieldFormat(fieldOf(command, key), p).check(text(p, key), c.time);
    if (v.ok())
        return *v;
    errors << err(code, key, v.error().detail);
    return std::nullopt;
}

QDate today(const ValidationContext &c)
{
    return c.time.dateOf(nowOf(c));
}

} // namespace

QList<Error> checkFormats(const QString &name, const QJsonObject &params, const ValidationContext &context)
{
    QList<Error> errors;
    const MessageSpec *spec = Catalog::instance().command(name);
    if (!spec)
        return {err(c9002, QStringLiteral("name"), QStringLiteral("unknown command '%1'").arg(name))};
    const QSet<QString> owned = ruleOwnedFields(name);
    QSet<QString> skipRequired;
    if (context.serviceFillsFields) {
        const auto filled = CommandNames::serviceFilledFields(name);
        skipRequired = QSet<QString>(filled.begin(), filled.end());
    }
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!spec->field(it.key()))
            errors << err(c9002, it.key(), QStringLiteral("no such field in %1").arg(name));
        else if (!it.value().isString() && !it.value().isNull())
            errors << FieldFormat(*spec->field(it.key())).notAString();
    }
    for (const FieldSpec &f : spec->fields) {
        if (owned.contains(f.name))
            continue;
        if (!present(params, f.name)) {
            if (f.required && !skipRequired.contains(f.name))
                errors << FieldFormat::missing(f.name);
            continue;
        }
        const Result<qint64> checked = FieldFormat(f, params).check(text(params, f.name), context.time);
        if (!checked.ok())
            errors << checked.error();
    }
    return errors;
}

QList<Error> checkLadder(const QJsonObject &p, const ValidationContext &context)
{
    QList<Error> errors;
    int n = 0;
    if (!present(p, QStringLiteral("priceLadderNum"))) {
        errors << err(QStringLiteral("1101"), QStringLiteral("priceLadderNum"), QStringLiteral("required"));
    } else if (const auto count = formatted(kLadder, p, QStringLiteral("priceLadderNum"), QStringLiteral("1102"), context, errors)) {
        if (*count < 1 || *count > 5)
            errors << err(QStringLiteral("1102"), QStringLiteral("priceLadderNum"), QStringLiteral("must be 1 to 5"));
        else
            n = int(*count);
    }
    // Prices price0..price(n-1): each given and > 0. Without a valid count, check what is there.
    const int priceSlots = n > 0 ? n : 0;
    for (int i = 0; i < 5; ++i) {
        const QString key = QStringLiteral("price%1").arg(i);
        const bool needed = i < priceSlots || (n == 0 && i == 0);
        if (!present(p, key)) {
            if (needed)
                errors << err(QStringLiteral("1105"), key, QStringLiteral("required for %1 ladder level(s)").arg(qMax(n, 1)));
            continue;
        }
        if (n > 0 && i >= n) {
            errors << err(QStringLiteral("1105"), key, QStringLiteral("more prices than priceLadderNum %1").arg(n));
            continue;
        }
        // The spec sets no upper limit on a unit price, so none is enforced here (the platform
        // decides); > 0 is what 1105 "单价不正确" can mean without inventing a rule.
        const auto price = formatted(kLadder, p, key, QStringLiteral("1105"), context, errors);
        if (price && *price <= 0)
            errors << err(QStringLiteral("1105"), key, QStringLiteral("must be greater than 0"));
    }
    // Ladder volumes level1..level(n-1): the upper bound of each step but the last, strictly increasing.
    qint64 previous = 0; // units of the last valid level; 0: none (levels are > 0)
    for (int i = 1; i < 5; ++i) {
        const QString key = QStringLiteral("level%1").arg(i);
        if (!present(p, key)) {
            if (n > 0 && i < n)
                errors << err(QStringLiteral("1106"), key, QStringLiteral("required for %1 ladder levels").arg(n));
            previous = 0;
            continue;
        }
        if (n > 0 && i >= n) {
            errors << err(QStringLiteral("1106"), key, QStringLiteral("more ladder volumes than priceLadderNum %1 allows").arg(n));
            continue;
        }
        const auto level = formatted(kLadder, p, key, QStringLiteral("1106"), context, errors);
        if (!level || *level <= 0) {
            if (level)
                errors << err(QStringLiteral("1106"), key, QStringLiteral("must be greater than 0"));
            previous = 0;
            continue;
        }
        if (previous > 0 && *level <= previous)
            errors << err(QStringLiteral("1106"), key, QStringLiteral("must be greater than level%1").arg(i - 1));
        previous = *level;
    }
    if (!present(p, QStringLiteral("effectiveDate"))) {
        errors << err(QStringLiteral("1103"), QStringLiteral("effectiveDate"), QStringLiteral("required"));
    } else if (const auto day = formatted(kLadder, p, QStringLiteral("effectiveDate"), QStringLiteral("1103"), context, errors)) {
        if (QDate::fromJulianDay(*day) < today(context))
            errors << err(QStringLiteral("1103"), QStringLiteral("effectiveDate"),
                          QStringLiteral("in the past (today is %1 in the platform zone)").arg(today(context).toString(Qt::ISODate)));
    }
    // cycleStartDate and billingCycle are optional in the spec (必填 blank), ladder or not: without
    // them the meter keeps its current cycle. 1104 is for a cycle start that is given but malformed.
    formatted(kLadder, p, QStringLiteral("cycleStartDate"), QStringLiteral("1104"), context, errors);
    return errors;
}

// Shared by recharge and cancelRecharge: amount > 0 in the unit rechargeType names (the catalogue's
// "typeBy" makes rechargeNum a volume when rechargeType is 2).
static void checkAmount(const QString &command, const QJsonObject &p, const ValidationContext &context, QList<Error> &errors)
{
    const QString key = QStringLiteral("rechargeNum");
    if (!present(p, key)) {
        errors << err(QStringLiteral("1203"), key, QStringLiteral("required"));
        return;
    }
    const auto units = formatted(command, p, key, QStringLiteral("1203"), context, errors);
    if (units && *units <= 0)
        errors << err(QStringLiteral("1203"), key, QStringLiteral("must be greater than 0"));
}

static void checkTradeNo(const QJsonObject &p, const ValidationContext &context, QList<Error> &errors, bool serviceFills)
{
    const QString key = QStringLiteral("tradeNo");
    if (!present(p, key)) {
        if (!(context.serviceFillsFields && serviceFills))
            errors << err(QStringLiteral("1201"), key, QStringLiteral("required"));
    } else if (!isValidTradeNo(text(p, key))) {
        errors << err(QStringLiteral("1201"), key, QStringLiteral("1 to 32 letters, digits, '-' or '_'"));
    }
}

QList<Error> checkRecharge(const QJsonObject &p, const ValidationContext &context)
{
    QList<Error> errors;
    checkTradeNo(p, context, errors, true);
    const QString timeKey = QStringLiteral("rechargeTime");
    if (!present(p, timeKey)) {
        if (!context.serviceFillsFields)
            errors << err(QStringLiteral("1202"), timeKey, QStringLiteral("required"));
    } else if (const auto at = formatted(kRecharge, p, timeKey, QStringLiteral("1202"), context, errors)) {
        // A recharge is recorded when the operator takes the money: a time ahead of the clock (beyond
        // a small drift allowance) is a typo.
        if (*at > nowOf(context) + 300)
            errors << err(QStringLiteral("1202"), timeKey, QStringLiteral("in the future"));
    }
    checkAmount(kRecharge, p, context, errors);
    return errors;
}

QList<Error> checkCancelRecharge(const QJsonObject &p)
{
    QList<Error> errors;
    ValidationContext strict;
    strict.serviceFillsFields = false;
    checkTradeNo(p, strict, errors, false);
    checkAmount(QStringLiteral("cancelRecharge"), p, strict, errors);
    return errors;
}

QList<Error> checkSupplement(const QJsonObject &p, const ValidationContext &context)
{
    QList<Error> errors;
    std::optional<QDate> begin, end;
    for (const char *name : {"beginDate", "endDate"}) {
        const QString key = QString::fromLatin1(name);
        const auto day = formatted(QStringLiteral("dataSupplement"), p, key, c9002, context, errors);
        if (!day)
            continue;
        const QDate d = QDate::fromJulianDay(*day);
        if (d > today(context))
            errors << err(c9002, key, QStringLiteral("in the future"));
        (key == u"beginDate" ? begin : end) = d;
    }
    if (begin && end && *begin > *end)
        errors << err(c9002, QStringLiteral("endDate"), QStringLiteral("before beginDate"));
    return errors;
}

QList<Error> checkSetParameter(const QJsonObject &p, const ValidationContext &context)
{
    QList<Error> errors;
    static const QStringList keys{QStringLiteral("ip"),       QStringLiteral("port"),     QStringLiteral("upCycle"),
                                  QStringLiteral("upDay"),    QStringLiteral("noUseDay"), QStringLiteral("alarmOne"),
                                  QStringLiteral("alarmTwo"), QStringLiteral("overdraft")};
    bool any = false;
    for (const auto &k : keys)
        any = any || present(p, k);
    if (!any)
        errors << err(c9002, {}, QStringLiteral("set at least one parameter (%1)").arg(keys.join(u", ")));
    // Each value's form is the catalogue's ("format": ip an address, port a number, alarmOne an
    // amount); what is left here are the ranges and the order of the two alarms.
    const QString command = QStringLiteral("setParameter");
    auto intRange = [&](const QString &key, qint64 lo, qint64 hi) {
        const auto v = formatted(command, p, key, c9002, context, errors);
        if (v && (*v < lo || *v > hi))
            errors << err(c9002, key, QStringLiteral("must be from %1 to %2").arg(lo).arg(hi));
    };
    formatted(command, p, QStringLiteral("ip"), c9002, context, errors);
    intRange(QStringLiteral("port"), 1, 65535);
    formatted(command, p, QStringLiteral("upCycle"), c9002, context, errors);
    // upDay is a day of the month (1-31) when upCycle is 1 (monthly); when upCycle is 0 it means
    // "every N days", which the spec does not bound, and when upCycle is not sent it may be either.
    intRange(QStringLiteral("upDay"), 1, text(p, QStringLiteral("upCycle")) == u"1" ? 31 : 999999999);
    intRange(QStringLiteral("noUseDay"), 0, 999);
    std::optional<qint64> one, two; // units
    for (const char *name : {"alarmOne", "alarmTwo", "overdraft"}) {
        const QString key = QString::fromLatin1(name);
        const auto m = formatted(command, p, key, c9002, context, errors);
        if (!m)
            continue;
        if (*m < 0) {
            errors << err(c9002, key, QStringLiteral("must not be negative"));
            continue;
        }
        if (key == u"alarmOne")
            one = m;
        else if (key == u"alarmTwo")
            two = m;
    }
    if (one && two && !(*two < *one))
        errors << err(c9002, QStringLiteral("alarmTwo"), QStringLiteral("must be below alarmOne"));
    return errors;
}

QList<Error> checkMeterInfo(const QJsonObject &p)
{
    // Required fields and the meterOperation enumeration come from the catalogue (checkFormats);
    // what is left is that a registry text never is only blanks.
    QList<Error> errors;
    for (const char *name : {"userNo", "addrDes"}) {
        const QString key = QString::fromLatin1(name);
        if (present(p, key) && text(p, key).trimmed().isEmpty())
            errors << err(c9002, key, QStringLiteral("blank"));
    }
    return errors;
}

QList<Error> checkValveOperate(const QJsonObject &)
{
    return {}; // the enumeration 0/1/2 is the catalogue's (checkFormats)
}

QList<Error> validate(const QString &name, const QJsonObject &params, const ValidationContext &context)
{
    QList<Error> errors = checkFormats(name, params, context);
    if (name == u"changeprice")
        errors << checkLadder(params, context);
    else if (name == u"recharge")
        errors << checkRecharge(params, context);
    else if (name == u"cancelRecharge")
        errors << checkCancelRecharge(params);
    else if (name == u"dataSupplement")
        errors << checkSupplement(params, context);
    else if (name == u"setParameter")
        errors << checkSetParameter(params, context);
    else if (name == u"meterInfo")
        errors << checkMeterInfo(params);
    else if (name == u"valveOperate")
        errors << checkValveOperate(params);
    return errors;
}

Result<void> check(const QString &name, const QJsonObject &params, const ValidationContext &context)
{
    const auto errors = validate(name, params, context);
    if (errors.isEmpty())
        return {};
    return errors.first();
}

bool isValidTradeNo(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    return re.match(text).hasMatch();
}

} // namespace md::CommandValidation
