// SPDX-License-Identifier: GPL-3.0-or-later
// Meter-health reads: the history window the insights need, streamed in chunks of meters (a full
// pass over 1M meters never holds more than one chunk), and the stored flags for the Health view.
// Each chunk is three statements in key order (meters by id; readings and statuses by (meter_id,
// time), joined from the meters so each meter's window is one seek and one short range).
#include "healthrows.h"
#include "storeprivate.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

struct ChunkSql
{
    QString meters, readings, statuses;
};

// Full pass: [lo, hi) id ranges. Incremental: one meter (lo = id, hi = id + 1) per statement.
const ChunkSql &chunkSql()
{
    static const ChunkSql sql{
        S("SELECT id, meter_no, created_at, last_upload_at, valve_status, balance, last_meter_time, last_data_time FROM meters "
          "WHERE id >= ? AND id < ? AND removed_at IS NULL ORDER BY id"),
        // Driven by the meters: one seek per meter to the start of its window, so a year of history
        // before the window costs nothing (a plain range on meter_id would read all of it).
        S("SELECT r.meter_id, r.data_time, r.reading FROM meters m JOIN readings r ON r.meter_id = m.id AND r.data_time >= ? "
          "WHERE m.id >= ? AND m.id < ? AND m.removed_at IS NULL ORDER BY m.id, r.data_time"),
        S("SELECT s.meter_id, s.meter_time, s.cell_voltage FROM meters m JOIN statuses s ON s.meter_id = m.id "
          "AND s.meter_time >= ? WHERE m.id >= ? AND m.id < ? AND m.removed_at IS NULL AND s.cell_voltage IS NOT NULL "
          "ORDER BY m.id, s.meter_time"),
    };
    return sql;
}

// currentCellVoltage as received ("3.45", volts) -> millivolts, exactly; -1 when not a number.
int millivolts(const QString &text)
{
    const auto units = parseFixed(QStringView(text).trimmed(), 3, 3);
    return units && *units > 0 && *units < 100000 ? int(*units) : -1;
}

// Appends the meters of [lo, hi) with their windows to `out`.
Result<void> readRange(Db &db, qint64 lo, qint64 hi, const HealthScanRequest &req, QList<MeterHistory> &out)
{
    const ChunkSql &sql = chunkSql();
    const int first = int(out.size());
    QSqlQuery *q = db.run(sql.meters, {lo, hi});
    if (!q)
        return db.lastError();
    QHash<qint64, int> index;
    while (q->next()) {
        MeterHistory h;
        h.meterId = q->value(0).toLongLong();
        h.meterNo = q->value(1).toString();
        h.createdAt = q->value(2).toLongLong();
        h.lastUploadAt = q->value(3).toLongLong();
        h.valveStatus = q->value(4).toString();
        if (!q->value(5).isNull())
            h.balanceUnits = q->value(5).toLongLong();
        h.lastOwnTime = std::max(q->value(6).toLongLong(), q->value(7).toLongLong());
        index.insert(h.meterId, int(out.size()));
        out.append(std::move(h));
    }
    q->finish();
    if (out.size() == first)
        return {};
    // Rows come grouped by meter: (meter_id, time, value), each handed to `add` with its meter.
    auto readRows = [&](const QString &statement, qint64 from, const auto &add) -> Result<void> {
        QSqlQuery *rows = db.run(statement, {from, lo, hi});
        if (!rows)
            return db.lastError();
        MeterHistory *cur = nullptr;
        qint64 curId = -1;
        while (rows->next()) {
            const qint64 id = rows->value(0).toLongLong();
            if (id != curId) {
                curId = id;
                const auto it = index.constFind(id);
                cur = it == index.constEnd() ? nullptr : &out[*it];
            }
            if (cur)
                add(*cur, rows->value(1).toLongLong(), rows->value(2));
        }
        rows->finish();
        return {};
    };
    if (auto r = readRows(sql.readings, req.readingsFrom, [](MeterHistory &h, qint64 at, const QVariant &v) {
            h.readingTime.append(at);
            h.readingUnits.append(v.toLongLong());
        });
        !r)
        return r;
    return readRows(sql.statuses, req.statusesFrom, [](MeterHistory &h, qint64 at, const QVariant &v) {
        const int mv = millivolts(v.toString());
        if (mv < 0)
            return;
        h.voltageTime.append(at);
        h.voltageMillivolts.append(mv);
    });
}

} // namespace

