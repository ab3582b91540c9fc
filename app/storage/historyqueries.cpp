// SPDX-License-Identifier: GPL-3.0-or-later
// Per-meter history (timelines, daily consumption, status), alarms, journal and review flags.
// A timeline is one range scan of the readings primary key (meter_id, data_time). Each read covers the
// archives opened with the store too (historysources.h: ${S}, ${M}, ${ID} in the SQL).
#include "storeprivate.h"

#include <QSqlQuery>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

const char *const alarmColumns = "a.id, m.meter_no, a.alarm_type, a.critical, a.active, a.opened_at, a.last_seen_at, "
                                 "a.closed_at, a.closed_by, a.ack_at, a.ack_by, a.raise_count";

// Rows come from a query or from the merged history of the live database and its archives
// (historysources.h): anything with value(i).
template<typename Row>
AlarmRow alarmFrom(const Row &q)
{
    AlarmRow a;
    a.id = q.value(0).toLongLong();
    a.meterNo = q.value(1).toString();
    a.alarmType = q.value(2).toString();
    a.critical = q.value(3).toInt() != 0;
    a.active = q.value(4).toInt() != 0;
    a.openedAt = q.value(5).toLongLong();
    a.lastSeenAt = q.value(6).toLongLong();
    a.closedAt = q.value(7).toLongLong();
    a.closedBy = q.value(8).toString();
    a.acknowledgedAt = q.value(9).toLongLong();
    a.acknowledgedBy = q.value(10).toString();
    a.raiseCount = q.value(11).toLongLong();
    return a;
}

constexpr int alarmColumnCount = 12;
constexpr int journalColumnCount = 10;

const char *const journalListColumns = "id, at, direction, endpoint, remote, return_code, http_status, meter_no, command_seq, duration_ms";

template<typename Row>
JournalEntry journalFrom(const Row &q)
{
    JournalEntry e;
    e.id = q.value(0).toLongLong();
    e.at = q.value(1).toLongLong();
    e.direction = q.value(2).toInt() == 0 ? JournalDirection::Inbound : JournalDirection::Outbound;
    e.endpoint = q.value(3).toString();
    e.remote = q.value(4).toString();
    e.returnCode = q.value(5).toString();
    e.httpStatus = q.value(6).toInt();
    e.meterNo = q.value(7).toString();
    e.commandSeq = q.value(8).toString();
    e.durationMs = q.value(9).toLongLong();
    return e;
}

} // namespace

Result<ReadingSeries> Store::readings(const QString &meterNo, qint64 from, qint64 to) const
{
    HistorySelect h;
    h.select = S("SELECT data_time, reading, balance_amt FROM ${S}readings WHERE meter_id = ${ID} AND data_time >= ? AND data_time < ?");
    h.args = {meterNo, from, to > 0 ? to : std::numeric_limits<qint64>::max()};
    h.columns = 3;
    ReadingSeries s;
    auto ok = d->history(h, [&s](const HistoryRow &r) {
        s.time.append(r.value(0).toLongLong());
        s.readingUnits.append(r.value(1).toLongLong());
        const QVariant b = r.value(2);
        s.balanceUnits.append(b.isNull() ? ReadingSeries::noValue : b.toLongLong());
    });
    if (!ok)
        return ok.error();
    return s;
}

Result<QList<Reading>> Store::readingRows(const QString &meterNo, qint64 from, qint64 to, int limit) const
{
    HistorySelect h;
    h.select = S("SELECT data_time, reading, standard_num, work_num, balance_amt, total_use_amt, balance_qty, price, "
                 "ladder_qty, command_seq FROM ${S}readings WHERE meter_id = ${ID} AND data_time >= ? AND data_time < ?");
    h.args = {meterNo, from, to > 0 ? to : std::numeric_limits<qint64>::max()};
    h.limit = limit > 0 ? limit : 0;
    h.columns = 10;
    QList<Reading> rows;
    auto ok = d->history(h, [&](const HistoryRow &row) {
        const HistoryRow *q = &row;
        Reading r;
        r.meterNo = meterNo;
        r.dataTime = q->value(0).toLongLong();
        r.readingNum = Volume::fromUnits(q->value(1).toLongLong());
        r.standardNum = unitsOrNull<Volume>(q->value(2));
        r.workNum = unitsOrNull<Volume>(q->value(3));
        r.meterBalanceAmt = unitsOrNull<Money>(q->value(4));
        r.totalUseAmt = unitsOrNull<Money>(q->value(5));
        r.meterBalanceQty = unitsOrNull<Volume>(q->value(6));
        r.price = unitsOrNull<Money>(q->value(7));
        r.ladderQty = unitsOrNull<Volume>(q->value(8));
        r.commandSeq = q->value(9).toString();
        rows << r;
    });
    if (!ok)
        return ok.error();
    return rows;
}

