// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything that differs between SQLite and PostgreSQL lives here: opening a connection from a
// database string, DDL types, pragmas, the begin statement, case-insensitive LIKE, NOTIFY, identity
// resets after a bulk copy. The rest of the store writes one SQL text for both (both speak
// INSERT ... ON CONFLICT ... DO NOTHING/UPDATE and RETURNING).

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace md {

enum class Backend { Sqlite, Postgres };

// A parsed StoreOptions::database.
struct DatabaseLocation
{
    Backend backend = Backend::Sqlite;
    QString path;     // SQLite file
    QString user, host, dbName;
    int port = 5432;
    QString schema;   // ?schema=NAME: search_path (created unless read-only); tests use one per case
    QString password; // from MD_PG_PASSWORD / PGPASSWORD, never from the URL text shown anywhere
    QString displayName() const; // no password
};

Result<DatabaseLocation> parseDatabaseLocation(const QString &database);

class Dialect
{
public:
    explicit Dialect(Backend b) : m_backend(b) {}
    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::Postgres; }

    // DDL with ${ID} ${INT} ${BLOB} ${KEY} ${WITHOUT_ROWID} placeholders filled in:
    //   ID: auto-increment 64-bit primary key; INT: 64-bit integer; BLOB: bytes;
    //   KEY: text compared byte-wise (prefix ranges on indexes); WITHOUT_ROWID: SQLite clustered table.
    QString ddl(QString text) const;
    QString beginWrite() const;                // BEGIN IMMEDIATE (SQLite: take the write lock now)
    QString likeOperator() const;
    QString forUpdate() const;                 // " FOR UPDATE" (PostgreSQL row lock) / "" (SQLite: the write lock covers it)              // LIKE (SQLite, ASCII case-insensitive) / ILIKE
    QString notifyStatement() const;           // empty on SQLite
    static constexpr const char *notifyChannel = "meterdesk_changes";
    // After copying rows with explicit ids into `table`, make the identity continue after them.
    QString resetIdentity(const QString &table) const; // empty on SQLite

    // Writer: may create the file / schema, sets WAL. Reader: never writes (query_only). Archive: the
    // file must exist and is opened read-only (offline review).
    enum class Role { Writer, Reader, Archive };
    // Opens a named connection in the calling thread and applies the session settings (pragmas,
    // timeouts). Returns the connection name (hand it to Db; holding no QSqlDatabase copy here lets
    // Db remove the connection cleanly).
    Result<QString> openConnection(const DatabaseLocation &loc, const QString &connectionName, Role role,
                                        int busyTimeoutMs) const;

private:
    Backend m_backend;
};

// PostgreSQL array literals for one array parameter (CAST(? AS TEXT[])): QPSQL sends parameters as
// text, so a list of any length is one value. appendArrayText adds one quoted element.
void appendArrayText(QString &literal, const QString &value);
QString postgresTextArray(const QStringList &values); // {"a","b\"c"}

// Maps a driver error to the spec's codes: 9998 for "cannot write now" (busy, locked, full, I/O,
// read-only), else 9999.
Error storageError(const QString &driverText, const QString &what);
// The driver's text says the connection itself is gone (server restarted, network dropped): the
// connection must be reopened before it can be used again.
bool isConnectionLoss(const QString &driverText);

} // namespace md
