// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A command's states (protocol.md section 8) and everything that follows from the state alone: the
// stored name, which states are final, the legal transitions the store enforces, and what the
// operator may do next (cancel, resend). The one home of this knowledge: the store, the command
// service, the CLI and the forms all ask here. Labels and colours are the UI's (ui/commandtext.h).

#include <QList>
#include <QString>

#include <optional>

namespace md {

enum class CommandState {
    Queued,      // stored, not yet sent
    Sent,        // HTTP 200 and returnCode 0000; waiting for the result upload
    Accepted,    // terminal for commands without a result upload (updatePriceAndBalance, setParameter, meterInfo)
    Succeeded,   // result upload resultCode 00 (or parameterUp / meterDataSupplement arrived)
    Failed,      // result upload resultCode 01
    Expired,     // no result within commandTtlHours
    Rejected,    // platform returnCode not 0000
    Unreachable, // no HTTP answer
    Cancelled,   // by the operator while queued
};

// Every state, in lifecycle order (for filters and legends).
QList<CommandState> allCommandStates();
QString commandStateName(CommandState s); // "queued", "sent", ... (stored form)
std::optional<CommandState> commandStateFromName(const QString &name);
bool isTerminal(CommandState s);
// The legal transitions; terminal states never change again. Same-state is not a transition.
bool isLegalTransition(CommandState from, CommandState to);
// The operator may cancel a command that has not left yet.
bool canCancel(CommandState s);
// A resend is possible once the first attempt is over without a meter result: rejected,
// unreachable, expired or failed (a new commandSeq; recharge keeps its tradeNo).
bool canResend(CommandState s);

} // namespace md