Result<QList<DailyConsumption>> Store::dailyConsumption(const QString &meterNo, qint64 from, qint64 to, const PlatformTime &time) const
{
    // The last reading of each platform day, minus the last reading before that day: computed from the
    // compact series (one range scan) rather than in SQL, identical on both backends.
    auto series = readings(meterNo, from - 40 * 86400, to);
    if (!series)
        return series.error();
    QList<DailyConsumption> out;
    qint64 previous = std::numeric_limits<qint64>::min();
    qint64 currentDay = std::numeric_limits<qint64>::min();
    qint64 dayLast = 0;
    auto close = [&] {
        if (currentDay == std::numeric_limits<qint64>::min())
            return;
        const qint64 dayStart = time.startOfDay(PlatformTime::dateOfDayNumber(currentDay));
        if (dayStart >= from - 86400 && dayStart < (to > 0 ? to : std::numeric_limits<qint64>::max())
            && dayStart + 86400 > from) {
            DailyConsumption c;
            c.date = PlatformTime::dateOfDayNumber(currentDay);
            c.lastReading = Volume::fromUnits(dayLast);
            c.consumption = Volume::fromUnits(previous == std::numeric_limits<qint64>::min() ? 0 : dayLast - previous);
            out << c;
        }
        previous = dayLast;
    };
    for (int i = 0; i < series->time.size(); ++i) {
        const qint64 t = series->time.at(i);
        const qint64 day = time.dayNumber(t);
        if (day != currentDay) {
            close();
            currentDay = day;
        }
        dayLast = series->readingUnits.at(i);
    }
    close();
    return out;
}

Result<QList<MeterStatus>> Store::statusHistory(const QString &meterNo, qint64 from, qint64 to, int limit) const
{
    HistorySelect h;
    h.select = S("SELECT meter_time, received_at, valve_status, signal, power_type, cell_voltage, temperature, "
                 "pressure, total_recharge_amt, total_recharge_count, total_recharge_qty FROM ${S}statuses "
                 "WHERE meter_id = ${ID} AND meter_time >= ? AND meter_time < ?");
    h.args = {meterNo, from, to > 0 ? to : std::numeric_limits<qint64>::max()};
    h.descending = true;
    h.limit = limit > 0 ? limit : 0;
    h.columns = 11;
    QList<MeterStatus> rows;
    auto ok = d->history(h, [&](const HistoryRow &q) {
        MeterStatus r;
        r.meterNo = meterNo;
        r.meterTime = q.value(0).toLongLong();
        r.receivedAt = q.value(1).toLongLong();
        r.valveStatus = q.value(2).toString();
        r.signalStrength = q.value(3).toString();
        r.powerType = q.value(4).toString();
        r.cellVoltage = q.value(5).toString();
        r.temperature = q.value(6).toString();
        r.pressure = q.value(7).toString();
        r.totalRechargeAmt = unitsOrNull<Money>(q.value(8));
        if (!q.value(9).isNull())
            r.totalRechargeCount = q.value(9).toLongLong();
        r.totalRechargeQty = unitsOrNull<Volume>(q.value(10));
        rows << r;
    });
    if (!ok)
        return ok.error();
    return rows;
}

Result<QList<AlarmRow>> Store::alarms(const AlarmFilter &f) const
{
    QStringList terms{S("1 = 1")};
    QVariantList args;
    if (f.activeOnly)
        terms << S("a.active = 1");
    if (!f.alarmType.isEmpty()) {
        terms << S("a.alarm_type = ?");
        args << f.alarmType;
    }
    if (!f.meterNo.isEmpty()) {
        terms << S("m.meter_no = ?");
        args << f.meterNo;
    }
    if (f.criticalOnly)
        terms << S("a.critical = 1");
    if (f.unacknowledgedOnly)
        terms << S("a.ack_at IS NULL");
    if (f.from) {
        terms << S("a.opened_at >= ?");
        args << f.from;
    }
    if (f.to) {
        terms << S("a.opened_at < ?");
        args << f.to;
    }
    HistorySelect h;
    h.select = S("SELECT %1 FROM ${S}alarms a JOIN ${M} m ON m.id = a.meter_id WHERE %2")
                   .arg(QLatin1String(alarmColumns), terms.join(S(" AND ")));
    h.args = args;
    h.descending = true;
    h.limit = f.limit > 0 ? f.limit : 200;
    h.offset = std::max(0, f.offset);
    h.columns = alarmColumnCount;
    QList<AlarmRow> rows;
    if (auto ok = d->history(h, [&rows](const HistoryRow &r) { rows << alarmFrom(r); }); !ok)
        return ok.error();
    return rows;
}

