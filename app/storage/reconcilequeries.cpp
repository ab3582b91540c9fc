// SPDX-License-Identifier: GPL-3.0-or-later
// The daily reconciliation's reads. The ledger of the range is one index range scan (received_at,
// cancelled_at); the meters' side is, for every meter that has ledger activity or reported in the
// range, its totals at the last report before the range and before its end (statuses and rechargeUp,
// one index seek each). A meter that did not report in the range cannot have moved its totals.
#include "storeprivate.h"

#include <QSqlQuery>

#include <algorithm>
#include <map>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

struct Totals
{
    bool found = false;
    qint64 amount = 0;
    qint64 amountAt = 0;
    std::optional<qint64> count;
    qint64 countAt = 0;
    std::optional<qint64> qty;
};

// The meter's totals as last reported before `before`: the amount from whichever of a status or a
// rechargeUp came last, the count and quantity from the last status.
Result<Totals> totalsBefore(Db &db, qint64 meterId, const QString &meterNo, qint64 before)
{
    Totals t;
    QSqlQuery *q = db.run(S("SELECT meter_time, total_recharge_amt, total_recharge_count, total_recharge_qty FROM statuses "
                            "WHERE meter_id = ? AND meter_time < ? AND total_recharge_amt IS NOT NULL "
                            "ORDER BY meter_time DESC LIMIT 1"),
                          {meterId, before});
    if (!q)
        return db.lastError();
    if (q->next()) {
        t.found = true;
        t.amountAt = t.countAt = q->value(0).toLongLong();
        t.amount = q->value(1).toLongLong();
        if (!q->value(2).isNull())
            t.count = q->value(2).toLongLong();
        if (!q->value(3).isNull())
            t.qty = q->value(3).toLongLong();
    }
    q->finish();
    q = db.run(S("SELECT received_at, total_recharge_amt FROM recharges WHERE meter_no = ? AND received_at < ? "
                 "AND total_recharge_amt IS NOT NULL ORDER BY received_at DESC LIMIT 1"),
               {meterNo, before});
    if (!q)
        return db.lastError();
    if (q->next() && (!t.found || q->value(0).toLongLong() > t.amountAt)) {
        t.found = true;
        t.amountAt = q->value(0).toLongLong();
        t.amount = q->value(1).toLongLong();
    }
    q->finish();
    return t;
}

} // namespace

Result<ReconciliationReport> Store::reconciliation(const ReconciliationRequest &request, const PlatformTime &time) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    ReconciliationReport report;
    report.request = request;
    if (!request.from.isValid() || !request.to.isValid() || request.to < request.from)
        return makeError(S("9999"), S("range"), S("a day range from <= to"));
    const qint64 start = time.startOfDay(request.from);
    const qint64 end = time.startOfDay(request.to.addDays(1));
    for (QDate d = request.from; d <= request.to; d = d.addDays(1))
        report.days.append(ReconciliationDay{d});
    auto dayIndex = [&](qint64 at) { return int(request.from.daysTo(time.dateOf(at))); };

    struct Ledger
    {
        ReconciliationRow row;
        qint64 lastEvent = 0;
    };
    std::map<QString, Ledger> ledger;
    // Credits (by received_at) and cancellations (by cancelled_at): (meter, amount, instant) rows
    // added to the meter's side and the day's.
    using Count = qint64 ReconciliationRow::*;
    using DayCount = qint64 ReconciliationDay::*;
    auto readLedger = [&](const QString &sql, Count count, Count amount, DayCount dayCount, DayCount dayAmount) -> Result<void> {
        QSqlQuery *q = db.run(sql, {start, end});
        if (!q)
            return db.lastError();
        while (q->next()) {
            Ledger &l = ledger[q->value(0).toString()];
            const qint64 units = q->value(1).toLongLong(), at = q->value(2).toLongLong();
            ++(l.row.*count);
            l.row.*amount += units;
            l.lastEvent = std::max(l.lastEvent, at);
            ReconciliationDay &day = report.days[dayIndex(at)];
            ++(day.*dayCount);
            day.*dayAmount += units;
        }
        q->finish();
        return {};
    };
    if (auto r = readLedger(S("SELECT meter_no, recharge_num, received_at FROM recharges WHERE received_at >= ? "
                              "AND received_at < ? AND credited = 1"),
                            &ReconciliationRow::ledgerCount, &ReconciliationRow::ledgerAmount, &ReconciliationDay::recharges,
                            &ReconciliationDay::amount);
        !r)
        return r.error();
    if (auto r = readLedger(S("SELECT meter_no, recharge_num, cancelled_at FROM recharges WHERE cancelled = 1 "
                              "AND cancelled_at >= ? AND cancelled_at < ?"),
                            &ReconciliationRow::cancelCount, &ReconciliationRow::cancelAmount, &ReconciliationDay::cancellations,
                            &ReconciliationDay::cancelledAmount);
        !r)
        return r.error();

    // Meters to compare: the ledger's and those that reported in the range.
    std::map<QString, qint64> candidates;
    QSqlQuery *q = db.run(S("SELECT meter_no, id FROM meters WHERE last_upload_at >= ? AND removed_at IS NULL"), {start});
    if (!q)
        return db.lastError();
    while (q->next())
        candidates.emplace(q->value(0).toString(), q->value(1).toLongLong());
    q->finish();
    if (!ledger.empty()) {
        QStringList nos;
        for (const auto &l : ledger)
            if (!candidates.count(l.first))
                nos << l.first;
        auto ids = lookupMeters(nos);
        if (!ids)
            return ids.error();
        for (auto it = ids->cbegin(); it != ids->cend(); ++it)
            candidates.emplace(it.key(), it.value());
    }

    for (const auto &[meterNo, meterId] : candidates) {
        auto before = totalsBefore(db, meterId, meterNo, start);
        if (!before)
            return before.error();
        const auto l = ledger.find(meterNo);
        if (!before->found) {
            if (l != ledger.end())
                ++report.metersWithoutBaseline;
            continue;
        }
        auto after = totalsBefore(db, meterId, meterNo, end);
        if (!after)
            return after.error();
        ReconciliationRow row = l != ledger.end() ? l->second.row : ReconciliationRow{};
        row.meterNo = meterNo;
        row.meterAmountDelta = after->amount - before->amount;
        // The count is only in statuses: compare it when a status came after the last ledger event.
        const qint64 lastEvent = l != ledger.end() ? l->second.lastEvent : 0;
        if (before->count && after->count && after->countAt >= lastEvent)
            row.meterCountDelta = *after->count - *before->count;
        if (before->qty && after->qty)
            row.meterQtyDelta = *after->qty - *before->qty;
        ++report.metersCompared;
        if (row.disagrees())
            report.mismatches.append(row);
    }
    return report;
}

} // namespace md
