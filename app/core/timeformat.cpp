// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeformat.h"

#include <QDateTime>

namespace md {
namespace {

bool digits(QStringView text, qsizetype from, qsizetype count, int &out)
{
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c - u'0');
    }
    out = v;
    return true;
}

bool validDate(int y, int m, int d)
{
    return y >= 1 && QDate::isValid(y, m, d);
}

bool validTime(int h, int mi, int s)
{
    return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
}

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * unsigned(m + (m > 2 ? -3 : 9)) + 2) / 5 + unsigned(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

} // namespace

std::optional<LocalDateTime> parseLocalDateTime(QStringView t)
{
    if (t.size() != 19 || t[4] != u'-' || t[7] != u'-' || t[10] != u' ' || t[13] != u':' || t[16] != u':')
        return std::nullopt;
    LocalDateTime v;
    if (!digits(t, 0, 4, v.year) || !digits(t, 5, 2, v.month) || !digits(t, 8, 2, v.day)
        || !digits(t, 11, 2, v.hour) || !digits(t, 14, 2, v.minute) || !digits(t, 17, 2, v.second))
        return std::nullopt;
    if (!validDate(v.year, v.month, v.day) || !validTime(v.hour, v.minute, v.second))
        return std::nullopt;
    return v;
}

std::optional<QDate> parseIsoDate(QStringView t)
{
    int y, m, d;
    if (t.size() != 10 || t[4] != u'-' || t[7] != u'-' || !digits(t, 0, 4, y) || !digits(t, 5, 2, m)
        || !digits(t, 8, 2, d) || !validDate(y, m, d))
        return std::nullopt;
    return QDate(y, m, d);
}

std::optional<QDate> parseYyMMdd(QStringView t)
{
    int y, m, d;
    if (t.size() != 6 || !digits(t, 0, 2, y) || !digits(t, 2, 2, m) || !digits(t, 4, 2, d)
        || !validDate(2000 + y, m, d))
        return std::nullopt;
    return QDate(2000 + y, m, d);
}

std::optional<LocalDateTime> parseCompactTimestamp(QStringView t)
{
    LocalDateTime v;
    if (t.size() != 14 || !digits(t, 0, 4, v.year) || !digits(t, 4, 2, v.month) || !digits(t, 6, 2, v.day)
        || !digits(t, 8, 2, v.hour) || !digits(t, 10, 2, v.minute) || !digits(t, 12, 2, v.second))
        return std::nullopt;
    if (!validDate(v.year, v.month, v.day) || !validTime(v.hour, v.minute, v.second))
        return std::nullopt;
    return v;
}

QString formatYyMMdd(QDate date)
{
    return date.toString(QStringLiteral("yyMMdd"));
}

PlatformTime::PlatformTime(const QByteArray &ianaId) : m_zone(ianaId)
{
    if (!m_zone.isValid())
        return;
    // A zone that has not observed DST in the range we care about keeps one offset.
    const QDateTime probe(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::utc());
    const QDateTime later(QDate(2100, 1, 1), QTime(0, 0), QTimeZone::utc());
    const auto transitions = m_zone.transitions(probe, later);
    if (transitions.isEmpty())
        m_fixedOffsetSeconds = m_zone.offsetFromUtc(probe);
}

std::optional<qint64> PlatformTime::toEpoch(const LocalDateTime &v) const
{
    if (m_fixedOffsetSeconds) {
        const qint64 days = daysFromCivil(v.year, v.month, v.day);
        return days * 86400 + v.hour * 3600 + v.minute * 60 + v.second - *m_fixedOffsetSeconds;
    }
    const QDateTime dt(QDate(v.year, v.month, v.day), QTime(v.hour, v.minute, v.second), m_zone);
    if (!dt.isValid())
        return std::nullopt; // a wall time skipped by a DST jump
    return dt.toSecsSinceEpoch();
}

std::optional<qint64> PlatformTime::parseDateTime(QStringView text) const
{
    const auto local = parseLocalDateTime(text);
    if (!local)
        return std::nullopt;
    return toEpoch(*local);
}

QString PlatformTime::formatDateTime(qint64 epochSeconds) const
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString PlatformTime::formatCompact(qint64 epochSeconds) const
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, m_zone).toString(QStringLiteral("yyyyMMddHHmmss"));
}

QDate PlatformTime::dateOf(qint64 epochSeconds) const
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, m_zone).date();
}

qint64 PlatformTime::nowEpoch()
{
    return QDateTime::currentSecsSinceEpoch();
}

QDateTime PlatformTime::wallClock(qint64 epochSeconds) const
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds + offsetAt(epochSeconds), QTimeZone::utc());
}

int PlatformTime::offsetAt(qint64 epochSeconds) const
{
    if (m_fixedOffsetSeconds)
        return *m_fixedOffsetSeconds;
    return m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(epochSeconds, QTimeZone::utc()));
}

qint64 PlatformTime::dayNumber(qint64 epochSeconds) const
{
    if (m_fixedOffsetSeconds) { // the ingest path: one division, floored for instants before 1970
        const qint64 local = epochSeconds + *m_fixedOffsetSeconds;
        return (local >= 0 ? local : local - 86399) / 86400;
    }
    return QDate(1970, 1, 1).daysTo(dateOf(epochSeconds));
}

qint64 PlatformTime::startOfDay(QDate date) const
{
    return toEpoch(LocalDateTime{date.year(), date.month(), date.day(), 0, 0, 0}).value_or(0);
}

} // namespace md
