// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Row mapping of commands, shared by the readers and the writer.

#include "commandrecord.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace md {

// "id, command_seq, ..." in the order commandFromRow reads.
inline constexpr const char *commandColumns =
    "id, command_seq, name, meter_no, trade_no, state, operator, params, created_at, sent_at, finished_at, return_code, "
    "return_message, result_code, attempts, batch_id, change_id";

inline CommandRecord commandFromRow(const QSqlQuery &q)
{
    CommandRecord c;
    c.id = q.value(0).toLongLong();
    c.commandSeq = q.value(1).toString();
    c.name = q.value(2).toString();
    c.meterNo = q.value(3).toString();
    c.tradeNo = q.value(4).toString();
    c.state = commandStateFromName(q.value(5).toString()).value_or(CommandState::Queued);
    c.operatorName = q.value(6).toString();
    c.params = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    c.createdAt = q.value(8).toLongLong();
    c.sentAt = q.value(9).toLongLong();
    c.finishedAt = q.value(10).toLongLong();
    c.returnCode = q.value(11).toString();
    c.returnMessage = q.value(12).toString();
    c.resultCode = q.value(13).toString();
    c.attempts = q.value(14).toInt();
    c.batchId = q.value(15).toString();
    c.changeId = q.value(16).toLongLong();
    return c;
}

} // namespace md
