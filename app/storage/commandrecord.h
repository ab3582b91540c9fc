// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The command table's rows (protocol.md section 8) and the recharge ledger; the states and their
// transitions are core/commandstate.h's. Plain values: instants in UTC epoch seconds, money as
// md::Money. `params` holds the command's plain field values, never the ciphertext that went on the
// wire.

#include "core/commandstate.h"
#include "core/fixeddecimal.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace md {


struct CommandRecord
{
    qint64 id = 0;
    QString commandSeq; // 20 digits
    QString name;       // valveOperate, recharge, ... (the /prepose/ name)
    QString meterNo;
    QString tradeNo;    // recharge / cancelRecharge only
    CommandState state = CommandState::Queued;
    QString operatorName;
    QJsonObject params; // plain values as strings
    qint64 createdAt = 0;
    qint64 sentAt = 0;     // 0: not yet
    qint64 finishedAt = 0; // 0: not finished
    QString returnCode;    // the platform's reply
    QString returnMessage;
    QString resultCode;    // from the result upload: 00 / 01
    int attempts = 0;
    QString batchId;       // groups commands sent together (CSV batch); empty when single
    qint64 changeId = 0;   // increases on every change; the cursor of changedCommandsSince
};

// Fields that updateCommandState may set together with the state. Unset optionals stay unchanged.
struct CommandUpdate
{
    CommandState state = CommandState::Sent;
    std::optional<qint64> sentAt;
    std::optional<qint64> finishedAt; // defaults to `now` for terminal states when unset
    std::optional<QString> returnCode;
    std::optional<QString> returnMessage;
    std::optional<QString> resultCode;
    bool incrementAttempts = false;
};

struct CommandFilter
{
    QList<CommandState> states; // empty: any
    QString meterNo;            // exact; empty: any
    QString name;               // exact; empty: any
    QString batchId;
    qint64 from = 0;            // createdAt >= from (0: open)
    qint64 to = 0;              // createdAt < to (0: open)
    int offset = 0;
    int limit = 200;
};

struct CommandPage
{
    QList<CommandRecord> rows; // newest first
    qint64 total = 0;          // count matching the filter (capped at countCap in queries.h)
};

// One recharge (or its cancellation) as the ledger knows it.
struct RechargeLedgerEntry
{
    QString tradeNo;
    QString meterNo;
    // A recharge is in one unit (protocol.md section 8): money (rechargeType 1, `amount`) or gas
    // volume (rechargeType 2, `volume`); the other one stays zero. Money and volume are never added.
    Money amount;          // rechargeNum as sent, for a recharge by money
    Volume volume;         // rechargeNum as sent, for a recharge by volume
    QString rechargeType;  // 1 amount, 2 volume
    bool byVolume() const { return rechargeType == QLatin1String("2"); }
    QString wireNumber() const { return byVolume() ? volume.toString() : amount.toString(); } // rechargeNum
    QString state;         // the command's state name: queued, sent, succeeded, failed, ...
    qint64 createdAt = 0;
    qint64 creditedAt = 0; // 0: not credited (no rechargeUp with 00 yet)
    QString commandSeq;
    bool cancelled = false; // a cancelRechargeUp with 00 arrived for this tradeNo
    qint64 cancelledAt = 0;
};

// What the next recharge command for a meter must carry (rechargeCount, totalRechargeAmt), computed
// from the ledger: credited recharges minus cancelled ones, plus the one about to be sent.
// `pending*` are recharges sent (or queued) whose result has not arrived: the command layer decides
// whether to refuse a new recharge while one is pending.
// Totals are kept per unit: money recharges in creditedTotal, volume recharges in creditedVolume.
// billedByVolume: how the meter is billed (金额表 or 气量表), once known (billingunit.h): the
// registry's unit; else the unit of its credited recharges (the latest one when both appear); else
// the balance the meter reports (meterBalanceAmt or meterBalanceQty); unset when nothing says.
struct RechargeNumbers
{
    qint64 creditedCount = 0;     // credited and not cancelled
    Money creditedTotal;          // money recharges
    Volume creditedVolume;        // volume recharges
    qint64 pendingCount = 0;      // queued / sent, no result yet
    Money pendingTotal;
    Volume pendingVolume;
    qint64 rechargeCount = 0;     // creditedCount + 1
    Money totalRechargeAmt;       // creditedTotal + the new amount (a recharge by money)
    std::optional<bool> billedByVolume;
};

} // namespace md
