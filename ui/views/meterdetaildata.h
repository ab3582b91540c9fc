// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything the meter detail (and its PDF report) shows, loaded in one go on a worker thread.

#include "storage/store.h"

#include <optional>

namespace md {

struct MeterDetailData
{
    QString meterNo;
    std::optional<MeterSummary> summary;
    ReadingSeries readings;
    QList<AlarmRow> alarms;          // newest first, active and cleared
    QList<CommandRecord> commands;   // newest first
    QList<RechargeLedgerEntry> ledger;
    QList<ParameterSet> parameters;  // newest first
    QString error;                   // first failure (the rest still shown)

    QStringList activeAlarmTypes() const;
};

// Blocking: call on a worker (ConsoleContext::query).
MeterDetailData loadMeterDetail(const Store &store, const QString &meterNo, qint64 now);

} // namespace md
