// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `--demo`: a small lively Chengdu world. A few hundred households (Chinese names, Chengdu
// addresses, QC-G2.5/G4/G6 meters) with a year of history: the registry CSV for
// `meterdesk-cli meters import`, a year of daily readings posted as meterDataUpBatch (quickly, one
// batch at a time, waiting for the listener to know the meters), then live readings and alarms
// (a few meters closed by arrears 3001, one gas leak 1002 a minute or two into the live phase).

#include <QJsonArray>
#include <QList>
#include <QObject>

namespace md::sim {

class CommandEffects;
class MeterWorld;
class ReadingScheduler;
class UploadPoster;

struct DemoConfig
{
    int meters = 300;
    int historyDays = 365;
    int metersPerBatch = 25;
    int daysPerBatch = 31;
    int leakAfterSeconds = 90;
};

class DemoWorld : public QObject
{
    Q_OBJECT
public:
    DemoWorld(MeterWorld *world, UploadPoster *poster, CommandEffects *effects, ReadingScheduler *scheduler,
              DemoConfig config, QObject *parent = nullptr);

    // Creates the meters and runs them through their history up to `now` (deterministic).
    static void populate(MeterWorld *world, const DemoConfig &config, qint64 now);
    // Posts the history, then starts the live phase.
    void start();

signals:
    void historyPosted(int batches);

private:
    struct BatchPlan
    {
        int firstMeter = 0;
        int firstDay = 0; // index into each meter's daily points
    };
    QJsonArray buildBatch(const BatchPlan &plan) const;
    void postNextBatch();
    void startLive();

    MeterWorld *m_world;
    UploadPoster *m_poster;
    CommandEffects *m_effects;
    ReadingScheduler *m_scheduler;
    DemoConfig m_config;
    QList<BatchPlan> m_batches;
    int m_next = 0;
    QString m_lastRejection;
};

} // namespace md::sim
