// SPDX-License-Identifier: GPL-3.0-or-later
// One upload, atomically with its journal row (protocol.md section 7): journal, statuses, readings
// (stored once per (meter, dataTime); a re-delivery with other values keeps the first and is
// flagged), alarms (lifecycle), command result, recharge ledger, parameters; then the meters table's
// "latest" columns so the registry view needs no join.
#include "writeops.h"

#include "core/dictionary.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

namespace md::writeops {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

Error unknownMeter(const QString &meterNo)
{
    return makeError(S("1003"), S("meterNo"), QStringLiteral("meter %1 is not in the registry").arg(meterNo));
}

// The meters row's status columns, when this status is not older than the one it has.
bool updateMeterStatus(WriteContext &ctx, qint64 meterId, const MeterStatus &st)
{
    if (!ctx.db.run(S("UPDATE meters SET last_meter_time = ?, valve_status = ?, signal = ?, power_type = ?, "
                      "cell_voltage = ?, temperature = ?, pressure = ?, "
                      "total_recharge_amt = COALESCE(?, total_recharge_amt), "
                      "total_recharge_count = COALESCE(?, total_recharge_count) "
                      "WHERE id = ? AND (last_meter_time IS NULL OR last_meter_time <= ?)"),
                    {st.meterTime, textOrNull(st.valveStatus), textOrNull(st.signalStrength), textOrNull(st.powerType),
                     textOrNull(st.cellVoltage), textOrNull(st.temperature), textOrNull(st.pressure),
                     optUnits(st.totalRechargeAmt), optInt(st.totalRechargeCount), meterId, st.meterTime}))
        return false;
    return true;
}

bool updateLatestReading(WriteContext &ctx, qint64 meterId, const Reading &r)
{
    return ctx.db.run(S("UPDATE meters SET last_data_time = ?, last_reading = ?, balance = COALESCE(?, balance), "
                        "balance_qty = COALESCE(?, balance_qty), price = COALESCE(?, price) "
                        "WHERE id = ? AND (last_data_time IS NULL OR last_data_time <= ?)"),
                      {r.dataTime, qint64(r.readingNum.units()), optUnits(r.meterBalanceAmt), optUnits(r.meterBalanceQty),
                       optUnits(r.price), meterId, r.dataTime})
           != nullptr;
}

bool refreshAlarmCounts(WriteContext &ctx, qint64 meterId)
{
    return ctx.db.run(S("UPDATE meters SET active_alarms = (SELECT COUNT(*) FROM alarms WHERE meter_id = ? AND active = 1), "
                        "critical_alarms = (SELECT COUNT(*) FROM alarms WHERE meter_id = ? AND active = 1 AND critical = 1) "
                        "WHERE id = ?"),
                      {meterId, meterId, meterId})
           != nullptr;
}

// alarmStatus 0 opens (or refreshes) the active alarm of that type; 1 closes it; type 0000 closes
// every active alarm of the meter. An event already seen (same meter, type, time, status) changes
// nothing: re-deliveries are idempotent.
bool applyAlarm(WriteContext &ctx, qint64 meterId, const AlarmEvent &a, qint64 journalId, WriteOutcome &out)
{
    QSqlQuery *q = ctx.db.run(S("INSERT INTO alarm_events (meter_id, alarm_type, alarm_time, raised, journal_id) "
                                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (meter_id, alarm_type, alarm_time, raised) DO NOTHING"),
                              {meterId, a.alarmType, a.alarmTime, a.raised ? 1 : 0, nonZeroOrNull(journalId)});
    if (!q)
        return false;
    if (q->numRowsAffected() == 0)
        return true;
    const bool clearAll = a.alarmType == QLatin1String("0000");
    if (clearAll || !a.raised) {
        QString sql = S("UPDATE alarms SET active = 0, closed_at = ?, closed_by = ? WHERE meter_id = ? AND active = 1");
        QVariantList args{a.alarmTime, clearAll ? S("meter-0000") : S("meter"), meterId};
        if (!clearAll) {
            sql += S(" AND alarm_type = ?");
            args << a.alarmType;
        }
        q = ctx.db.run(sql, args);
        if (!q)
            return false;
        out.alarmsClosed += q->numRowsAffected();
    } else {
        auto existing = ctx.db.scalar(S("SELECT id FROM alarms WHERE meter_id = ? AND alarm_type = ? AND active = 1"),
                                      {meterId, a.alarmType});
        if (existing) {
            if (!ctx.db.run(S("UPDATE alarms SET last_seen_at = CASE WHEN last_seen_at < ? THEN ? ELSE last_seen_at END, "
                              "raise_count = raise_count + 1 WHERE id = ?"),
                            {a.alarmTime, a.alarmTime, existing->toLongLong()}))
                return false;
            ++out.alarmsRefreshed;
        } else {
            const bool critical = Dictionary::isCriticalAlarm(a.alarmType) || a.alarmType == QLatin1String("1002");
            auto id = ctx.db.scalar(S("INSERT INTO alarms (meter_id, alarm_type, critical, active, opened_at, last_seen_at, "
                                      "journal_id) VALUES (?, ?, ?, 1, ?, ?, ?) RETURNING id"),
                                    {meterId, a.alarmType, critical ? 1 : 0, a.alarmTime, a.alarmTime, nonZeroOrNull(journalId)});
            if (!id)
                return false;
            ++out.alarmsOpened;
            if (critical) {
                out.newCriticalAlarmIds << id->toLongLong();
                ctx.changes.newCriticalAlarms << id->toLongLong();
            }
        }
    }
    ctx.changes.alarmMeters.insert(a.meterNo);
    return refreshAlarmCounts(ctx, meterId);
}

// rechargeUp credits its tradeNo once; cancelRechargeUp (resultCode 00) marks it cancelled once.
bool applyRecharge(WriteContext &ctx, const RechargeResult &r, qint64 journalId, WriteOutcome &out)
{
    const bool success = r.resultCode == QLatin1String("00");
    if (!r.cancel) {
        QSqlQuery *q = ctx.db.run(
            S("INSERT INTO recharges (trade_no, meter_no, command_seq, recharge_num, result_code, credited, received_at, "
              "total_recharge_amt, total_recharge_qty, balance_amt, balance_qty, journal_id) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trade_no) DO NOTHING"),
            {r.tradeNo, r.meterNo, textOrNull(r.commandSeq), qint64(r.rechargeNum.units()), r.resultCode, success ? 1 : 0,
             r.receivedAt, optUnits(r.totalRechargeAmt), optUnits(r.totalRechargeQty), optUnits(r.meterBalanceAmt),
             optUnits(r.meterBalanceQty), nonZeroOrNull(journalId)});
        if (!q)
            return false;
        if (q->numRowsAffected() > 0) {
            out.rechargeCredited = success;
        } else {
            out.rechargeDuplicate = true;
            q = ctx.db.run(S("SELECT recharge_num, result_code FROM recharges WHERE trade_no = ?"), {r.tradeNo});
            if (!q || !q->next())
                return false;
            const bool same = q->value(0).toLongLong() == r.rechargeNum.units() && q->value(1).toString() == r.resultCode;
            const QString stored = q->value(0).toString() + S("/") + q->value(1).toString();
            q->finish();
            if (!same && !addReviewFlag(ctx, S("recharge-conflict"), r.meterNo, r.tradeNo,
                                        S("stored %1, received %2/%3").arg(stored).arg(r.rechargeNum.units()).arg(r.resultCode),
                                        journalId))
                return false;
        }
    } else if (success) {
        QSqlQuery *q = ctx.db.run(S("UPDATE recharges SET cancelled = 1, cancelled_at = ?, cancel_seq = ?, cancel_journal_id = ? "
                                    "WHERE trade_no = ? AND cancelled = 0"),
                                  {r.receivedAt, textOrNull(r.commandSeq), nonZeroOrNull(journalId), r.tradeNo});
        if (!q)
            return false;
        if (q->numRowsAffected() == 0) {
            auto exists = ctx.db.scalar(S("SELECT cancelled FROM recharges WHERE trade_no = ?"), {r.tradeNo});
            if (exists) {
                out.rechargeDuplicate = true;
            } else {
                // A cancellation of a recharge we never saw credited: keep it in the ledger, flagged.
                if (!ctx.db.run(S("INSERT INTO recharges (trade_no, meter_no, command_seq, recharge_num, result_code, credited, "
                                  "received_at, journal_id, cancelled, cancelled_at, cancel_seq, cancel_journal_id) "
                                  "VALUES (?, ?, NULL, ?, NULL, 0, ?, NULL, 1, ?, ?, ?)"),
                                {r.tradeNo, r.meterNo, qint64(r.rechargeNum.units()), r.receivedAt, r.receivedAt,
                                 textOrNull(r.commandSeq), nonZeroOrNull(journalId)}))
                    return false;
                if (!addReviewFlag(ctx, S("cancel-unknown-tradeNo"), r.meterNo, r.tradeNo, {}, journalId))
                    return false;
            }
        }
    }
    if (r.totalRechargeAmt || r.meterBalanceAmt || r.meterBalanceQty) {
        if (!ctx.db.run(S("UPDATE meters SET total_recharge_amt = COALESCE(?, total_recharge_amt), balance = COALESCE(?, balance), "
                          "balance_qty = COALESCE(?, balance_qty) WHERE meter_no = ? AND removed_at IS NULL"),
                        {optUnits(r.totalRechargeAmt), optUnits(r.meterBalanceAmt), optUnits(r.meterBalanceQty), r.meterNo}))
            return false;
    }
    ctx.changes.readingMeters.insert(r.meterNo);
    return true;
}

bool insertParameters(WriteContext &ctx, const ParameterSet &p, qint64 journalId)
{
    QJsonObject o;
    for (auto it = p.values.constBegin(); it != p.values.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return ctx.db.run(S("INSERT INTO parameters (meter_no, command_seq, reported, values_json, received_at, journal_id) "
                        "VALUES (?, ?, ?, ?, ?, ?)"),
                      {p.meterNo, textOrNull(p.commandSeq), p.reported ? 1 : 0,
                       QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)), p.receivedAt, nonZeroOrNull(journalId)})
           != nullptr;
}

} // namespace

