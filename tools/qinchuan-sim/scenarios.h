// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Faulty meters for the desk's health insights and reconciliation: from `from` on, a meter leaks
// (a steady flow day and night), counts backwards, stops counting, drains its battery, falls
// silent, or credits recharges without counting them in its totals (totalRechargeAmt/Count).

#include "simulatedmeter.h"

#include <QJsonArray>

namespace md::sim {

// Litres an hour a leaking meter passes on top of the household's use.
inline constexpr qint64 kLeakLitresPerHour = 40;
// Millivolts a failing battery loses a day.
inline constexpr int kBatteryFallPerDay = 5;

QString scenarioName(Scenario s); // "night-leak", "backwards", "stuck", "battery", "silent", "missed-recharge"
std::optional<Scenario> scenarioFromName(QStringView name);
QList<Scenario> allScenarios();

// Gives `meter` the scenario from `from` on, with the starting state it needs (a battery that will
// run low within weeks, a history long enough for the insights: hourly points kept since `from`
// minus `historyDays`).
void applyScenario(SimulatedMeter &meter, Scenario s, qint64 from);

// One meterDataUpBatch entry per platform day of hourly `points`, each with the status of the end
// of that day (meterTime, currentCellVoltage), as a meter that reports once a day would.
QJsonArray dailyEntries(const SimulatedMeter &meter, const QList<ReadingPoint> &points, const PlatformTime &time);

} // namespace md::sim
