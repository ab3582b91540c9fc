// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Meter-health insights: what the desk should look at before a customer calls. A finding is one
// episode of one kind on one meter (a leak streak, a drop in the cumulative reading, a silent
// spell); a flag is a stored finding with its evidence and the operator's dismissal.
// Volumes are Volume units (0.001 m3), instants UTC epoch seconds.

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace md {

enum class HealthKind { NightFlow, Backwards, Stuck, Battery, Silent, Spike };
inline constexpr int healthKindCount = 6;

QString healthKindName(HealthKind kind); // "night-flow", "backwards", ... (stored, CSV, CLI)
std::optional<HealthKind> healthKindFromName(QStringView name);
QList<HealthKind> allHealthKinds();
// Kinds that describe a current state (cleared when a recompute no longer sees them) rather than
// an event in the past that stays on record.
bool isStateKind(HealthKind kind);

struct HealthFinding
{
    qint64 meterId = 0;
    QString meterNo;
    HealthKind kind = HealthKind::Silent;
    qint64 start = 0;   // the episode: first and last instant the evidence covers
    qint64 end = 0;
    qint64 value = 0;   // the headline number: Volume units (night flow, backwards, spike), days (others)
    QJsonObject evidence;
};

struct HealthFlag
{
    qint64 id = 0;
    HealthFinding finding;
    qint64 firstSeen = 0;  // when a recompute first found it
    qint64 lastSeen = 0;   // the latest recompute that still found it
    qint64 clearedAt = 0;  // state kinds: a recompute no longer found it (0: current)
    qint64 dismissedAt = 0;
    QString dismissedBy;
    QString dismissReason;
    bool isOpen() const { return clearedAt == 0 && dismissedAt == 0; }
};

struct HealthFlagFilter
{
    std::optional<HealthKind> kind;
    QString meterNo;          // exact; empty: every meter
    bool openOnly = true;     // false: dismissed and cleared flags too
    int offset = 0;
    int limit = 1000;
};

// What one recompute did.
struct HealthSaveOutcome
{
    int inserted = 0;  // new episodes
    int updated = 0;   // episodes already on record, evidence refreshed
    int cleared = 0;   // state flags no longer found
};

} // namespace md

#include <QStringList>
#include <QVector>

namespace md {

// What the insights read of one meter: its registry "latest" columns and a window of history.
struct MeterHistory
{
    qint64 meterId = 0;
    QString meterNo;
    qint64 createdAt = 0;
    qint64 lastUploadAt = 0;           // 0: never (our clock: when the upload arrived)
    qint64 lastOwnTime = 0;            // the latest meterTime / dataTime the meter reported (0: none)
    QString valveStatus;               // latest reported; "0" open
    std::optional<qint64> balanceUnits; // latest meterBalanceAmt (Money units)
    QVector<qint64> readingTime;       // ascending dataTime
    QVector<qint64> readingUnits;      // cumulative readingNum (Volume units)
    QVector<qint64> voltageTime;       // ascending meterTime of statuses with a currentCellVoltage
    QVector<int> voltageMillivolts;
};

struct HealthScanRequest
{
    qint64 readingsFrom = 0;  // dataTime >= this
    qint64 statusesFrom = 0;  // meterTime >= this
    QStringList meterNos;     // empty: every registered meter
    int chunkMeters = 2000;   // meters handed to the visitor at a time
};

// The meters one save covers: a contiguous id range (a full pass) or a list (an incremental one).
// State flags of these meters that the save did not refresh are cleared.
struct HealthScope
{
    qint64 fromId = 0; // [fromId, toId) when ids is empty
    qint64 toId = 0;
    QList<qint64> ids;
};

} // namespace md
