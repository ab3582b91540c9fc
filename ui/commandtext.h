// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one place for what a command looks like on screen: the translated name of each /prepose/
// command and of each state, and the state's colour. Every view, form and model asks here, so a
// state reads and looks the same in the Commands view, a dialog's status line and a batch summary.

#include "storage/commandrecord.h"

#include <QColor>
#include <QString>

namespace md::CommandText {

// "Recharge" / "充值"; the name itself for an unknown command.
QString commandTitle(const QString &commandName);
// "Platform unreachable" / "平台不可达".
QString stateLabel(CommandState state);
// Waiting is calm blue, done green, "nothing confirmed, may be resent" amber, refused or failed red.
QColor stateColour(CommandState state);

} // namespace md::CommandText
