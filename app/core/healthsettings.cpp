// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthsettings.h"

#include <QFileInfo>

namespace md {

namespace {

struct IntKey
{
    const char *key;
    int HealthSettings::*field;
    int min, max;
};
constexpr IntKey kInts[] = {
    {"health/lookbackDays", &HealthSettings::lookbackDays, 2, 3660},
    {"health/nightStartHour", &HealthSettings::nightStartHour, 0, 23},
    {"health/nightEndHour", &HealthSettings::nightEndHour, 1, 24},
    {"health/nightCount", &HealthSettings::nightCount, 1, 365},
    {"health/stuckDays", &HealthSettings::stuckDays, 1, 365},
    {"health/stuckPriorDays", &HealthSettings::stuckPriorDays, 1, 365},
    {"health/batteryWindowDays", &HealthSettings::batteryWindowDays, 2, 365},
    {"health/batteryMinPoints", &HealthSettings::batteryMinPoints, 2, 365},
    {"health/batteryLowMillivolts", &HealthSettings::batteryLowMillivolts, 1000, 10000},
    {"health/batteryWarnDays", &HealthSettings::batteryWarnDays, 1, 3650},
    {"health/silentDays", &HealthSettings::silentDays, 1, 3650},
    {"health/spikePercent", &HealthSettings::spikePercent, 101, 100000},
    {"health/spikeMedianDays", &HealthSettings::spikeMedianDays, 2, 365},
    {"health/spikeMinHistoryDays", &HealthSettings::spikeMinHistoryDays, 1, 365},
    {"health/dailyHour", &HealthSettings::dailyHour, 0, 23},
};

struct VolumeKey
{
    const char *key;
    Volume HealthSettings::*field;
};
constexpr VolumeKey kVolumes[] = {
    {"health/nightMinPerHour", &HealthSettings::nightMinPerHour},
    {"health/stuckPriorMin", &HealthSettings::stuckPriorMin},
    {"health/spikeMinVolume", &HealthSettings::spikeMinVolume},
};

} // namespace

Result<HealthSettings> HealthSettings::load(QSettings &ini)
{
    HealthSettings s;
    for (const IntKey &k : kInts) {
        const QString key = QLatin1String(k.key);
        if (!ini.contains(key))
            continue;
        bool ok = false;
        const qint64 n = ini.value(key).toString().trimmed().toLongLong(&ok);
        if (!ok || n < k.min || n > k.max)
            return makeError(QStringLiteral("config"), key, QStringLiteral("an integer from %1 to %2").arg(k.min).arg(k.max));
        s.*k.field = int(n);
    }
    for (const VolumeKey &k : kVolumes) {
        const QString key = QLatin1String(k.key);
        if (!ini.contains(key))
            continue;
        const auto v = Volume::parse(ini.value(key).toString().trimmed());
        if (!v || v->isNegative())
            return makeError(QStringLiteral("config"), key, QStringLiteral("a volume in m3 with up to 3 decimals"));
        s.*k.field = *v;
    }
    if (s.nightEndHour <= s.nightStartHour)
        return makeError(QStringLiteral("config"), QStringLiteral("health/nightEndHour"),
                         QStringLiteral("must be after health/nightStartHour"));
    return s;
}

Result<HealthSettings> HealthSettings::loadFile(const QString &iniPath)
{
    if (iniPath.isEmpty() || !QFileInfo::exists(iniPath))
        return HealthSettings();
    QSettings ini(iniPath, QSettings::IniFormat);
    return load(ini);
}

void HealthSettings::save(QSettings &ini) const
{
    for (const IntKey &k : kInts)
        ini.setValue(QLatin1String(k.key), this->*k.field);
    for (const VolumeKey &k : kVolumes)
        ini.setValue(QLatin1String(k.key), (this->*k.field).toString());
}

} // namespace md
