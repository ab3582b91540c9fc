// SPDX-License-Identifier: GPL-3.0-or-later
#include "health.h"

namespace md {

namespace {
struct KindName
{
    HealthKind kind;
    const char *name;
};
constexpr KindName kNames[] = {{HealthKind::NightFlow, "night-flow"}, {HealthKind::Backwards, "backwards"},
                               {HealthKind::Stuck, "stuck"},          {HealthKind::Battery, "battery"},
                               {HealthKind::Silent, "silent"},        {HealthKind::Spike, "spike"}};
} // namespace

QString healthKindName(HealthKind kind)
{
    for (const KindName &k : kNames)
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    return {};
}

std::optional<HealthKind> healthKindFromName(QStringView name)
{
    for (const KindName &k : kNames)
        if (name == QLatin1String(k.name))
            return k.kind;
    return std::nullopt;
}

QList<HealthKind> allHealthKinds()
{
    QList<HealthKind> out;
    for (const KindName &k : kNames)
        out << k.kind;
    return out;
}

bool isStateKind(HealthKind kind)
{
    return kind == HealthKind::Stuck || kind == HealthKind::Battery || kind == HealthKind::Silent;
}

} // namespace md
