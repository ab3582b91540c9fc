// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The set of meters the simulated platform knows: generated ('SIM000001'...), loaded from a registry
// CSV, or registered at runtime by meterInfo. Also writes the registry CSV that
// `meterdesk-cli meters import` reads (header meterNo,meterType,userNo,addrDes,factoryCode,userName).

#include "core/result.h"
#include "simulatedmeter.h"

#include <QHash>
#include <QStringList>

#include <deque>
#include <vector>

namespace md::sim {

class MeterWorld
{
public:
    explicit MeterWorld(PlatformTime time = PlatformTime()) : m_time(std::move(time)) {}

    const PlatformTime &time() const { return m_time; }
    int size() const { return int(m_order.size()); }

    SimulatedMeter *find(const QString &meterNo);
    // Adds a meter (or updates the identity of a known one) and returns it.
    SimulatedMeter &add(const MeterIdentity &identity, qint64 originEpoch);
    bool remove(const QString &meterNo);
    SimulatedMeter &at(int index) { return *m_order[size_t(index)]; }
    QStringList meterNos() const;

    // N meters SIM000001.. with plain identities, starting at `originEpoch`.
    void generate(int count, qint64 originEpoch);
    // Reads a registry CSV (the header names the columns). An error names the line: "FILE:12".
    Result<int> loadCsv(const QString &path, qint64 originEpoch);
    Result<void> writeCsv(const QString &path) const;

private:
    PlatformTime m_time;
    std::deque<SimulatedMeter> m_storage; // stable addresses
    std::vector<SimulatedMeter *> m_order;
    QHash<QString, SimulatedMeter *> m_byNo;
};

quint32 seedFor(const QString &meterNo);
QString csvField(const QString &value);
QStringList parseCsvLine(const QString &line);

} // namespace md::sim
