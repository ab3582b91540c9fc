// SPDX-License-Identifier: GPL-3.0-or-later
// Insights about the meter's state: battery days left (a robust fit of the voltage trend) and
// silence (no upload for too long).
#include "healthrules.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace md::health {

namespace {

double medianOfDoubles(QVector<double> &v)
{
    const auto mid = v.begin() + (v.size() - 1) / 2;
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

} // namespace

// The daily median voltage (one value per platform day, so a day of many uploads weighs as much
// as a day of one) fitted by Theil-Sen: the median of all pairwise slopes, robust to the odd
// reading taken while the radio transmits. The line's value now and its slope give the day it
// reaches batteryLowMillivolts.
void battery(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out)
{
    const HealthSettings &s = ctx.settings;
    const qint64 from = ctx.now - qint64(s.batteryWindowDays) * 86400;
    QMap<QDate, QVector<qint64>> perDay;
    QMap<QDate, qint64> dayStart;
    DayCursor days(ctx);
    for (int i = 0; i < m.voltageTime.size(); ++i) {
        if (m.voltageTime[i] < from || m.voltageTime[i] > ctx.now)
            continue;
        const QDate d = days.dateOf(m.voltageTime[i]);
        perDay[d].append(m.voltageMillivolts[i]);
        dayStart.insert(d, days.dayStart());
    }
    if (perDay.size() < s.batteryMinPoints)
        return;
    QVector<double> x, y;
    QJsonArray points;
    for (auto it = perDay.begin(); it != perDay.end(); ++it) {
        const qint64 mv = medianOf(it.value());
        x.append(double(dayStart.value(it.key()) - from) / 86400.0);
        y.append(double(mv));
        points.append(QJsonArray{it.key().toString(Qt::ISODate), mv});
    }
    QVector<double> slopes;
    slopes.reserve(x.size() * (x.size() - 1) / 2);
    for (int i = 0; i < x.size(); ++i)
        for (int j = i + 1; j < x.size(); ++j)
            slopes.append((y[j] - y[i]) / (x[j] - x[i]));
    const double slope = medianOfDoubles(slopes); // mV per day
    QVector<double> intercepts;
    for (int i = 0; i < x.size(); ++i)
        intercepts.append(y[i] - slope * x[i]);
    const double intercept = medianOfDoubles(intercepts);
    const double xNow = double(ctx.now - from) / 86400.0;
    const double vNow = intercept + slope * xNow;
    double daysLeft;
    if (vNow <= s.batteryLowMillivolts)
        daysLeft = 0;
    else if (slope < 0)
        daysLeft = (s.batteryLowMillivolts - vNow) / slope;
    else
        return;
    if (daysLeft >= s.batteryWarnDays)
        return;
    const qint64 left = qint64(std::floor(daysLeft));
    HealthFinding f;
    f.kind = HealthKind::Battery;
    f.start = dayStart.first();
    f.end = ctx.now;
    f.value = left;
    f.evidence = QJsonObject{{QStringLiteral("daysLeft"), left},
                             {QStringLiteral("lowDate"), ctx.time.dateOf(ctx.now + left * 86400).toString(Qt::ISODate)},
                             {QStringLiteral("slopeMillivoltsPerDay"), std::round(slope * 100) / 100},
                             {QStringLiteral("nowMillivolts"), qint64(std::llround(vNow))},
                             {QStringLiteral("lowMillivolts"), s.batteryLowMillivolts},
                             {QStringLiteral("points"), points}};
    out.append(f);
}

// No upload for more than silentDays (a meter never heard from counts from its registration).
void silent(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out)
{
    const qint64 heard = lastHeard(m);
    const qint64 since = heard > 0 ? heard : m.createdAt;
    const qint64 quiet = ctx.now - since;
    if (quiet <= qint64(ctx.settings.silentDays) * 86400)
        return;
    HealthFinding f;
    f.kind = HealthKind::Silent;
    f.start = since;
    f.end = ctx.now;
    f.value = quiet / 86400;
    f.evidence = QJsonObject{{QStringLiteral("lastHeard"), heard > 0 ? ctx.time.formatDateTime(heard) : QString()},
                             {QStringLiteral("days"), qint64(quiet / 86400)}};
    out.append(f);
}

} // namespace md::health
