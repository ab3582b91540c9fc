// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The spec's time formats (protocol.md section 5): datetimes "yyyy-MM-dd HH:mm:ss", dates
// "yyyy-MM-dd", supplement ranges "yyMMdd", header timestamps "yyyyMMddHHmmss". Instants are held as
// UTC epoch seconds and shown in the platform time zone (default Asia/Shanghai).

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>
#include <QTimeZone>

#include <optional>

namespace md {

// Calendar checks only (no time zone): real month lengths, leap years, hours 00-23.
struct LocalDateTime
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};
std::optional<LocalDateTime> parseLocalDateTime(QStringView text); // yyyy-MM-dd HH:mm:ss
std::optional<QDate> parseIsoDate(QStringView text);               // yyyy-MM-dd
std::optional<QDate> parseYyMMdd(QStringView text);                // yyMMdd, 20yy
std::optional<LocalDateTime> parseCompactTimestamp(QStringView text); // yyyyMMddHHmmss
QString formatYyMMdd(QDate date);

// Converts between wall-clock text in the platform zone and UTC epoch seconds. Zones without
// daylight saving (Asia/Shanghai) take a fixed-offset fast path: the listener converts millions of
// reading times and QDateTime's zone machinery costs microseconds each.
class PlatformTime
{
public:
    explicit PlatformTime(const QByteArray &ianaId = QByteArrayLiteral("Asia/Shanghai"));

    bool isValid() const { return m_zone.isValid(); }
    QByteArray zoneId() const { return m_zone.id(); }
    const QTimeZone &zone() const { return m_zone; }

    std::optional<qint64> toEpoch(const LocalDateTime &local) const;
    std::optional<qint64> parseDateTime(QStringView text) const; // yyyy-MM-dd HH:mm:ss -> epoch
    QString formatDateTime(qint64 epochSeconds) const;            // epoch -> yyyy-MM-dd HH:mm:ss
    QString formatCompact(qint64 epochSeconds) const;             // epoch -> yyyyMMddHHmmss
    QDate dateOf(qint64 epochSeconds) const;
    qint64 startOfDay(QDate date) const;

    // The one source of "now" and "today" for platform dates: the desk's own zone (TZ) never
    // decides which day it is on the platform.
    static qint64 nowEpoch();                     // UTC epoch seconds
    QDate today() const { return dateOf(nowEpoch()); }
    // The platform's wall clock at an instant, as a QDateTime in Qt::UTC whose fields are the
    // platform's (widgets show it unchanged, without the desk's zone or its DST gaps).
    QDateTime wallClock(qint64 epochSeconds) const;
    int offsetAt(qint64 epochSeconds) const;      // seconds east of UTC
    // Platform days as numbers (days since 1970-01-01 of the platform date): the keys of per-day
    // buckets (uploads per day, daily consumption).
    qint64 dayNumber(qint64 epochSeconds) const;
    static QDate dateOfDayNumber(qint64 day) { return QDate(1970, 1, 1).addDays(day); }

private:
    QTimeZone m_zone;
    std::optional<int> m_fixedOffsetSeconds;
};

} // namespace md
