// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading what happened: a meter's readings, statuses, daily consumption and parameters, alarms,
// the journal, review flags, and the CLI's history exports. Store implements it
// (historyqueries.cpp); a view or test that only shows history can take a fake. Reads block: call
// them from a worker thread, never the GUI thread. Instants are UTC epoch seconds (the journal's
// milliseconds), money and volume fixed point.

#include "core/fixeddecimal.h"
#include "core/records.h"
#include "core/result.h"
#include "core/timeformat.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <limits>
#include <optional>

namespace md {

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

class HistoryReader
{
public:
    virtual ~HistoryReader() = default;

    virtual Result<ReadingSeries> readings(const QString &meterNo, qint64 from, qint64 to) const = 0;
    virtual Result<QList<Reading>> readingRows(const QString &meterNo, qint64 from, qint64 to, int limit = 0) const = 0;
    virtual Result<QList<DailyConsumption>> dailyConsumption(const QString &meterNo, qint64 from, qint64 to,
                                                             const PlatformTime &time = PlatformTime()) const = 0;
    // Newest first.
    virtual Result<QList<MeterStatus>> statusHistory(const QString &meterNo, qint64 from, qint64 to,
                                                     int limit = 1000) const = 0;
    virtual Result<QList<ParameterSet>> parameterHistory(const QString &meterNo, int limit = 50) const = 0;
    virtual Result<QList<AlarmRow>> alarms(const AlarmFilter &filter) const = 0;
    virtual Result<std::optional<AlarmRow>> alarm(qint64 id) const = 0;
    virtual Result<JournalPage> journalPage(const JournalFilter &filter) const = 0;
    virtual Result<std::optional<JournalEntry>> journalEntry(qint64 id) const = 0;
    virtual Result<QList<ReviewFlag>> reviewFlags(bool openOnly, int limit = 500) const = 0;
    virtual Result<ExportTable> exportHistory(const ExportRequest &request) const = 0;
};

} // namespace md
