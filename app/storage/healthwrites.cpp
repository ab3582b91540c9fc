// SPDX-License-Identifier: GPL-3.0-or-later
// Meter-health writes on the writer thread: one recompute's findings become flags, one per episode.
// An episode is recognised by meter, kind and time: a finding whose span overlaps (or, for event
// kinds, follows within a day) a flag already on record refreshes that flag, so recomputing, or a
// window that slides past the start of a streak, never adds a second flag for the same episode.
#include "healthrows.h"
#include "storeprivate.h"
#include "writeops.h"

#include <QJsonDocument>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

// How far before a finding's start an earlier flag may end and still be the same episode.
qint64 episodeGap(HealthKind kind)
{
    switch (kind) {
    case HealthKind::NightFlow:
    case HealthKind::Backwards:
        return 86400;
    default:
        return 0;
    }
}

QString stateKindsSql()
{
    QStringList names;
    for (HealthKind k : allHealthKinds())
        if (isStateKind(k))
            names << S("'%1'").arg(healthKindName(k));
    return names.join(QLatin1Char(','));
}

Result<HealthSaveOutcome> saveFindings(WriteContext &ctx, const QList<HealthFinding> &findings, const HealthScope &scope,
                                       qint64 now)
{
    HealthSaveOutcome out;
    for (const HealthFinding &f : findings) {
        const QString kind = healthKindName(f.kind);
        const QByteArray evidence = QJsonDocument(f.evidence).toJson(QJsonDocument::Compact);
        // State kinds only continue a flag that is still current; events continue any.
        QSqlQuery *q = ctx.db.run(S("SELECT id FROM health_flags WHERE meter_id = ? AND kind = ? AND episode_end >= ? "
                                    "AND episode_start <= ? AND (cleared_at IS NULL OR ? = 0) ORDER BY episode_end DESC LIMIT 1"),
                                  {f.meterId, kind, f.start - episodeGap(f.kind), f.end, isStateKind(f.kind) ? 1 : 0});
        if (!q)
            return ctx.db.lastError();
        const qint64 existing = q->next() ? q->value(0).toLongLong() : 0;
        q->finish();
        if (existing) {
            // CASE rather than MIN/MAX of two values: the same text on SQLite and PostgreSQL.
            if (!ctx.db.run(S("UPDATE health_flags SET episode_start = CASE WHEN episode_start < ? THEN episode_start ELSE ? END, "
                              "episode_end = CASE WHEN episode_end > ? THEN episode_end ELSE ? END, "
                              "value = ?, evidence = ?, last_seen = ? WHERE id = ?"),
                            {f.start, f.start, f.end, f.end, f.value, QString::fromUtf8(evidence), now, existing}))
                return ctx.db.lastError();
            ++out.updated;
            continue;
        }
        if (!ctx.db.run(S("INSERT INTO health_flags (meter_id, kind, episode_start, episode_end, value, evidence, first_seen, "
                          "last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                        {f.meterId, kind, f.start, f.end, f.value, QString::fromUtf8(evidence), now, now}))
            return ctx.db.lastError();
        ++out.inserted;
    }
    const QString clear = S("UPDATE health_flags SET cleared_at = ? WHERE kind IN (%1) AND cleared_at IS NULL "
                            "AND last_seen < ? AND ").arg(stateKindsSql());
    if (scope.ids.isEmpty()) {
        QSqlQuery *q = ctx.db.run(clear + S("meter_id >= ? AND meter_id < ?"), {now, now, scope.fromId, scope.toId});
        if (!q)
            return ctx.db.lastError();
        out.cleared += q->numRowsAffected();
    } else {
        for (qint64 id : scope.ids) {
            QSqlQuery *q = ctx.db.run(clear + S("meter_id = ?"), {now, now, id});
            if (!q)
                return ctx.db.lastError();
            out.cleared += q->numRowsAffected();
        }
    }
    return out;
}

Result<bool> dismissFlag(WriteContext &ctx, qint64 flagId, const QString &who, const QString &reason, qint64 atMs)
{
    QSqlQuery *q = ctx.db.run(S("SELECT m.meter_no, h.kind FROM health_flags h JOIN meters m ON m.id = h.meter_id "
                                "WHERE h.id = ? AND h.dismissed_at IS NULL"),
                              {flagId});
    if (!q)
        return ctx.db.lastError();
    if (!q->next()) {
        q->finish();
        return false;
    }
    const QString meterNo = q->value(0).toString();
    const QString kind = q->value(1).toString();
    q->finish();
    JournalEntry j;
    j.at = atMs;
    j.direction = JournalDirection::Outbound;
    j.endpoint = S("health/dismiss");
    j.remote = who;
    j.meterNo = meterNo;
    j.body = QJsonDocument(QJsonObject{{S("flagId"), flagId}, {S("kind"), kind}, {S("meterNo"), meterNo},
                                       {S("operator"), who}, {S("reason"), reason}})
                 .toJson(QJsonDocument::Compact);
    auto jid = writeops::insertJournal(ctx, j);
    if (!jid)
        return jid.error();
    q = ctx.db.run(S("UPDATE health_flags SET dismissed_at = ?, dismissed_by = ?, dismiss_reason = ?, dismiss_journal_id = ? "
                     "WHERE id = ? AND dismissed_at IS NULL"),
                   {atMs / 1000, who, reason, *jid, flagId});
    if (!q)
        return ctx.db.lastError();
    return q->numRowsAffected() > 0;
}

} // namespace

QFuture<Result<HealthSaveOutcome>> Store::saveHealthFindings(QList<HealthFinding> findings, HealthScope scope, qint64 now)
{
    const int weight = 1 + int(findings.size());
    return d->post<Result<HealthSaveOutcome>>(
        [f = std::move(findings), s = std::move(scope), now](WriteContext &ctx) { return saveFindings(ctx, f, s, now); }, weight);
}

QFuture<Result<bool>> Store::dismissHealthFlag(qint64 flagId, QString who, QString reason, qint64 atMs)
{
    return d->post<Result<bool>>([flagId, w = std::move(who), r = std::move(reason), atMs](WriteContext &ctx) {
        return dismissFlag(ctx, flagId, w, r, atMs);
    });
}

} // namespace md
