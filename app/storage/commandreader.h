// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading commands and the recharge ledger: one command by commandSeq, filtered pages, the changes
// since a cursor, and the numbers the next recharge must carry. Store implements it
// (commandqueries.cpp); a view or test that only shows commands can take a fake. Reads block: call
// them from a worker thread, never the GUI thread.

#include "commandrecord.h"

#include "core/fixeddecimal.h"
#include "core/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace md {

class CommandReader
{
public:
    virtual ~CommandReader() = default;

    virtual Result<std::optional<CommandRecord>> commandBySeq(const QString &commandSeq) const = 0;
    virtual Result<CommandPage> commands(const CommandFilter &filter) const = 0;
    // Commands whose changeId > cursor, oldest change first; the new cursor is the last changeId.
    virtual Result<QList<CommandRecord>> changedCommandsSince(qint64 cursor, int limit = 1000) const = 0;
    virtual Result<QList<RechargeLedgerEntry>> rechargeLedger(const QString &meterNo) const = 0;
    virtual Result<RechargeNumbers> nextRechargeNumbers(const QString &meterNo, Money amount) const = 0;
    virtual Result<bool> isTradeNoCredited(const QString &tradeNo) const = 0;
};

} // namespace md
