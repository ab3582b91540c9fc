// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlResult>

namespace md {

namespace {

// QSqlResult::bindValue(int) names every positional value (":f" plus the index), hashes the name
// and records the index in a map, on every call: that was most of QtSql's cost per bound value
// (the journal row alone binds 11). Both drivers execute a statement with `?` placeholders from
// the values list alone, so the list is filled directly (the protected accessor, reached through
// a member pointer of a derived class).
struct BoundValues : QSqlResult
{
    static QVariantList &of(const QSqlQuery &q)
    {
        using Accessor = QVariantList &(QSqlResult::*)() const;
        return (q.result()->*static_cast<Accessor>(&BoundValues::boundValues))();
    }
};

} // namespace

Db::~Db()
{
    dropStatements();
    const QString name = m_db.connectionName();
    m_db.close();
    m_db = QSqlDatabase();
    if (!name.isEmpty())
        QSqlDatabase::removeDatabase(name);
}

void Db::noteError(const QString &driverText, Error error)
{
    m_lost = m_lost || isConnectionLoss(driverText);
    if (error.code == QLatin1String("9998"))
        m_transient = error;
    m_lastError = std::move(error);
}

void Db::dropStatements()
{
    qDeleteAll(m_statements);
    m_statements.clear();
}

void Db::finishAll()
{
    for (QSqlQuery *q : std::as_const(m_statements))
        q->finish();
}

QSqlQuery *Db::prepare(const QString &sql)
{
    auto it = m_statements.constFind(sql);
    if (it != m_statements.constEnd()) {
        (*it)->finish();
        return *it;
    }
    auto *q = new QSqlQuery(m_db);
    q->setForwardOnly(true);
    if (!q->prepare(sql)) {
        Error e = storageError(q->lastError().text(), QStringLiteral("prepare"));
        e.path = sql.left(120);
        noteError(q->lastError().text(), e);
        delete q;
        return nullptr;
    }
    m_statements.insert(sql, q);
    return q;
}

QSqlQuery *Db::run(const QString &sql, const QVariantList &args)
{
    QSqlQuery *q = prepare(sql);
    if (!q)
        return nullptr;
    QVariantList &bound = BoundValues::of(*q);
    if (bound.size() == args.size()) {
        std::copy(args.cbegin(), args.cend(), bound.begin());
    } else {
        for (int i = 0; i < args.size(); ++i)
            q->bindValue(i, args.at(i)); // the first run of a statement sizes the list
    }
    if (!q->exec()) {
        Error e = storageError(q->lastError().text(), QStringLiteral("query"));
        e.path = sql.left(120);
        noteError(q->lastError().text(), e);
        q->finish();
        return nullptr;
    }
    return q;
}

bool Db::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        noteError(q.lastError().text(), storageError(q.lastError().text(), sql.left(60)));
        return false;
    }
    return true;
}

std::optional<QVariant> Db::scalar(const QString &sql, const QVariantList &args)
{
    QSqlQuery *q = run(sql, args);
    if (!q || !q->next()) {
        if (q)
            q->finish();
        return std::nullopt;
    }
    QVariant v = q->value(0);
    q->finish();
    return v;
}

} // namespace md