std::optional<qint64> meterId(WriteContext &ctx, const QString &meterNo)
{
    const auto hit = ctx.meterIdCache.constFind(meterNo);
    if (hit != ctx.meterIdCache.constEnd())
        return *hit;
    QSqlQuery *q = ctx.db.run(S("SELECT id FROM meters WHERE meter_no = ? AND removed_at IS NULL"), {meterNo});
    if (!q)
        return std::nullopt;
    qint64 id = 0;
    if (q->next())
        id = q->value(0).toLongLong();
    q->finish();
    if (id)
        ctx.meterIdCache.insert(meterNo, id);
    return id;
}

bool addReviewFlag(WriteContext &ctx, const QString &kind, const QString &meterNo, const QString &key,
                   const QString &detail, qint64 journalId)
{
    ctx.changes.reviewFlags = true;
    return ctx.db.run(S("INSERT INTO review_flags (at, kind, meter_no, item_key, detail, journal_id) VALUES (?, ?, ?, ?, ?, ?)"),
                      {ctx.now, kind, textOrNull(meterNo), textOrNull(key), textOrNull(detail), nonZeroOrNull(journalId)})
           != nullptr;
}

Result<qint64> insertJournal(WriteContext &ctx, const JournalEntry &e)
{
    auto id = ctx.db.scalar(S("INSERT INTO journal (at, direction, endpoint, remote, headers, body, return_code, http_status, "
                              "meter_no, command_seq, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                            {e.at, e.direction == JournalDirection::Inbound ? 0 : 1, e.endpoint, textOrNull(e.remote),
                             e.headers, e.body, textOrNull(e.returnCode), e.httpStatus, textOrNull(e.meterNo),
                             textOrNull(e.commandSeq), e.durationMs});
    if (!id)
        return ctx.db.lastError();
    const qint64 jid = id->toLongLong();
    ctx.changes.lastJournalId = std::max(ctx.changes.lastJournalId, jid);
    if (e.direction == JournalDirection::Inbound) {
        const qint64 day = ctx.time.dayNumber(e.at / 1000);
        ctx.changes.dayCounts[day].first += 1;
    }
    return jid;
}

