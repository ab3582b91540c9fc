// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Plain-text tables of the health flags and the reconciliation for exports (CLI CSV/JSON): money
// with 4 decimals and volumes with 3 as stored, instants as yyyy-MM-dd HH:mm:ss in the platform zone.

#include "core/health.h"
#include "core/reconciliation.h"
#include "core/timeformat.h"
#include "storage/queries.h"

namespace md {

ExportTable healthFlagTable(const QList<HealthFlag> &flags, const PlatformTime &time);
ExportTable reconciliationMeterTable(const ReconciliationReport &report);
ExportTable reconciliationDayTable(const ReconciliationReport &report);

} // namespace md
