// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandnames.h"

#include "protocol/catalog.h"

namespace md::CommandNames {

QStringList all()
{
    QStringList names;
    for (const auto &spec : Catalog::instance().commands())
        names << spec.name;
    return names;
}

bool isKnown(const QString &name)
{
    return Catalog::instance().command(name) != nullptr;
}

bool hasResultUpload(const QString &name)
{
    const MessageSpec *spec = Catalog::instance().command(name);
    return spec && !spec->resultUploads.isEmpty();
}

CommandState stateAfterAcceptance(const QString &name)
{
    return hasResultUpload(name) ? CommandState::Sent : CommandState::Accepted;
}

bool movesMoney(const QString &name)
{
    return carriesTradeNo(name);
}

bool carriesTradeNo(const QString &name)
{
    const MessageSpec *spec = Catalog::instance().command(name);
    return spec && spec->field(u"tradeNo") != nullptr;
}

bool carriesCommandSeq(const QString &name)
{
    const MessageSpec *spec = Catalog::instance().command(name);
    return spec && spec->field(u"commandSeq") != nullptr;
}

QStringList serviceFilledFields(const QString &name)
{
    QStringList fields{QStringLiteral("commandSeq"), QStringLiteral("meterNo"), QStringLiteral("meterType")};
    if (name == u"recharge")
        fields << QStringLiteral("tradeNo") << QStringLiteral("rechargeCount")
               << QStringLiteral("totalRechargeAmt") << QStringLiteral("rechargeTime");
    if (name == u"meterInfo")
        fields << QStringLiteral("userNo") << QStringLiteral("addrDes") << QStringLiteral("userName")
               << QStringLiteral("devNo") << QStringLiteral("companyNo") << QStringLiteral("setUpTime")
               << QStringLiteral("enableMeterReading");
    return fields;
}

} // namespace md::CommandNames
