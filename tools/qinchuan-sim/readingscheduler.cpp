// SPDX-License-Identifier: GPL-3.0-or-later
#include "readingscheduler.h"

#include "commandeffects.h"
#include "meterworld.h"
#include "uploadbodies.h"
#include "uploadposter.h"

#include <QDateTime>
#include <QJsonArray>

namespace md::sim {

namespace {
constexpr int kTickMs = 1000;
constexpr int kMaxPerTick = 500;
} // namespace

ReadingScheduler::ReadingScheduler(MeterWorld *world, UploadPoster *poster, CommandEffects *effects,
                                   ScheduleConfig config, QObject *parent)
    : QObject(parent), m_world(world), m_poster(poster), m_effects(effects), m_config(config)
{
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &ReadingScheduler::tick);
}

void ReadingScheduler::start()
{
    if (m_config.reportIntervalSeconds <= 0)
        return;
    m_clock.start();
    m_lastMs = 0;
    m_timer.start();
}

void ReadingScheduler::tick()
{
    const qint64 nowMs = m_clock.elapsed();
    // Each meter once per interval: N meters earn N * dt / interval reports over dt.
    m_budget += qint64(m_world->size()) * (nowMs - m_lastMs);
    m_lastMs = nowMs;
    const qint64 per = qint64(m_config.reportIntervalSeconds) * 1000;
    const int due = int(qMin<qint64>(m_budget / per, kMaxPerTick));
    if (due <= 0)
        return;
    if (m_poster->inFlight() >= m_config.maxInFlight) {
        m_budget = qMin(m_budget, per * kMaxPerTick); // the listener is behind: do not pile up
        return;
    }
    m_budget -= due * per;
    reportNext(due, QDateTime::currentSecsSinceEpoch());
}

void ReadingScheduler::reportNext(int count, qint64 now)
{
    const PlatformTime &time = m_world->time();
    QJsonArray entries;
    for (int i = 0; i < count && m_world->size() > 0; ++i) {
        m_cursor %= m_world->size();
        SimulatedMeter &m = m_world->at(m_cursor++);
        if (m.silentAt(now)) // its clock stops where it fell silent: nothing to advance, nothing to say
            continue;
        m_effects->postAlarms(m, m.advanceTo(now, time));
        const QList<ReadingPoint> points = m.takeHourly();
        ++m_reported;
        if (!m_config.batch) {
            m_poster->post(QStringLiteral("meterDataUp"), Bodies::meterDataUp(m, points, now, time),
                           UploadKind::Reading);
            continue;
        }
        entries.append(Bodies::batchEntry(m, points, now, time));
        if (entries.size() >= m_config.batchSize) {
            m_poster->post(QStringLiteral("meterDataUpBatch"), Bodies::meterDataUpBatch(entries),
                           UploadKind::Reading);
            entries = QJsonArray();
        }
    }
    if (!entries.isEmpty())
        m_poster->post(QStringLiteral("meterDataUpBatch"), Bodies::meterDataUpBatch(entries),
                       UploadKind::Reading);
}

} // namespace md::sim
