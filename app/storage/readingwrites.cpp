// SPDX-License-Identifier: GPL-3.0-or-later
// Readings and statuses of one upload. Readings are stored once per (meter, dataTime): a
// re-delivery with the same values counts as a duplicate, one with other values keeps the first and
// is flagged. Statuses are stored once per (meter, meterTime); a re-delivery is ignored.
// Readings and statuses go in as multi-row INSERTs with positional parameters, a chunk of rows per
// statement (Db::run fills the bound values directly, so a value costs about what SQLite spends
// storing it; rendering the rows as one JSON parameter and extracting them again cost more). On
// SQLite with JSON functions the meters rows' latest columns are one UPDATE ... FROM a JSON parameter.
#include "writeops.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <charconv>

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

// Straight into the buffer (QByteArray::number makes a temporary array per value; a batch has
// 24,000 rows of 11).
void appendInt(QByteArray &out, qint64 v)
{
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out.append(buf, end - buf);
}

// Starts the next row of a JSON array of rows with its leading integers.
void openRow(QByteArray &out, std::initializer_list<qint64> leading)
{
    if (out.size() > 1)
        out += ',';
    out += '[';
    for (const qint64 v : leading) {
        if (out.back() != '[')
            out += ',';
        appendInt(out, v);
    }
}

void appendNumber(QByteArray &out, const std::optional<qint64> &v)
{
    if (v)
        appendInt(out, *v);
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

// The rows of the JSON parameter (the first `?`) as `r(v)`, each row's array as text. MATERIALIZED:
// json_each renders a nested array each time `value` is read, so reading it once per row and
// extracting the columns from that text costs about 30% less than extracting from `value`.
QString jsonRows()
{
    return S("WITH r(v) AS MATERIALIZED (SELECT value FROM json_each(?))");
}

const char *const kReadingColumns = "meter_id, data_time, reading, standard_num, work_num, balance_amt, total_use_amt, "
                                    "balance_qty, price, ladder_qty, command_seq, journal_id, received_at";

// "(?, ?, ...), (?, ?, ...)": `rows` tuples of `columns` placeholders, kept per shape (an upload's 24
// readings, a batch's full chunks and its remainder reuse the text and so the prepared statement).
const QString &placeholders(int rows, int columns)
{
    thread_local QHash<QPair<int, int>, QString> made;
    QString &text = made[{rows, columns}];
    if (text.isEmpty()) {
        const QString tuple = S("(%1)").arg(QStringList(columns, S("?")).join(S(", ")));
        text = QStringList(rows, tuple).join(S(", "));
    }
    return text;
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
    return ctx.db.run(S("INSERT INTO readings (%1) VALUES %2 ON CONFLICT (meter_id, data_time) DO NOTHING "
                        "RETURNING meter_id, data_time")
                          .arg(QLatin1String(kReadingColumns), placeholders(n, 13)),
                      args);
}

const char *const kStatusColumns = "meter_id, meter_time, received_at, valve_status, signal, power_type, cell_voltage, "
                                   "temperature, pressure, total_recharge_amt, total_recharge_count, total_recharge_qty, journal_id";

QByteArray latestAsJson(const QList<MeterLatest> &rows)
{
    QByteArray out;
    out.reserve(rows.size() * 128);
    out += '[';
    for (const MeterLatest &m : rows) {
        openRow(out, {m.meterId});
        const MeterStatus *st = m.status;
        out += ',';
        appendNumber(out, st ? std::optional<qint64>(st->meterTime) : std::nullopt);
        for (QString MeterStatus::*field : {&MeterStatus::valveStatus, &MeterStatus::signalStrength, &MeterStatus::powerType,
                                            &MeterStatus::cellVoltage, &MeterStatus::temperature, &MeterStatus::pressure}) {
            out += ',';
            appendText(out, st ? st->*field : QString());
        }
        const Reading *r = m.reading;
        for (const auto &v : {st ? unitsOf(st->totalRechargeAmt) : std::nullopt, st ? st->totalRechargeCount : std::nullopt,
                              r ? std::optional<qint64>(r->dataTime) : std::nullopt,
                              r ? std::optional<qint64>(r->readingNum.units()) : std::nullopt,
                              r ? unitsOf(r->meterBalanceAmt) : std::nullopt, r ? unitsOf(r->meterBalanceQty) : std::nullopt,
                              r ? unitsOf(r->price) : std::nullopt}) {
            out += ',';
            appendNumber(out, v);
        }
        out += ']';
    }
    out += ']';
    return out;
}

} // namespace

