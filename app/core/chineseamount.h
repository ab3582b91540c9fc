// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An amount of money in Chinese capital numerals (大写金额) as written on receipts and cheques,
// following the rules of the People's Bank of China for 中文大写金额:
//
// - The amount is first rounded to the fen (分) as a cashier rounds: half up (四舍五入) on the
//   0.0001-yuan units, so 1.2350 -> 1.24 and 1.2349 -> 1.23. Only non-negative amounts are
//   written; a negative amount is refused (code 1203), as is one that needs more than 12 integer
//   digits after rounding (the fixed-point limit of the protocol).
// - 整 follows 元 when there are neither jiao nor fen (壹佰元整, 零元整); it is not written after
//   角 or 分 (壹仟零伍元伍角, 壹元贰角叁分).
// - 零: every run of zero digits that lies between two non-zero digits of the whole amount
//   (integer digits, jiao, fen) is written as one 零, across 万/亿 and across 元:
//   1005 -> 壹仟零伍元整, 100005 -> 壹拾万零伍元整, 107000.53 -> 壹拾万零柒仟元零伍角叁分,
//   1680.32 -> 壹仟陆佰捌拾元零叁角贰分, 16409.02 -> 壹万陆仟肆佰零玖元零贰分. The rules allow
//   leaving out the 零 where 万 or 元 is zero; writing it always keeps one rule and leaves no gap to
//   add digits into. Zeros at the end or before the first non-zero digit are not written
//   (壹佰元整, 伍角).
// - 拾 always has its digit (壹拾元整, 壹拾伍万元整), as on bills.
// - Without an integer part the text starts at the jiao or fen: 0.35 -> 叁角伍分, 0.05 -> 伍分,
//   0.50 -> 伍角.

#include "fixeddecimal.h"
#include "result.h"

#include <QString>

namespace md {

// Rounds to the fen, half up, as described above; the result is in 0.0001-yuan units.
qint64 roundToFen(qint64 units);

Result<QString> chineseCapitalAmount(Money amount);

} // namespace md
