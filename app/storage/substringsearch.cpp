// SPDX-License-Identifier: GPL-3.0-or-later
#include "substringsearch.h"

#include <QLoggingCategory>

#include <algorithm>

namespace md {

Q_LOGGING_CATEGORY(lcSearch, "md.storage.search")

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

// Runs `statements` inside a savepoint; on the first failure rolls the savepoint back (the
// surrounding migration transaction stays usable on both backends) and returns false.
bool tryStatements(Db &db, const QStringList &statements)
{
    if (!db.exec(S("SAVEPOINT substring_index")))
        return false;
    for (const QString &s : statements) {
        if (!db.exec(s)) {
            qCWarning(lcSearch).noquote() << "substring index not created:" << db.lastError().detail;
            db.exec(S("ROLLBACK TO SAVEPOINT substring_index"));
            db.exec(S("RELEASE SAVEPOINT substring_index"));
            return false;
        }
    }
    return db.exec(S("RELEASE SAVEPOINT substring_index"));
}

const char *const columns[] = {"meter_no", "user_no", "user_name", "addr_des"};

bool createFts(Db &db)
{
    const QString cols = S("meter_no, user_no, user_name, addr_des");
    const QString newCols = S("new.meter_no, new.user_no, new.user_name, new.addr_des");
    const QString oldCols = S("old.meter_no, old.user_no, old.user_name, old.addr_des");
    const QString insertNew = S("INSERT INTO meters_fts (rowid, %1) VALUES (new.id, %2);").arg(cols, newCols);
    const QString deleteOld = S("INSERT INTO meters_fts (meters_fts, rowid, %1) VALUES ('delete', old.id, %2);").arg(cols, oldCols);
    return tryStatements(
        db, {S("CREATE VIRTUAL TABLE meters_fts USING fts5(%1, content='meters', content_rowid='id', tokenize='trigram')").arg(cols),
             S("CREATE TRIGGER meters_fts_insert AFTER INSERT ON meters BEGIN %1 END").arg(insertNew),
             S("CREATE TRIGGER meters_fts_delete AFTER DELETE ON meters BEGIN %1 END").arg(deleteOld),
             S("CREATE TRIGGER meters_fts_update AFTER UPDATE OF %1 ON meters BEGIN %2 %3 END").arg(cols, deleteOld, insertNew),
             S("INSERT INTO meters_fts (meters_fts) VALUES ('rebuild')")});
}

bool createTrigramIndexes(Db &db)
{
    auto available = db.scalar(S("SELECT COUNT(*) FROM pg_available_extensions WHERE name = 'pg_trgm'"));
    if (!available || available->toInt() == 0) {
        qCWarning(lcSearch) << "pg_trgm is not installed on the server: substring search scans";
        return false;
    }
    // In public, not in the search_path's first schema: a schema dropped later must not take the
    // extension (and every other schema's indexes) with it.
    if (!tryStatements(db, {S("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")}))
        return false;
    auto schema = db.scalar(S("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                              "WHERE e.extname = 'pg_trgm'"));
    if (!schema)
        return false;
    QStringList statements;
    for (const char *col : columns)
        statements << S("CREATE INDEX meters_%1_trgm ON meters USING gin (%1 \"%2\".gin_trgm_ops)").arg(QLatin1String(col), schema->toString());
    return tryStatements(db, statements);
}

// The pieces of one row's four columns for meters_bigrams: `row` is new, old or meters.
QString sqliteGrams(const QString &row)
{
    QStringList fields;
    for (const char *col : columns)
        fields << S("SELECT coalesce(%1.%2, '') AS v").arg(row, QLatin1String(col));
    return S("(SELECT group_concat(substr(v, i, 2), ' ') FROM (%1) JOIN search_positions ON i <= length(v))")
        .arg(fields.join(S(" UNION ALL ")));
}

bool createSqliteBigrams(Db &db)
{
    const QString insertNew = S("INSERT INTO meters_bigrams (rowid, grams) VALUES (new.id, %1);").arg(sqliteGrams(S("new")));
    const QString deleteOld =
        S("INSERT INTO meters_bigrams (meters_bigrams, rowid, grams) VALUES ('delete', old.id, %1);").arg(sqliteGrams(S("old")));
    return tryStatements(
        db, {S("CREATE TABLE search_positions (i INTEGER PRIMARY KEY)"),
             S("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 512) INSERT INTO search_positions SELECT i FROM n"),
             S("CREATE VIRTUAL TABLE meters_bigrams USING fts5(grams, content='', detail=none, tokenize='unicode61 remove_diacritics 0')"),
             S("CREATE TRIGGER meters_bigrams_insert AFTER INSERT ON meters BEGIN %1 END").arg(insertNew),
             S("CREATE TRIGGER meters_bigrams_delete AFTER DELETE ON meters BEGIN %1 END").arg(deleteOld),
             S("CREATE TRIGGER meters_bigrams_update AFTER UPDATE OF meter_no, user_no, user_name, addr_des ON meters BEGIN %1 %2 END")
                 .arg(deleteOld, insertNew),
             S("INSERT INTO meters_bigrams (rowid, grams) SELECT id, %1 FROM meters").arg(sqliteGrams(S("meters")))});
}

bool createPostgresBigrams(Db &db)
{
    return tryStatements(
        db, {S("CREATE FUNCTION md_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
               "$$ SELECT coalesce(array_agg(DISTINCT p), '{}') FROM (SELECT substr(lower(t), i, 2) AS p FROM generate_series(1, length(t)) i "
               "UNION ALL SELECT substr(lower(t), i, 1) FROM generate_series(1, length(t)) i) pieces $$"),
             S("CREATE INDEX meters_bigrams ON meters USING gin (%1)").arg(postgresBigramsExpression())});
}

bool isIndexable(const QList<uint> &chars)
{
    for (uint c : chars) {
        if (!QChar::isLetterOrNumber(char32_t(c)))
            return false;
    }
    return true;
}

} // namespace

QString postgresBigramsExpression()
{
    return S("md_bigrams(coalesce(meter_no, '') || chr(9) || coalesce(user_no, '') || chr(9) || coalesce(user_name, '') || chr(9) "
             "|| coalesce(addr_des, ''))");
}

Result<bool> createShortSubstringIndex(Db &db)
{
    return db.dialect().isPostgres() ? createPostgresBigrams(db) : createSqliteBigrams(db);
}

bool isTrigramSearchable(const QString &text)
{
    return text.trimmed().toUcs4().size() >= 3;
}

std::optional<QString> bigramTerm(const QString &text, bool postgres)
{
    const QList<uint> chars = text.trimmed().toUcs4();
    if (chars.isEmpty() || chars.size() > 2 || !isIndexable(chars))
        return std::nullopt;
    const QString piece = text.trimmed().toLower();
    if (postgres)
        return piece;
    return QLatin1Char('"') + piece + (chars.size() == 1 ? S("\"*") : S("\""));
}

bool hasBigramIndex(Db &db)
{
    auto n = db.scalar(db.dialect().isPostgres()
                           ? S("SELECT CASE WHEN to_regprocedure('md_bigrams(text)') IS NULL THEN 0 ELSE 1 END")
                           : S("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meters_bigrams'"));
    return n && n->toInt() > 0;
}

Result<bool> createSubstringIndex(Db &db)
{
    return db.dialect().isPostgres() ? createTrigramIndexes(db) : createFts(db);
}

bool hasFtsIndex(Db &db)
{
    if (db.dialect().isPostgres())
        return false;
    auto n = db.scalar(S("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meters_fts'"));
    return n && n->toInt() > 0;
}

QString ftsCandidateExpression(Db &db, const QString &text, int probeCap)
{
    const QList<uint> chars = text.trimmed().toUcs4();
    QStringList trigrams;
    constexpr int trigram = 3;
    for (qsizetype i = 0; i + trigram <= chars.size(); ++i) {
        const QString t = QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData() + i), trigram);
        if (!trigrams.contains(t, Qt::CaseInsensitive))
            trigrams << t;
    }
    // Long text: probe at most 12 trigrams, spread over it.
    constexpr int maxProbes = 12;
    if (trigrams.size() > maxProbes) {
        QStringList spread;
        for (int i = 0; i < maxProbes; ++i)
            spread << trigrams.at(i * (trigrams.size() - 1) / (maxProbes - 1));
        trigrams = spread;
    }
    auto quoted = [](QString t) { return QLatin1Char('"') + t.replace(QLatin1Char('"'), S("\"\"")) + QLatin1Char('"'); };
    QList<QPair<qint64, QString>> counted;
    for (const QString &t : std::as_const(trigrams)) {
        auto n = db.scalar(S("SELECT COUNT(*) FROM (SELECT 1 FROM meters_fts WHERE meters_fts MATCH ? LIMIT ?) c"),
                           {quoted(t), qint64(probeCap) + 1});
        counted << qMakePair(n ? n->toLongLong() : qint64(probeCap) + 1, quoted(t));
        if (n && n->toLongLong() == 0)
            return quoted(t); // nothing has this piece: nothing matches
    }
    std::sort(counted.begin(), counted.end());
    QStringList terms;
    for (qsizetype i = 0; i < counted.size() && i < 3; ++i)
        terms << counted.at(i).second;
    return terms.join(S(" AND "));
}

} // namespace md
