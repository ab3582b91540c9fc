// SPDX-License-Identifier: GPL-3.0-or-later
// Readings and statuses of one upload. Readings are stored once per (meter, dataTime): a
// re-delivery with the same values counts as a duplicate, one with other values keeps the first and
// is flagged. Statuses are stored once per (meter, meterTime); a re-delivery is ignored.
// Readings and statuses go in as multi-row INSERTs with positional parameters, a chunk of rows per
// statement (Db::run fills the bound values directly, so a value costs about what SQLite spends
// storing it; rendering the rows as one JSON parameter and extracting them again cost more). A
// meter's latest columns are one UPDATE (updateMetersLatest).
#include "writeops.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <functional>


namespace md::writeops {

QVariantList readingValues(const Reading &r)
{
    return {qint64(r.readingNum.units()), optUnits(r.standardNum), optUnits(r.workNum), optUnits(r.meterBalanceAmt),
            optUnits(r.totalUseAmt), optUnits(r.meterBalanceQty), optUnits(r.price), optUnits(r.ladderQty)};
}

QVariantList statusValues(qint64 meterId, const MeterStatus &st, const QVariant &journal)
{
    return {meterId, st.meterTime, st.receivedAt, textOrNull(st.valveStatus), textOrNull(st.signalStrength),
            textOrNull(st.powerType), textOrNull(st.cellVoltage), textOrNull(st.temperature), textOrNull(st.pressure),
            optUnits(st.totalRechargeAmt), optInt(st.totalRechargeCount), optUnits(st.totalRechargeQty), journal};
}

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

QString describe(const QVariantList &v)
{
    QStringList parts;
    for (const QVariant &x : v)
        parts << (x.isNull() ? S("null") : x.toString());
    return parts.join(QLatin1Char(','));
}

enum class ReadingFate { Duplicate, Conflict, Error };

// Called for a reading whose key was already stored: the same values are a plain re-delivery, other
// values a conflict to review (the first stays).
ReadingFate classifyExisting(WriteContext &ctx, qint64 meterId, const Reading &r, qint64 journalId)
{
    const QVariantList values = readingValues(r);
    QSqlQuery *q = ctx.db.run(S("SELECT reading, standard_num, work_num, balance_amt, total_use_amt, balance_qty, price, ladder_qty "
                                "FROM readings WHERE meter_id = ? AND data_time = ?"),
                              {meterId, r.dataTime});
    if (!q || !q->next())
        return ReadingFate::Error;
    QVariantList stored;
    for (int i = 0; i < 8; ++i)
        stored << q->value(i);
    q->finish();
    bool same = true;
    for (int i = 0; i < 8 && same; ++i)
        same = stored[i].isNull() == values[i].isNull() && (stored[i].isNull() || stored[i].toLongLong() == values[i].toLongLong());
    if (same)
        return ReadingFate::Duplicate;
    const QByteArray detail = QJsonDocument(QJsonObject{{S("stored"), describe(stored)}, {S("received"), describe(values)},
                                                        {S("columns"), S("reading,standard,work,balanceAmt,totalUseAmt,balanceQty,price,ladderQty")}})
                                  .toJson(QJsonDocument::Compact);
    if (!addReviewFlag(ctx, S("reading-conflict"), r.meterNo, QString::number(r.dataTime), QString::fromUtf8(detail), journalId))
        return ReadingFate::Error;
    return ReadingFate::Conflict;
}


// "(?, ?, ...), (?, ?, ...)": `rows` tuples of `columns` placeholders.
QString placeholders(int rows, int columns)
{
    const QString tuple = S("(%1)").arg(QStringList(columns, S("?")).join(S(", ")));
    return QStringList(rows, tuple).join(S(", "));
}

// Rows in the next statement when `left` rows remain: at most 200 (SQLite allows 32,766 parameters
// since 3.32, PostgreSQL 65,535); between 32 and 200 a power of two, so a connection prepares few
// shapes (200, 128, 64 and 1..32 rows) whatever the uploads' sizes.
int nextChunk(int left)
{
    if (left >= 200)
        return 200;
    int n = left;
    if (n > 32)
        for (n = 128; n > left; n /= 2) {}
    return n;
}

// The statement text for every row count nextChunk() returns, made once (no per-thread caches:
// their destructors would run in the thread's teardown) and shared by the writers.
struct ChunkSql
{
    QHash<int, QString> byRows;
    explicit ChunkSql(const std::function<QString(int)> &make)
    {
        for (int n = 1; n <= 32; ++n)
            byRows.insert(n, make(n));
        for (const int n : {64, 128, 200})
            byRows.insert(n, make(n));
    }
    const QString &operator()(int rows) const { return *byRows.constFind(rows); }
};

QSqlQuery *insertChunk(WriteContext &ctx, const QList<QPair<qint64, const Reading *>> &rows, int start, int n,
                       qint64 journalId, qint64 receivedAt)
{
    QVariantList args;
    args.reserve(n * 13);
    const QVariant journal = nonZeroOrNull(journalId);
    for (int i = 0; i < n; ++i) {
        const auto &[meterId, r] = rows.at(start + i);
        args << meterId << r->dataTime;
        args += readingValues(*r);
        args << textOrNull(r->commandSeq) << journal << receivedAt;
    }
    static const ChunkSql sql([](int rows) {
        return S("INSERT INTO readings (%1) VALUES %2 ON CONFLICT (meter_id, data_time) DO NOTHING RETURNING meter_id, data_time")
            .arg(QLatin1String(kReadingColumns), placeholders(rows, 13));
    });
    return ctx.db.run(sql(n), args);
}


} // namespace

