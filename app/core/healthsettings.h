// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Thresholds of the meter-health insights: the [health] group of meterdesk.ini. Defaults suit a
// household NB-IoT gas meter reporting hourly readings and a daily status.

#include "fixeddecimal.h"
#include "result.h"

#include <QSettings>

namespace md {

struct HealthSettings
{
    int lookbackDays = 40;                 // a full recompute reads this much history per meter
    // Night flow: every hour of [nightStartHour, nightEndHour) platform time above the threshold,
    // nightCount nights in a row.
    int nightStartHour = 1;
    int nightEndHour = 5;
    Volume nightMinPerHour = Volume::fromUnits(10); // 10 litres an hour (a household sleeps at 0-5)
    int nightCount = 3;
    // Stuck: valve open, balance positive, uploads arriving, no consumption for stuckDays after at
    // least stuckPriorMin in the stuckPriorDays before.
    int stuckDays = 3;
    int stuckPriorDays = 14;
    Volume stuckPriorMin = Volume::fromUnits(1000); // 1 m3
    // Battery: Theil-Sen fit of the daily median currentCellVoltage over batteryWindowDays (at
    // least batteryMinPoints days); flag when it crosses batteryLowMillivolts within batteryWarnDays.
    int batteryWindowDays = 28;
    int batteryMinPoints = 7;
    int batteryLowMillivolts = 3300;
    int batteryWarnDays = 60;
    int silentDays = 3;                    // no upload for more than this many days
    // Spike: a day above spikePercent/100 x the median of its previous spikeMedianDays days (at
    // least spikeMinHistoryDays of them) and above spikeMinVolume.
    int spikePercent = 300;
    int spikeMedianDays = 30;
    int spikeMinHistoryDays = 7;
    Volume spikeMinVolume = Volume::fromUnits(1000); // 1 m3
    int dailyHour = 6;                      // platform hour of the daily recompute (after the night)

    // Reads the [health] group; missing keys keep the defaults; an error names the key.
    static Result<HealthSettings> load(QSettings &ini);
    static Result<HealthSettings> loadFile(const QString &iniPath);
    void save(QSettings &ini) const;
};

} // namespace md
