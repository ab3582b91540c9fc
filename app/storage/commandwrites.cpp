// SPDX-License-Identifier: GPL-3.0-or-later
// Commands on the writer side: commandSeq allocation (a counter row updated inside the write
// transaction: SQLite's write lock / PostgreSQL's row lock serialise every process), insertion, state
// transitions (only legal ones; terminal states never change again) and result matching.
#include "commandrows.h"
#include "writeops.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace md::writeops {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

// Increases in commit order across processes: the counter row stays locked until COMMIT.
std::optional<qint64> nextChangeId(WriteContext &ctx)
{
    auto v = ctx.db.scalar(S("UPDATE counters SET value = value + 1 WHERE name = 'commandChange' RETURNING value"));
    if (!v)
        return std::nullopt;
    return v->toLongLong();
}

Result<std::optional<CommandRecord>> loadCommand(WriteContext &ctx, const QString &seq)
{
    QSqlQuery *q = ctx.db.run(S("SELECT %1 FROM commands WHERE command_seq = ?%2")
                                  .arg(QLatin1String(commandColumns), ctx.db.dialect().forUpdate()),
                              {seq});
    if (!q)
        return ctx.db.lastError();
    std::optional<CommandRecord> c;
    if (q->next())
        c = commandFromRow(*q);
    q->finish();
    return c;
}

} // namespace

Result<QString> allocateSeq(WriteContext &ctx, qint64 now)
{
    QSqlQuery *q = ctx.db.run(S("SELECT stamp, value FROM counters WHERE name = 'commandSeq'%1").arg(ctx.db.dialect().forUpdate()));
    if (!q)
        return ctx.db.lastError();
    if (!q->next())
        return makeError(S("9999"), S("counters"), S("commandSeq counter row missing"));
    qint64 stamp = q->value(0).toLongLong();
    qint64 counter = q->value(1).toLongLong();
    q->finish();
    // (stamp, counter) only ever grows: a clock that goes back keeps the last stamp, a full second
    // (a million commands) borrows the next one. So a seq is never handed out twice.
    if (now > stamp) {
        stamp = now;
        counter = 1;
    } else if (++counter > 999999) {
        ++stamp;
        counter = 1;
    }
    if (!ctx.db.run(S("UPDATE counters SET stamp = ?, value = ? WHERE name = 'commandSeq'"), {stamp, counter}))
        return ctx.db.lastError();
    return ctx.time.formatCompact(stamp) + QStringLiteral("%1").arg(counter, 6, 10, QLatin1Char('0'));
}

Result<CommandRecord> insertCommand(WriteContext &ctx, CommandRecord c)
{
    if (c.commandSeq.isEmpty() || c.name.isEmpty())
        return makeError(S("9999"), c.commandSeq.isEmpty() ? S("commandSeq") : S("name"), S("required"));
    auto change = nextChangeId(ctx);
    if (!change)
        return ctx.db.lastError();
    c.changeId = *change;
    if (!c.createdAt)
        c.createdAt = ctx.now;
    auto id = ctx.db.scalar(
        S("INSERT INTO commands (command_seq, name, meter_no, trade_no, state, operator, params, created_at, sent_at, "
          "finished_at, return_code, return_message, result_code, attempts, batch_id, change_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {c.commandSeq, c.name, textOrNull(c.meterNo), textOrNull(c.tradeNo), commandStateName(c.state), textOrNull(c.operatorName),
         QString::fromUtf8(QJsonDocument(c.params).toJson(QJsonDocument::Compact)), c.createdAt, nonZeroOrNull(c.sentAt),
         nonZeroOrNull(c.finishedAt), textOrNull(c.returnCode), textOrNull(c.returnMessage), textOrNull(c.resultCode),
         c.attempts, textOrNull(c.batchId), c.changeId});
    if (!id)
        return ctx.db.lastError();
    c.id = id->toLongLong();
    ctx.changes.commandSeqs.insert(c.commandSeq);
    return c;
}

Result<CommandRecord> updateCommand(WriteContext &ctx, const QString &seq, const CommandUpdate &u)
{
    auto loaded = loadCommand(ctx, seq);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return makeError(S("9999"), S("commandSeq"), S("no command %1").arg(seq));
    CommandRecord c = **loaded;
    if (!isLegalTransition(c.state, u.state))
        return makeError(S("9999"), S("state"),
                         S("illegal transition %1 -> %2 for %3").arg(commandStateName(c.state), commandStateName(u.state), seq));
    auto change = nextChangeId(ctx);
    if (!change)
        return ctx.db.lastError();
    c.state = u.state;
    c.changeId = *change;
    if (u.sentAt)
        c.sentAt = *u.sentAt;
    if (u.finishedAt)
        c.finishedAt = *u.finishedAt;
    else if (isTerminal(u.state) && !c.finishedAt)
        c.finishedAt = ctx.now;
    if (u.returnCode)
        c.returnCode = *u.returnCode;
    if (u.returnMessage)
        c.returnMessage = *u.returnMessage;
    if (u.resultCode)
        c.resultCode = *u.resultCode;
    if (u.incrementAttempts)
        ++c.attempts;
    if (!ctx.db.run(S("UPDATE commands SET state = ?, sent_at = ?, finished_at = ?, return_code = ?, return_message = ?, "
                      "result_code = ?, attempts = ?, change_id = ? WHERE id = ?"),
                    {commandStateName(c.state), nonZeroOrNull(c.sentAt), nonZeroOrNull(c.finishedAt), textOrNull(c.returnCode),
                     textOrNull(c.returnMessage), textOrNull(c.resultCode), c.attempts, c.changeId, c.id}))
        return ctx.db.lastError();
    ctx.changes.commandSeqs.insert(seq);
    return c;
}

