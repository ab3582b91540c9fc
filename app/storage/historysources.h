// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// History over the live database and the archive files opened with it (StoreOptions::archives,
// archive.h) as one result. SQLite: every reader connection ATTACHes the archives read-only
// (file:...?mode=ro) as a0, a1, ... and one statement UNION ALLs the live part and one part per
// archive. PostgreSQL: the live part runs on the server; the archive parts run on an in-memory
// SQLite connection with the same archives attached; the two ordered results are merged here.

#include "connection.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace md {

struct HistorySelect
{
    // One SELECT written for the live tables with placeholders:
    //   ${S}   before each history table name (empty live, "a0." in the first archive, ...)
    //   ${M}   the table mapping meter ids to meter numbers (meters live, a0.meter_numbers ...)
    //   ${ID}  the id of the meter whose number is the next argument: (SELECT id FROM ${M} WHERE meter_no = ?)
    QString select;
    QVariantList args;      // the arguments of one part
    int orderColumn = 1;    // 1-based result column that orders the rows (an integer)
    bool descending = false;
    qint64 limit = 0;       // 0: all
    qint64 offset = 0;
    int columns = 0;        // result columns
};

// One result row: a query's current row, or a row of the merged lists (PostgreSQL with archives).
// The row mappers read value(i) from it without copying the row first.
class HistoryRow
{
public:
    explicit HistoryRow(const QSqlQuery *query) : m_query(query) {}
    explicit HistoryRow(const QVariantList *list) : m_list(list) {}
    QVariant value(int i) const { return m_query ? m_query->value(i) : m_list->at(i); }

private:
    const QSqlQuery *m_query = nullptr;
    const QVariantList *m_list = nullptr;
};
using HistoryVisitor = std::function<void(const HistoryRow &)>;

// The SQL of one part for `schema` ("" live, "a0." ...).
QString historyPart(const QString &select, const QString &schema);

// Runs `h` on `live` (SQLite: with the attached `schemas`) and, when given, on `archives` (the
// PostgreSQL case: an SQLite connection holding the same schemas); `visit` sees each row in order.
Result<bool> runHistory(Db &live, const QStringList &liveSchemas, Db *archives, const QStringList &archiveSchemas,
                        const HistorySelect &h, const HistoryVisitor &visit);

// ATTACHes each archive file read-only to an SQLite connection as a0, a1, ...
Result<bool> attachArchives(Db &db, const QStringList &archivePaths);
QStringList archiveSchemas(int count);

} // namespace md
