// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Live readings on a schedule: every meter reports once per interval (staggered over the interval,
// as NB-IoT meters wake at their own minute) with the hourly points since its last report
// (meterDataUp), or many meters together (meterDataUpBatch). Alarm changes found on the way are
// posted as sendAlarm.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace md::sim {

class CommandEffects;
class MeterWorld;
class UploadPoster;

struct ScheduleConfig
{
    int reportIntervalSeconds = 3600; // each meter once per interval; 0 disables the schedule
    bool batch = false;               // meterDataUpBatch instead of one meterDataUp per meter
    int batchSize = 50;
    int maxInFlight = 32; // skip a tick while the listener is this far behind
};

class ReadingScheduler : public QObject
{
    Q_OBJECT
public:
    ReadingScheduler(MeterWorld *world, UploadPoster *poster, CommandEffects *effects, ScheduleConfig config,
                     QObject *parent = nullptr);
    void start();
    void stop() { m_timer.stop(); }
    // Reports the next `count` meters now (round robin).
    void reportNext(int count, qint64 now);
    qint64 reported() const { return m_reported; }

private:
    void tick();

    MeterWorld *m_world;
    UploadPoster *m_poster;
    CommandEffects *m_effects;
    ScheduleConfig m_config;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_budget = 0; // meter-milliseconds earned and not yet spent
    qint64 m_lastMs = 0;
    int m_cursor = 0;
    qint64 m_reported = 0;
};

} // namespace md::sim
