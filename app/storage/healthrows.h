// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Row mapping of health_flags, shared by the readers and the writer.

#include "core/health.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace md {

// Selected from "health_flags h JOIN meters m ON m.id = h.meter_id", in healthFlagFromRow's order.
inline constexpr const char *healthFlagColumns =
    "h.id, h.meter_id, m.meter_no, h.kind, h.episode_start, h.episode_end, h.value, h.evidence, h.first_seen, "
    "h.last_seen, h.cleared_at, h.dismissed_at, h.dismissed_by, h.dismiss_reason";

inline HealthFlag healthFlagFromRow(const QSqlQuery &q)
{
    HealthFlag f;
    f.id = q.value(0).toLongLong();
    f.finding.meterId = q.value(1).toLongLong();
    f.finding.meterNo = q.value(2).toString();
    f.finding.kind = healthKindFromName(q.value(3).toString()).value_or(HealthKind::Silent);
    f.finding.start = q.value(4).toLongLong();
    f.finding.end = q.value(5).toLongLong();
    f.finding.value = q.value(6).toLongLong();
    f.finding.evidence = QJsonDocument::fromJson(q.value(7).toByteArray()).object();
    f.firstSeen = q.value(8).toLongLong();
    f.lastSeen = q.value(9).toLongLong();
    f.clearedAt = q.value(10).toLongLong();
    f.dismissedAt = q.value(11).toLongLong();
    f.dismissedBy = q.value(12).toString();
    f.dismissReason = q.value(13).toString();
    return f;
}

} // namespace md