Result<std::optional<AlarmRow>> Store::alarm(qint64 id) const
{
    HistorySelect h;
    h.select = S("SELECT %1 FROM ${S}alarms a JOIN ${M} m ON m.id = a.meter_id WHERE a.id = ?").arg(QLatin1String(alarmColumns));
    h.args = {id};
    h.limit = 1;
    h.columns = alarmColumnCount;
    std::optional<AlarmRow> a;
    if (auto ok = d->history(h, [&a](const HistoryRow &r) { a = alarmFrom(r); }); !ok)
        return ok.error();
    return a;
}

Result<JournalPage> Store::journalPage(const JournalFilter &f) const
{
    QStringList terms{S("1 = 1")};
    QVariantList args;
    auto eq = [&](const char *col, const QString &v) {
        if (!v.isEmpty()) {
            terms << S("%1 = ?").arg(QLatin1String(col));
            args << v;
        }
    };
    eq("endpoint", f.endpoint);
    eq("meter_no", f.meterNo);
    eq("command_seq", f.commandSeq);
    eq("return_code", f.returnCode);
    if (f.direction) {
        terms << S("direction = ?");
        args << (*f.direction == JournalDirection::Inbound ? 0 : 1);
    }
    if (f.fromMs) {
        terms << S("at >= ?");
        args << f.fromMs;
    }
    if (f.toMs) {
        terms << S("at < ?");
        args << f.toMs;
    }
    if (f.beforeId) {
        terms << S("id < ?");
        args << f.beforeId;
    }
    if (!f.text.trimmed().isEmpty()) {
        // Substring over the small columns (the body is bytes; searching it would read gigabytes).
        const QString like = d->dialect.likeOperator();
        terms << S("(endpoint %1 ? OR meter_no %1 ? OR command_seq %1 ? OR remote %1 ? OR return_code %1 ?)").arg(like);
        const QString p = QLatin1Char('%') + f.text.trimmed() + QLatin1Char('%');
        args << p << p << p << p << p;
    }
    HistorySelect h;
    h.select = S("SELECT %1 FROM ${S}journal WHERE %2").arg(QLatin1String(journalListColumns), terms.join(S(" AND ")));
    h.args = args;
    h.descending = true;
    h.limit = f.limit > 0 ? f.limit : 200;
    h.offset = std::max(0, f.offset);
    h.columns = journalColumnCount;
    JournalPage page;
    if (auto ok = d->history(h, [&page](const HistoryRow &r) { page.rows << journalFrom(r); }); !ok)
        return ok.error();
    return page;
}

Result<std::optional<JournalEntry>> Store::journalEntry(qint64 id) const
{
    HistorySelect h;
    h.select = S("SELECT %1, headers, body FROM ${S}journal WHERE id = ?").arg(QLatin1String(journalListColumns));
    h.args = {id};
    h.limit = 1;
    h.columns = journalColumnCount + 2;
    std::optional<JournalEntry> e;
    auto ok = d->history(h, [&e](const HistoryRow &r) {
        e = journalFrom(r);
        e->headers = r.value(10).toByteArray();
        e->body = r.value(11).toByteArray();
    });
    if (!ok)
        return ok.error();
    return e;
}

Result<QList<ReviewFlag>> Store::reviewFlags(bool openOnly, int limit) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QSqlQuery *q = db.run(S("SELECT id, at, kind, meter_no, item_key, detail, journal_id, resolved FROM review_flags %1 "
                            "ORDER BY id DESC LIMIT ?")
                              .arg(openOnly ? S("WHERE resolved = 0") : QString()),
                          {qint64(limit > 0 ? limit : 500)});
    if (!q)
        return db.lastError();
    QList<ReviewFlag> rows;
    while (q->next()) {
        ReviewFlag f;
        f.id = q->value(0).toLongLong();
        f.at = q->value(1).toLongLong();
        f.kind = q->value(2).toString();
        f.meterNo = q->value(3).toString();
        f.key = q->value(4).toString();
        f.detail = q->value(5).toString();
        f.journalId = q->value(6).toLongLong();
        f.resolved = q->value(7).toInt() != 0;
        rows << f;
    }
    q->finish();
    return rows;
}

} // namespace md
