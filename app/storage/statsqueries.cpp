// SPDX-License-Identifier: GPL-3.0-or-later
// The overview numbers and the CLI's history exports. Uploads per day come from the upload_days
// counters the writer keeps, so the overview never counts millions of journal rows.
#include "storeprivate.h"

#include <QDateTime>
#include <QSqlQuery>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

bool fillMap(Db &db, const QString &sql, QMap<QString, qint64> &out)
{
    QSqlQuery *q = db.run(sql);
    if (!q)
        return false;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toLongLong());
    q->finish();
    return true;
}

QString cell(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

// A column rendered for export: money/volume units as canonical decimals, times as epoch text.
enum class Col { Text, Money, Volume };

} // namespace

Result<OverviewStats> Store::overview(const OverviewRequest &r) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    OverviewStats s;
    const qint64 now = r.now ? r.now : QDateTime::currentSecsSinceEpoch();
    const qint64 today = r.time.dayNumber(now);
    auto n = db.scalar(S("SELECT (SELECT COUNT(*) FROM meters) - (SELECT COUNT(*) FROM meters WHERE removed_at IS NOT NULL)"));
    if (!n)
        return db.lastError();
    s.meterCount = n->toLongLong();
    n = db.scalar(S("SELECT COUNT(*) FROM meters WHERE last_upload_at < ? AND removed_at IS NULL"),
                  {now - qint64(r.silentDays) * 86400});
    if (!n)
        return db.lastError();
    s.silentMeters = n->toLongLong();
    if (!fillMap(db, S("SELECT alarm_type, COUNT(*) FROM alarms WHERE active = 1 GROUP BY alarm_type"), s.activeAlarmsByType)
        || !fillMap(db, S("SELECT state, COUNT(*) FROM commands GROUP BY state"), s.commandsByState))
        return db.lastError();
    QSqlQuery *q = db.run(S("SELECT day, uploads FROM upload_days WHERE day > ? AND day <= ? ORDER BY day"), {today - r.days, today});
    if (!q)
        return db.lastError();
    QHash<qint64, qint64> perDay;
    while (q->next())
        perDay.insert(q->value(0).toLongLong(), q->value(1).toLongLong());
    q->finish();
    for (qint64 day = today - r.days + 1; day <= today; ++day)
        s.uploadsPerDay.append({PlatformTime::dateOfDayNumber(day), perDay.value(day)});
    s.uploadsToday = perDay.value(today);
    n = db.scalar(S("SELECT COUNT(*) FROM review_flags WHERE resolved = 0"));
    if (!n)
        return db.lastError();
    s.openReviewFlags = n->toLongLong();
    n = db.scalar(S("SELECT COUNT(*) FROM quarantine WHERE replayed_at IS NULL"));
    if (!n)
        return db.lastError();
    s.quarantinedUploads = n->toLongLong();
    return s;
}

