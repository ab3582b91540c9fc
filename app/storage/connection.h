// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One database connection with its prepared statements cached by SQL text (each connection belongs
// to one thread). Small helpers keep the call sites short: bind by position, run, map errors.

#include "dialect.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <optional>
#include <utility>

namespace md {

class Db
{
public:
    // An open connection of the calling thread, by name (Dialect::openConnection).
    Db(const QString &connectionName, Dialect dialect)
        : m_db(QSqlDatabase::database(connectionName, false)), m_dialect(dialect)
    {
    }
    ~Db();
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;

    const Dialect &dialect() const { return m_dialect; }
    QSqlDatabase &database() { return m_db; }

    // A cached prepared statement, finished and ready for binding; nullptr when preparing failed
    // (lastError() says why).
    QSqlQuery *prepare(const QString &sql);
    // Prepares (cached), binds `args` by position and executes. nullptr on failure (lastError()).
    QSqlQuery *run(const QString &sql, const QVariantList &args = {});
    // One unprepared statement (DDL, BEGIN, COMMIT, SAVEPOINT).
    bool exec(const QString &sql);
    // First column of the first row, or nullopt when there is no row or the statement failed.
    std::optional<QVariant> scalar(const QString &sql, const QVariantList &args = {});
    Error lastError() const { return m_lastError; }
    // A statement failed because the connection is gone: reopen before the next use.
    bool connectionLost() const { return m_lost; }
    // The last failure that means "cannot write now" (9998: disk full, locked, connection lost) since
    // the previous call; empty when there was none. The writer reports it as the store's health.
    std::optional<Error> takeTransientError() { return std::exchange(m_transient, std::nullopt); }
    void dropStatements();
    // Resets every cached statement (SQLite refuses COMMIT while a SELECT is still stepping).
    void finishAll();

private:
    QSqlDatabase m_db;
    Dialect m_dialect;
    QHash<QString, QSqlQuery *> m_statements;
    Error m_lastError;
    std::optional<Error> m_transient;
    bool m_lost = false;
    void noteError(const QString &driverText, Error error);
};

// Typed NULLs so both drivers get the column type right.
inline QVariant nullInt() { return QVariant(QMetaType(QMetaType::LongLong)); }
inline QVariant nullText() { return QVariant(QMetaType(QMetaType::QString)); }
template<typename T>
QVariant optUnits(const std::optional<T> &v) { return v ? QVariant(qint64(v->units())) : nullInt(); }
inline QVariant optInt(const std::optional<qint64> &v) { return v ? QVariant(*v) : nullInt(); }
inline QVariant textOrNull(const QString &s) { return s.isNull() ? nullText() : QVariant(s); }
inline QVariant nonZeroOrNull(qint64 v) { return v ? QVariant(v) : nullInt(); }

template<typename T>
std::optional<T> unitsOrNull(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return T::fromUnits(v.toLongLong());
}

} // namespace md
