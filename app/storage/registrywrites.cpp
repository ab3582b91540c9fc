// SPDX-License-Identifier: GPL-3.0-or-later
// Registry and housekeeping writes: meters (CSV import answers row by row), soft removal (history
// keeps its meter id), alarm acknowledgement, review flags, retention.
#include "writeops.h"

#include <QSqlQuery>

namespace md::writeops {

namespace {
QString S(const char *s) { return QString::fromLatin1(s); }
}

Result<QList<MeterUpsertResult>> upsertMeters(WriteContext &ctx, const QList<MeterInfo> &meters)
{
    QList<MeterUpsertResult> results;
    results.reserve(meters.size());
    for (const MeterInfo &m : meters) {
        MeterUpsertResult r;
        r.meterNo = m.meterNo;
        if (m.meterNo.trimmed().isEmpty() || m.meterNo.size() > 64) {
            r.error = makeError(S("9002"), S("meterNo"), S("meterNo is empty or longer than 64 characters"));
            results << r;
            continue;
        }
        auto existing = ctx.db.scalar(S("SELECT id FROM meters WHERE meter_no = ?"), {m.meterNo});
        const QVariantList values{textOrNull(m.meterType), textOrNull(m.factoryCode), textOrNull(m.userNo), textOrNull(m.userName),
                                  textOrNull(m.addrDes),   textOrNull(m.devNo),       textOrNull(m.companyNo),
                                  optInt(m.setUpTime),     optUnits(m.enableMeterReading),
                                  m.billingUnit == BillingUnit::Unknown ? QVariant() : QVariant(int(m.billingUnit))};
        bool ok;
        if (existing) {
            QVariantList args = values;
            args << ctx.now << existing->toLongLong();
            ok = ctx.db.run(S("UPDATE meters SET meter_type = ?, factory_code = ?, user_no = ?, user_name = ?, addr_des = ?, "
                              "dev_no = ?, company_no = ?, set_up_time = ?, enable_reading = ?, "
                              // a file without the column keeps the unit the registry knows
                              "billing_unit = COALESCE(?, billing_unit), updated_at = ?, removed_at = NULL "
                              "WHERE id = ?"),
                            args)
                 != nullptr;
        } else {
            QVariantList args{m.meterNo};
            args += values;
            args << ctx.now << ctx.now;
            ok = ctx.db.run(S("INSERT INTO meters (meter_no, meter_type, factory_code, user_no, user_name, addr_des, dev_no, "
                              "company_no, set_up_time, enable_reading, billing_unit, created_at, updated_at, last_upload_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"),
                            args)
                 != nullptr;
            r.inserted = true;
        }
        if (!ok) {
            // A database failure fails the whole import (the savepoint rolls it back): a half-written
            // CSV import with a vague error is worse than a clean retry.
            return ctx.db.lastError();
        }
        results << r;
    }
    ctx.changes.meters = true;
    ctx.meterIdCache.clear();
    return results;
}

Result<bool> removeMeter(WriteContext &ctx, const QString &meterNo)
{
    QSqlQuery *q = ctx.db.run(S("UPDATE meters SET removed_at = ?, updated_at = ? WHERE meter_no = ? AND removed_at IS NULL"),
                              {ctx.now, ctx.now, meterNo});
    if (!q)
        return ctx.db.lastError();
    const bool removed = q->numRowsAffected() > 0;
    ctx.meterIdCache.remove(meterNo);
    ctx.changes.meters = ctx.changes.meters || removed;
    return removed;
}

Result<bool> acknowledgeAlarm(WriteContext &ctx, qint64 alarmId, const QString &who, qint64 at)
{
    QSqlQuery *q = ctx.db.run(S("UPDATE alarms SET ack_at = ?, ack_by = ? WHERE id = ? AND ack_at IS NULL"), {at, who, alarmId});
    if (!q)
        return ctx.db.lastError();
    const bool done = q->numRowsAffected() > 0;
    if (done) {
        auto meter = ctx.db.scalar(S("SELECT m.meter_no FROM alarms a JOIN meters m ON m.id = a.meter_id WHERE a.id = ?"), {alarmId});
        ctx.changes.alarmMeters.insert(meter ? meter->toString() : QString());
    }
    return done;
}

Result<bool> resolveReviewFlag(WriteContext &ctx, qint64 flagId, const QString &who, qint64 at)
{
    QSqlQuery *q = ctx.db.run(S("UPDATE review_flags SET resolved = 1, resolved_by = ?, resolved_at = ? WHERE id = ? AND resolved = 0"),
                              {who, at, flagId});
    if (!q)
        return ctx.db.lastError();
    ctx.changes.reviewFlags = true;
    return q->numRowsAffected() > 0;
}

Result<qint64> purgeBefore(WriteContext &ctx, qint64 before, bool includeJournal)
{
    qint64 rows = 0;
    const QStringList statements = {S("DELETE FROM readings WHERE data_time < ?"), S("DELETE FROM statuses WHERE meter_time < ?"),
                                    S("DELETE FROM alarm_events WHERE alarm_time < ?"), S("DELETE FROM changes WHERE at < ?")};
    for (const QString &sql : statements) {
        QSqlQuery *q = ctx.db.run(sql, {before});
        if (!q)
            return ctx.db.lastError();
        rows += q->numRowsAffected();
    }
    if (includeJournal) {
        // Keep the journal rows (who said what, when, with which code), drop the bulky bodies.
        QSqlQuery *q = ctx.db.run(S("UPDATE journal SET body = NULL, headers = NULL WHERE at < ? AND body IS NOT NULL"),
                                  {before * 1000});
        if (!q)
            return ctx.db.lastError();
        rows += q->numRowsAffected();
    }
    return rows;
}

} // namespace md::writeops
