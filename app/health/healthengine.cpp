// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthengine.h"

#include "healthrules.h"

#include <QElapsedTimer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>

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
    const HealthScanRequest request = scanRequest(now, meterNos);
    const health::PlatformDays days(m_time, std::min(request.readingsFrom, request.statusesFrom) - 2 * 86400, now + 2 * 86400);
    const health::RuleContext ctx{m_settings, m_time, now, &days};
    QList<QFuture<Result<HealthSaveOutcome>>> saves;
    qint64 nextId = 1;
    // Two stages: while one thread reads the next chunk, another runs the rules on the last one.
    QThreadPool rulesThread; // starts its thread on first use only
    rulesThread.setMaxThreadCount(1);
    QFuture<QList<HealthFinding>> pending;
    HealthScope pendingScope;
    auto savePending = [&] {
        if (!pending.isValid())
            return;
        QList<HealthFinding> found = pending.result();
        stats.findings += found.size();
        saves << m_store->saveHealthFindings(std::move(found), pendingScope, now);
        pending = {};
    };
    auto scanned = m_store->scanMeterHistories(request, [&](const QList<MeterHistory> &chunk) {
        HealthScope scope;
        for (const MeterHistory &m : chunk) {
            stats.readings += m.readingTime.size();
            stats.statuses += m.voltageTime.size();
            if (!meterNos.isEmpty())
                scope.ids << m.meterId;
        }
        if (meterNos.isEmpty()) { // a full pass covers every id up to this chunk's last
            scope.fromId = nextId;
            scope.toId = chunk.constLast().meterId + 1;
            nextId = scope.toId;
        }
        savePending();
        auto rules = [chunk, &ctx] {
            QList<HealthFinding> found;
            for (const MeterHistory &m : chunk)
                found += health::analyse(m, ctx);
            return found;
        };
        // A few meters (an incremental update) are not worth a thread.
        pending = meterNos.isEmpty() ? QtConcurrent::run(&rulesThread, rules) : QtFuture::makeReadyFuture(rules());
        pendingScope = scope;
        return true;
    });
    savePending();
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
    const HealthScanRequest request = scanRequest(now, meterNos);
    const health::PlatformDays days(m_time, std::min(request.readingsFrom, request.statusesFrom) - 2 * 86400, now + 2 * 86400);
    const health::RuleContext ctx{m_settings, m_time, now, &days};
    QList<HealthFinding> out;
    auto scanned = m_store->scanMeterHistories(request, [&](const QList<MeterHistory> &chunk) {
        for (const MeterHistory &m : chunk)
            out += health::analyse(m, ctx);
        return true;
    });
    if (!scanned)
        return scanned.error();
    return out;
}

} // namespace md