Result<QStringList> expireCommands(WriteContext &ctx, qint64 now, qint64 ttl)
{
    QSqlQuery *q = ctx.db.run(S("SELECT command_seq FROM commands WHERE state = 'sent' AND COALESCE(sent_at, created_at) < ?"),
                              {now - ttl});
    if (!q)
        return ctx.db.lastError();
    QStringList seqs;
    while (q->next())
        seqs << q->value(0).toString();
    q->finish();
    CommandUpdate u;
    u.state = CommandState::Expired;
    u.finishedAt = now;
    for (const QString &s : std::as_const(seqs)) {
        auto r = updateCommand(ctx, s, u);
        if (!r)
            return r.error();
    }
    return seqs;
}

Result<ResultMatch> applyCommandResult(WriteContext &ctx, const CommandResult &r, qint64 journalId)
{
    ResultMatch m;
    const QString values = QString::fromUtf8(QJsonDocument(r.values).toJson(QJsonDocument::Compact));
    auto cmd = loadCommand(ctx, r.commandSeq);
    if (!cmd)
        return cmd.error();
    QSqlQuery *q = ctx.db.run(S("INSERT INTO command_results (command_seq, upload_name, meter_no, result_code, values_json, "
                                "received_at, journal_id, matched) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                "ON CONFLICT (command_seq, upload_name) DO NOTHING"),
                              {r.commandSeq, r.uploadName, textOrNull(r.meterNo), textOrNull(r.resultCode), values,
                               r.receivedAt ? r.receivedAt : ctx.now, nonZeroOrNull(journalId), cmd->has_value() ? 1 : 0});
    if (!q)
        return ctx.db.lastError();
    if (q->numRowsAffected() == 0) {
        m.duplicate = true;
        auto stored = ctx.db.scalar(S("SELECT COALESCE(result_code, '') FROM command_results WHERE command_seq = ? AND upload_name = ?"),
                                    {r.commandSeq, r.uploadName});
        if (stored && stored->toString() != r.resultCode
            && !addReviewFlag(ctx, S("result-conflict"), r.meterNo, r.commandSeq,
                              S("%1: stored resultCode %2, received %3").arg(r.uploadName, stored->toString(), r.resultCode), journalId))
            return ctx.db.lastError();
        if (cmd->has_value())
            m.matchedSeq = r.commandSeq;
        return m;
    }
    if (!cmd->has_value()) {
        m.unknown = true;
        if (!addReviewFlag(ctx, S("unknown-commandSeq"), r.meterNo, r.commandSeq, r.uploadName, journalId))
            return ctx.db.lastError();
        return m;
    }
    const CommandRecord &c = **cmd;
    m.matchedSeq = c.commandSeq;
    std::optional<CommandState> target;
    if (r.uploadName == QLatin1String("parameterUp") || r.uploadName == QLatin1String("meterDataSupplement"))
        target = CommandState::Succeeded;
    else if (r.resultCode == QLatin1String("00"))
        target = CommandState::Succeeded;
    else if (r.resultCode == QLatin1String("01"))
        target = CommandState::Failed;
    if (!target) {
        if (!addReviewFlag(ctx, S("unknown-resultCode"), r.meterNo, r.commandSeq, r.resultCode, journalId))
            return ctx.db.lastError();
        return m;
    }
    if (!isLegalTransition(c.state, *target)) {
        // A late result for a command already finished (expired, cancelled, ...): keep it, flag it.
        if (c.state != *target
            && !addReviewFlag(ctx, S("late-result"), r.meterNo, r.commandSeq,
                              S("%1 arrived while the command was %2").arg(r.uploadName, commandStateName(c.state)), journalId))
            return ctx.db.lastError();
        return m;
    }
    CommandUpdate u;
    u.state = *target;
    u.finishedAt = r.receivedAt ? r.receivedAt : ctx.now;
    if (!r.resultCode.isEmpty())
        u.resultCode = r.resultCode;
    auto updated = updateCommand(ctx, c.commandSeq, u);
    if (!updated)
        return updated.error();
    return m;
}

} // namespace md::writeops
