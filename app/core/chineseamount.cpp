// SPDX-License-Identifier: GPL-3.0-or-later
#include "chineseamount.h"

#include <QList>

namespace md {

namespace {

const QChar kDigits[] = {u'零', u'壹', u'贰', u'叁', u'肆', u'伍', u'陆', u'柒', u'捌', u'玖'};
const QChar kPlaces[] = {QChar(), u'拾', u'佰', u'仟'}; // inside one four-digit group
const QChar kGroups[] = {QChar(), u'万', u'亿'};         // after the group, when any digit is non-zero
constexpr qint64 kUnitsPerFen = 100;                    // 0.0001 yuan per unit
constexpr qint64 kMaxFen = 999'999'999'999'99;          // 12 integer digits

} // namespace

qint64 roundToFen(qint64 units)
{
    if (units < 0)
        return -roundToFen(-units);
    return (units + kUnitsPerFen / 2) / kUnitsPerFen * kUnitsPerFen;
}

Result<QString> chineseCapitalAmount(Money amount)
{
    if (amount.isNegative())
        return makeError(QStringLiteral("1203"), QStringLiteral("amount"),
                         QStringLiteral("a negative amount has no capital form"));
    const qint64 fen = roundToFen(amount.units()) / kUnitsPerFen;
    if (fen > kMaxFen)
        return makeError(QStringLiteral("1203"), QStringLiteral("amount"),
                         QStringLiteral("more than 12 integer digits"));

    const qint64 yuan = fen / 100;
    const int jiao = int(fen / 10 % 10);
    const int fenDigit = int(fen % 10);

    // Digits from the most significant down, each with the text that follows it (place and the
    // group word), so one pass can put a single 零 into each inner run of zeros.
    struct Slot
    {
        int digit;
        QString suffix;      // 拾/佰/仟, 角, 分 for a non-zero digit
        QString groupSuffix; // 万/亿/元 written after this slot when its group has a non-zero digit
    };
    QList<Slot> places;
    const QString yuanDigits = QString::number(yuan);
    const int n = yuanDigits.size();
    for (int i = 0; i < n; ++i) {
        const int pos = n - 1 - i; // 0 = ones
        Slot s{yuanDigits.at(i).digitValue(), {}, {}};
        if (pos % 4)
            s.suffix = kPlaces[pos % 4];
        if (pos % 4 == 0)
            s.groupSuffix = pos == 0 ? QStringLiteral("元") : QString(kGroups[pos / 4]);
        places.append(s);
    }
    places.append(Slot{jiao, QStringLiteral("角"), {}});
    places.append(Slot{fenDigit, QStringLiteral("分"), {}});

    QString out;
    bool seenNonZero = false;
    bool pendingZero = false;
    bool groupHasDigit = false;
    for (const Slot &s : std::as_const(places)) {
        if (s.digit) {
            if (pendingZero)
                out += kDigits[0];
            pendingZero = false;
            seenNonZero = true;
            groupHasDigit = true;
            out += kDigits[s.digit];
            out += s.suffix;
        } else if (seenNonZero) {
            pendingZero = true;
        }
        // 元 is written whenever there is an integer part; 万 and 亿 only for a non-zero group.
        if (!s.groupSuffix.isEmpty()) {
            if (groupHasDigit || (s.groupSuffix == QStringLiteral("元") && yuan > 0))
                out += s.groupSuffix;
            groupHasDigit = false;
        }
    }
    if (fen == 0)
        return QStringLiteral("零元整");
    if (jiao == 0 && fenDigit == 0)
        out += u'整';
    return out;
}

} // namespace md