QVariantList latestValues(const MeterLatest &m)
{
    const MeterStatus *st = m.status;
    const Reading *r = m.reading;
    auto text = [st](QString MeterStatus::*field) { return st ? textOrNull(st->*field) : nullText(); };
    return {m.meterId,
            st ? QVariant(st->meterTime) : nullInt(),
            text(&MeterStatus::valveStatus),
            text(&MeterStatus::signalStrength),
            text(&MeterStatus::powerType),
            text(&MeterStatus::cellVoltage),
            text(&MeterStatus::temperature),
            text(&MeterStatus::pressure),
            st ? optUnits(st->totalRechargeAmt) : nullInt(),
            st ? optInt(st->totalRechargeCount) : nullInt(),
            r ? QVariant(r->dataTime) : nullInt(),
            r ? QVariant(qint64(r->readingNum.units())) : nullInt(),
            r ? optUnits(r->meterBalanceAmt) : nullInt(),
            r ? optUnits(r->meterBalanceQty) : nullInt(),
            r ? optUnits(r->price) : nullInt()};
}

bool countExisting(WriteContext &ctx, qint64 meterId, const Reading &r, qint64 journalId, WriteOutcome &out)
{
    switch (classifyExisting(ctx, meterId, r, journalId)) {
    case ReadingFate::Duplicate: ++out.readingsDuplicate; return true;
    case ReadingFate::Conflict: ++out.readingsConflict; return true;
    default: return false;
    }
}

// A statement written with numbered parameters (?1, ?2, ... each may appear several times) as plain
// `?` placeholders, with the number each one stands for in order: QtSql's SQLite driver refuses a
// statement that uses one parameter twice. Each becomes CAST(? AS type) with its type from `types`
// (1-based as the numbers): PostgreSQL cannot infer the type of a parameter in `? IS NOT NULL`.
struct Positional
{
    QString sql;
    QList<int> order; // 0-based index into the values, per `?`

    Positional(const QString &numbered, const QStringList &types)
    {
        for (int i = 0; i < numbered.size(); ++i) {
            if (numbered.at(i) != QLatin1Char('?')) {
                sql += numbered.at(i);
                continue;
            }
            int n = 0;
            while (i + 1 < numbered.size() && numbered.at(i + 1).isDigit())
                n = n * 10 + numbered.at(++i).digitValue();
            sql += S("CAST(? AS %1)").arg(types.at(n - 1));
            order << n - 1;
        }
    }
    QVariantList args(const QVariantList &values) const
    {
        QVariantList out;
        out.reserve(order.size());
        for (const int i : order)
            out << values.at(i);
        return out;
    }
};

// One UPDATE per meter (?1 is the id, ?2.. latestValues(), ?16 the upload time): cheaper in SQLite
// than one UPDATE ... FROM many rows, which builds a temporary table of them first; on PostgreSQL
// one round trip instead of three. Every right-hand
// side sees the row as it was, so the three guards are independent, as when they were three
// statements.
bool updateMetersLatest(WriteContext &ctx, const QList<MeterLatest> &rows, qint64 receivedAt)
{
    static const Positional update = [] {
        QStringList types(16, S("BIGINT"));
        for (int i = 3; i <= 8; ++i) // valve_status .. pressure
            types[i - 1] = S("TEXT");
        return Positional(S("UPDATE meters SET %1 WHERE id = ?1").arg(latestAssignments()), types);
    }();
    for (const MeterLatest &row : rows) {
        QVariantList values = latestValues(row);
        values << receivedAt;
        if (!ctx.db.run(update.sql, update.args(values)))
            return false;
    }
    return true;
}

