// SPDX-License-Identifier: GPL-3.0-or-later
// Registry reads for the listener (lookupMeters, per request) and the 1,000,000-row table view.
// Filters answer from indexes: a text prefix is a range scan on each indexed text column
// (meter_no, user_no, user_name, addr_des, compared byte-wise), the flags use the meters table's
// own "latest" columns. A substring ("contains") search asks the index that fits its length
// (substringsearch.h): 3+ characters the trigram index, 1-2 the bigram index. On SQLite the FTS5
// candidates (when at most substringIndexedMax) are joined to meters and sorted; a substring that
// matches more rows than that is dense, so the scan in meter_no order finds a page after a short
// walk. On PostgreSQL the planner picks between the GIN indexes and that scan itself. The LIKE/ILIKE
// terms stay in every plan: they are the definition of a match (ASCII case-insensitive), the index
// only narrows the rows.
#include "registryrows.h"
#include "storeprivate.h"
#include "substringsearch.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

QString likeEscaped(QString text)
{
    text.replace(QLatin1Char('\\'), S("\\\\"));
    text.replace(QLatin1Char('%'), S("\\%"));
    text.replace(QLatin1Char('_'), S("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

// PostgreSQL: the bigram index's piece for 1-2 character substring text, when the index exists.
std::optional<QString> postgresBigram(Db &db, const RegistryFilter &f)
{
    if (!db.dialect().isPostgres() || !f.contains || isTrigramSearchable(f.text))
        return std::nullopt;
    const auto term = bigramTerm(f.text, true);
    if (!term || !hasBigramIndex(db))
        return std::nullopt;
    return term;
}

// WHERE clause and its arguments for a filter (without paging).
void buildWhere(Db &db, const RegistryFilter &f, QString &where, QVariantList &args)
{
    QStringList terms{S("removed_at IS NULL")};
    const QString text = f.text.trimmed();
    if (!text.isEmpty()) {
        if (f.contains) {
            const QString like = db.dialect().likeOperator();
            terms << S("(meter_no %1 ? ESCAPE '\\' OR user_no %1 ? ESCAPE '\\' OR user_name %1 ? ESCAPE '\\' "
                       "OR addr_des %1 ? ESCAPE '\\')").arg(like);
            const QString pattern = likeEscaped(text);
            args << pattern << pattern << pattern << pattern;
            if (const auto piece = postgresBigram(db, f)) {
                terms << S("%1 @> ARRAY[?]::text[]").arg(postgresBigramsExpression());
                args << *piece;
            }
        } else {
            // The prefix is handled by prefixBranches(): one index range per text column.
        }
    }
    if (f.valve == ValveFilter::Open)
        terms << S("valve_status = '0'");
    else if (f.valve == ValveFilter::Closed)
        terms << S("valve_status <> '0'"); // matches the partial index meters_valve_closed
    if (f.activeAlarmOnly)
        terms << S("active_alarms > 0");
    if (f.criticalAlarmOnly)
        terms << S("critical_alarms > 0");
    if (f.silentDays > 0) {
        const qint64 now = f.now ? f.now : QDateTime::currentSecsSinceEpoch();
        terms << S("last_upload_at < ?"); // 0: never uploaded
        args << now - qint64(f.silentDays) * 86400;
    }
    if (f.balanceBelow) {
        terms << S("balance < ?");
        args << qint64(f.balanceBelow->units());
    }
    where = terms.join(S(" AND "));
}

// A text prefix: everything that starts with `text` sorts in [text, text + U+10FFFF) byte-wise. Each
// of the four indexed columns becomes its own branch, each ordered and limited on its own, so every
// branch is an index range scan that stops early; the branches are merged with UNION (dedup).
bool isPrefixSearch(const RegistryFilter &f)
{
    return !f.text.trimmed().isEmpty() && !f.contains;
}

// SQLite: an FTS5 table and the MATCH expression that finds every row holding the text.
struct FtsCandidates
{
    QString table;
    QString expression;
};

// SQLite: the FTS candidates when an index fits the text and it finds at most `indexedMax` rows,
// so joining them to meters (and sorting) is cheaper than walking meters in order.
std::optional<FtsCandidates> ftsCandidates(Db &db, const RegistryFilter &f, int indexedMax)
{
    if (!f.contains || f.text.trimmed().isEmpty() || db.dialect().isPostgres())
        return std::nullopt;
    FtsCandidates c;
    if (isTrigramSearchable(f.text)) {
        if (!hasFtsIndex(db))
            return std::nullopt;
        c = {S("meters_fts"), ftsCandidateExpression(db, f.text)};
    } else {
        const auto term = bigramTerm(f.text, false);
        if (!term || !hasBigramIndex(db))
            return std::nullopt;
        c = {S("meters_bigrams"), *term};
    }
    auto n = db.scalar(S("SELECT COUNT(*) FROM (SELECT 1 FROM %1 WHERE %1 MATCH ? LIMIT ?) c").arg(c.table),
                       {c.expression, qint64(indexedMax) + 1});
    if (!n || n->toLongLong() > indexedMax)
        return std::nullopt;
    return c;
}

// FROM clause joining the FTS candidates (first argument: the MATCH expression) to meters; CROSS
// JOIN keeps SQLite from walking meters first.
QString ftsFrom(const FtsCandidates &c)
{
    return S("(SELECT rowid AS fts_id FROM %1 WHERE %1 MATCH ?) f CROSS JOIN meters ON meters.id = f.fts_id").arg(c.table);
}

// SELECT <columns> ... for `where` plus the prefix on each column, each branch LIMITed by `branchLimit`.
QString prefixUnion(const QString &columns, const QString &where, const QString &extra, const RegistryFilter &f,
                    const QVariantList &whereArgs, qint64 branchLimit, QVariantList &args)
{
    const QString text = f.text.trimmed();
    const QString upper = text + QString::fromUcs4(U"\U0010FFFF", 1);
    QStringList branches;
    int n = 0;
    for (const char *col : {"meter_no", "user_no", "user_name", "addr_des"}) {
        branches << S("SELECT * FROM (SELECT %1 FROM meters WHERE %2 >= ? AND %2 < ? AND %3%4 ORDER BY meter_no LIMIT ?) b%5")
                        .arg(columns, QLatin1String(col), where, extra)
                        .arg(n++);
        args << text << upper;
        args += whereArgs;
        args << branchLimit;
    }
    return branches.join(S(" UNION "));
}

// PostgreSQL plans a text search with its text (while the scope lives, on this reader connection).
// A generic plan, PostgreSQL's choice from a prepared statement's sixth run, cannot see the text: for
// "match anywhere" with one or two characters it picked bitmap scans of every trigram index, which
// match all of 1,000,000 meters (11.6 s for a page), where the plan for the actual text walks
// meter_no in order and stops after a page (47 ms). Other reads (the listener's look-ups above all)
// keep generic plans: their plans do not depend on the values, and planning a 64-number IN list
// each time cost more than the look-up. plan_cache_mode exists from PostgreSQL 12.
class PlanWithValues
{
public:
    PlanWithValues(Db &db, const RegistryFilter &f)
        : m_db(db.dialect().isPostgres() && !f.text.trimmed().isEmpty() ? &db : nullptr)
    {
        if (m_db)
            set(S("force_custom_plan"));
    }
    ~PlanWithValues()
    {
        if (m_db)
            set(S("auto"));
    }
    PlanWithValues(const PlanWithValues &) = delete;
    PlanWithValues &operator=(const PlanWithValues &) = delete;

private:
    void set(const QString &mode)
    {
        m_db->scalar(S("SELECT set_config('plan_cache_mode', ?, false) WHERE current_setting('server_version_num')::int >= 120000"),
                     {mode});
    }
    Db *m_db;
};

bool isUnfiltered(const RegistryFilter &f)
{
    return f.text.trimmed().isEmpty() && f.valve == ValveFilter::Any && !f.activeAlarmOnly && !f.criticalAlarmOnly
           && f.silentDays <= 0 && !f.balanceBelow;
}

} // namespace

Result<QHash<QString, qint64>> Store::lookupMeters(const QStringList &meterNos,
                                                   QHash<QString, RegisteredIdentity> *identities) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QHash<QString, qint64> found;
    auto take = [&](QSqlQuery *q) {
        while (q->next()) {
            found.insert(q->value(0).toString(), q->value(1).toLongLong());
            if (identities)
                identities->insert(q->value(0).toString(), {q->value(2).toString(), q->value(3).toString()});
        }
        q->finish();
    };
    if (db.dialect().isPostgres()) {
        // One statement for any number of names, each name a probe of the meter_no key. Written
        // as a range (>= and <=) on purpose: pg_trgm's GIN index answers = too, and the planner
        // chose it (a bitmap scan over trigrams that every meter number shares) for meter_no IN
        // (...): 100-160 ms per 64 names with 8,000 meters, growing with the registry; the
        // prepared statement's generic plan did the same for an = join (3.5 s for 1,000 names).
        // The trigram index cannot answer a range, the B-tree on meter_no can.
        QSqlQuery *q = db.run(S("SELECT m.meter_no, m.id, m.factory_code, m.meter_type FROM unnest(CAST(? AS TEXT[])) AS n (no) "
                                "JOIN meters m ON m.meter_no >= n.no AND m.meter_no <= n.no WHERE m.removed_at IS NULL"),
                              {postgresTextArray(meterNos)});
        if (!q)
            return db.lastError();
        take(q);
        return found;
    }
    // One statement per chunk of up to 64 numbers (the usual upload names 1..100 meters); the
    // statement text per chunk size is cached like any other.
    constexpr int chunk = 64;
    for (int start = 0; start < meterNos.size(); start += chunk) {
        const int n = std::min(chunk, int(meterNos.size()) - start);
        QStringList marks;
        QVariantList args;
        for (int i = 0; i < n; ++i) {
            marks << S("?");
            args << meterNos.at(start + i);
        }
        QSqlQuery *q = db.run(S("SELECT meter_no, id, factory_code, meter_type FROM meters WHERE meter_no IN (%1) AND removed_at IS NULL")
                                  .arg(marks.join(QLatin1Char(','))),
                              args);
        if (!q)
            return db.lastError();
        take(q);
    }
    return found;
}

Result<QList<RegistryRow>> Store::registryPage(const RegistryPageRequest &request) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    const PlanWithValues planned(db, request.filter);
    QString where;
    QVariantList args;
    buildWhere(db, request.filter, where, args);
    if (!request.afterMeterNo.isEmpty()) {
        where += S(" AND meter_no > ?");
        args << request.afterMeterNo;
    }
    const qint64 limit = std::max(0, request.limit), offset = std::max(0, request.offset);
    QString sql;
    if (isPrefixSearch(request.filter)) {
        QVariantList unionArgs;
        sql = S("SELECT %1 FROM (%2) u ORDER BY meter_no LIMIT ? OFFSET ?")
                  .arg(QLatin1String(registryColumns), prefixUnion(QLatin1String(registryColumns), where, {}, request.filter, args,
                                                                   limit + offset, unionArgs));
        args = unionArgs;
    } else if (const auto fts = ftsCandidates(db, request.filter, d->options.substringIndexedMax)) {
        sql = S("SELECT %1 FROM %2 WHERE %3 ORDER BY meter_no LIMIT ? OFFSET ?").arg(QLatin1String(registryColumns), ftsFrom(*fts), where);
        args.prepend(fts->expression);
    } else {
        sql = S("SELECT %1 FROM meters WHERE %2 ORDER BY meter_no LIMIT ? OFFSET ?").arg(QLatin1String(registryColumns), where);
    }
    args << limit << offset;
    QSqlQuery *q = db.run(sql, args);
    if (!q)
        return db.lastError();
    QList<RegistryRow> rows;
    rows.reserve(request.limit);
    while (q->next())
        rows << registryFromRow(*q);
    q->finish();
    return rows;
}

