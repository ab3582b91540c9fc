// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtext.h"

#include <QCoreApplication>

namespace md::CommandText {

namespace {
struct Title
{
    const char *name;
    const char *text;
};
constexpr Title titles[] = {
    {"valveOperate", QT_TRANSLATE_NOOP("md::CommandText", "Valve")},
    {"dataSupplement", QT_TRANSLATE_NOOP("md::CommandText", "Data supplement")},
    {"updatePriceAndBalance", QT_TRANSLATE_NOOP("md::CommandText", "Update price and balance")},
    {"recharge", QT_TRANSLATE_NOOP("md::CommandText", "Recharge")},
    {"cancelRecharge", QT_TRANSLATE_NOOP("md::CommandText", "Cancel recharge")},
    {"changeprice", QT_TRANSLATE_NOOP("md::CommandText", "Price ladder")},
    {"getParameter", QT_TRANSLATE_NOOP("md::CommandText", "Read parameters")},
    {"setParameter", QT_TRANSLATE_NOOP("md::CommandText", "Set parameters")},
    {"meterInfo", QT_TRANSLATE_NOOP("md::CommandText", "Meter information")},
};
} // namespace

QString commandTitle(const QString &commandName)
{
    for (const Title &t : titles)
        if (commandName == QLatin1String(t.name))
            return QCoreApplication::translate("md::CommandText", t.text);
    return commandName;
}

QString stateLabel(CommandState state)
{
    switch (state) {
    case CommandState::Queued: return QCoreApplication::translate("md::CommandText", "Queued");
    case CommandState::Sent: return QCoreApplication::translate("md::CommandText", "Sent, waiting for the meter");
    case CommandState::Accepted: return QCoreApplication::translate("md::CommandText", "Accepted");
    case CommandState::Succeeded: return QCoreApplication::translate("md::CommandText", "Succeeded");
    case CommandState::Failed: return QCoreApplication::translate("md::CommandText", "Failed");
    case CommandState::Expired: return QCoreApplication::translate("md::CommandText", "Expired");
    case CommandState::Rejected: return QCoreApplication::translate("md::CommandText", "Rejected by the platform");
    case CommandState::Unreachable: return QCoreApplication::translate("md::CommandText", "Platform unreachable");
    case CommandState::Cancelled: return QCoreApplication::translate("md::CommandText", "Cancelled");
    }
    return commandStateName(state);
}

QColor stateColour(CommandState state)
{
    switch (state) {
    case CommandState::Queued:
    case CommandState::Sent:
        return QColor(0x1f, 0x5f, 0x8b); // calm blue: waiting is normal
    case CommandState::Accepted:
    case CommandState::Succeeded:
        return QColor(0x1b, 0x7f, 0x3b);
    case CommandState::Expired:
    case CommandState::Unreachable:
        return QColor(0x9a, 0x62, 0x00); // amber: nothing confirmed, the operator may resend
    case CommandState::Failed:
    case CommandState::Rejected:
        return QColor(0xb3, 0x26, 0x1e);
    case CommandState::Cancelled:
        break;
    }
    return QColor(0x55, 0x55, 0x55);
}

} // namespace md::CommandText