Result<qint64> Store::scanMeterHistories(const HealthScanRequest &req,
                                         const std::function<bool(const QList<MeterHistory> &)> &visit) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    const int chunk = std::max(1, req.chunkMeters);
    qint64 visited = 0;
    QList<MeterHistory> batch;
    auto hand = [&]() -> bool {
        visited += batch.size();
        const bool more = batch.isEmpty() || visit(batch);
        batch.clear();
        return more;
    };
    if (!req.meterNos.isEmpty()) {
        auto ids = lookupMeters(req.meterNos);
        if (!ids)
            return ids.error();
        QList<qint64> sorted = ids->values();
        std::sort(sorted.begin(), sorted.end());
        for (qint64 id : std::as_const(sorted)) {
            if (auto r = readRange(db, id, id + 1, req, batch); !r)
                return r.error();
            if (batch.size() >= chunk && !hand())
                return visited;
        }
        hand();
        return visited;
    }
    auto maxId = db.scalar(S("SELECT COALESCE(MAX(id), 0) FROM meters"));
    if (!maxId)
        return db.lastError();
    for (qint64 lo = 1; lo <= maxId->toLongLong(); lo += chunk) {
        if (auto r = readRange(db, lo, lo + chunk, req, batch); !r)
            return r.error();
        if (!hand())
            return visited;
    }
    return visited;
}

Result<QList<HealthFlag>> Store::healthFlags(const HealthFlagFilter &f) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QStringList where;
    QVariantList args;
    if (f.kind) {
        where << S("h.kind = ?");
        args << healthKindName(*f.kind);
    }
    if (!f.meterNo.isEmpty()) {
        where << S("m.meter_no = ?");
        args << f.meterNo;
    }
    if (f.openOnly)
        where << S("h.cleared_at IS NULL AND h.dismissed_at IS NULL");
    QString sql = S("SELECT %1 FROM health_flags h JOIN meters m ON m.id = h.meter_id").arg(QLatin1String(healthFlagColumns));
    if (!where.isEmpty())
        sql += S(" WHERE ") + where.join(S(" AND "));
    sql += S(" ORDER BY h.id DESC LIMIT ? OFFSET ?");
    args << qMax(1, f.limit) << qMax(0, f.offset);
    QSqlQuery *q = db.run(sql, args);
    if (!q)
        return db.lastError();
    QList<HealthFlag> out;
    while (q->next())
        out.append(healthFlagFromRow(*q));
    q->finish();
    return out;
}

Result<std::optional<HealthFlag>> Store::healthFlag(qint64 id) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QSqlQuery *q = db.run(S("SELECT %1 FROM health_flags h JOIN meters m ON m.id = h.meter_id WHERE h.id = ?")
                              .arg(QLatin1String(healthFlagColumns)),
                          {id});
    if (!q)
        return db.lastError();
    std::optional<HealthFlag> out;
    if (q->next())
        out = healthFlagFromRow(*q);
    q->finish();
    return out;
}

Result<QMap<HealthKind, qint64>> Store::openHealthCounts() const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QSqlQuery *q = db.run(S("SELECT kind, COUNT(*) FROM health_flags WHERE cleared_at IS NULL AND dismissed_at IS NULL GROUP BY kind"));
    if (!q)
        return db.lastError();
    QMap<HealthKind, qint64> out;
    for (HealthKind k : allHealthKinds())
        out.insert(k, 0);
    while (q->next())
        if (const auto k = healthKindFromName(q->value(0).toString()))
            out.insert(*k, q->value(1).toLongLong());
    q->finish();
    return out;
}

Result<QHash<QString, int>> Store::openHealthFlagsByMeter(const QStringList &meterNos) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QHash<QString, int> out;
    const QString sql = S("SELECT COUNT(*) FROM health_flags h JOIN meters m ON m.id = h.meter_id "
                          "WHERE m.meter_no = ? AND h.cleared_at IS NULL AND h.dismissed_at IS NULL");
    for (const QString &no : meterNos) {
        auto n = db.scalar(sql, {no});
        if (!n)
            return db.lastError();
        if (n->toInt() > 0)
            out.insert(no, n->toInt());
    }
    return out;
}

} // namespace md
