// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The archive file's side of archive.h: one SQLite file in rollback-journal mode (a single file to
// copy or mail; synchronous=FULL, so a committed chunk survives a crash) holding
//   manifest (key, value)                  source, time_zone, schema_version, before, state, ...
//   manifest_tables (name, rows, first_time, last_time)
//   meter_numbers (id, meter_no)           the live meter ids the rows use
//   readings, statuses, alarm_events, alarms, journal: the live tables' columns and primary keys.

#include "connection.h"

#include "core/result.h"

#include <QMap>
#include <QStringList>
#include <QVariantList>

#include <memory>

namespace md {

class ArchiveFile
{
public:
    // Opens (creating when missing) an archive file for writing.
    static Result<std::unique_ptr<ArchiveFile>> create(const QString &path);
    // The manifest of an existing archive, read-only; an error when the file is not an archive.
    static Result<QMap<QString, QString>> readManifest(const QString &path);
    ~ArchiveFile();

    // Records a run's manifest; refuses a file that holds another database's history.
    Result<bool> startRun(const QMap<QString, QString> &manifest);
    // Creates the table (or adds the columns it lacks) with the live table's key, plus a
    // (meter_id, time) index where the key does not start that way.
    Result<bool> ensureTable(const QString &table, const QStringList &columns, const QStringList &types,
                             const QStringList &key, const QString &timeColumn);
    // One transaction, committed before it returns: the rows (INSERT OR IGNORE by the key: a chunk
    // copied twice is stored once) and the meter numbers (id, meter_no) they use.
    Result<bool> insertChunk(const QString &table, const QStringList &columns, const QList<QVariantList> &rows,
                             const QList<QVariantList> &meterNumbers);
    // Counts and time range per table into manifest_tables, state "complete"; returns the counts.
    Result<QMap<QString, qint64>> finishRun(const QMap<QString, QString> &timeColumns);

private:
    explicit ArchiveFile(std::unique_ptr<Db> db) : m_db(std::move(db)) {}
    Result<bool> insertRows(const QString &table, const QStringList &columns, const QList<QVariantList> &rows);
    Error fail();
    std::unique_ptr<Db> m_db;
};

} // namespace md
