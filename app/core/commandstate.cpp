// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandstate.h"

namespace md {

namespace {
struct StateName
{
    CommandState state;
    const char *name;
};
// In lifecycle order (allCommandStates).
constexpr StateName stateNames[] = {
    {CommandState::Queued, "queued"},       {CommandState::Sent, "sent"},
    {CommandState::Accepted, "accepted"},   {CommandState::Succeeded, "succeeded"},
    {CommandState::Failed, "failed"},       {CommandState::Expired, "expired"},
    {CommandState::Rejected, "rejected"},   {CommandState::Unreachable, "unreachable"},
    {CommandState::Cancelled, "cancelled"},
};
} // namespace

QString commandStateName(CommandState s)
{
    for (const auto &n : stateNames)
        if (n.state == s)
            return QString::fromLatin1(n.name);
    return {};
}

std::optional<CommandState> commandStateFromName(const QString &name)
{
    for (const auto &n : stateNames)
        if (name == QLatin1String(n.name))
            return n.state;
    return std::nullopt;
}

bool isTerminal(CommandState s)
{
    switch (s) {
    case CommandState::Queued:
    case CommandState::Sent:
        return false;
    default:
        return true;
    }
}

bool isLegalTransition(CommandState from, CommandState to)
{
    if (from == to || isTerminal(from))
        return false;
    switch (from) {
    case CommandState::Queued:
        // A result may race ahead of our own bookkeeping of the HTTP reply (the meter answers before
        // the sender records `sent`), so queued may also finish directly.
        return to != CommandState::Queued && to != CommandState::Expired;
    case CommandState::Sent:
        return to == CommandState::Accepted || to == CommandState::Succeeded || to == CommandState::Failed
               || to == CommandState::Expired;
    default:
        return false;
    }
}

QList<CommandState> allCommandStates()
{
    QList<CommandState> states;
    for (const auto &n : stateNames)
        states << n.state;
    return states;
}

bool canCancel(CommandState s)
{
    return s == CommandState::Queued;
}

bool canResend(CommandState s)
{
    return s == CommandState::Rejected || s == CommandState::Unreachable || s == CommandState::Expired
           || s == CommandState::Failed;
}

} // namespace md
