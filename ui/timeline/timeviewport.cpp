// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeviewport.h"

#include "core/fixeddecimal.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace md::timeline {

void TimeViewport::widenToMinimum(qint64 &first, qint64 &last)
{
    if (last - first < minimumSpan) {
        const qint64 mid = first + (last - first) / 2;
        first = mid - minimumSpan / 2;
        last = first + minimumSpan;
    }
}

void TimeViewport::setBounds(qint64 first, qint64 last)
{
    widenToMinimum(first, last);
    m_first = first;
    m_last = last;
    m_start = first;
    m_end = last;
}

void TimeViewport::zoom(double factor, qint64 anchor)
{
    if (!isValid() || factor <= 0)
        return;
    anchor = std::clamp(anchor, m_start, m_end);
    const double left = double(anchor - m_start) * factor;
    const double right = double(m_end - anchor) * factor;
    qint64 newStart = anchor - qint64(left);
    qint64 newEnd = anchor + qint64(right);
    if (newEnd - newStart < minimumSpan) {
        const double share = (anchor - m_start) / double(span());
        newStart = anchor - qint64(minimumSpan * share);
        newEnd = newStart + minimumSpan;
    }
    m_start = newStart;
    m_end = newEnd;
    clamp();
}

void TimeViewport::pan(qint64 seconds)
{
    m_start += seconds;
    m_end += seconds;
    clamp();
}

void TimeViewport::showRange(qint64 start, qint64 end)
{
    widenToMinimum(start, end);
    m_start = start;
    m_end = end;
    clamp();
}

void TimeViewport::clamp()
{
    const qint64 full = m_last - m_first;
    if (m_end - m_start >= full) {
        m_start = m_first;
        m_end = m_last;
        return;
    }
    if (m_start < m_first) {
        m_end += m_first - m_start;
        m_start = m_first;
    }
    if (m_end > m_last) {
        m_start -= m_end - m_last;
        m_end = m_last;
    }
}

QList<Tick> timeTicks(qint64 start, qint64 end, int pixels, const PlatformTime &time)
{
    QList<Tick> ticks;
    if (end <= start || pixels <= 0)
        return ticks;
    const int maxTicks = std::max(2, pixels / 110);
    struct Step
    {
        qint64 seconds;
        int months;
        const char *format;
    };
    static const Step steps[] = {
        {3600, 0, "HH:mm"},          {3 * 3600, 0, "HH:mm"},      {6 * 3600, 0, "MM-dd HH:mm"},
        {12 * 3600, 0, "MM-dd HH:mm"}, {86400, 0, "MM-dd"},       {2 * 86400, 0, "MM-dd"},
        {7 * 86400, 0, "MM-dd"},     {0, 1, "yyyy-MM"},           {0, 3, "yyyy-MM"},
        {0, 6, "yyyy-MM"},           {0, 12, "yyyy"},             {0, 24, "yyyy"},
        {0, 60, "yyyy"},
    };
    const QTimeZone &zone = time.zone();
    const int utcOffsetSeconds = time.offsetAt(start); // hour and day steps start at platform midnight
    for (const Step &step : steps) {
        const double approxSeconds = step.seconds ? double(step.seconds) : step.months * 30.44 * 86400;
        if ((end - start) / approxSeconds > maxTicks && &step != &steps[std::size(steps) - 1])
            continue;
        const QString format = QString::fromLatin1(step.format);
        if (step.seconds) {
            const qint64 local = start + utcOffsetSeconds;
            qint64 t = (local / step.seconds + 1) * step.seconds - utcOffsetSeconds;
            for (; t <= end; t += step.seconds)
                ticks.append(Tick{t, QDateTime::fromSecsSinceEpoch(t, zone).toString(format)});
        } else {
            QDate d = QDateTime::fromSecsSinceEpoch(start, zone).date();
            d = QDate(d.year(), 1, 1);
            for (;; d = d.addMonths(step.months)) {
                const qint64 t = QDateTime(d, QTime(0, 0), zone).toSecsSinceEpoch();
                if (t > end)
                    break;
                if (t >= start)
                    ticks.append(Tick{t, d.toString(format)});
            }
        }
        break;
    }
    return ticks;
}

QList<Tick> valueTicks(qint64 min, qint64 max, int pixels, int decimals)
{
    QList<Tick> ticks;
    if (max <= min || pixels <= 0)
        return ticks;
    const int maxTicks = std::max(2, pixels / 40);
    const double raw = double(max - min) / maxTicks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    qint64 step = 1;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        step = std::max<qint64>(1, qint64(std::llround(m * magnitude)));
        if (double(step) >= raw)
            break;
    }
    qint64 v = (min >= 0 ? (min + step - 1) / step : min / step) * step;
    int places = decimals;
    for (qint64 s = step; places > 0 && s % 10 == 0; s /= 10)
        --places; // as many decimals as the step needs
    for (; v <= max; v += step)
        ticks.append(Tick{v, formatFixed(v, decimals, places)});
    return ticks;
}

} // namespace md::timeline
