// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarios.h"

#include "uploadbodies.h"

namespace md::sim {

namespace {
struct Named
{
    Scenario s;
    const char *name;
};
constexpr Named kNames[] = {{Scenario::NightLeak, "night-leak"},   {Scenario::Backwards, "backwards"},
                            {Scenario::Stuck, "stuck"},            {Scenario::BatteryFall, "battery"},
                            {Scenario::Silent, "silent"},          {Scenario::MissedRecharge, "missed-recharge"}};
} // namespace

QString scenarioName(Scenario s)
{
    for (const Named &n : kNames)
        if (n.s == s)
            return QString::fromLatin1(n.name);
    return QStringLiteral("none");
}

std::optional<Scenario> scenarioFromName(QStringView name)
{
    for (const Named &n : kNames)
        if (name == QLatin1String(n.name))
            return n.s;
    return std::nullopt;
}

QList<Scenario> allScenarios()
{
    QList<Scenario> out;
    for (const Named &n : kNames)
        out << n.s;
    return out;
}

void applyScenario(SimulatedMeter &meter, Scenario s, qint64 from)
{
    meter.scenario = s;
    meter.scenarioFrom = from;
    meter.hourlyLimit = 24 * 32; // the insights look back weeks: keep a month of hourly points
    meter.autoTopUp = true;      // no arrears: a closed valve would hide a leak or a stuck counter
    if (meter.balance.units() < 1000000)
        meter.balance = Money::fromUnits(3000000);
    if (s == Scenario::BatteryFall)
        meter.batteryMillivolts = 3560; // a year of natural decline still leaves weeks before 3.30 V
}

QJsonArray dailyEntries(const SimulatedMeter &meter, const QList<ReadingPoint> &points, const PlatformTime &time)
{
    QJsonArray out;
    int first = 0;
    while (first < points.size()) {
        // A point stamped 00:00 closes the day before it.
        const QDate day = time.dateOf(points[first].at - 1);
        int last = first;
        while (last + 1 < points.size() && time.dateOf(points[last + 1].at - 1) == day)
            ++last;
        const QList<ReadingPoint> dayPoints = points.mid(first, last - first + 1);
        QJsonObject entry = Bodies::batchEntry(meter, dayPoints, dayPoints.last().at, time);
        entry.insert(QStringLiteral("currentCellVoltage"), formatFixed(dayPoints.last().batteryMillivolts, 3, 2));
        out.append(entry);
        first = last + 1;
    }
    return out;
}

} // namespace md::sim
