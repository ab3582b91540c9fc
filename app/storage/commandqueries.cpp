// SPDX-License-Identifier: GPL-3.0-or-later
// Command and recharge-ledger reads.
#include "storeprivate.h"

#include "commandrows.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

namespace md {

namespace {
QString S(const char *s) { return QString::fromLatin1(s); }
}

Result<std::optional<CommandRecord>> Store::commandBySeq(const QString &commandSeq) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QSqlQuery *q = db.run(S("SELECT %1 FROM commands WHERE command_seq = ?").arg(QLatin1String(commandColumns)), {commandSeq});
    if (!q)
        return db.lastError();
    std::optional<CommandRecord> c;
    if (q->next())
        c = commandFromRow(*q);
    q->finish();
    return c;
}

Result<CommandPage> Store::commands(const CommandFilter &f) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QStringList terms{S("1 = 1")};
    QVariantList args;
    if (!f.states.isEmpty()) {
        QStringList marks;
        for (CommandState s : f.states) {
            marks << S("?");
            args << commandStateName(s);
        }
        terms << S("state IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    auto eq = [&](const char *col, const QString &v) {
        if (!v.isEmpty()) {
            terms << S("%1 = ?").arg(QLatin1String(col));
            args << v;
        }
    };
    eq("meter_no", f.meterNo);
    eq("name", f.name);
    eq("batch_id", f.batchId);
    if (f.from) {
        terms << S("created_at >= ?");
        args << f.from;
    }
    if (f.to) {
        terms << S("created_at < ?");
        args << f.to;
    }
    const QString where = terms.join(S(" AND "));
    CommandPage page;
    QVariantList countArgs = args;
    countArgs << countCap + 1;
    auto n = db.scalar(S("SELECT COUNT(*) FROM (SELECT 1 FROM commands WHERE %1 LIMIT ?) capped").arg(where), countArgs);
    if (!n)
        return db.lastError();
    page.total = std::min(n->toLongLong(), countCap);
    args << qint64(f.limit > 0 ? f.limit : 200) << qint64(std::max(0, f.offset));
    QSqlQuery *q = db.run(S("SELECT %1 FROM commands WHERE %2 ORDER BY id DESC LIMIT ? OFFSET ?").arg(QLatin1String(commandColumns), where),
                          args);
    if (!q)
        return db.lastError();
    while (q->next())
        page.rows << commandFromRow(*q);
    q->finish();
    return page;
}

Result<QList<CommandRecord>> Store::changedCommandsSince(qint64 cursor, int limit) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QSqlQuery *q = db.run(S("SELECT %1 FROM commands WHERE change_id > ? ORDER BY change_id LIMIT ?").arg(QLatin1String(commandColumns)),
                          {cursor, qint64(limit > 0 ? limit : 1000)});
    if (!q)
        return db.lastError();
    QList<CommandRecord> rows;
    while (q->next())
        rows << commandFromRow(*q);
    q->finish();
    return rows;
}

// The ledger: every recharge command for the meter with what came back for its tradeNo, plus
// credits whose tradeNo no command of ours carries (flagged at ingest, still money on the meter).
Result<QList<RechargeLedgerEntry>> Store::rechargeLedger(const QString &meterNo) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QList<RechargeLedgerEntry> rows;
    QSqlQuery *q = db.run(S("SELECT c.trade_no, c.params, c.state, c.created_at, c.command_seq, r.credited, r.received_at, "
                            "r.cancelled, r.cancelled_at, r.recharge_num FROM commands c LEFT JOIN recharges r ON r.trade_no = c.trade_no "
                            "WHERE c.meter_no = ? AND c.name = 'recharge' ORDER BY c.id"),
                          {meterNo});
    if (!q)
        return db.lastError();
    QSet<QString> seen;
    while (q->next()) {
        RechargeLedgerEntry e;
        e.tradeNo = q->value(0).toString();
        e.meterNo = meterNo;
        const QJsonObject params = QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object();
        e.rechargeType = params.value(S("rechargeType")).toString();
        const QString number = params.value(S("rechargeNum")).toString();
        if (e.byVolume())
            e.volume = Volume::parse(number).value_or(Volume());
        else if (auto amount = Money::parse(number))
            e.amount = *amount;
        else if (!q->value(9).isNull())
            e.amount = Money::fromUnits(q->value(9).toLongLong());
        e.state = q->value(2).toString();
        e.createdAt = q->value(3).toLongLong();
        e.commandSeq = q->value(4).toString();
        if (q->value(5).toInt() == 1)
            e.creditedAt = q->value(6).toLongLong();
        e.cancelled = q->value(7).toInt() == 1;
        e.cancelledAt = q->value(8).toLongLong();
        // A resend keeps the tradeNo: one ledger line per tradeNo, the latest command's state.
        if (seen.contains(e.tradeNo)) {
            for (auto &r : rows)
                if (r.tradeNo == e.tradeNo)
                    r = e;
            continue;
        }
        seen.insert(e.tradeNo);
        rows << e;
    }
    q->finish();
    q = db.run(S("SELECT trade_no, recharge_num, command_seq, credited, received_at, cancelled, cancelled_at FROM recharges "
                 "WHERE meter_no = ? ORDER BY received_at"),
               {meterNo});
    if (!q)
        return db.lastError();
    while (q->next()) {
        const QString tradeNo = q->value(0).toString();
        if (seen.contains(tradeNo))
            continue;
        RechargeLedgerEntry e;
        e.tradeNo = tradeNo;
        e.meterNo = meterNo;
        e.amount = Money::fromUnits(q->value(1).toLongLong());
        e.commandSeq = q->value(2).toString();
        e.state = S("unknown");
        if (q->value(3).toInt() == 1)
            e.creditedAt = q->value(4).toLongLong();
        e.createdAt = q->value(4).toLongLong();
        e.cancelled = q->value(5).toInt() == 1;
        e.cancelledAt = q->value(6).toLongLong();
        rows << e;
    }
    q->finish();
    return rows;
}

