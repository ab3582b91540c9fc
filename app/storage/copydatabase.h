// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Copies every table of one MeterDesk database into another, empty one (SQLite -> PostgreSQL when a
// deployment outgrows one file, or back for an offline archive). Both must be at this build's
// schema version (the target is migrated first). Row counts are compared table by table afterwards.

#include "core/result.h"

#include <QMap>
#include <QString>

#include <functional>

namespace md {

struct CopyReport
{
    QMap<QString, qint64> sourceCounts;
    QMap<QString, qint64> targetCounts;
    bool countsMatch = false;
};

// progress(table, rowsCopiedSoFar) is called every few thousand rows.
Result<CopyReport> copyDatabase(const QString &from, const QString &to,
                                const std::function<void(const QString &, qint64)> &progress = {});

} // namespace md
