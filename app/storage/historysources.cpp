// SPDX-License-Identifier: GPL-3.0-or-later
#include "historysources.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <algorithm>
#include <limits>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

Result<bool> runOne(Db &db, const QStringList &schemas, const HistorySelect &h, qint64 limit, qint64 offset,
                    const HistoryVisitor &visit)
{
    QStringList parts;
    QVariantList args;
    for (const QString &schema : schemas) {
        parts << historyPart(h.select, schema);
        args += h.args;
    }
    const QString sql = S("%1 ORDER BY %2%3 LIMIT ? OFFSET ?")
                            .arg(parts.join(S(" UNION ALL ")))
                            .arg(h.orderColumn)
                            .arg(h.descending ? S(" DESC") : QString());
    args << (limit > 0 ? limit : std::numeric_limits<qint64>::max()) << offset;
    QSqlQuery *q = db.run(sql, args);
    if (!q)
        return db.lastError();
    const HistoryRow row(q);
    while (q->next())
        visit(row);
    q->finish();
    return true;
}

Result<QList<QVariantList>> collect(Db &db, const QStringList &schemas, const HistorySelect &h, qint64 limit)
{
    QList<QVariantList> rows;
    auto ok = runOne(db, schemas, h, limit, 0, [&](const HistoryRow &r) {
        QVariantList row;
        row.reserve(h.columns);
        for (int i = 0; i < h.columns; ++i)
            row << r.value(i);
        rows << std::move(row);
    });
    if (!ok)
        return ok.error();
    return rows;
}

} // namespace

QString historyPart(const QString &select, const QString &schema)
{
    QString s = select;
    s.replace(S("${ID}"), S("(SELECT id FROM ${M} WHERE meter_no = ?)"));
    s.replace(S("${M}"), schema.isEmpty() ? S("meters") : schema + S("meter_numbers"));
    s.replace(S("${S}"), schema);
    return s;
}

Result<bool> runHistory(Db &live, const QStringList &liveSchemas, Db *archives, const QStringList &archiveSchemas,
                        const HistorySelect &h, const HistoryVisitor &visit)
{
    if (!archives || archiveSchemas.isEmpty())
        return runOne(live, liveSchemas, h, h.limit, h.offset, visit);
    // Two ordered results, each at most offset + limit long, merged; then the page is cut.
    const qint64 window = h.limit > 0 ? h.limit + h.offset : 0;
    auto a = collect(live, liveSchemas, h, window);
    if (!a)
        return a.error();
    auto b = collect(*archives, archiveSchemas, h, window);
    if (!b)
        return b.error();
    const int c = h.orderColumn - 1;
    QList<QVariantList> merged;
    merged.reserve(a->size() + b->size());
    std::merge(a->cbegin(), a->cend(), b->cbegin(), b->cend(), std::back_inserter(merged),
               [c, desc = h.descending](const QVariantList &x, const QVariantList &y) {
                   const qint64 l = x.at(c).toLongLong(), r = y.at(c).toLongLong();
                   return desc ? l > r : l < r;
               });
    const qint64 from = std::min<qint64>(h.offset, merged.size());
    const qint64 count = h.limit > 0 ? std::min<qint64>(h.limit, merged.size() - from) : merged.size() - from;
    for (qint64 i = from; i < from + count; ++i)
        visit(HistoryRow(&merged.at(i)));
    return true;
}

QStringList archiveSchemas(int count)
{
    QStringList s;
    for (int i = 0; i < count; ++i)
        s << S("a%1.").arg(i);
    return s;
}

Result<bool> attachArchives(Db &db, const QStringList &archivePaths)
{
    for (int i = 0; i < archivePaths.size(); ++i) {
        // A read-only URI: the archive is never written, even by a connection that could write.
        const QString uri = QUrl::fromLocalFile(QFileInfo(archivePaths.at(i)).absoluteFilePath()).toString(QUrl::FullyEncoded)
                            + S("?mode=ro");
        QSqlQuery q(db.database());
        q.prepare(S("ATTACH DATABASE ? AS a%1").arg(i));
        q.addBindValue(uri);
        if (!q.exec())
            return makeError(S("9998"), archivePaths.at(i), S("cannot attach the archive: %1").arg(q.lastError().text()));
    }
    return true;
}

} // namespace md
