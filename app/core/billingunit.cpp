// SPDX-License-Identifier: GPL-3.0-or-later
#include "billingunit.h"

namespace md {

std::optional<BillingUnit> parseBillingUnit(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return BillingUnit::Unknown;
    if (t == u"money" || t == u"1" || t == QStringLiteral("金额") || t == QStringLiteral("金额表"))
        return BillingUnit::Money;
    if (t == u"volume" || t == u"2" || t == QStringLiteral("气量") || t == QStringLiteral("气量表"))
        return BillingUnit::Volume;
    return std::nullopt;
}

QString billingUnitName(BillingUnit unit)
{
    switch (unit) {
    case BillingUnit::Money:
        return QStringLiteral("money");
    case BillingUnit::Volume:
        return QStringLiteral("volume");
    case BillingUnit::Unknown:
        break;
    }
    return QString();
}

} // namespace md
