// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the command layer knows about a command NAME (its states and their transitions:
// core/commandstate.h). Everything here is derived from the catalogue (catalog.json: a command's
// resultUploads) so no per-command table is written by hand.

#include "storage/commandrecord.h"

#include <QString>
#include <QStringList>

namespace md::CommandNames {
// The nine /prepose/ names in catalogue order.
QStringList all();
bool isKnown(const QString &name);
// True when the platform answers the command with a result upload (catalogue resultUploads non-empty);
// false for updatePriceAndBalance, setParameter, meterInfo, which end at `accepted`.
bool hasResultUpload(const QString &name);
// The state a 0000 reply leads to: Sent (waiting for a result upload) or Accepted (terminal).
CommandState stateAfterAcceptance(const QString &name);
// recharge and cancelRecharge move money: never resent automatically, resend keeps the tradeNo.
bool movesMoney(const QString &name);
// recharge and cancelRecharge carry a tradeNo.
bool carriesTradeNo(const QString &name);
// Whether the wire body carries commandSeq (meterInfo does not; we still number it locally).
bool carriesCommandSeq(const QString &name);
// Fields the command service fills itself (never typed by the operator): commandSeq, tradeNo for a
// recharge, rechargeCount / totalRechargeAmt (from the ledger), rechargeTime (now, when not given),
// meterType and meterInfo's registry fields (from the registry, when not given).
QStringList serviceFilledFields(const QString &name);
} // namespace md::CommandNames
