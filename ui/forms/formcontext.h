// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every command form needs from the running console: the command service (which owns the
// platform client and its settings), the store for reads (customer, ledger, balance), and the
// operator's name recorded on each command (Settings::effectiveOperator).

#include <QString>

#include <memory>

namespace md {

class CommandService;
class Store;

struct FormContext
{
    CommandService *service = nullptr;
    std::shared_ptr<Store> store; // reads only, always off the GUI thread
    QString operatorName;
};

} // namespace md
