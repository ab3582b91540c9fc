// SPDX-License-Identifier: GPL-3.0-or-later
#include "archivefile.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

QString nextName(const char *role)
{
    static QAtomicInteger<quint64> counter;
    return S("md-archive-%1-%2").arg(QLatin1String(role)).arg(counter.fetchAndAddRelaxed(1));
}

Result<std::unique_ptr<Db>> openFile(const QString &path, bool readOnly)
{
    if (readOnly && !QFileInfo::exists(path))
        return makeError(S("9998"), path, S("no such archive file"));
    const QString name = nextName(readOnly ? "read" : "write");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(readOnly ? S("QSQLITE_OPEN_READONLY") : S("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            const QString text = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return makeError(S("9998"), path, S("cannot open the archive: %1").arg(text));
        }
    }
    auto db = std::make_unique<Db>(name, Dialect(Backend::Sqlite));
    if (!readOnly && !(db->exec(S("PRAGMA journal_mode = DELETE")) && db->exec(S("PRAGMA synchronous = FULL"))))
        return db->lastError();
    return db;
}

} // namespace

Result<std::unique_ptr<ArchiveFile>> ArchiveFile::create(const QString &path)
{
    auto db = openFile(path, false);
    if (!db)
        return db.error();
    std::unique_ptr<ArchiveFile> file(new ArchiveFile(std::move(db).value()));
    const QStringList ddl = {
        S("CREATE TABLE IF NOT EXISTS manifest (key TEXT PRIMARY KEY, value TEXT)"),
        S("CREATE TABLE IF NOT EXISTS manifest_tables (name TEXT PRIMARY KEY, rows INTEGER NOT NULL, "
          "first_time INTEGER, last_time INTEGER)"),
        S("CREATE TABLE IF NOT EXISTS meter_numbers (id INTEGER PRIMARY KEY, meter_no TEXT NOT NULL)"),
        S("CREATE INDEX IF NOT EXISTS meter_numbers_no ON meter_numbers (meter_no)"),
    };
    for (const QString &s : ddl)
        if (!file->m_db->exec(s))
            return file->m_db->lastError();
    return file;
}

Result<QMap<QString, QString>> ArchiveFile::readManifest(const QString &path)
{
    auto db = openFile(path, true);
    if (!db)
        return db.error();
    QSqlQuery *q = (*db)->run(S("SELECT key, value FROM manifest"));
    if (!q)
        return makeError(S("9999"), path, S("not a MeterDesk archive (no manifest)"));
    QMap<QString, QString> m;
    while (q->next())
        m.insert(q->value(0).toString(), q->value(1).toString());
    q->finish();
    if (!m.contains(S("source")))
        return makeError(S("9999"), path, S("not a MeterDesk archive (empty manifest)"));
    return m;
}

ArchiveFile::~ArchiveFile() = default;

Error ArchiveFile::fail()
{
    const Error e = m_db->lastError();
    m_db->finishAll();
    m_db->exec(S("ROLLBACK"));
    return e;
}

Result<bool> ArchiveFile::startRun(const QMap<QString, QString> &manifest)
{
    auto source = m_db->scalar(S("SELECT value FROM manifest WHERE key = 'source'"));
    if (source && source->toString() != manifest.value(S("source")))
        return makeError(S("9999"), S("--out"),
                         S("the archive holds the history of another database (%1)").arg(source->toString()));
    auto before = m_db->scalar(S("SELECT value FROM manifest WHERE key = 'before'"));
    if (!m_db->exec(S("BEGIN IMMEDIATE")))
        return m_db->lastError();
    for (auto it = manifest.constBegin(); it != manifest.constEnd(); ++it) {
        QString value = it.value();
        // The archive covers everything before the latest cut-off any run used.
        if (it.key() == QLatin1String("before") && before && before->toString() > value)
            continue;
        if (!m_db->run(S("INSERT OR REPLACE INTO manifest (key, value) VALUES (?, ?)"), {it.key(), value}))
            return fail();
    }
    m_db->finishAll();
    if (!m_db->exec(S("COMMIT")))
        return fail();
    return true;
}

