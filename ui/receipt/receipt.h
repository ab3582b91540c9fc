// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The recharge receipt (充值凭证) as plain values, and how it is made from what the store knows: the
// recharge (or cancelRecharge) command, the meter's registry row, the ledger row of its tradeNo and
// the last balance the meter reported before the command. One builder for the result panel and for
// reprints from the ledger, so a reprint shows what the first print showed (plus the reprint mark).
//
// Receipt number: "R" + the recharge's commandSeq, "C" + the commandSeq of the cancellation (or of
// the cancelled recharge when reprinted from the ledger): unique per command, the same on every
// reprint, and traceable to the command without a counter of its own.

#include "core/fixeddecimal.h"
#include "core/timeformat.h"
#include "storage/commandrecord.h"
#include "storage/queries.h"

#include <QString>

#include <optional>

namespace md {

enum class ReceiptPaper { Thermal80, A5, A4 };
ReceiptPaper receiptPaperFromName(const QString &name); // "thermal80", "a5", "a4"; A5 otherwise

struct Receipt
{
    QString company;
    QString desk;
    QString receiptNo;
    bool cancellation = false;
    QString customer;
    QString userNo;
    QString meterNo;
    QString address;
    bool byVolume = false;
    std::optional<Money> amount;  // money recharges (and the refunded amount of a cancellation)
    std::optional<Volume> volume; // volume recharges
    qint64 rechargeCount = 0;     // 0: not known
    std::optional<Money> cumulativeTotal;
    std::optional<Money> balanceBefore; // the last balance the meter reported before the command
    std::optional<Money> expectedAfter; // balanceBefore + amount (- for a cancellation)
    QString tradeNo;
    QString commandSeq;
    CommandState state = CommandState::Queued;
    bool credited = false;        // the meter confirmed (rechargeUp 00)
    QString operatorName;         // who sent the command (recorded form: "name (login)")
    QString printedBy;            // who prints now (recorded form)
    QString rechargeTime;         // "yyyy-MM-dd HH:mm:ss" in the platform zone
    QString printedAt;            // the same, at print time
    bool reprint = false;
};

// What buildReceipt needs; everything the store can tell, read off the GUI thread by the caller.
struct ReceiptInputs
{
    CommandRecord command;                     // recharge or cancelRecharge
    std::optional<MeterSummary> meter;
    std::optional<RechargeLedgerEntry> ledger; // the row of command.tradeNo
    std::optional<Money> balanceBefore;
};

struct ReceiptIssuer
{
    QString company;
    QString desk;
    QString printedBy;
    PlatformTime time;
    qint64 printedAt = 0; // epoch seconds
    bool reprint = false;
};

Receipt buildReceipt(const ReceiptInputs &in, const ReceiptIssuer &issuer);

} // namespace md
