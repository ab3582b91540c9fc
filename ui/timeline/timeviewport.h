// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The visible time range of a timeline and the zoom/pan arithmetic shared by the reading and alarm
// timelines, kept free of widgets so it can be tested directly.

#include "core/timeformat.h"

#include <QList>
#include <QString>
#include <QtGlobal>

namespace md::timeline {

class TimeViewport
{
public:
    void setBounds(qint64 first, qint64 last); // the data's extent; resets the view to all of it
    qint64 start() const { return m_start; }
    qint64 end() const { return m_end; }
    qint64 span() const { return m_end - m_start; }
    bool isValid() const { return m_end > m_start; }

    // factor < 1 zooms in around `anchor` (an instant inside the view), > 1 zooms out.
    void zoom(double factor, qint64 anchor);
    void pan(qint64 seconds);
    // Shows [start, end] (at least minimumSpan, kept inside the bounds).
    void showRange(qint64 start, qint64 end);
    void reset() { setBounds(m_first, m_last); }

    static constexpr qint64 minimumSpan = 3600; // one hour

private:
    static void widenToMinimum(qint64 &first, qint64 &last); // centred on the middle
    void clamp();
    qint64 m_first = 0, m_last = 0;
    qint64 m_start = 0, m_end = 0;
};

struct Tick
{
    qint64 value;
    QString label;
};

// Time ticks at a calendar-friendly step (hours, days, months, years) for `pixels` of width,
// labelled in the platform zone.
QList<Tick> timeTicks(qint64 start, qint64 end, int pixels, const PlatformTime &time);
// Value ticks at 1/2/5 x 10^n steps between min and max (fixed-point units with `decimals`).
QList<Tick> valueTicks(qint64 min, qint64 max, int pixels, int decimals);

} // namespace md::timeline