Result<bool> ArchiveFile::ensureTable(const QString &table, const QStringList &columns, const QStringList &types,
                                      const QStringList &key, const QString &timeColumn)
{
    QStringList defs;
    for (int i = 0; i < columns.size(); ++i)
        defs << columns.at(i) + QLatin1Char(' ') + types.at(i);
    // One INTEGER key column is SQLite's rowid; any other key clusters the table by it.
    const bool rowid = key.size() == 1 && types.value(int(columns.indexOf(key.first()))) == QLatin1String("INTEGER");
    const QString create = S("CREATE TABLE IF NOT EXISTS %1 (%2, PRIMARY KEY (%3))%4")
                               .arg(table, defs.join(S(", ")), key.join(S(", ")), rowid ? QString() : S(" WITHOUT ROWID"));
    if (!m_db->exec(create))
        return m_db->lastError();
    // Columns the live table gained since an earlier run.
    QStringList existing;
    {
        QSqlQuery q(m_db->database());
        if (!q.exec(S("PRAGMA table_info(%1)").arg(table)))
            return makeError(S("9999"), table, q.lastError().text());
        while (q.next())
            existing << q.value(1).toString();
    }
    for (int i = 0; i < columns.size(); ++i)
        if (!existing.contains(columns.at(i)) && !m_db->exec(S("ALTER TABLE %1 ADD COLUMN %2 %3").arg(table, columns.at(i), types.at(i))))
            return m_db->lastError();
    for (const char *byMeter : {"meter_id", "meter_no"}) {
        const QStringList index{S(byMeter), timeColumn};
        if (columns.contains(S(byMeter)) && key.mid(0, 2) != index
            && !m_db->exec(S("CREATE INDEX IF NOT EXISTS %1_%2_time ON %1 (%2, %3)").arg(table, S(byMeter), timeColumn)))
            return m_db->lastError();
    }
    return true;
}

Result<bool> ArchiveFile::insertRows(const QString &table, const QStringList &columns, const QList<QVariantList> &rows)
{
    // A fixed number of rows per statement (cached text); the last row repeats to fill the last
    // statement, and OR IGNORE stores it once.
    const int perStatement = std::max(1, std::min(500, 30000 / std::max(1, int(columns.size()))));
    const int n = std::min(perStatement, int(rows.size()));
    const QString one = QLatin1Char('(') + QStringList(columns.size(), S("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const QString sql = S("INSERT OR IGNORE INTO %1 (%2) VALUES %3").arg(table, columns.join(QLatin1Char(',')), QStringList(n, one).join(QLatin1Char(',')));
    for (int at = 0; at < rows.size(); at += n) {
        QVariantList args;
        args.reserve(n * columns.size());
        for (int i = 0; i < n; ++i)
            args += rows.at(std::min(at + i, int(rows.size()) - 1));
        if (!m_db->run(sql, args))
            return m_db->lastError();
    }
    return true;
}

Result<bool> ArchiveFile::insertChunk(const QString &table, const QStringList &columns, const QList<QVariantList> &rows,
                                      const QList<QVariantList> &meterNumbers)
{
    if (!m_db->exec(S("BEGIN IMMEDIATE")))
        return m_db->lastError();
    if (!meterNumbers.isEmpty())
        if (auto ok = insertRows(S("meter_numbers"), {S("id"), S("meter_no")}, meterNumbers); !ok)
            return fail();
    if (auto ok = insertRows(table, columns, rows); !ok)
        return fail();
    m_db->finishAll();
    if (!m_db->exec(S("COMMIT")))
        return fail();
    return true;
}

Result<QMap<QString, qint64>> ArchiveFile::finishRun(const QMap<QString, QString> &timeColumns)
{
    QMap<QString, qint64> counts;
    if (!m_db->exec(S("BEGIN IMMEDIATE")))
        return m_db->lastError();
    for (auto it = timeColumns.constBegin(); it != timeColumns.constEnd(); ++it) {
        QSqlQuery *q = m_db->run(S("SELECT COUNT(*), MIN(%2), MAX(%2) FROM %1").arg(it.key(), it.value()));
        if (!q || !q->next())
            return fail();
        const qint64 rows = q->value(0).toLongLong();
        const QVariantList args{it.key(), rows, q->value(1), q->value(2)};
        q->finish();
        counts.insert(it.key(), rows);
        if (!m_db->run(S("INSERT OR REPLACE INTO manifest_tables (name, rows, first_time, last_time) VALUES (?, ?, ?, ?)"), args))
            return fail();
    }
    if (!m_db->run(S("INSERT OR REPLACE INTO manifest (key, value) VALUES ('state', 'complete'), ('finished_at', ?)"),
                   {QString::number(QDateTime::currentSecsSinceEpoch())}))
        return fail();
    m_db->finishAll();
    if (!m_db->exec(S("COMMIT")))
        return fail();
    return counts;
}

} // namespace md
