// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Min/max decimation for timelines: ten years of hourly readings (87,600 points) drawn into ~1,500
// pixel columns. Each column keeps its first, last, min and max value, so the drawn polyline has every
// peak and trough of the raw data (an average would hide a gas leak's spike) at a cost linear in the
// visible points and independent of how many are off screen (binary search for the range).

#include "core/timeformat.h"

#include <QList>
#include <QtGlobal>

namespace md::timeline {

struct Series
{
    QList<qint64> times;  // epoch seconds, ascending
    QList<qint64> values; // fixed-point units (Volume: 0.001 m3)

    qsizetype size() const { return times.size(); }
    bool isEmpty() const { return times.isEmpty(); }
};

struct Column
{
    int x = 0; // pixel column
    qint64 first = 0, last = 0, min = 0, max = 0;
    qint64 firstTime = 0, lastTime = 0;
};

struct Extremes
{
    qint64 min = 0, max = 0;
    bool valid = false;
};

// Columns for the points in [t0, t1] mapped onto `width` pixels; also the neighbours just outside
// the range, so lines run to the edges.
QList<Column> decimate(const Series &series, qint64 t0, qint64 t1, int width);
Extremes extremes(const Series &series, qint64 t0, qint64 t1);

// Daily consumption from a cumulative reading: for each platform day, the last reading of that day
// minus the last reading of the previous day with data. Days without readings get no bar. A meter replaced or reset (negative difference) gives no bar either.
Series dailyConsumption(const Series &cumulative, const PlatformTime &time);

qsizetype lowerBound(const QList<qint64> &times, qint64 t);

} // namespace md::timeline
