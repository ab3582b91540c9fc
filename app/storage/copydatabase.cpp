// SPDX-License-Identifier: GPL-3.0-or-later
#include "copydatabase.h"

#include "connection.h"
#include "schema.h"
#include "store.h"

#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

// Multi-row INSERT ... VALUES (...), (...): one round trip per chunk instead of per row (PostgreSQL).
QString insertSql(const QString &table, const QStringList &cols, int rows)
{
    QStringList marks(cols.size(), S("?"));
    const QString one = QLatin1Char('(') + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    QStringList all(rows, one);
    return S("INSERT INTO %1 (%2) VALUES %3").arg(table, cols.join(QLatin1Char(',')), all.join(QLatin1Char(',')));
}

Result<qint64> copyTable(Db &src, Db &dst, const QString &table, const std::function<void(const QString &, qint64)> &progress)
{
    QSqlQuery read(src.database());
    read.setForwardOnly(true);
    if (!read.exec(S("SELECT * FROM %1").arg(table)))
        return storageError(read.lastError().text(), S("read ") + table);
    const QSqlRecord rec = read.record();
    QStringList cols;
    for (int i = 0; i < rec.count(); ++i)
        cols << rec.fieldName(i);
    const int chunk = std::max(1, std::min(200, 30000 / std::max(1, int(cols.size()))));
    QVariantList pending;
    qint64 copied = 0;
    auto flush = [&](int rows) -> bool {
        if (rows == 0)
            return true;
        QSqlQuery *q = dst.run(insertSql(table, cols, rows), pending);
        pending.clear();
        return q != nullptr;
    };
    if (!dst.exec(dst.dialect().beginWrite()))
        return dst.lastError();
    int inChunk = 0;
    while (read.next()) {
        for (int i = 0; i < cols.size(); ++i)
            pending << read.value(i);
        ++copied;
        if (++inChunk == chunk) {
            if (!flush(inChunk))
                return dst.lastError();
            inChunk = 0;
            if (copied % 50000 < chunk) {
                // Commit now and then: a huge copy should not sit in one transaction.
                dst.finishAll();
                if (!dst.exec(S("COMMIT")) || !dst.exec(dst.dialect().beginWrite()))
                    return dst.lastError();
                if (progress)
                    progress(table, copied);
            }
        }
    }
    if (!flush(inChunk))
        return dst.lastError();
    dst.finishAll();
    if (!dst.exec(S("COMMIT")))
        return dst.lastError();
    if (progress)
        progress(table, copied);
    return copied;
}

} // namespace

Result<CopyReport> copyDatabase(const QString &from, const QString &to, const std::function<void(const QString &, qint64)> &progress)
{
    {
        // Validates the source (schema version) and creates/migrates the target.
        StoreOptions src;
        src.database = from;
        src.readOnly = true;
        auto s = Store::open(src);
        if (!s)
            return s.error();
        StoreOptions dst;
        dst.database = to;
        auto d = Store::open(dst);
        if (!d)
            return d.error();
        auto counts = (*d)->tableCounts();
        if (!counts)
            return counts.error();
        for (auto it = counts->constBegin(); it != counts->constEnd(); ++it)
            if (it.key() != QLatin1String("counters") && it.value() > 0)
                return makeError(S("9999"), S("--to"), S("the target database is not empty (%1 has %2 rows)").arg(it.key()).arg(it.value()));
    }
    auto srcLoc = parseDatabaseLocation(from);
    auto dstLoc = parseDatabaseLocation(to);
    if (!srcLoc || !dstLoc)
        return srcLoc ? dstLoc.error() : srcLoc.error();
    const Dialect srcDialect(srcLoc->backend), dstDialect(dstLoc->backend);
    auto srcName = srcDialect.openConnection(*srcLoc, S("md-copy-src"), Dialect::Role::Archive, 5000);
    if (!srcName)
        return srcName.error();
    Db src(*srcName, srcDialect);
    auto dstName = dstDialect.openConnection(*dstLoc, S("md-copy-dst"), Dialect::Role::Writer, 5000);
    if (!dstName)
        return dstName.error();
    Db dst(*dstName, dstDialect);
    if (!dst.exec(S("DELETE FROM counters"))) // the target's fresh counters give way to the source's
        return dst.lastError();

    CopyReport report;
    for (const QString &table : dataTables()) {
        auto n = copyTable(src, dst, table, progress);
        if (!n)
            return n.error();
        const QString reset = dstDialect.resetIdentity(table);
        if (!reset.isEmpty()) {
            auto hasId = dst.scalar(S("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = ? AND column_name = 'id' "
                                      "AND table_schema = current_schema()"),
                                    {table});
            if (hasId && hasId->toInt() > 0 && !dst.exec(reset))
                return dst.lastError();
        }
    }
    for (const QString &table : dataTables()) {
        auto a = src.scalar(S("SELECT COUNT(*) FROM %1").arg(table));
        auto b = dst.scalar(S("SELECT COUNT(*) FROM %1").arg(table));
        if (!a || !b)
            return (!a ? src : dst).lastError();
        report.sourceCounts.insert(table, a->toLongLong());
        report.targetCounts.insert(table, b->toLongLong());
    }
    report.countsMatch = report.sourceCounts == report.targetCounts;
    return report;
}

} // namespace md
