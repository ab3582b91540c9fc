// SPDX-License-Identifier: GPL-3.0-or-later
// Insights from the cumulative readings: night flow, readings going backwards, a stuck counter and
// a consumption spike. Exact integer volumes throughout.
#include "healthrules.h"

#include "core/fixeddecimal.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <limits>

namespace md::health {

namespace {

QString vol(qint64 units)
{
    return Volume::fromUnits(units).toString();
}

} // namespace

// Every hour of the night window used at least nightMinPerHour, nightCount nights in a row. A night
// counts only when all its hour-boundary readings are there (a missing one breaks the streak).
void nightFlow(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out)
{
    const HealthSettings &s = ctx.settings;
    const int hours = s.nightEndHour - s.nightStartHour;
    struct Night
    {
        qint64 start = 0;
        QVector<qint64> at; // readings at startHour .. endHour, INT64_MIN when missing
    };
    QMap<QDate, Night> nights;
    DayCursor days(ctx);
    for (int i = 0; i < m.readingTime.size(); ++i) {
        const qint64 t = m.readingTime[i];
        const QDate d = days.dateOf(t);
        const qint64 offset = t - days.dayStart();
        if (offset % 3600 != 0)
            continue;
        const int hour = int(offset / 3600);
        if (hour < s.nightStartHour || hour > s.nightEndHour)
            continue;
        Night &n = nights[d];
        if (n.at.isEmpty()) {
            n.start = days.dayStart() + qint64(s.nightStartHour) * 3600;
            n.at.fill(std::numeric_limits<qint64>::min(), hours + 1);
        }
        n.at[hour - s.nightStartHour] = m.readingUnits[i];
    }
    QJsonArray streak;
    QDate streakLast;
    qint64 streakStart = 0, streakEnd = 0, streakTotal = 0;
    auto flush = [&] {
        if (streak.size() >= s.nightCount) {
            HealthFinding f;
            f.kind = HealthKind::NightFlow;
            f.start = streakStart;
            f.end = streakEnd;
            f.value = streakTotal;
            f.evidence = QJsonObject{{QStringLiteral("nights"), streak},
                                     {QStringLiteral("fromHour"), s.nightStartHour},
                                     {QStringLiteral("toHour"), s.nightEndHour},
                                     {QStringLiteral("minPerHour"), vol(s.nightMinPerHour.units())},
                                     {QStringLiteral("total"), vol(streakTotal)}};
            out.append(f);
        }
        streak = QJsonArray();
        streakTotal = 0;
    };
    for (auto it = nights.cbegin(); it != nights.cend(); ++it) {
        const Night &n = it.value();
        qint64 minHour = std::numeric_limits<qint64>::max();
        bool complete = true;
        for (int h = 0; h < hours && complete; ++h) {
            complete = n.at[h] != std::numeric_limits<qint64>::min() && n.at[h + 1] != std::numeric_limits<qint64>::min();
            if (complete)
                minHour = std::min(minHour, n.at[h + 1] - n.at[h]);
        }
        const bool flowing = complete && minHour >= s.nightMinPerHour.units() && minHour > 0;
        if (!flowing || (streakLast.isValid() && streakLast.addDays(1) != it.key() && !streak.isEmpty()))
            flush();
        if (!flowing)
            continue;
        if (streak.isEmpty())
            streakStart = n.start;
        const qint64 total = n.at[hours] - n.at[0];
        streak.append(QJsonObject{{QStringLiteral("date"), it.key().toString(Qt::ISODate)},
                                  {QStringLiteral("volume"), vol(total)},
                                  {QStringLiteral("minHour"), vol(minHour)}});
        streakTotal += total;
        streakEnd = n.start + qint64(hours) * 3600;
        streakLast = it.key();
    }
    flush();
}

// A cumulative reading below the one before it. Drops less than a day apart are one episode (a
// meter that runs backwards drops every hour); the evidence keeps the first drop's two readings.
void backwards(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out)
{
    std::optional<HealthFinding> cur;
    int drops = 0;
    qint64 lostTotal = 0;
    auto flush = [&] {
        if (!cur)
            return;
        cur->evidence.insert(QStringLiteral("drops"), drops);
        cur->evidence.insert(QStringLiteral("lost"), vol(lostTotal));
        out.append(*cur);
        cur.reset();
    };
    for (int i = 1; i < m.readingTime.size(); ++i) {
        const qint64 before = m.readingUnits[i - 1], after = m.readingUnits[i];
        if (after >= before)
            continue;
        if (cur && m.readingTime[i - 1] - cur->end > 86400)
            flush();
        if (!cur) {
            HealthFinding f;
            f.kind = HealthKind::Backwards;
            f.start = m.readingTime[i - 1];
            f.evidence = QJsonObject{
                {QStringLiteral("beforeTime"), ctx.time.formatDateTime(m.readingTime[i - 1])},
                {QStringLiteral("beforeReading"), vol(before)},
                {QStringLiteral("afterTime"), ctx.time.formatDateTime(m.readingTime[i])},
                {QStringLiteral("afterReading"), vol(after)}};
            cur = f;
            drops = 0;
            lostTotal = 0;
        }
        cur->end = m.readingTime[i];
        ++drops;
        lostTotal += before - after;
        cur->value = lostTotal;
    }
    flush();
}

// Valve open, balance positive, uploads arriving, the reading unchanged for stuckDays after real
// use in the stuckPriorDays before.
void stuck(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out)
{
    const HealthSettings &s = ctx.settings;
    const int n = int(m.readingTime.size());
    if (n < 2 || m.valveStatus != QLatin1String("0") || (m.balanceUnits && *m.balanceUnits <= 0)
        || lastHeard(m) < ctx.now - qint64(s.silentDays) * 86400)
        return;
    const qint64 last = m.readingUnits[n - 1];
    int j = n - 1;
    while (j > 0 && m.readingUnits[j - 1] == last)
        --j;
    if (j == 0)
        return; // never moved in the window: nothing says it had normal use before
    const qint64 since = m.readingTime[j];
    const qint64 idle = m.readingTime[n - 1] - since;
    if (idle < qint64(s.stuckDays) * 86400)
        return;
    const qint64 priorFrom = since - qint64(s.stuckPriorDays) * 86400;
    int k = j;
    while (k > 0 && m.readingTime[k - 1] >= priorFrom)
        --k;
    const qint64 prior = last - m.readingUnits[k];
    if (prior < s.stuckPriorMin.units())
        return;
    HealthFinding f;
    f.kind = HealthKind::Stuck;
    f.start = since;
    f.end = m.readingTime[n - 1];
    f.value = idle / 86400;
    f.evidence = QJsonObject{{QStringLiteral("since"), ctx.time.formatDateTime(since)},
                             {QStringLiteral("reading"), vol(last)},
                             {QStringLiteral("days"), qint64(idle / 86400)},
                             {QStringLiteral("priorUse"), vol(prior)},
                             {QStringLiteral("priorFrom"), ctx.time.formatDateTime(m.readingTime[k])}};
    out.append(f);
}

// A day above spikePercent % of the median of the days before it.
void spike(const MeterHistory &m, const RuleContext &ctx, QList<HealthFinding> &out)
{
    const HealthSettings &s = ctx.settings;
    const QList<DayUse> days = dailyUse(m, ctx);
    for (int i = 0; i < days.size(); ++i) {
        const DayUse &d = days[i];
        if (d.units < s.spikeMinVolume.units())
            continue;
        QVector<qint64> prior;
        const QDate from = d.date.addDays(-s.spikeMedianDays);
        for (int k = i - 1; k >= 0 && days[k].date >= from; --k)
            prior.append(days[k].units);
        if (prior.size() < s.spikeMinHistoryDays)
            continue;
        const qint64 median = medianOf(prior);
        if (d.units * 100 <= median * s.spikePercent)
            continue;
        HealthFinding f;
        f.kind = HealthKind::Spike;
        f.start = d.start;
        f.end = ctx.time.startOfDay(d.date.addDays(1));
        f.value = d.units;
        f.evidence = QJsonObject{{QStringLiteral("date"), d.date.toString(Qt::ISODate)},
                                 {QStringLiteral("volume"), vol(d.units)},
                                 {QStringLiteral("median"), vol(median)},
                                 {QStringLiteral("days"), int(prior.size())},
                                 {QStringLiteral("percent"), median > 0 ? QJsonValue(qint64(d.units * 100 / median)) : QJsonValue()}};
        out.append(f);
    }
}

} // namespace md::health