Result<RechargeNumbers> Store::nextRechargeNumbers(const QString &meterNo, Money amount) const
{
    auto ledger = rechargeLedger(meterNo);
    if (!ledger)
        return ledger.error();
    RechargeNumbers n;
    for (const RechargeLedgerEntry &e : *ledger) {
        if (e.creditedAt && !e.cancelled) {
            ++n.creditedCount;
            n.creditedTotal += e.amount;
            n.creditedVolume += e.volume;
            if (!e.rechargeType.isEmpty()) // a credit of ours: its type says how the meter is billed
                n.billedByVolume = e.byVolume();
        } else if (!e.creditedAt && (e.state == QLatin1String("queued") || e.state == QLatin1String("sent"))) {
            ++n.pendingCount;
            n.pendingTotal += e.amount;
            n.pendingVolume += e.volume;
        }
    }
    n.rechargeCount = n.creditedCount + 1;
    n.totalRechargeAmt = n.creditedTotal + amount;

    // The registry's unit wins over the ledger's (it was given on purpose: an import or by hand);
    // with neither, the meter's own reports say it (the spec: 金额表 fill meterBalanceAmt, 气量表
    // meterBalanceQty), so a meter's first recharge can be checked too.
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QSqlQuery *q = db.run(S("SELECT billing_unit, balance, balance_qty FROM meters WHERE meter_no = ? AND removed_at IS NULL"),
                          {meterNo});
    if (!q)
        return db.lastError();
    if (q->next()) {
        const auto unit = BillingUnit(q->value(0).toInt());
        if (unit != BillingUnit::Unknown)
            n.billedByVolume = unit == BillingUnit::Volume;
        else if (!n.billedByVolume && q->value(1).isNull() != q->value(2).isNull())
            n.billedByVolume = !q->value(2).isNull();
    }
    q->finish();
    return n;
}

Result<bool> Store::isTradeNoCredited(const QString &tradeNo) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QSqlQuery *q = db.run(S("SELECT credited FROM recharges WHERE trade_no = ?"), {tradeNo});
    if (!q)
        return db.lastError();
    const bool credited = q->next() && q->value(0).toInt() == 1;
    q->finish();
    return credited;
}

Result<QList<ParameterSet>> Store::parameterHistory(const QString &meterNo, int limit) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    QSqlQuery *q = db.run(S("SELECT command_seq, reported, values_json, received_at FROM parameters WHERE meter_no = ? "
                            "ORDER BY id DESC LIMIT ?"),
                          {meterNo, qint64(limit > 0 ? limit : 50)});
    if (!q)
        return db.lastError();
    QList<ParameterSet> rows;
    while (q->next()) {
        ParameterSet p;
        p.meterNo = meterNo;
        p.commandSeq = q->value(0).toString();
        p.reported = q->value(1).toInt() == 1;
        const QJsonObject o = QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            p.values.insert(it.key(), it.value().toString());
        p.receivedAt = q->value(3).toLongLong();
        rows << p;
    }
    q->finish();
    return rows;
}

} // namespace md
