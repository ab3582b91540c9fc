// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A recompute of the meter-health insights: streams the meters' history windows from the store in
// chunks, runs the rules (healthrules.h) and stores the findings, one flag per episode. Blocking:
// run it on a worker thread (HealthService does), never on the GUI thread.

#include "core/healthsettings.h"
#include "core/timeformat.h"
#include "storage/store.h"

#include <memory>

namespace md {

struct HealthRunStats
{
    qint64 meters = 0;
    qint64 readings = 0;
    qint64 statuses = 0;
    qint64 findings = 0;
    HealthSaveOutcome saved;
    qint64 elapsedMs = 0;
};

class HealthEngine
{
public:
    HealthEngine(std::shared_ptr<Store> store, HealthSettings settings, PlatformTime time);

    // Every registered meter (meterNos empty) or the listed ones, as of `now`.
    Result<HealthRunStats> recompute(qint64 now, const QStringList &meterNos = {}) const;
    // The findings without storing them (tests, the CLI's --dry-run).
    Result<QList<HealthFinding>> findings(qint64 now, const QStringList &meterNos = {}) const;

    const HealthSettings &settings() const { return m_settings; }

private:
    HealthScanRequest scanRequest(qint64 now, const QStringList &meterNos) const;
    std::shared_ptr<Store> m_store;
    HealthSettings m_settings;
    PlatformTime m_time;
};

} // namespace md
