// SPDX-License-Identifier: GPL-3.0-or-later
#include "receipt.h"

namespace md {

ReceiptPaper receiptPaperFromName(const QString &name)
{
    if (name == u"thermal80")
        return ReceiptPaper::Thermal80;
    if (name == u"a4")
        return ReceiptPaper::A4;
    return ReceiptPaper::A5;
}

Receipt buildReceipt(const ReceiptInputs &in, const ReceiptIssuer &issuer)
{
    const CommandRecord &c = in.command;
    Receipt r;
    r.company = issuer.company;
    r.desk = issuer.desk;
    r.printedBy = issuer.printedBy;
    r.printedAt = issuer.time.formatDateTime(issuer.printedAt);
    r.reprint = issuer.reprint;
    r.meterNo = c.meterNo;
    r.tradeNo = c.tradeNo.isEmpty() ? c.params.value(QStringLiteral("tradeNo")).toString() : c.tradeNo;
    r.commandSeq = c.commandSeq;
    r.state = c.state;
    r.operatorName = c.operatorName;
    r.cancellation = c.name == u"cancelRecharge" || (in.ledger && in.ledger->cancelled);
    r.credited = in.ledger && in.ledger->creditedAt > 0;
    r.receiptNo = (r.cancellation ? QStringLiteral("C") : QStringLiteral("R")) + c.commandSeq;

    const QString rechargeTime = c.params.value(QStringLiteral("rechargeTime")).toString();
    r.rechargeTime = rechargeTime.isEmpty() ? issuer.time.formatDateTime(c.createdAt) : rechargeTime;

    r.byVolume = c.params.value(QStringLiteral("rechargeType")).toString() == u"2"
                 || (in.ledger && in.ledger->rechargeType == u"2");
    const QString num = c.params.value(QStringLiteral("rechargeNum")).toString();
    if (r.byVolume)
        r.volume = Volume::parse(num);
    else
        r.amount = Money::parse(num);
    if (!r.amount && !r.byVolume && in.ledger)
        r.amount = in.ledger->amount;

    bool countOk = false;
    const qint64 count = c.params.value(QStringLiteral("rechargeCount")).toString().toLongLong(&countOk);
    r.rechargeCount = countOk ? count : 0;
    if (const auto total = Money::parse(c.params.value(QStringLiteral("totalRechargeAmt")).toString()))
        r.cumulativeTotal = *total;

    r.balanceBefore = in.balanceBefore;
    if (r.balanceBefore && r.amount)
        r.expectedAfter = r.cancellation ? *r.balanceBefore - *r.amount : *r.balanceBefore + *r.amount;

    if (in.meter) {
        const MeterSummary &m = *in.meter;
        r.customer = m.info.userName.isEmpty() ? m.row.userName : m.info.userName;
        r.userNo = m.info.userNo.isEmpty() ? m.row.userNo : m.info.userNo;
        r.address = m.info.addrDes.isEmpty() ? m.row.addrDes : m.info.addrDes;
    }
    return r;
}

} // namespace md
