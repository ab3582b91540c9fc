// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The insights as pure functions of one meter's history window: no database, no clock of their
// own (`now` is given), platform days from PlatformTime (never the desk's local zone). Volumes stay
// integer Volume units from the reading to the evidence; only the battery fit (millivolts per day)
// is fractional.

#include "core/health.h"
#include "core/healthsettings.h"
#include "core/timeformat.h"

#include <QDate>

namespace md::health {

// The platform days of a recompute's window, asked of PlatformTime once per day instead of once
// per day per meter (a zone lookup costs microseconds; a full pass visits millions of meter-days).
class PlatformDays
{
public:
    PlatformDays(const PlatformTime &time, qint64 from, qint64 to);
    // The day holding `epoch` and its start; false outside the table.
    bool find(qint64 epoch, QDate *date, qint64 *start, qint64 *end) const;

private:
    QDate m_first;
    QVector<qint64> m_starts; // m_starts[i]: start of m_first + i; one extra: the end of the last
};

struct RuleContext
{
    const HealthSettings &settings;
    const PlatformTime &time;
    qint64 now = 0;
    const PlatformDays *days = nullptr; // optional: PlatformTime is asked directly without it
};

// Every rule on one meter; findings in rule order.
QList<HealthFinding> analyse(const MeterHistory &meter, const RuleContext &ctx);

// healthflowrules.cpp: from the cumulative readings.
void nightFlow(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out);
void backwards(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out);
void stuck(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out);
void spike(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out);
// healthstaterules.cpp: from the statuses and the registry row.
void battery(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out);
void silent(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out);

// Platform days for instants visited in ascending order: the zone's calendar once per day.
class DayCursor
{
public:
    explicit DayCursor(const PlatformTime &time, const PlatformDays *days = nullptr) : m_time(time), m_days(days) {}
    explicit DayCursor(const RuleContext &ctx) : m_time(ctx.time), m_days(ctx.days) {}
    QDate dateOf(qint64 epoch);
    qint64 dayStart() const { return m_start; } // of the date last returned

private:
    const PlatformTime &m_time;
    const PlatformDays *m_days;
    QDate m_date;
    qint64 m_start = 0;
    qint64 m_end = 0;
};

// A day's consumption: the last reading at or before the day's end (a reading stamped 00:00
// closes the day before) minus the previous day's; only for days whose previous day has one too.
struct DayUse
{
    QDate date;
    qint64 start = 0;
    qint64 units = 0;
};
QList<DayUse> dailyUse(const MeterHistory &m, const RuleContext &ctx);

// When the meter last spoke: the upload's arrival, or what it said when that was older (a platform
// replaying a silent meter's backlog has not heard from the meter).
qint64 lastHeard(const MeterHistory &m);

// Median of integers (lower middle for an even count; the input is reordered).
qint64 medianOf(QVector<qint64> &values);

} // namespace md::health
