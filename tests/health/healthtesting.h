// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Synthetic meter histories for the health tests: hourly cumulative readings in the platform zone
// (Asia/Shanghai), shaped by a per-hour use function.

#include "../storage/storetesting.h"

#include "core/health.h"
#include "core/timeformat.h"

#include <QJsonArray>

#include <functional>

namespace md::testing {

// 2026-11-30 08:00:00 platform time: "now" of the tests.
inline qint64 healthNow(const PlatformTime &t)
{
    return *t.parseDateTime(u"2026-11-30 08:00:00");
}

// Litres used in the hour starting at `hourStart` (platform hour `hour`, `day` days before now).
using HourUse = std::function<qint64(int day, int hour)>;

// A household: nights quiet, meals busy (litres per hour).
inline qint64 household(int, int hour)
{
    static const int w[24] = {0, 0, 0, 0, 0, 5, 40, 60, 40, 20, 20, 40, 50, 20, 10, 10, 20, 50, 70, 60, 40, 20, 10, 0};
    return w[hour];
}

// `days` days of hourly readings ending at `now` (exclusive), starting at `first` litres.
inline void fillHourly(MeterHistory &m, const PlatformTime &t, qint64 now, int days, const HourUse &use, qint64 first = 100000)
{
    const qint64 start = t.startOfDay(t.dateOf(now).addDays(-days));
    qint64 reading = first;
    for (qint64 at = start; at < now; at += 3600) {
        m.readingTime.append(at);
        m.readingUnits.append(reading);
        const int day = int((now - at) / 86400);
        const int hour = int((at - t.startOfDay(t.dateOf(at))) / 3600);
        reading += use(day, hour);
    }
}

inline MeterHistory meterHistory(const QString &no, qint64 now)
{
    MeterHistory m;
    m.meterId = 1;
    m.meterNo = no;
    m.createdAt = now - 400 * 86400;
    m.lastUploadAt = now - 3600;
    m.valveStatus = QStringLiteral("0");
    m.balanceUnits = 1000000;
    return m;
}

// One voltage a day at 08:00 for `days` days, falling `dropPerDay` millivolts a day.
inline void fillVoltage(MeterHistory &m, const PlatformTime &t, qint64 now, int days, int startMv, int dropPerDay)
{
    for (int d = days; d >= 1; --d) {
        m.voltageTime.append(now - qint64(d) * 86400);
        // Quantised to 10 mV like a two-decimal currentCellVoltage.
        const int mv = startMv - dropPerDay * (days - d);
        m.voltageMillivolts.append(mv / 10 * 10);
    }
    Q_UNUSED(t);
}

// Hourly readings of `use` for the `days` days before `horizon` (only those before `cutoff`),
// posted as one upload received at `receivedAt` (the meter's last upload).
inline UploadWrite hourlyUpload(const PlatformTime &t, const QString &meterNo, qint64 horizon, int days, const HourUse &use, qint64 receivedAt,
                         qint64 cutoff = 0, qint64 first = 100000)
{
    MeterHistory h;
    fillHourly(h, t, horizon, days, use, first);
    UploadWrite w;
    w.journal = inbound(QStringLiteral("meterDataUp"), meterNo);
    w.journal.at = receivedAt * 1000;
    MeterStatus st;
    st.meterNo = meterNo;
    st.meterTime = receivedAt;
    st.receivedAt = receivedAt;
    st.valveStatus = QStringLiteral("0");
    st.cellVoltage = QStringLiteral("3.60");
    w.statuses << st;
    for (int i = 0; i < h.readingTime.size(); ++i)
        if (!cutoff || h.readingTime[i] < cutoff)
            w.readings << reading(meterNo, h.readingTime[i], h.readingUnits[i], 1000000);
    return w;
}

inline HourUse leakingNights(int nights)
{
    return [nights](int day, int hour) { return household(day, hour) + (day < nights && hour >= 1 && hour < 5 ? 30 : 0); };
}

} // namespace md::testing
