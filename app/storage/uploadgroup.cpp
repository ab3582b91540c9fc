// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadgroup.h"

#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcGroup, "md.storage.group", QtWarningMsg)

namespace md {

UploadTask::UploadTask(UploadWrite write, int weight)
    : WriteTask<WriteOutcome>([this](WriteContext &ctx) { return writeops::applyUpload(ctx, m_write); }, weight),
      m_write(std::move(write))
{
}

} // namespace md

namespace md::writeops {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

bool groupable(const UploadWrite &w)
{
    return !w.replayOf && w.alarms.isEmpty() && !w.result && !w.recharge && !w.parameters && w.reviewNotes.isEmpty()
           && w.quarantined.isEmpty();
}

// Rows handed over column by column, each column one PostgreSQL array literal ("{1,NULL,"a\"b"}"):
// one parameter per column whatever the number of rows, so one statement text (one prepared
// statement) serves every group size, and the server parses 13 literals instead of 13 per row.
class ArrayColumns
{
public:
    explicit ArrayColumns(QStringList types) : m_types(std::move(types)), m_text(m_types.size()) {}
    void addRow(const QVariantList &row)
    {
        for (int i = 0; i < m_text.size(); ++i) {
            QString &t = m_text[i];
            t += t.isEmpty() ? QLatin1Char('{') : QLatin1Char(',');
            const QVariant &v = row.at(i);
            if (v.isNull()) {
                t += QLatin1String("NULL");
            } else if (v.typeId() == QMetaType::QString) {
                appendArrayText(t, v.toString());
            } else {
                t += QString::number(v.toLongLong());
            }
        }
        ++m_rows;
    }
    int rows() const { return m_rows; }
    QVariantList args() const
    {
        QVariantList out;
        for (const QString &t : m_text)
            out << (t.isEmpty() ? S("{}") : t + QLatin1Char('}'));
        return out;
    }
    // "unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[]), ...)": the rows again, zipped.
    QString unnest() const
    {
        QStringList parts;
        for (const QString &type : m_types)
            parts << S("CAST(? AS %1[])").arg(type);
        return S("unnest(%1)").arg(parts.join(S(", ")));
    }

private:
    QStringList m_types;
    QStringList m_text;
    int m_rows = 0;
};

QStringList types(const char *pattern) // "BTT": BIGINT, TEXT, TEXT
{
    QStringList out;
    for (const char *p = pattern; *p; ++p)
        out << (*p == 'T' ? S("TEXT") : S("BIGINT"));
    return out;
}

// One upload of the group while it is applied.
struct Member
{
    const UploadWrite *write = nullptr;
    WriteOutcome out;
    qint64 receivedAt = 0;
    QHash<QString, qint64> ids; // meterNo -> id of every meter it names
    QHash<qint64, const MeterStatus *> statusOf;
    QHash<qint64, const Reading *> latestReading;
};

// The journal rows of the group in one statement: ids drawn from the journal's sequence per row
// (ord), so each upload learns its own id whatever order the server inserts or returns rows in.
bool insertJournals(WriteContext &ctx, QList<Member> &members)
{
    static const char *const cols[] = {"at", "direction", "endpoint", "remote", "headers", "body", "return_code",
                                       "http_status", "meter_no", "command_seq", "duration_ms"};
    static const char *const typeOf[] = {"BIGINT", "BIGINT", "TEXT", "TEXT", "BYTEA", "BYTEA", "TEXT",
                                         "BIGINT", "TEXT", "TEXT", "BIGINT"};
    QStringList names, tuples, fromV;
    for (const char *c : cols) {
        names << QLatin1String(c);
        fromV << S("v.%1").arg(QLatin1String(c));
    }
    QVariantList args;
    for (int k = 0; k < members.size(); ++k) {
        QStringList tuple{QString::number(k)};
        for (const char *t : typeOf)
            tuple << S("CAST(? AS %1)").arg(QLatin1String(t));
        tuples << S("(%1)").arg(tuple.join(S(", ")));
        const JournalEntry &e = members[k].write->journal;
        args << e.at << (e.direction == JournalDirection::Inbound ? 0 : 1) << e.endpoint << textOrNull(e.remote) << e.headers
             << e.body << textOrNull(e.returnCode) << e.httpStatus << textOrNull(e.meterNo) << textOrNull(e.commandSeq)
             << e.durationMs;
    }
    const QString sql = S("WITH v (ord, %1) AS (VALUES %2), "
                          "ids AS (SELECT ord, nextval(pg_get_serial_sequence('journal', 'id')) AS id FROM v), "
                          "ins AS (INSERT INTO journal (id, %1) SELECT ids.id, %3 FROM v JOIN ids USING (ord)) "
                          "SELECT ord, id FROM ids")
                            .arg(names.join(S(", ")), tuples.join(S(", ")), fromV.join(S(", ")));
    QSqlQuery *q = ctx.db.run(sql, args);
    if (!q)
        return false;
    int seen = 0;
    while (q->next()) {
        Member &m = members[q->value(0).toInt()];
        m.out.journalId = q->value(1).toLongLong();
        ++seen;
    }
    q->finish();
    for (Member &m : members) {
        ctx.changes.lastJournalId = std::max(ctx.changes.lastJournalId, m.out.journalId);
        if (m.write->journal.direction == JournalDirection::Inbound)
            ctx.changes.dayCounts[ctx.time.dayNumber(m.write->journal.at / 1000)].first += 1;
    }
    return seen == members.size();
}

// The rows into `table`; the statement returns the `key` of each row that was new.
QSqlQuery *insertNew(WriteContext &ctx, const char *table, const char *columns, const char *key, const ArrayColumns &rows)
{
    return ctx.db.run(S("INSERT INTO %1 (%2) SELECT * FROM %3 ON CONFLICT (%4) DO NOTHING RETURNING %4")
                          .arg(QLatin1String(table), QLatin1String(columns), rows.unnest(), QLatin1String(key)),
                      rows.args());
}

bool insertStatuses(WriteContext &ctx, QList<Member> &members)
{
    ArrayColumns rows(types("BBBTTTTTTBBBB"));
    QHash<QPair<qint64, qint64>, int> owner; // (meter_id, meter_time) -> member
    for (int k = 0; k < members.size(); ++k) {
        const Member &m = members[k];
        for (const MeterStatus &st : m.write->statuses) {
            const qint64 id = m.ids.value(st.meterNo);
            rows.addRow(statusValues(id, st, nonZeroOrNull(m.out.journalId)));
            owner.insert({id, st.meterTime}, k);
        }
    }
    if (!rows.rows())
        return true;
    QSqlQuery *q = insertNew(ctx, "statuses", kStatusColumns, "meter_id, meter_time", rows);
    if (!q)
        return false;
    while (q->next())
        ++members[owner.value({q->value(0).toLongLong(), q->value(1).toLongLong()})].out.statusesInserted;
    q->finish();
    return true;
}

bool insertReadings(WriteContext &ctx, QList<Member> &members)
{
    ArrayColumns rows(types("BBBBBBBBBBTBB"));
    for (const Member &m : std::as_const(members)) {
        const QVariant journal = nonZeroOrNull(m.out.journalId);
        for (const Reading &r : m.write->readings) {
            QVariantList row{m.ids.value(r.meterNo), r.dataTime};
            row += readingValues(r);
            row << textOrNull(r.commandSeq) << journal << m.receivedAt;
            rows.addRow(row);
        }
    }
    if (!rows.rows())
        return true;
    QSqlQuery *q = insertNew(ctx, "readings", kReadingColumns, "meter_id, data_time", rows);
    if (!q)
        return false;
    QSet<QPair<qint64, qint64>> inserted;
    inserted.reserve(rows.rows());
    while (q->next())
        inserted.insert({q->value(0).toLongLong(), q->value(1).toLongLong()});
    q->finish();
    // Keys are unique within the group (checked before), so a key not returned was stored before.
    for (Member &m : members) {
        for (const Reading &r : m.write->readings) {
            const qint64 id = m.ids.value(r.meterNo);
            if (inserted.contains({id, r.dataTime}))
                ++m.out.readingsInserted;
            else if (!countExisting(ctx, id, r, m.out.journalId, m.out))
                return false;
        }
    }
    return true;
}

// The meters' latest columns: one UPDATE per layer, a layer holding each meter at most once (an
// UPDATE ... FROM applies one source row per target row), layers in upload order, so a meter named
// by two uploads of the group moves as it would upload by upload.
bool updateLatest(WriteContext &ctx, const QList<Member> &members)
{
    static const QString sql = [] {
        QString set = latestAssignments();
        for (int n = 16; n >= 1; --n) // ?16 before ?1
            set.replace(S("?%1").arg(n), S("v.p%1").arg(n));
        QStringList names;
        for (int n = 1; n <= 16; ++n)
            names << S("p%1").arg(n);
        return S("UPDATE meters SET %1 FROM %2 AS v (%3) WHERE meters.id = v.p1")
            .arg(set, ArrayColumns(types("BBTTTTTTBBBBBBBB")).unnest(), names.join(S(", ")));
    }();
    QList<ArrayColumns> layers;
    QHash<qint64, int> seen; // meter id -> layers used
    for (const Member &m : members) {
        for (const qint64 id : m.ids) {
            const int layer = seen[id]++;
            if (layer == layers.size())
                layers.append(ArrayColumns(types("BBTTTTTTBBBBBBBB")));
            QVariantList row = latestValues({id, m.statusOf.value(id), m.latestReading.value(id)});
            row << m.receivedAt;
            layers[layer].addRow(row);
        }
    }
    for (const ArrayColumns &layer : std::as_const(layers))
        if (!ctx.db.run(sql, layer.args()))
            return false;
    return true;
}

// The ids of the group's meters the writer has not cached yet, in one statement (a meter that
// uploads once a day is never in the cache). Unknown meters are left out (meterId() says 0 for them
// with a statement of its own).
bool cacheMeterIds(WriteContext &ctx, const QList<const UploadWrite *> &uploads)
{
    QSet<QString> missing;
    auto want = [&](const QString &meterNo) {
        if (!ctx.meterIdCache.contains(meterNo))
            missing.insert(meterNo);
    };
    for (const UploadWrite *w : uploads) {
        for (const MeterStatus &st : w->statuses)
            want(st.meterNo);
        for (const Reading &r : w->readings)
            want(r.meterNo);
    }
    if (missing.size() < 2)
        return true;
    // A range per name, so that only the meter_no B-tree can answer it (see Store::lookupMeters).
    QSqlQuery *q = ctx.db.run(S("SELECT m.meter_no, m.id FROM unnest(CAST(? AS TEXT[])) AS n (no) "
                                "JOIN meters m ON m.meter_no >= n.no AND m.meter_no <= n.no WHERE m.removed_at IS NULL"),
                              {postgresTextArray(QStringList(missing.begin(), missing.end()))});
    if (!q)
        return false;
    while (q->next())
        ctx.meterIdCache.insert(q->value(0).toString(), q->value(1).toLongLong());
    q->finish();
    return true;
}

} // namespace

