// SPDX-License-Identifier: GPL-3.0-or-later
#include "archive.h"

#include "archivefile.h"
#include "connection.h"
#include "schema.h"
#include "store.h"

#include "core/commandstate.h"
#include "core/timeformat.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

// Which rows of a table are history older than the cut-off. `scale`: the time column's unit per
// second (the journal stamps milliseconds).
struct TableRule
{
    const char *table;
    const char *timeColumn;
    qint64 scale;
    QString filter; // more conditions, "" for none
};

QString openCommandsFilter()
{
    QStringList open;
    for (CommandState s : allCommandStates())
        if (!isTerminal(s))
            open << QLatin1Char('\'') + commandStateName(s) + QLatin1Char('\'');
    // A command still waiting for its result keeps its journal rows with it in the live database.
    return S("(command_seq IS NULL OR command_seq NOT IN (SELECT command_seq FROM commands WHERE state IN (%1)))")
        .arg(open.join(QLatin1Char(',')));
}

const QList<TableRule> &rules()
{
    static const QList<TableRule> r = {
        {"readings", "data_time", 1, {}},
        {"statuses", "meter_time", 1, {}},
        {"alarm_events", "alarm_time", 1, {}},
        {"alarms", "closed_at", 1, S("active = 0")}, // closed episodes only: open ones are current state
        {"journal", "at", 1000, openCommandsFilter()},
    };
    return r;
}

// The live table as it is now (columns by name, so the archive follows schema changes).
struct Shape
{
    QStringList columns;
    QStringList types; // SQLite affinity for the archive's DDL
    QStringList key;
};

Result<Shape> shapeOf(Db &live, const QString &table)
{
    const QSqlRecord rec = live.database().record(table);
    const QSqlIndex pk = live.database().primaryIndex(table);
    if (rec.isEmpty())
        return makeError(S("9999"), table, S("no such table in the live database"));
    if (pk.isEmpty())
        return makeError(S("9999"), table, S("the live table has no primary key"));
    Shape s;
    for (int i = 0; i < rec.count(); ++i) {
        s.columns << rec.fieldName(i);
        switch (rec.field(i).metaType().id()) {
        case QMetaType::Int: case QMetaType::UInt: case QMetaType::LongLong: case QMetaType::ULongLong:
        case QMetaType::Bool: case QMetaType::Short: case QMetaType::UShort:
            s.types << S("INTEGER");
            break;
        case QMetaType::QByteArray:
            s.types << S("BLOB");
            break;
        case QMetaType::Double: case QMetaType::Float:
            s.types << S("REAL");
            break;
        default:
            s.types << S("TEXT");
        }
    }
    for (int i = 0; i < pk.count(); ++i)
        s.key << pk.fieldName(i);
    return s;
}

// "(a, b)" and "(?, ?)" for a key.
QString tuple(const QStringList &cols) { return QLatin1Char('(') + cols.join(S(", ")) + QLatin1Char(')'); }
QString marks(int n) { return tuple(QStringList(n, S("?"))); }

class Mover
{
public:
    Mover(Db &live, ArchiveFile &archive, const ArchiveRequest &request, qint64 cutoff)
        : m_live(live), m_archive(archive), m_request(request), m_cutoff(cutoff)
    {
    }

    Result<qint64> move(const TableRule &rule)
    {
        const QString table = S(rule.table);
        auto shape = shapeOf(m_live, table);
        if (!shape)
            return shape.error();
        if (auto made = m_archive.ensureTable(table, shape->columns, shape->types, shape->key, S(rule.timeColumn)); !made)
            return made.error();
        const int keyCols = int(shape->key.size());
        const QString where = S("%1 < ?%2").arg(S(rule.timeColumn), rule.filter.isEmpty() ? QString() : S(" AND ") + rule.filter);
        const QString select = S("SELECT %1 FROM %2 WHERE %3").arg(shape->columns.join(S(", ")), table, where);
        const QString order = S(" ORDER BY %1 LIMIT ?").arg(shape->key.join(S(", ")));
        const QString firstChunk = select + order;
        const QString nextChunk = select + S(" AND %1 > %2").arg(tuple(shape->key), marks(keyCols)) + order;
        QList<int> keyIndex;
        for (const QString &k : std::as_const(shape->key))
            keyIndex << int(shape->columns.indexOf(k));
        const int meterIdColumn = int(shape->columns.indexOf(S("meter_id")));

        qint64 moved = 0;
        QVariantList lastKey;
        for (;;) {
            QVariantList args{m_cutoff * rule.scale};
            args += lastKey;
            args << qint64(m_request.chunkRows);
            QSqlQuery *q = m_live.run(lastKey.isEmpty() ? firstChunk : nextChunk, args);
            if (!q)
                return m_live.lastError();
            QList<QVariantList> rows;
            while (q->next()) {
                QVariantList row;
                row.reserve(shape->columns.size());
                for (int i = 0; i < shape->columns.size(); ++i)
                    row << q->value(i);
                rows << row;
            }
            q->finish();
            if (rows.isEmpty())
                break;
            auto numbers = meterIdColumn >= 0 ? meterNumbersOf(rows, meterIdColumn) : QList<QVariantList>();
            if (!numbers)
                return numbers.error();
            if (auto ok = m_archive.insertChunk(table, shape->columns, rows, *numbers); !ok)
                return ok.error();
            if (m_request.progress)
                m_request.progress(table, "archived", moved);
            if (auto ok = deleteLive(table, shape->key, keyIndex, rows); !ok)
                return ok.error();
            moved += rows.size();
            if (m_request.progress)
                m_request.progress(table, "deleted", moved);
            lastKey.clear();
            for (int k : std::as_const(keyIndex))
                lastKey << rows.constLast().at(k);
        }
        return moved;
    }

private:
    Db &m_live;
    ArchiveFile &m_archive;
    const ArchiveRequest &m_request;
    qint64 m_cutoff;
    QSet<qint64> m_meterIdsCopied;

