// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthengine.h"

#include "healthrules.h"

#include <QElapsedTimer>

namespace md {

HealthEngine::HealthEngine(std::shared_ptr<Store> store, HealthSettings settings, PlatformTime time)
    : m_store(std::move(store)), m_settings(settings), m_time(std::move(time))
{
}

HealthScanRequest HealthEngine::scanRequest(qint64 now, const QStringList &meterNos) const
{
    HealthScanRequest r;
    // The longest look back any rule needs: the spike's median days plus the day itself, the stuck
    // rule's idle and prior days, the night streak, the battery window (whole days either side).
    const int days = std::max({m_settings.lookbackDays, m_settings.spikeMedianDays + 2,
                               m_settings.stuckDays + m_settings.stuckPriorDays + 2, m_settings.nightCount + 2});
    r.readingsFrom = now - qint64(days) * 86400;
    r.statusesFrom = now - qint64(m_settings.batteryWindowDays + 1) * 86400;
    r.meterNos = meterNos;
    return r;
}

Result<HealthRunStats> HealthEngine::recompute(qint64 now, const QStringList &meterNos) const
{
    QElapsedTimer timer;
    timer.start();
    HealthRunStats stats;
    const health::RuleContext ctx{m_settings, m_time, now};
    QList<QFuture<Result<HealthSaveOutcome>>> saves;
    qint64 nextId = 1;
    auto scanned = m_store->scanMeterHistories(scanRequest(now, meterNos), [&](const QList<MeterHistory> &chunk) {
        QList<HealthFinding> found;
        HealthScope scope;
        for (const MeterHistory &m : chunk) {
            stats.readings += m.readingTime.size();
            stats.statuses += m.voltageTime.size();
            found += health::analyse(m, ctx);
            if (!meterNos.isEmpty())
                scope.ids << m.meterId;
        }
        if (meterNos.isEmpty()) { // a full pass covers every id up to this chunk's last
            scope.fromId = nextId;
            scope.toId = chunk.constLast().meterId + 1;
            nextId = scope.toId;
        }
        stats.findings += found.size();
        saves << m_store->saveHealthFindings(std::move(found), scope, now);
        return true;
    });
    if (!scanned)
        return scanned.error();
    stats.meters = *scanned;
    if (meterNos.isEmpty()) // removed meters or ids after the last one: their state flags end too
        saves << m_store->saveHealthFindings({}, HealthScope{nextId, std::numeric_limits<qint64>::max(), {}}, now);
    for (QFuture<Result<HealthSaveOutcome>> &f : saves) {
        const Result<HealthSaveOutcome> r = f.result();
        if (!r)
            return r.error();
        stats.saved.inserted += r->inserted;
        stats.saved.updated += r->updated;
        stats.saved.cleared += r->cleared;
    }
    stats.elapsedMs = timer.elapsed();
    return stats;
}

Result<QList<HealthFinding>> HealthEngine::findings(qint64 now, const QStringList &meterNos) const
{
    const health::RuleContext ctx{m_settings, m_time, now};
    QList<HealthFinding> out;
    auto scanned = m_store->scanMeterHistories(scanRequest(now, meterNos), [&](const QList<MeterHistory> &chunk) {
        for (const MeterHistory &m : chunk)
            out += health::analyse(m, ctx);
        return true;
    });
    if (!scanned)
        return scanned.error();
    return out;
}

} // namespace md
