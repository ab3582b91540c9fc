// SPDX-License-Identifier: GPL-3.0-or-later
#include "substringsearch.h"

#include <QLoggingCategory>

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

QString ftsPhrase(const QString &text)
{
    QString t = text.trimmed();
    t.replace(QLatin1Char('"'), S("\"\""));
    return QLatin1Char('"') + t + QLatin1Char('"');
}

} // namespace md
