// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthrules.h"

#include <algorithm>

namespace md::health {

QList<HealthFinding> analyse(const MeterHistory &meter, const RuleContext &ctx)
{
    QList<HealthFinding> out;
    nightFlow(meter, ctx, out);
    backwards(meter, ctx, out);
    stuck(meter, ctx, out);
    spike(meter, ctx, out);
    battery(meter, ctx, out);
    silent(meter, ctx, out);
    for (HealthFinding &f : out) {
        f.meterId = meter.meterId;
        f.meterNo = meter.meterNo;
    }
    return out;
}

PlatformDays::PlatformDays(const PlatformTime &time, qint64 from, qint64 to)
{
    m_first = time.dateOf(from);
    const QDate last = time.dateOf(to);
    for (QDate d = m_first; d <= last.addDays(1); d = d.addDays(1))
        m_starts.append(time.startOfDay(d));
}

bool PlatformDays::find(qint64 epoch, QDate *date, qint64 *start, qint64 *end) const
{
    if (m_starts.size() < 2 || epoch < m_starts.first() || epoch >= m_starts.last())
        return false;
    const auto next = std::upper_bound(m_starts.cbegin(), m_starts.cend(), epoch);
    const int i = int(next - m_starts.cbegin()) - 1;
    *date = m_first.addDays(i);
    *start = m_starts[i];
    *end = *next;
    return true;
}

QDate DayCursor::dateOf(qint64 epoch)
{
    if (m_date.isValid() && epoch >= m_start && epoch < m_end)
        return m_date;
    if (!m_days || !m_days->find(epoch, &m_date, &m_start, &m_end)) {
        m_date = m_time.dateOf(epoch);
        m_start = m_time.startOfDay(m_date);
        m_end = m_time.startOfDay(m_date.addDays(1));
    }
    return m_date;
}

QList<DayUse> dailyUse(const MeterHistory &m, const RuleContext &ctx)
{
    QList<DayUse> out;
    DayCursor days(ctx);
    QDate prevDate;
    qint64 prevEnd = 0;
    QDate curDate;
    qint64 curStart = 0, curEnd = 0;
    auto close = [&] {
        if (prevDate.isValid() && prevDate.addDays(1) == curDate)
            out.append(DayUse{curDate, curStart, curEnd - prevEnd});
        prevDate = curDate;
        prevEnd = curEnd;
    };
    for (int i = 0; i < m.readingTime.size(); ++i) {
        const QDate d = days.dateOf(m.readingTime[i] - 1);
        if (d != curDate) {
            if (curDate.isValid())
                close();
            curDate = d;
            curStart = days.dayStart();
        }
        curEnd = m.readingUnits[i];
    }
    if (curDate.isValid())
        close();
    return out;
}

qint64 lastHeard(const MeterHistory &m)
{
    if (m.lastUploadAt <= 0)
        return 0;
    return m.lastOwnTime > 0 ? std::min(m.lastUploadAt, m.lastOwnTime) : m.lastUploadAt;
}

qint64 medianOf(QVector<qint64> &values)
{
    if (values.isEmpty())
        return 0;
    const auto mid = values.begin() + (values.size() - 1) / 2;
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

} // namespace md::health