QString latestAssignments()
{
        const QString statusNewer = S("?2 IS NOT NULL AND (last_meter_time IS NULL OR last_meter_time <= ?2)");
        const QString readingNewer = S("?11 IS NOT NULL AND (last_data_time IS NULL OR last_data_time <= ?11)");
        auto when = [](const QString &guard, const char *column, const QString &value) {
            return S("%2 = CASE WHEN %1 THEN %3 ELSE %2 END").arg(guard, QLatin1String(column), value);
        };
        auto coalesce = [](int param, const char *column) { return S("COALESCE(?%1, %2)").arg(param).arg(QLatin1String(column)); };
        const QStringList set{
            when(statusNewer, "last_meter_time", S("?2")),
            when(statusNewer, "valve_status", S("?3")),
            when(statusNewer, "signal", S("?4")),
            when(statusNewer, "power_type", S("?5")),
            when(statusNewer, "cell_voltage", S("?6")),
            when(statusNewer, "temperature", S("?7")),
            when(statusNewer, "pressure", S("?8")),
            when(statusNewer, "total_recharge_amt", coalesce(9, "total_recharge_amt")),
            when(statusNewer, "total_recharge_count", coalesce(10, "total_recharge_count")),
            when(readingNewer, "last_data_time", S("?11")),
            when(readingNewer, "last_reading", S("?12")),
            when(readingNewer, "balance", coalesce(13, "balance")),
            when(readingNewer, "balance_qty", coalesce(14, "balance_qty")),
            when(readingNewer, "price", coalesce(15, "price")),
            S("last_upload_at = CASE WHEN last_upload_at IS NULL OR last_upload_at < ?16 THEN ?16 ELSE last_upload_at END")};
        return set.join(S(", "));
}

bool insertStatuses(WriteContext &ctx, const QList<QPair<qint64, const MeterStatus *>> &rows, qint64 journalId,
                    WriteOutcome &out)
{
    const QVariant journal = nonZeroOrNull(journalId);
    for (int start = 0, n = 0; start < rows.size(); start += n) {
        n = nextChunk(int(rows.size()) - start);
        QVariantList args;
        args.reserve(n * 13);
        for (int i = start; i < start + n; ++i)
            args += statusValues(rows.at(i).first, *rows.at(i).second, journal);
        static const ChunkSql sql([](int rows) {
            return S("INSERT INTO statuses (%1) VALUES %2 ON CONFLICT (meter_id, meter_time) DO NOTHING RETURNING meter_id")
                .arg(QLatin1String(kStatusColumns), placeholders(rows, 13));
        });
        QSqlQuery *q = ctx.db.run(sql(n), args);
        if (!q)
            return false;
        while (q->next())
            ++out.statusesInserted;
        q->finish();
    }
    return true;
}

// RETURNING names the rows that were new; the others are re-deliveries (or conflicts).
bool insertReadings(WriteContext &ctx, const QList<QPair<qint64, const Reading *>> &rows, qint64 journalId, qint64 receivedAt,
                    WriteOutcome &out)
{
    for (int start = 0, n = 0; start < rows.size(); start += n) {
        n = nextChunk(int(rows.size()) - start);
        QSqlQuery *q = insertChunk(ctx, rows, start, n, journalId, receivedAt);
        if (!q)
            return false;
        QSet<QPair<qint64, qint64>> inserted;
        inserted.reserve(n);
        while (q->next())
            inserted.insert({q->value(0).toLongLong(), q->value(1).toLongLong()});
        q->finish();
        if (inserted.size() == n) { // all new: the common case
            out.readingsInserted += n;
            continue;
        }
        for (int i = 0; i < n; ++i) {
            const auto &[meterId, r] = rows.at(start + i);
            if (inserted.remove({meterId, r->dataTime})) {
                ++out.readingsInserted;
                continue;
            }
            if (!countExisting(ctx, meterId, *r, journalId, out))
                return false;
        }
    }
    return true;
}

} // namespace md::writeops
