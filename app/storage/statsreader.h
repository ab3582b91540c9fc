// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading over many meters at once: the overview's counts, meter health (the scan the engine
// computes findings from, the stored flags), the recharge reconciliation and table counts. Store
// implements it (statsqueries.cpp, healthqueries.cpp, reconcilequeries.cpp); a view or test that
// only shows statistics can take a fake. Reads block: call them from a worker thread, never the
// GUI thread.

#include "core/health.h"
#include "core/reconciliation.h"
#include "core/result.h"
#include "core/timeformat.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace md {

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
    int silentDays = 3;
    int days = 14;         // uploadsPerDay length
    PlatformTime time = PlatformTime(); // the platform zone: which day is today, day buckets
};

class StatsReader
{
public:
    virtual ~StatsReader() = default;

    virtual Result<OverviewStats> overview(const OverviewRequest &request) const = 0;
    // Streams meters with their history window in chunks, in meter id order; the visitor returns
    // false to stop. Returns the number of meters visited.
    virtual Result<qint64> scanMeterHistories(const HealthScanRequest &request,
                                              const std::function<bool(const QList<MeterHistory> &)> &visit) const = 0;
    virtual Result<QList<HealthFlag>> healthFlags(const HealthFlagFilter &filter) const = 0;
    virtual Result<std::optional<HealthFlag>> healthFlag(qint64 id) const = 0;
    virtual Result<QMap<HealthKind, qint64>> openHealthCounts() const = 0;
    // Open flags per meter for the registry's badge (only meters that have some).
    virtual Result<QHash<QString, int>> openHealthFlagsByMeter(const QStringList &meterNos) const = 0;
    // The recharge ledger against the meters' own totals over whole platform days (reconcile.cpp).
    virtual Result<ReconciliationReport> reconciliation(const ReconciliationRequest &request,
                                                        const PlatformTime &time) const = 0;
    // Row counts of every table (migrate checks, diagnostics).
    virtual Result<QMap<QString, qint64>> tableCounts() const = 0;
};

} // namespace md