Writer::Grouped applyUploadGroup(WriteContext &ctx, const QList<const UploadWrite *> &uploads, QList<WriteOutcome> &outcomes)
{
    QList<Member> members;
    members.reserve(uploads.size());
    QSet<QPair<qint64, qint64>> readingKeys, statusKeys;
    for (const UploadWrite *w : uploads)
        if (!groupable(*w))
            return Writer::Grouped::NotApplicable;
    if (!cacheMeterIds(ctx, uploads))
        return Writer::Grouped::Failed;
    for (const UploadWrite *w : uploads) {
        Member m;
        m.write = w;
        m.receivedAt = w->journal.at ? w->journal.at / 1000 : ctx.now;
        auto idOf = [&](const QString &meterNo) -> std::optional<qint64> {
            if (auto it = m.ids.constFind(meterNo); it != m.ids.constEnd())
                return *it;
            auto id = meterId(ctx, meterNo);
            if (id && *id)
                m.ids.insert(meterNo, *id);
            return id;
        };
        for (const MeterStatus &st : w->statuses) {
            auto id = idOf(st.meterNo);
            if (!id)
                return Writer::Grouped::Failed;
            const qsizetype keys = statusKeys.size();
            statusKeys.insert({*id, st.meterTime});
            // Unknown meter, two statuses of one meter (applyUpload updates the row per status), a
            // key shared within the group: upload by upload.
            if (!*id || m.statusOf.contains(*id) || statusKeys.size() == keys)
                return Writer::Grouped::NotApplicable;
            m.statusOf.insert(*id, &st);
        }
        for (const Reading &r : w->readings) {
            auto id = idOf(r.meterNo);
            if (!id)
                return Writer::Grouped::Failed;
            const qsizetype keys = readingKeys.size();
            readingKeys.insert({*id, r.dataTime});
            if (!*id || readingKeys.size() == keys)
                return Writer::Grouped::NotApplicable;
            const Reading *&best = m.latestReading[*id];
            if (!best || best->dataTime < r.dataTime)
                best = &r;
        }
        members.append(std::move(m));
    }
    if (!insertJournals(ctx, members) || !insertStatuses(ctx, members) || !insertReadings(ctx, members)
        || !updateLatest(ctx, members))
        return Writer::Grouped::Failed;
    outcomes.clear();
    for (Member &m : members) {
        for (auto it = m.ids.constBegin(); it != m.ids.constEnd(); ++it) {
            ctx.changes.readingMeters.insert(it.key());
            m.out.meterNos << it.key();
        }
        if (m.out.readingsInserted)
            ctx.changes.dayCounts[ctx.time.dayNumber(m.receivedAt)].second += m.out.readingsInserted;
        m.out.ok = true;
        outcomes.append(std::move(m.out));
    }
    qCDebug(lcGroup) << "applied a group of" << members.size() << "uploads";
    return Writer::Grouped::Applied;
}

} // namespace md::writeops
