// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every command form needs from the running console: the command service (which owns the
// platform client and its settings), the store for reads (customer, ledger, balance), and the
// operator's name recorded on each command (Settings::effectiveOperator), and the console (settings,
// platform clock, journal) when there is one: receipts and next-step actions use it.

#include "core/settings.h"

#include <QString>

#include <memory>

namespace md {

class CommandService;
class ConsoleContext;
class Store;

struct FormContext
{
    CommandService *service = nullptr;
    std::shared_ptr<Store> store; // reads only, always off the GUI thread
    QString operatorName;
    ConsoleContext *console = nullptr; // may be null (tests, tools)
    // The large-recharge thresholds when there is no console (the console's own settings win).
    RechargeSettings recharge;
};

} // namespace md