Result<ExportTable> Store::exportHistory(const ExportRequest &r) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    struct Spec
    {
        QString sql;         // selects the columns of `header`; placeholders: meter (optional), from, to
        QStringList header;
        QList<Col> cols;
        QString meterColumn; // filter column
        QString timeColumn;
        qint64 timeScale;    // journal keeps milliseconds
    };
    Spec spec;
    switch (r.kind) {
    case ExportKind::Readings:
        spec = {S("SELECT m.meter_no, x.data_time, x.reading, x.standard_num, x.work_num, x.balance_amt, x.total_use_amt, "
                  "x.balance_qty, x.price, x.ladder_qty, x.command_seq, x.received_at FROM readings x JOIN meters m ON m.id = x.meter_id"),
                {S("meterNo"), S("dataTime"), S("readingNum"), S("standardNum"), S("workNum"), S("meterBalanceAmt"),
                 S("totalUseAmt"), S("meterBalanceQty"), S("price"), S("ladderQty"), S("commandSeq"), S("receivedAt")},
                {Col::Text, Col::Text, Col::Volume, Col::Volume, Col::Volume, Col::Money, Col::Money, Col::Volume, Col::Money,
                 Col::Volume, Col::Text, Col::Text},
                S("m.meter_no"), S("x.data_time"), 1};
        break;
    case ExportKind::Statuses:
        spec = {S("SELECT m.meter_no, x.meter_time, x.received_at, x.valve_status, x.signal, x.power_type, x.cell_voltage, "
                  "x.temperature, x.pressure, x.total_recharge_amt, x.total_recharge_count FROM statuses x JOIN meters m ON m.id = x.meter_id"),
                {S("meterNo"), S("meterTime"), S("receivedAt"), S("valveStatus"), S("signal"), S("powerType"), S("cellVoltage"),
                 S("temperature"), S("pressure"), S("totalRechargeAmt"), S("totalRechargeCount")},
                {Col::Text, Col::Text, Col::Text, Col::Text, Col::Text, Col::Text, Col::Text, Col::Text, Col::Text, Col::Money, Col::Text},
                S("m.meter_no"), S("x.meter_time"), 1};
        break;
    case ExportKind::Alarms:
        spec = {S("SELECT x.id, m.meter_no, x.alarm_type, x.critical, x.active, x.opened_at, x.last_seen_at, x.closed_at, "
                  "x.closed_by, x.ack_at, x.ack_by FROM alarms x JOIN meters m ON m.id = x.meter_id"),
                {S("id"), S("meterNo"), S("alarmType"), S("critical"), S("active"), S("openedAt"), S("lastSeenAt"), S("closedAt"),
                 S("closedBy"), S("acknowledgedAt"), S("acknowledgedBy")},
                QList<Col>(11, Col::Text), S("m.meter_no"), S("x.opened_at"), 1};
        break;
    case ExportKind::Commands:
        spec = {S("SELECT x.command_seq, x.name, x.meter_no, x.trade_no, x.state, x.operator, x.params, x.created_at, x.sent_at, "
                  "x.finished_at, x.return_code, x.return_message, x.result_code, x.attempts FROM commands x"),
                {S("commandSeq"), S("name"), S("meterNo"), S("tradeNo"), S("state"), S("operator"), S("params"), S("createdAt"),
                 S("sentAt"), S("finishedAt"), S("returnCode"), S("returnMessage"), S("resultCode"), S("attempts")},
                QList<Col>(14, Col::Text), S("x.meter_no"), S("x.created_at"), 1};
        break;
    case ExportKind::Recharges:
        spec = {S("SELECT x.trade_no, x.meter_no, x.command_seq, x.recharge_num, x.result_code, x.credited, x.received_at, "
                  "x.cancelled, x.cancelled_at FROM recharges x"),
                {S("tradeNo"), S("meterNo"), S("commandSeq"), S("rechargeNum"), S("resultCode"), S("credited"), S("receivedAt"),
                 S("cancelled"), S("cancelledAt")},
                {Col::Text, Col::Text, Col::Text, Col::Money, Col::Text, Col::Text, Col::Text, Col::Text, Col::Text},
                S("x.meter_no"), S("x.received_at"), 1};
        break;
    case ExportKind::Journal:
        spec = {S("SELECT x.id, x.at, x.direction, x.endpoint, x.remote, x.return_code, x.http_status, x.meter_no, x.command_seq, "
                  "x.duration_ms, x.body FROM journal x"),
                {S("id"), S("atMs"), S("direction"), S("endpoint"), S("remote"), S("returnCode"), S("httpStatus"), S("meterNo"),
                 S("commandSeq"), S("durationMs"), S("body")},
                QList<Col>(11, Col::Text), S("x.meter_no"), S("x.at"), 1000};
        break;
    }
    QStringList terms{S("1 = 1")};
    QVariantList args;
    if (!r.meterNo.isEmpty()) {
        terms << spec.meterColumn + S(" = ?");
        args << r.meterNo;
    }
    if (r.from) {
        terms << spec.timeColumn + S(" >= ?");
        args << r.from * spec.timeScale;
    }
    if (r.to) {
        terms << spec.timeColumn + S(" < ?");
        args << r.to * spec.timeScale;
    }
    args << (r.limit > 0 ? qint64(r.limit) : std::numeric_limits<qint64>::max());
    QSqlQuery *q = db.run(S("%1 WHERE %2 ORDER BY %3 LIMIT ?").arg(spec.sql, terms.join(S(" AND ")), spec.timeColumn), args);
    if (!q)
        return db.lastError();
    ExportTable table;
    table.header = spec.header;
    while (q->next()) {
        QStringList row;
        for (int i = 0; i < spec.cols.size(); ++i) {
            const QVariant v = q->value(i);
            if (v.isNull())
                row << QString();
            else if (spec.cols[i] == Col::Money)
                row << Money::fromUnits(v.toLongLong()).toString();
            else if (spec.cols[i] == Col::Volume)
                row << Volume::fromUnits(v.toLongLong()).toString();
            else if (v.typeId() == QMetaType::QByteArray)
                row << QString::fromUtf8(v.toByteArray());
            else
                row << cell(v);
        }
        table.rows << row;
    }
    q->finish();
    return table;
}

} // namespace md
