// SPDX-License-Identifier: GPL-3.0-or-later
#include "seriesdecimator.h"

#include <algorithm>

namespace md::timeline {

qsizetype lowerBound(const QList<qint64> &times, qint64 t)
{
    return std::lower_bound(times.cbegin(), times.cend(), t) - times.cbegin();
}

QList<Column> decimate(const Series &series, qint64 t0, qint64 t1, int width)
{
    QList<Column> columns;
    if (series.isEmpty() || width <= 0 || t1 <= t0)
        return columns;
    qsizetype begin = lowerBound(series.times, t0);
    qsizetype end = std::upper_bound(series.times.cbegin(), series.times.cend(), t1) - series.times.cbegin();
    begin = std::max<qsizetype>(0, begin - 1); // the neighbour left of the range
    end = std::min(series.size(), end + 1);    // and right of it
    const double span = double(t1 - t0);
    columns.reserve(std::min<qsizetype>(end - begin, qsizetype(width) + 2));
    for (qsizetype i = begin; i < end; ++i) {
        const qint64 t = series.times[i];
        const qint64 v = series.values[i];
        const int x = int((double(t - t0) / span) * (width - 1) + (t >= t0 ? 0.5 : -0.5));
        if (!columns.isEmpty() && columns.last().x == x) {
            Column &c = columns.last();
            c.last = v;
            c.lastTime = t;
            c.min = std::min(c.min, v);
            c.max = std::max(c.max, v);
        } else {
            columns.append(Column{x, v, v, v, v, t, t});
        }
    }
    return columns;
}

Extremes extremes(const Series &series, qint64 t0, qint64 t1)
{
    Extremes e;
    const qsizetype begin = lowerBound(series.times, t0);
    for (qsizetype i = begin; i < series.size() && series.times[i] <= t1; ++i) {
        const qint64 v = series.values[i];
        if (!e.valid) {
            e = Extremes{v, v, true};
        } else {
            e.min = std::min(e.min, v);
            e.max = std::max(e.max, v);
        }
    }
    return e;
}

Series dailyConsumption(const Series &cumulative, const PlatformTime &time)
{
    Series days;
    auto dayOf = [&time](qint64 t) { return time.dayNumber(t); };
    qint64 previousLast = 0;
    bool havePrevious = false;
    for (qsizetype i = 0; i < cumulative.size();) {
        const qint64 day = dayOf(cumulative.times[i]);
        qsizetype j = i;
        while (j + 1 < cumulative.size() && dayOf(cumulative.times[j + 1]) == day)
            ++j;
        const qint64 last = cumulative.values[j];
        if (havePrevious && last >= previousLast) {
            days.times.append(time.startOfDay(PlatformTime::dateOfDayNumber(day))); // platform midnight
            days.values.append(last - previousLast);
        }
        previousLast = last;
        havePrevious = true;
        i = j + 1;
    }
    return days;
}

} // namespace md::timeline