WriteOutcome applyUpload(WriteContext &ctx, const UploadWrite &w)
{
    WriteOutcome out;
    auto fail = [&](Error e) {
        out = WriteOutcome{};
        out.error = std::move(e);
        return out;
    };
    auto dbFail = [&] { return fail(ctx.db.lastError()); };

    if (w.replayOf) {
        // A quarantine replay is no new message: its request was journaled when it arrived
        // (w.journal.id, the quarantine row's journal_id) and the replayed rows point at that row.
        out.journalId = w.journal.id;
    } else {
        auto jid = insertJournal(ctx, w.journal);
        if (!jid)
            return fail(jid.error());
        out.journalId = *jid;
    }
    const qint64 receivedAt = w.journal.at ? w.journal.at / 1000 : ctx.now;

    QHash<QString, qint64> ids;
    auto idOf = [&](const QString &meterNo) -> std::optional<qint64> {
        if (auto it = ids.constFind(meterNo); it != ids.constEnd())
            return *it;
        auto id = meterId(ctx, meterNo);
        if (id && *id)
            ids.insert(meterNo, *id);
        return id;
    };

    // The meters rows' latest columns in one statement per meter after the alarms (updateMetersLatest);
    // two statuses of one meter in one upload keep the statement per status.
    QHash<qint64, const MeterStatus *> statusOf;
    bool oneStatusPerMeter = true;
    QList<QPair<qint64, const MeterStatus *>> statusRows;
    for (const MeterStatus &st : w.statuses) {
        auto id = idOf(st.meterNo);
        if (!id)
            return dbFail();
        if (!*id)
            return fail(unknownMeter(st.meterNo));
        statusRows.append({*id, &st});
        oneStatusPerMeter = oneStatusPerMeter && !statusOf.contains(*id);
        statusOf.insert(*id, &st);
    }
    const bool latestInOne = oneStatusPerMeter;
    if (!insertStatuses(ctx, statusRows, out.journalId, out))
        return dbFail();
    for (const auto &[id, st] : std::as_const(statusRows))
        if (!latestInOne && !updateMeterStatus(ctx, id, *st))
            return dbFail();

    QHash<qint64, const Reading *> latest;
    QList<QPair<qint64, const Reading *>> readingRows;
    readingRows.reserve(w.readings.size());
    for (const Reading &r : w.readings) {
        auto id = idOf(r.meterNo);
        if (!id)
            return dbFail();
        if (!*id)
            return fail(unknownMeter(r.meterNo));
        readingRows.append({*id, &r});
        const Reading *&best = latest[*id];
        if (!best || best->dataTime < r.dataTime)
            best = &r;
    }
    if (!insertReadings(ctx, readingRows, out.journalId, receivedAt, out))
        return dbFail();
    for (auto it = latest.constBegin(); it != latest.constEnd(); ++it)
        if (!latestInOne && !updateLatestReading(ctx, it.key(), **it))
            return dbFail();

    for (const AlarmEvent &a : w.alarms) {
        auto id = idOf(a.meterNo);
        if (!id)
            return dbFail();
        if (!*id)
            return fail(unknownMeter(a.meterNo));
        if (!applyAlarm(ctx, *id, a, out.journalId, out))
            return dbFail();
    }
    // Before the recharge below, which sets the balance and recharge total as well.
    if (latestInOne) {
        QList<MeterLatest> rows;
        rows.reserve(ids.size());
        for (const qint64 id : std::as_const(ids))
            rows.append({id, statusOf.value(id), latest.value(id)});
        if (!updateMetersLatest(ctx, rows, receivedAt))
            return dbFail();
    }

    if (w.result) {
        auto m = applyCommandResult(ctx, *w.result, out.journalId);
        if (!m)
            return fail(m.error());
        out.matchedCommandSeq = m->matchedSeq;
        out.unknownCommandSeq = m->unknown;
        out.duplicateResult = m->duplicate;
    }
    if (w.recharge && !applyRecharge(ctx, *w.recharge, out.journalId, out))
        return dbFail();
    if (w.parameters && !insertParameters(ctx, *w.parameters, out.journalId))
        return dbFail();
    // Unknown codes were stored as received above; each (and any other note of the mapper) is
    // flagged for a person to look at.
    for (const ReviewNote &note : w.reviewNotes) {
        if (!addReviewFlag(ctx, note.kind, note.meterNo, note.path, note.value, out.journalId))
            return dbFail();
    }

    // Records of meters not registered yet: kept with the upload, so 0000 still means "on disk".
    for (const QuarantinedRecord &qr : w.quarantined) {
        if (!ctx.db.run(S("INSERT INTO quarantine (meter_no, upload_name, record, received_at, journal_id) VALUES (?, ?, ?, ?, ?)"),
                        {qr.meterNo, qr.uploadName, QString::fromUtf8(qr.record), receivedAt, out.journalId}))
            return dbFail();
        ctx.changes.reviewFlags = true; // the overview's count moves with it
    }
    if (w.replayOf
        && !ctx.db.run(S("UPDATE quarantine SET replayed_at = ? WHERE id = ? AND replayed_at IS NULL"), {ctx.now, w.replayOf}))
        return dbFail();

    // The meters that spoke: last upload time (what "silent for N days" is measured against).
    for (auto it = ids.constBegin(); it != ids.constEnd(); ++it) {
        if (!latestInOne
            && !ctx.db.run(S("UPDATE meters SET last_upload_at = ? WHERE id = ? AND (last_upload_at IS NULL OR last_upload_at < ?)"),
                           {receivedAt, it.value(), receivedAt}))
            return dbFail();
        ctx.changes.readingMeters.insert(it.key());
        out.meterNos << it.key();
    }
    if (out.readingsInserted) {
        const qint64 day = ctx.time.dayNumber(receivedAt);
        ctx.changes.dayCounts[day].second += out.readingsInserted;
    }
    out.ok = true;
    return out;
}

} // namespace md::writeops
