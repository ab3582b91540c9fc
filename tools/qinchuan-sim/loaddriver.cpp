// SPDX-License-Identifier: GPL-3.0-or-later
#include "loaddriver.h"

#include "meterworld.h"
#include "uploadbodies.h"
#include "uploadposter.h"

#include <QDateTime>

#include <algorithm>

namespace md::sim {

QString LoadSummary::line() const
{
    const qint64 rate = elapsedMs > 0 ? accepted * 1000 / elapsedMs : 0;
    return QStringLiteral("load: sent=%1 accepted=%2 rejected=%3 undelivered=%4 skipped(backpressure)=%5 "
                          "elapsed=%6ms accepted/s=%7 latency p50=%8ms p99=%9ms max=%10ms")
        .arg(sent)
        .arg(accepted)
        .arg(rejected)
        .arg(undelivered)
        .arg(skipped)
        .arg(elapsedMs)
        .arg(rate)
        .arg(p50Ms)
        .arg(p99Ms)
        .arg(maxMs);
}

LoadDriver::LoadDriver(MeterWorld *world, UploadPoster *poster, LoadConfig config, QObject *parent)
    : QObject(parent), m_world(world), m_poster(poster), m_config(config)
{
    m_config.rate = qBound(1, m_config.rate, 20000);
    m_config.durationSeconds = qBound(1, m_config.durationSeconds, 3600);
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &LoadDriver::tick);
}

void LoadDriver::start()
{
    // Readings one minute apart, going back from now: (meterNo, dataTime) is new for every upload.
    const qint64 rounds = (qint64(m_config.rate) * m_config.durationSeconds) / qMax(1, m_world->size()) + 1;
    m_baseEpoch = QDateTime::currentSecsSinceEpoch() / 60 * 60 - rounds * 60;
    m_clock.start();
    m_timer.start();
}

void LoadDriver::tick()
{
    const qint64 ms = m_clock.elapsed();
    if (m_sending) {
        const qint64 endMs = qint64(m_config.durationSeconds) * 1000;
        const qint64 target = qint64(m_config.rate) * qMin(ms, endMs) / 1000;
        while (m_summary.sent + m_summary.skipped < target) {
            if (m_poster->inFlight() >= m_config.maxInFlight)
                ++m_summary.skipped;
            else
                sendOne();
        }
        if (ms >= endMs)
            m_sending = false;
    }
    if (ms >= m_nextReportMs) {
        m_nextReportMs += 1000;
        qInfo("load t=%llds sent=%lld accepted=%lld rejected=%lld undelivered=%lld skipped=%lld in-flight=%d",
              ms / 1000, m_summary.sent, m_summary.accepted, m_summary.rejected, m_summary.undelivered,
              m_summary.skipped, m_poster->inFlight());
    }
    maybeFinish();
}

void LoadDriver::sendOne()
{
    if (m_world->size() == 0)
        return;
    SimulatedMeter &m = m_world->at(int(m_counter % m_world->size()));
    const qint64 round = m_counter / m_world->size();
    ++m_counter;
    ReadingPoint p = m.current();
    p.at = m_baseEpoch + round * 60;
    p.reading = m.reading + Volume::fromUnits(round * 7); // 7 litres a minute: monotonic per meter
    const QJsonObject body = Bodies::meterDataUp(m, {p}, p.at, m_world->time());
    ++m_summary.sent;
    m_poster->post(QStringLiteral("meterDataUp"), body, UploadKind::Reading, [this](const UploadOutcome &o) {
        if (o.accepted())
            ++m_summary.accepted;
        else if (o.httpStatus == 0)
            ++m_summary.undelivered;
        else
            ++m_summary.rejected;
        m_latencies.append(o.latencyMs);
    });
}

void LoadDriver::maybeFinish()
{
    if (m_sending || m_poster->inFlight() > 0)
        return;
    m_timer.stop();
    m_summary.elapsedMs = m_clock.elapsed();
    std::sort(m_latencies.begin(), m_latencies.end());
    if (!m_latencies.isEmpty()) {
        m_summary.p50Ms = m_latencies.at(m_latencies.size() / 2);
        m_summary.p99Ms = m_latencies.at(qMin(m_latencies.size() - 1, m_latencies.size() * 99 / 100));
        m_summary.maxMs = m_latencies.last();
    }
    emit finished(m_summary);
}

} // namespace md::sim
