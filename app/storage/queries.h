// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The read side's filters and rows. Every query answers from a reader connection of the calling
// thread; none waits for the writer. Instants are UTC epoch seconds, money/volume fixed-point.

#include "core/fixeddecimal.h"
#include "core/records.h"
#include "core/timeformat.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <limits>
#include <optional>

namespace md {

// Counts over big tables stop at this many (the UI shows "100000+").
inline constexpr qint64 countCap = 100000;

enum class ValveFilter { Any, Open, Closed }; // Closed: any valveStatus other than 0

struct RegistryFilter
{
    // Matched against meterNo, userNo, userName, addrDes: as a prefix (index range scans), or, when
    // `contains` is set, as a substring of any length (substringsearch.h: trigram index for 3+
    // characters, bigram index for 1-2, such as a two-character name or street).
    QString text;
    bool contains = false;
    ValveFilter valve = ValveFilter::Any;
    bool activeAlarmOnly = false;
    bool criticalAlarmOnly = false;
    int silentDays = 0;                    // > 0: last upload older than now - silentDays (or never)
    std::optional<Money> balanceBelow;     // last meterBalanceAmt < value
    qint64 now = 0;                        // for silentDays; 0: the current time
};

// Keyset paging: pass the last row's meterNo of the previous page as afterMeterNo (fast at any
// depth); offset is for random access (scroll bar jumps) and costs O(offset).
struct RegistryPageRequest
{
    RegistryFilter filter;
    QString afterMeterNo;
    int offset = 0;
    int limit = 200;
};

struct RegistryRow
{
    qint64 meterId = 0;
    QString meterNo;
    QString userNo;
    QString userName;
    QString addrDes;
    QString meterType;
    qint64 lastUploadAt = 0;           // 0: never
    std::optional<Volume> lastReading;
    QString valveStatus;
    std::optional<Money> balance;
    QString cellVoltage;
    QString signalStrength;
    int activeAlarmCount = 0;
    bool hasCriticalAlarm = false;
};

struct RegistryCount
{
    qint64 count = 0;
    bool capped = false; // true: at least `count` (stopped at countCap)
};

struct MeterSummary
{
    RegistryRow row;
    MeterInfo info;
    qint64 lastMeterTime = 0;
    QString powerType;
    QString temperature;
    QString pressure;
    std::optional<Money> totalRechargeAmt;
    std::optional<qint64> totalRechargeCount;
    std::optional<Volume> meterBalanceQty;
    std::optional<Money> price;
    qint64 readingCount = 0;
    qint64 firstReadingAt = 0;
    qint64 lastReadingAt = 0;
    QMap<QString, QString> parameters; // the last parameterUp
    qint64 parametersAt = 0;
};

// A timeline: parallel vectors, cheap to hand to a chart. Units: Volume / Money units; balance
// holds INT64_MIN where the reading had no meterBalanceAmt.
struct ReadingSeries
{
    QVector<qint64> time;
    QVector<qint64> readingUnits;
    QVector<qint64> balanceUnits;
    static constexpr qint64 noValue = std::numeric_limits<qint64>::min();
};

struct DailyConsumption
{
    QDate date;            // in the platform zone given to the query
    Volume consumption;    // last reading of the day minus the last reading before the day
    Volume lastReading;
};

struct StatusRow
{
    qint64 meterTime = 0;
    qint64 receivedAt = 0;
    QString valveStatus;
    QString signalStrength;
    QString powerType;
    QString cellVoltage;
    QString temperature;
    QString pressure;
    std::optional<Money> totalRechargeAmt;
    std::optional<qint64> totalRechargeCount;
};

struct AlarmRow
{
    qint64 id = 0;
    QString meterNo;
    QString alarmType;
    bool critical = false;
    bool active = false;
    qint64 openedAt = 0;       // alarmTime of the raising upload
    qint64 lastSeenAt = 0;     // latest alarmTime that refreshed it
    qint64 closedAt = 0;       // 0: still active
    QString closedBy;          // "meter" (alarmStatus 1), "meter-0000" (type 0000), operator name
    qint64 acknowledgedAt = 0; // 0: not acknowledged
    QString acknowledgedBy;
    qint64 raiseCount = 1;
};

struct AlarmFilter
{
    bool activeOnly = true;
    QString alarmType;
    QString meterNo;
    bool criticalOnly = false;
    bool unacknowledgedOnly = false;
    qint64 from = 0; // openedAt >= from
    qint64 to = 0;   // openedAt < to
    int offset = 0;
    int limit = 200;
};

struct JournalFilter
{
    QString text;      // substring of body / endpoint / meterNo / commandSeq (bounded scan)
    QString endpoint;  // exact
    QString meterNo;   // exact
    QString commandSeq;
    QString returnCode;
    std::optional<JournalDirection> direction;
    qint64 fromMs = 0; // at >= fromMs
    qint64 toMs = 0;   // at < toMs
    qint64 beforeId = 0; // keyset paging: ids < beforeId (0: newest)
    int offset = 0;
    int limit = 200;
};

// Journal rows for lists carry no body (journalEntry(id) loads it).
struct JournalPage
{
    QList<JournalEntry> rows; // newest first; headers/body empty
};

// A row flagged for review: reading conflict, unknown commandSeq, unknown enum value, ...
struct ReviewFlag
{
    qint64 id = 0;
    qint64 at = 0;
    QString kind;     // "reading-conflict", "unknown-commandSeq", "recharge-conflict", ...
    QString meterNo;
    QString key;      // dataTime / commandSeq / tradeNo as text; the field path for "unknown-enum-value"
    QString detail;   // JSON of the stored and the re-delivered values
    qint64 journalId = 0;
    bool resolved = false;
};

struct OverviewStats
{
    qint64 meterCount = 0;
    qint64 uploadsToday = 0;          // inbound journal rows since dayStart
    qint64 silentMeters = 0;          // no upload for silentDays
    QMap<QString, qint64> activeAlarmsByType;
    QMap<QString, qint64> commandsByState;
    QList<QPair<QDate, qint64>> uploadsPerDay; // oldest first
    qint64 openReviewFlags = 0;
    qint64 quarantinedUploads = 0;    // records of unregistered meters waiting for registration
};

struct OverviewRequest
{
    qint64 now = 0;        // 0: current time
    qint64 dayStart = 0;   // start of today in the platform zone (epoch); 0: now - 86400
    int silentDays = 3;
    int days = 14;         // uploadsPerDay length
    PlatformTime time = PlatformTime(); // the platform zone: which day is today, day buckets
};

// History exports for the CLI: rows of plain text columns, header first.
enum class ExportKind { Readings, Alarms, Commands, Recharges, Journal, Statuses };
struct ExportRequest
{
    ExportKind kind = ExportKind::Readings;
    QString meterNo; // empty: all meters
    qint64 from = 0; // epoch seconds; 0: open
    qint64 to = 0;
    int limit = 0;   // 0: unlimited
};
struct ExportTable
{
    QStringList header;
    QList<QStringList> rows;
};

} // namespace md
