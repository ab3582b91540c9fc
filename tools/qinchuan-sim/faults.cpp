// SPDX-License-Identifier: GPL-3.0-or-later
#include "faults.h"

namespace md::sim {

QString noReplyName(NoReply mode)
{
    switch (mode) {
    case NoReply::Off:
        return QStringLiteral("off");
    case NoReply::Hold:
        return QStringLiteral("hold");
    case NoReply::Close:
        return QStringLiteral("close");
    case NoReply::Html:
        return QStringLiteral("html");
    case NoReply::HalfJson:
        return QStringLiteral("halfjson");
    }
    return {};
}

std::optional<NoReply> noReplyFromName(const QString &name)
{
    for (NoReply m : {NoReply::Off, NoReply::Hold, NoReply::Close, NoReply::Html, NoReply::HalfJson}) {
        if (noReplyName(m) == name)
            return m;
    }
    return std::nullopt;
}

QJsonObject FaultSwitches::toJson() const
{
    return QJsonObject{
        {QStringLiteral("replyDelayMs"), replyDelayMs},
        {QStringLiteral("http500"), http500},
        {QStringLiteral("noReply"), noReplyName(noReply)},
        {QStringLiteral("holdMs"), holdMs},
        {QStringLiteral("dropResults"), dropResults},
        {QStringLiteral("duplicateResults"), duplicateResults},
        {QStringLiteral("wrongSecret"), wrongSecret},
        {QStringLiteral("failRatePercent"), failRatePercent},
    };
}

namespace {

Result<void> readInt(const QJsonObject &json, const QString &key, int min, int max, int *out)
{
    if (!json.contains(key))
        return {};
    const QJsonValue v = json.value(key);
    // Integral JSON numbers only: a control message is typed by a test, not by a meter.
    if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < min || v.toInt() > max)
        return makeError(QStringLiteral("9002"), key,
                         QStringLiteral("integer %1..%2 expected").arg(min).arg(max));
    *out = v.toInt();
    return {};
}

Result<void> readBool(const QJsonObject &json, const QString &key, bool *out)
{
    if (!json.contains(key))
        return {};
    if (!json.value(key).isBool())
        return makeError(QStringLiteral("9002"), key, QStringLiteral("true or false expected"));
    *out = json.value(key).toBool();
    return {};
}

} // namespace

Result<void> FaultSwitches::apply(const QJsonObject &json)
{
    const QStringList known = toJson().keys();
    for (const QString &key : json.keys()) {
        if (!known.contains(key))
            return makeError(QStringLiteral("9002"), key, QStringLiteral("unknown switch"));
    }
    FaultSwitches next = *this;
    const Result<void> checks[] = {
        readInt(json, QStringLiteral("replyDelayMs"), 0, 600000, &next.replyDelayMs),
        readInt(json, QStringLiteral("holdMs"), 0, 600000, &next.holdMs),
        readInt(json, QStringLiteral("failRatePercent"), 0, 100, &next.failRatePercent),
        readBool(json, QStringLiteral("http500"), &next.http500),
        readBool(json, QStringLiteral("dropResults"), &next.dropResults),
        readBool(json, QStringLiteral("duplicateResults"), &next.duplicateResults),
        readBool(json, QStringLiteral("wrongSecret"), &next.wrongSecret),
    };
    for (const auto &r : checks) {
        if (!r)
            return r.error();
    }
    if (json.contains(QStringLiteral("noReply"))) {
        const auto mode = noReplyFromName(json.value(QStringLiteral("noReply")).toString());
        if (!mode)
            return makeError(QStringLiteral("9002"), QStringLiteral("noReply"),
                             QStringLiteral("off, hold or close"));
        next.noReply = *mode;
    }
    *this = next;
    return {};
}

void Faults::set(const FaultSwitches &switches)
{
    m_switches = switches;
    emit changed();
}

Result<void> Faults::apply(const QJsonObject &json)
{
    auto r = m_switches.apply(json);
    if (r)
        emit changed();
    return r;
}

bool Faults::drawFailure()
{
    const int pct = m_switches.failRatePercent;
    if (pct <= 0)
        return false;
    ++m_draws;
    return (m_draws * quint64(pct)) / 100 != ((m_draws - 1) * quint64(pct)) / 100;
}

} // namespace md::sim