// One UPDATE ... FROM the JSON rows (the rows drive the loop, each meter found by its id). Every
// right-hand side sees the row as it was, so the three guards are independent, as when they were
// three statements.
bool updateMetersLatest(WriteContext &ctx, const QList<MeterLatest> &rows, qint64 receivedAt)
{
    if (rows.isEmpty())
        return true;
    static const QString sql = [] {
        const QString statusNewer = S("p.n_st IS NOT NULL AND (last_meter_time IS NULL OR last_meter_time <= p.n_st)");
        const QString readingNewer = S("p.n_rt IS NOT NULL AND (last_data_time IS NULL OR last_data_time <= p.n_rt)");
        auto when = [](const QString &guard, const char *column, const QString &value) {
            return S("%2 = CASE WHEN %1 THEN %3 ELSE %2 END").arg(guard, QLatin1String(column), value);
        };
        auto coalesce = [](const char *value, const char *column) { return S("COALESCE(p.n_%1, %2)").arg(QLatin1String(value), QLatin1String(column)); };
        const QStringList set{
            when(statusNewer, "last_meter_time", S("p.n_st")),
            when(statusNewer, "valve_status", S("p.n_valve")),
            when(statusNewer, "signal", S("p.n_sig")),
            when(statusNewer, "power_type", S("p.n_power")),
            when(statusNewer, "cell_voltage", S("p.n_cell")),
            when(statusNewer, "temperature", S("p.n_temp")),
            when(statusNewer, "pressure", S("p.n_press")),
            when(statusNewer, "total_recharge_amt", coalesce("ramt", "total_recharge_amt")),
            when(statusNewer, "total_recharge_count", coalesce("rcount", "total_recharge_count")),
            when(readingNewer, "last_data_time", S("p.n_rt")),
            when(readingNewer, "last_reading", S("p.n_reading")),
            when(readingNewer, "balance", coalesce("bal", "balance")),
            when(readingNewer, "balance_qty", coalesce("balqty", "balance_qty")),
            when(readingNewer, "price", coalesce("price", "price")),
            S("last_upload_at = CASE WHEN last_upload_at IS NULL OR last_upload_at < ? THEN ? ELSE last_upload_at END")};
        const char *names[] = {"n_id", "n_st", "n_valve", "n_sig", "n_power", "n_cell", "n_temp", "n_press", "n_ramt",
                               "n_rcount", "n_rt", "n_reading", "n_bal", "n_balqty", "n_price"};
        QStringList columns;
        for (int i = 0; i < int(std::size(names)); ++i)
            columns << S("json_extract(v, '$[%1]') AS %2").arg(i).arg(QLatin1String(names[i]));
        return S("%1 UPDATE meters SET %2 FROM (SELECT %3 FROM r) AS p WHERE meters.id = p.n_id")
            .arg(jsonRows(), set.join(S(", ")), columns.join(S(", ")));
    }();
    return ctx.db.run(sql, {QString::fromUtf8(latestAsJson(rows)), receivedAt, receivedAt}) != nullptr;
}

bool insertStatuses(WriteContext &ctx, const QList<QPair<qint64, const MeterStatus *>> &rows, qint64 journalId,
                    WriteOutcome &out)
{
    const QVariant journal = nonZeroOrNull(journalId);
    for (int start = 0, n = 0; start < rows.size(); start += n) {
        n = nextChunk(int(rows.size()) - start);
        QVariantList args;
        args.reserve(n * 13);
        for (int i = start; i < start + n; ++i) {
            const auto &[meterId, st] = rows.at(i);
            args << meterId << st->meterTime << st->receivedAt << textOrNull(st->valveStatus) << textOrNull(st->signalStrength)
                 << textOrNull(st->powerType) << textOrNull(st->cellVoltage) << textOrNull(st->temperature)
                 << textOrNull(st->pressure) << optUnits(st->totalRechargeAmt) << optInt(st->totalRechargeCount)
                 << optUnits(st->totalRechargeQty) << journal;
        }
        QSqlQuery *q = ctx.db.run(S("INSERT INTO statuses (%1) VALUES %2 ON CONFLICT (meter_id, meter_time) DO NOTHING "
                                    "RETURNING meter_id")
                                      .arg(QLatin1String(kStatusColumns), placeholders(n, 13)),
                                  args);
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