Result<RegistryCount> Store::registryCount(const RegistryFilter &filter) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    if (isUnfiltered(filter)) {
        // COUNT(*) without WHERE walks the smallest index; removed meters are few (partial index).
        auto n = db.scalar(S("SELECT (SELECT COUNT(*) FROM meters) - (SELECT COUNT(*) FROM meters WHERE removed_at IS NOT NULL)"));
        if (!n)
            return db.lastError();
        return RegistryCount{n->toLongLong(), false};
    }
    const PlanWithValues planned(db, filter);
    QString where;
    QVariantList args;
    buildWhere(db, filter, where, args);
    QString sql;
    if (isPrefixSearch(filter)) {
        QVariantList unionArgs;
        sql = S("SELECT COUNT(*) FROM (%1) u").arg(prefixUnion(S("id, meter_no"), where, {}, filter, args, countCap + 1, unionArgs));
        args = unionArgs;
    } else if (const auto fts = ftsCandidates(db, filter, d->options.substringIndexedMax)) {
        sql = S("SELECT COUNT(*) FROM (SELECT 1 FROM %1 WHERE %2 LIMIT ?) capped").arg(ftsFrom(*fts), where);
        args.prepend(fts->expression);
        args << countCap + 1;
    } else {
        sql = S("SELECT COUNT(*) FROM (SELECT 1 FROM meters WHERE %1 LIMIT ?) capped").arg(where);
        args << countCap + 1;
    }
    auto n = db.scalar(sql, args);
    if (!n)
        return db.lastError();
    const qint64 count = n->toLongLong();
    return RegistryCount{std::min(count, countCap), count > countCap};
}

