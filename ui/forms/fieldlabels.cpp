// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldlabels.h"

#include "core/dictionary.h"

#include <QCoreApplication>

namespace md::FieldLabels {
namespace {


struct Entry
{
    const char *name;
    const char *english;
};

// One row per wire field name of the nine commands (catalog.json "commands").
constexpr Entry fieldTable[] = {
    {"meterNo", QT_TRANSLATE_NOOP("md::FieldLabels", "Meter number")},
    {"commandSeq", QT_TRANSLATE_NOOP("md::FieldLabels", "Command sequence number")},
    {"meterType", QT_TRANSLATE_NOOP("md::FieldLabels", "Meter type")},
    {"valveOperate", QT_TRANSLATE_NOOP("md::FieldLabels", "Valve operation")},
    {"beginDate", QT_TRANSLATE_NOOP("md::FieldLabels", "From date")},
    {"endDate", QT_TRANSLATE_NOOP("md::FieldLabels", "To date")},
    {"price", QT_TRANSLATE_NOOP("md::FieldLabels", "Unit price (yuan/m³)")},
    {"balanceAmt", QT_TRANSLATE_NOOP("md::FieldLabels", "Balance (yuan)")},
    {"totalUseAmt", QT_TRANSLATE_NOOP("md::FieldLabels", "Total used amount (yuan)")},
    {"rechargeType", QT_TRANSLATE_NOOP("md::FieldLabels", "Recharge type")},
    {"rechargeCount", QT_TRANSLATE_NOOP("md::FieldLabels", "Recharge count")},
    {"tradeNo", QT_TRANSLATE_NOOP("md::FieldLabels", "Trade number")},
    {"rechargeTime", QT_TRANSLATE_NOOP("md::FieldLabels", "Recharge time")},
    {"rechargeNum", QT_TRANSLATE_NOOP("md::FieldLabels", "Recharge amount")},
    {"totalRechargeAmt", QT_TRANSLATE_NOOP("md::FieldLabels", "Total recharged (yuan)")},
    {"meterBalanceAmt", QT_TRANSLATE_NOOP("md::FieldLabels", "Account balance (yuan)")},
    {"priceName", QT_TRANSLATE_NOOP("md::FieldLabels", "Price name")},
    {"priceVersion", QT_TRANSLATE_NOOP("md::FieldLabels", "Price version")},
    {"priceLadderNum", QT_TRANSLATE_NOOP("md::FieldLabels", "Ladder tiers")},
    {"billingCycle", QT_TRANSLATE_NOOP("md::FieldLabels", "Billing cycle")},
    {"effectiveDate", QT_TRANSLATE_NOOP("md::FieldLabels", "Effective date")},
    {"cycleStartDate", QT_TRANSLATE_NOOP("md::FieldLabels", "Cycle start")},
    {"price0", QT_TRANSLATE_NOOP("md::FieldLabels", "Price tier 1")},
    {"price1", QT_TRANSLATE_NOOP("md::FieldLabels", "Price tier 2")},
    {"price2", QT_TRANSLATE_NOOP("md::FieldLabels", "Price tier 3")},
    {"price3", QT_TRANSLATE_NOOP("md::FieldLabels", "Price tier 4")},
    {"price4", QT_TRANSLATE_NOOP("md::FieldLabels", "Price tier 5")},
    {"level1", QT_TRANSLATE_NOOP("md::FieldLabels", "Tier 1 volume limit")},
    {"level2", QT_TRANSLATE_NOOP("md::FieldLabels", "Tier 2 volume limit")},
    {"level3", QT_TRANSLATE_NOOP("md::FieldLabels", "Tier 3 volume limit")},
    {"level4", QT_TRANSLATE_NOOP("md::FieldLabels", "Tier 4 volume limit")},
    {"priceNum", QT_TRANSLATE_NOOP("md::FieldLabels", "Price change count")},
    {"ip", QT_TRANSLATE_NOOP("md::FieldLabels", "Server IP")},
    {"port", QT_TRANSLATE_NOOP("md::FieldLabels", "Server port")},
    {"upCycle", QT_TRANSLATE_NOOP("md::FieldLabels", "Upload cycle")},
    {"upDay", QT_TRANSLATE_NOOP("md::FieldLabels", "Upload day")},
    {"noUseDay", QT_TRANSLATE_NOOP("md::FieldLabels", "No-use days")},
    {"alarmOne", QT_TRANSLATE_NOOP("md::FieldLabels", "Low balance alarm, level 1")},
    {"alarmTwo", QT_TRANSLATE_NOOP("md::FieldLabels", "Low balance alarm, level 2")},
    {"overdraft", QT_TRANSLATE_NOOP("md::FieldLabels", "Overdraft")},
    {"devNo", QT_TRANSLATE_NOOP("md::FieldLabels", "Concentrator / device number")},
    {"companyNo", QT_TRANSLATE_NOOP("md::FieldLabels", "Company code")},
    {"userNo", QT_TRANSLATE_NOOP("md::FieldLabels", "Customer number")},
    {"userName", QT_TRANSLATE_NOOP("md::FieldLabels", "Customer name")},
    {"addrDes", QT_TRANSLATE_NOOP("md::FieldLabels", "Address")},
    {"setUpTime", QT_TRANSLATE_NOOP("md::FieldLabels", "Installation time")},
    {"enableMeterReading", QT_TRANSLATE_NOOP("md::FieldLabels", "Initial reading (m³)")},
    {"meterOperation", QT_TRANSLATE_NOOP("md::FieldLabels", "Meter operation")},
};

// Enumeration texts the catalogue gives only as "english 中文" without a dictionary list (upCycle).
[[maybe_unused]] constexpr const char *extraEnumNames[] = {QT_TRANSLATE_NOOP("md::FieldLabels", "daily"), QT_TRANSLATE_NOOP("md::FieldLabels", "monthly")};

template<size_t N>
QString lookup(const Entry (&table)[N], const QString &name)
{
    for (const Entry &e : table)
        if (name == QLatin1String(e.name))
            return QCoreApplication::translate("md::FieldLabels", e.english);
    return name;
}

const QList<DictEntry> *dictionaryFor(const QString &fieldName)
{
    if (fieldName == u"valveOperate")
        return &Dictionary::valveOperations();
    if (fieldName == u"rechargeType")
        return &Dictionary::rechargeTypes();
    if (fieldName == u"meterOperation")
        return &Dictionary::meterOperations();
    if (fieldName == u"valveStatus")
        return &Dictionary::valveStatuses();
    if (fieldName == u"powerType")
        return &Dictionary::powerTypes();
    if (fieldName == u"resultCode")
        return &Dictionary::resultCodes();
    return nullptr;
}

} // namespace

QString label(const QString &fieldName)
{
    return lookup(fieldTable, fieldName);
}

QString enumName(const FieldSpec &field, const QString &code)
{
    if (const auto *dict = dictionaryFor(field.name))
        return Dictionary::displayName(*dict, code);
    const QString text = field.values.value(code);
    if (text.isEmpty())
        return code;
    // "open 开" -> "open": the English part is the tr() source.
    QString english;
    for (const QChar c : text) {
        if (c.unicode() >= 0x2E80)
            break;
        english.append(c);
    }
    english = english.trimmed();
    if (english.isEmpty())
        return text;
    return QCoreApplication::translate("md::FieldLabels", english.toUtf8().constData());
}

QList<QPair<QString, QString>> enumOptions(const FieldSpec &field)
{
    QList<QPair<QString, QString>> out;
    if (const auto *dict = dictionaryFor(field.name)) {
        // The dictionary's order (open, close, ordinary close; register, modify, remove).
        for (const DictEntry &e : *dict)
            if (field.values.contains(QLatin1String(e.code)))
                out.append({QLatin1String(e.code), enumName(field, QLatin1String(e.code))});
        return out;
    }
    for (auto it = field.values.cbegin(); it != field.values.cend(); ++it)
        out.append({it.key(), enumName(field, it.key())});
    return out;
}

} // namespace md::FieldLabels
