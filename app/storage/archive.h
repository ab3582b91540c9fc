// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Moving old history out of the live database into a self-contained SQLite archive file
// (`meterdesk-cli archive`). The archive holds the moved rows of readings, statuses, alarm_events,
// closed alarms and the journal under the live tables' names and columns, the meter numbers of
// the meter ids they use (meter_numbers), and a manifest (source, zone, cut-off, row counts and
// time range per table). Never moved: the registry, commands, the recharge ledger, journal rows of
// commands still open.
//
// Atomic and resumable: each table is walked in key order in bounded chunks; a chunk is copied into
// the archive with INSERT OR IGNORE (same primary key as the live table) and committed there, and
// only then deleted from the live database by exact key. A kill at any point leaves every row in
// the live database, in the archive, or (between the two commits) in both; a rerun with the same
// arguments copies that chunk again (ignored) and deletes it. Nothing is lost or duplicated.

#include "core/result.h"

#include <QDate>
#include <QMap>
#include <QString>

#include <functional>

namespace md {

struct ArchiveRequest
{
    QString source;       // the live database (path, sqlite:PATH or postgresql://...)
    QString archivePath;  // SQLite file; created when missing, extended when it holds this source's rows
    QDate before;         // rows older than the start of this platform day move
    QByteArray timeZone = QByteArrayLiteral("Asia/Shanghai");
    int chunkRows = 5000; // rows per chunk (one archive commit and one live commit each)
    // Called after each chunk; `stage` is "archived" (archive committed, live not yet deleted) or
    // "deleted". Tests use it to kill the process at the worst moments.
    std::function<void(const QString &table, const char *stage, qint64 movedSoFar)> progress;
};

struct ArchiveReport
{
    qint64 cutoffEpoch = 0;
    QMap<QString, qint64> moved;          // rows deleted from the live database by this run
    QMap<QString, qint64> archiveCounts;  // rows in the archive file afterwards (all runs)
};

// The live tables whose old rows an archive holds, in the order they are moved.
const QStringList &archivedTables();

Result<ArchiveReport> archiveHistory(const ArchiveRequest &request);

// Checks that `path` is a MeterDesk archive (has a manifest); returns its manifest as key -> value.
Result<QMap<QString, QString>> readArchiveManifest(const QString &path);

} // namespace md