    // The archive names the meters its rows use, so that it reads on its own and merges by meter
    // number with any live database.
    Result<QList<QVariantList>> meterNumbersOf(const QList<QVariantList> &rows, int meterIdColumn)
    {
        QList<qint64> missing;
        for (const QVariantList &r : rows) {
            const qint64 id = r.at(meterIdColumn).toLongLong();
            if (!m_meterIdsCopied.contains(id)) {
                m_meterIdsCopied.insert(id);
                missing << id;
            }
        }
        constexpr int batch = 100; // fixed statement text; the last id repeats to fill it
        QList<QVariantList> numbers;
        for (int at = 0; at < missing.size(); at += batch) {
            QVariantList args;
            for (int i = 0; i < batch; ++i)
                args << missing.at(std::min(at + i, int(missing.size()) - 1));
            QSqlQuery *q = m_live.run(S("SELECT id, meter_no FROM meters WHERE id IN %1").arg(marks(batch)), args);
            if (!q)
                return m_live.lastError();
            while (q->next())
                numbers << QVariantList{q->value(0), q->value(1)};
            q->finish();
        }
        return numbers;
    }

    // Deletes exactly the rows that were copied (by key), in one live transaction.
    Result<bool> deleteLive(const QString &table, const QStringList &key, const QList<int> &keyIndex, const QList<QVariantList> &rows)
    {
        constexpr int batch = 100; // fixed statement text; the last row repeats to fill it
        QStringList one;
        for (const QString &k : key)
            one << k + S(" = ?");
        const QString term = QLatin1Char('(') + one.join(S(" AND ")) + QLatin1Char(')');
        const QString sql = S("DELETE FROM %1 WHERE %2").arg(table, QStringList(batch, term).join(S(" OR ")));
        if (!m_live.exec(m_live.dialect().beginWrite()))
            return m_live.lastError();
        for (int at = 0; at < rows.size(); at += batch) {
            QVariantList args;
            for (int i = 0; i < batch; ++i) {
                const QVariantList &r = rows.at(std::min(at + i, int(rows.size()) - 1));
                for (int k : keyIndex)
                    args << r.at(k);
            }
            if (!m_live.run(sql, args)) {
                const Error e = m_live.lastError();
                m_live.exec(S("ROLLBACK"));
                return e;
            }
        }
        m_live.finishAll();
        if (!m_live.exec(S("COMMIT"))) {
            const Error e = m_live.lastError();
            m_live.exec(S("ROLLBACK"));
            return e;
        }
        return true;
    }
};

} // namespace

const QStringList &archivedTables()
{
    static const QStringList t = [] {
        QStringList names;
        for (const TableRule &r : rules())
            names << S(r.table);
        return names;
    }();
    return t;
}

Result<ArchiveReport> archiveHistory(const ArchiveRequest &request)
{
    if (!request.before.isValid())
        return makeError(S("9999"), S("--before"), S("not a date (yyyy-MM-dd)"));
    const PlatformTime time(request.timeZone);
    if (!time.isValid())
        return makeError(S("9999"), S("platform/timeZone"), S("unknown time zone %1").arg(QString::fromLatin1(request.timeZone)));
    ArchiveReport report;
    report.cutoffEpoch = time.startOfDay(request.before);

    QString sourceName;
    int schemaVersion = 0;
    {
        // Checks the live database's schema (this build's, not migrated here) and names it.
        StoreOptions o;
        o.database = request.source;
        o.readOnly = true;
        o.runMigrations = false;
        auto store = Store::open(o);
        if (!store)
            return store.error();
        sourceName = (*store)->databaseDisplayName();
        if (!(*store)->isPostgres())
            sourceName = QFileInfo(sourceName).absoluteFilePath();
        schemaVersion = (*store)->schemaVersion();
    }
    auto loc = parseDatabaseLocation(request.source);
    if (!loc)
        return loc.error();
    const Dialect dialect(loc->backend);
    auto name = dialect.openConnection(*loc, S("md-archive-live"), Dialect::Role::Writer, 10000);
    if (!name)
        return name.error();
    Db live(*name, dialect);

    auto archive = ArchiveFile::create(request.archivePath);
    if (!archive)
        return archive.error();
    ArchiveFile &file = **archive;
    const QMap<QString, QString> begin = {
        {S("source"), sourceName},
        {S("time_zone"), QString::fromLatin1(time.zoneId())},
        {S("schema_version"), QString::number(schemaVersion)},
        {S("before"), request.before.toString(Qt::ISODate)},
        {S("cutoff_epoch"), QString::number(report.cutoffEpoch)},
        {S("state"), S("in progress")},
        {S("started_at"), QString::number(QDateTime::currentSecsSinceEpoch())},
    };
    if (auto ok = file.startRun(begin); !ok)
        return ok.error();

    Mover mover(live, file, request, report.cutoffEpoch);
    for (const TableRule &rule : rules()) {
        auto moved = mover.move(rule);
        if (!moved)
            return moved.error();
        report.moved.insert(S(rule.table), *moved);
    }
    QMap<QString, QString> timeColumns;
    for (const TableRule &rule : rules())
        timeColumns.insert(S(rule.table), S(rule.timeColumn));
    auto counts = file.finishRun(timeColumns);
    if (!counts)
        return counts.error();
    report.archiveCounts = *counts;
    return report;
}

Result<QMap<QString, QString>> readArchiveManifest(const QString &path)
{
    return ArchiveFile::readManifest(path);
}

} // namespace md
