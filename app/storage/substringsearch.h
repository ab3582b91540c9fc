// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The registry's substring ("match anywhere") index over meter_no, user_no, user_name, addr_des:
// - SQLite: an FTS5 table `meters_fts` with the trigram tokenizer (SQLite >= 3.34 built with FTS5:
//   Debian 12's 3.40, the SQLite that Qt bundles on Windows), external content = meters, kept in
//   sync by triggers on meters (every writer, every process, the copy tool).
// - PostgreSQL: pg_trgm GIN indexes on the four columns (ILIKE '%...%' uses them), created when the
//   extension is available and may be created (trusted since PostgreSQL 13).
// Without either the search falls back to the LIMIT-bounded scan. A trigram index cannot answer
// text of fewer than 3 characters, and Chinese names and streets are often two ("徐平", "天府"):
// - SQLite: `meters_bigrams`, a contentless FTS5 table (detail=none: row ids only) whose one
//   column holds every 2-character piece of the four columns, separated by spaces, plus each
//   field's last character alone; "天府" is one token, "天" a prefix query. Triggers on meters keep
//   it in step, cutting the pieces with substr() over the `search_positions` table (1..512).
// - PostgreSQL: a GIN index on md_bigrams(...), the array of the 1- and 2-character pieces of the
//   lower-cased columns; `@> ARRAY[piece]` narrows the rows.

#include "connection.h"
#include "queries.h"

namespace md {

// Migration step: creates the index where the backend can; never fails the migration because the
// module or extension is missing (logs and leaves the fallback in place).
Result<bool> createSubstringIndex(Db &db);

// Migration step: the bigram index for 1-2 character text, where the backend can (never fails the
// migration: logs and leaves the scan in place).
Result<bool> createShortSubstringIndex(Db &db);

// Text a trigram index can answer (3 or more code points).
bool isTrigramSearchable(const QString &text);

// The bigram index's term for 1-2 characters of letters or digits: the piece itself, lower-cased
// (PostgreSQL), or the FTS5 MATCH expression ("天府", or "天"* for one character). Nothing for other
// text (punctuation and spaces are not in the SQLite tokens: such text is scanned).
std::optional<QString> bigramTerm(const QString &text, bool postgres);

// Whether this database has the bigram index (SQLite: meters_bigrams; PostgreSQL: md_bigrams()).
bool hasBigramIndex(Db &db);

// The expression the PostgreSQL GIN index is built on (and queries must repeat).
QString postgresBigramsExpression();

// SQLite: whether meters_fts exists in this database (an older SQLite may have opened it without).
bool hasFtsIndex(Db &db);

// An FTS5 MATCH expression whose rows include every row with `text` as a substring: the AND of
// the (up to 3) rarest of its trigrams. A phrase of all trigrams would be exact, but FTS5 then walks
// the whole doclist of every common trigram ("000" is in every meter number: ~10x the time); the
// caller's LIKE terms make the answer exact. Each trigram's frequency is probed with a LIMIT, so
// the probes cost at most `probeCap` doclist entries each.
QString ftsCandidateExpression(Db &db, const QString &text, int probeCap = 50000);

} // namespace md
