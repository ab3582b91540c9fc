// SPDX-License-Identifier: GPL-3.0-or-later
// Readings of one upload into `readings`, stored once per (meter, dataTime): a re-delivery with the
// same values counts as a duplicate, one with other values keeps the first and is flagged.
#include "writeops.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

namespace md::writeops {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

QVariantList readingValues(const Reading &r)
{
    return {qint64(r.readingNum.units()), optUnits(r.standardNum), optUnits(r.workNum), optUnits(r.meterBalanceAmt),
            optUnits(r.totalUseAmt), optUnits(r.meterBalanceQty), optUnits(r.price), optUnits(r.ladderQty)};
}

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

void appendNumber(QByteArray &out, const std::optional<qint64> &v)
{
    if (v)
        out += QByteArray::number(*v);
    else
        out += "null";
}

template<typename T>
std::optional<qint64> unitsOf(const std::optional<T> &v)
{
    return v ? std::optional<qint64>(v->units()) : std::nullopt;
}

// A JSON string of text that is digits in practice (commandSeq); escaped anyway.
void appendText(QByteArray &out, const QString &s)
{
    if (s.isNull()) {
        out += "null";
        return;
    }
    out += '"';
    for (const char c : s.toUtf8()) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (uchar(c) < 0x20)
            out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
        else
            out += c;
    }
    out += '"';
}

// Every row of the chunk as one JSON array of arrays, bound as ONE parameter: SQLite's json_each
// turns it back into rows. Binding through QtSql costs far more per parameter than SQLite spends
// inserting the row (13 parameters x 24 readings per upload), so one parameter per upload is the
// cheap way to hand SQLite the rows. Integers go through JSON exactly (SQLite parses them as int64).
QByteArray rowsAsJson(const QList<QPair<qint64, const Reading *>> &rows, int start, int n)
{
    QByteArray out;
    out.reserve(n * 96);
    out += '[';
    for (int i = 0; i < n; ++i) {
        const auto &[meterId, r] = rows.at(start + i);
        if (i)
            out += ',';
        out += '[' + QByteArray::number(meterId) + ',' + QByteArray::number(r->dataTime) + ','
               + QByteArray::number(qint64(r->readingNum.units()));
        for (const auto &v : {unitsOf(r->standardNum), unitsOf(r->workNum), unitsOf(r->meterBalanceAmt), unitsOf(r->totalUseAmt),
                              unitsOf(r->meterBalanceQty), unitsOf(r->price), unitsOf(r->ladderQty)}) {
            out += ',';
            appendNumber(out, v);
        }
        out += ',';
        appendText(out, r->commandSeq);
        out += ']';
    }
    out += ']';
    return out;
}

const char *const kReadingColumns = "meter_id, data_time, reading, standard_num, work_num, balance_amt, total_use_amt, "
                                    "balance_qty, price, ladder_qty, command_seq, journal_id, received_at";

QSqlQuery *insertChunk(WriteContext &ctx, const QList<QPair<qint64, const Reading *>> &rows, int start, int n,
                       qint64 journalId, qint64 receivedAt)
{
    if (ctx.db.hasJsonEach()) {
        // WHERE 1: SQLite's parser needs it between INSERT ... SELECT and ON CONFLICT.
        static const QString sql = S("INSERT INTO readings (%1) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
                                     "json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'), "
                                     "json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'), "
                                     "json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, '$[10]'), "
                                     "?, ? FROM json_each(?) WHERE 1 "
                                     "ON CONFLICT (meter_id, data_time) DO NOTHING RETURNING meter_id, data_time")
                                       .arg(QLatin1String(kReadingColumns));
        return ctx.db.run(sql, {nonZeroOrNull(journalId), receivedAt, QString::fromUtf8(rowsAsJson(rows, start, n))});
    }
    // Elsewhere (PostgreSQL): one multi-row INSERT per chunk, one round trip instead of one per row.
    QStringList tuples(n, S("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QVariantList args;
    args.reserve(n * 13);
    for (int i = 0; i < n; ++i) {
        const auto &[meterId, r] = rows.at(start + i);
        args << meterId << r->dataTime;
        args += readingValues(*r);
        args << textOrNull(r->commandSeq) << nonZeroOrNull(journalId) << receivedAt;
    }
    return ctx.db.run(S("INSERT INTO readings (%1) VALUES %2 ON CONFLICT (meter_id, data_time) DO NOTHING "
                        "RETURNING meter_id, data_time")
                          .arg(QLatin1String(kReadingColumns), tuples.join(QLatin1Char(','))),
                      args);
}

} // namespace

// RETURNING names the rows that were new; the others are re-deliveries (or conflicts).
bool insertReadings(WriteContext &ctx, const QList<QPair<qint64, const Reading *>> &rows, qint64 journalId, qint64 receivedAt,
                    WriteOutcome &out)
{
    const int chunk = ctx.db.hasJsonEach() ? 5000 : 100;
    for (int start = 0; start < rows.size(); start += chunk) {
        const int n = std::min(chunk, int(rows.size()) - start);
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
            switch (classifyExisting(ctx, meterId, *r, journalId)) {
            case ReadingFate::Duplicate: ++out.readingsDuplicate; break;
            case ReadingFate::Conflict: ++out.readingsConflict; break;
            default: return false;
            }
        }
    }
    return true;
}

} // namespace md::writeops
