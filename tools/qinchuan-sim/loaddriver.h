// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Load mode: meterDataUp uploads at a fixed rate for a fixed time, round robin over the meters, each
// with a fresh dataTime so every upload is a new reading. Bounded: at most maxInFlight requests
// outstanding (the rest of a tick is skipped and counted, never queued without bound), and only to
// a listener on this machine (main refuses other hosts).

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace md::sim {

class MeterWorld;
class UploadPoster;

struct LoadConfig
{
    int rate = 100; // uploads per second (1..20000)
    int durationSeconds = 10;
    int maxInFlight = 64;
};

struct LoadSummary
{
    qint64 sent = 0, accepted = 0, rejected = 0, undelivered = 0, skipped = 0;
    qint64 elapsedMs = 0;
    qint64 p50Ms = 0, p99Ms = 0, maxMs = 0;
    QString line() const;
};

class LoadDriver : public QObject
{
    Q_OBJECT
public:
    LoadDriver(MeterWorld *world, UploadPoster *poster, LoadConfig config, QObject *parent = nullptr);
    void start();
    const LoadSummary &summary() const { return m_summary; }

signals:
    void finished(const md::sim::LoadSummary &summary);

private:
    void tick();
    void sendOne();
    void maybeFinish();

    MeterWorld *m_world;
    UploadPoster *m_poster;
    LoadConfig m_config;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_nextReportMs = 1000;
    qint64 m_counter = 0;
    qint64 m_baseEpoch = 0;
    bool m_sending = true;
    QList<qint64> m_latencies;
    LoadSummary m_summary;
};

} // namespace md::sim