Result<std::optional<MeterSummary>> Store::meterSummary(const QString &meterNo) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QSqlQuery *q = db.run(S("SELECT %1, factory_code, dev_no, company_no, set_up_time, enable_reading, last_meter_time, "
                            "power_type, temperature, pressure, total_recharge_amt, total_recharge_count, balance_qty, price, "
                            "last_data_time, billing_unit FROM meters WHERE meter_no = ? AND removed_at IS NULL")
                              .arg(QLatin1String(registryColumns)),
                          {meterNo});
    if (!q)
        return db.lastError();
    if (!q->next()) {
        q->finish();
        return std::optional<MeterSummary>();
    }
    MeterSummary s;
    s.row = registryFromRow(*q);
    s.info.meterNo = s.row.meterNo;
    s.info.meterType = s.row.meterType;
    s.info.userNo = s.row.userNo;
    s.info.userName = s.row.userName;
    s.info.addrDes = s.row.addrDes;
    s.info.factoryCode = q->value(14).toString();
    s.info.devNo = q->value(15).toString();
    s.info.companyNo = q->value(16).toString();
    if (!q->value(17).isNull())
        s.info.setUpTime = q->value(17).toLongLong();
    s.info.enableMeterReading = unitsOrNull<Volume>(q->value(18));
    s.lastMeterTime = q->value(19).toLongLong();
    s.powerType = q->value(20).toString();
    s.temperature = q->value(21).toString();
    s.pressure = q->value(22).toString();
    s.totalRechargeAmt = unitsOrNull<Money>(q->value(23));
    if (!q->value(24).isNull())
        s.totalRechargeCount = q->value(24).toLongLong();
    s.meterBalanceQty = unitsOrNull<Volume>(q->value(25));
    s.price = unitsOrNull<Money>(q->value(26));
    s.lastReadingAt = q->value(27).toLongLong();
    s.info.billingUnit = BillingUnit(q->value(28).toInt()); // NULL -> 0, Unknown
    q->finish();

    q = db.run(S("SELECT COUNT(*), MIN(data_time) FROM readings WHERE meter_id = ?"), {s.row.meterId});
    if (!q)
        return db.lastError();
    if (q->next()) {
        s.readingCount = q->value(0).toLongLong();
        s.firstReadingAt = q->value(1).toLongLong();
    }
    q->finish();
    q = db.run(S("SELECT values_json, received_at FROM parameters WHERE meter_no = ? AND reported = 1 ORDER BY id DESC LIMIT 1"),
               {meterNo});
    if (!q)
        return db.lastError();
    if (q->next()) {
        const QJsonObject o = QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            s.parameters.insert(it.key(), it.value().toString());
        s.parametersAt = q->value(1).toLongLong();
    }
    q->finish();
    return std::optional<MeterSummary>(s);
}

} // namespace md
