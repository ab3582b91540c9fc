// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The registry's substring ("match anywhere") index over meter_no, user_no, user_name, addr_des:
// - SQLite: an FTS5 table `meters_fts` with the trigram tokenizer (SQLite >= 3.34 built with FTS5:
//   Debian 12's 3.40, the SQLite that Qt bundles on Windows), external content = meters, kept in
//   sync by triggers on meters (every writer, every process, the copy tool).
// - PostgreSQL: pg_trgm GIN indexes on the four columns (ILIKE '%...%' uses them), created when the
//   extension is available and may be created (trusted since PostgreSQL 13).
// Without either the search falls back to the LIMIT-bounded scan. A trigram index cannot answer
// text of fewer than 3 characters: such text matches at the start of a field (index ranges).

#include "connection.h"
#include "queries.h"

namespace md {

// Migration step: creates the index where the backend can; never fails the migration because the
// module or extension is missing (logs and leaves the fallback in place).
Result<bool> createSubstringIndex(Db &db);

// SQLite: whether meters_fts exists in this database (an older SQLite may have opened it without).
bool hasFtsIndex(Db &db);

// An FTS5 MATCH expression for `text` as one phrase (a trigram phrase is a substring).
QString ftsPhrase(const QString &text);

} // namespace md
