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

} // namespace

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
    for (qsizetype i = 0; i + substringMinChars <= chars.size(); ++i) {
        const QString t = QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData() + i), substringMinChars);
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
