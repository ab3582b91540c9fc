// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixeddecimal.h"

namespace md {

std::optional<qint64> parseFixed(QStringView text, int decimals, int maxIntegerDigits)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool negative = false;
    if (i < n && text[i] == u'-') {
        negative = true;
        ++i;
    }
    qint64 integer = 0;
    int integerDigits = 0;
    while (i < n && text[i] >= u'0' && text[i] <= u'9') {
        integer = integer * 10 + (text[i].unicode() - u'0');
        ++integerDigits;
        ++i;
        if (integerDigits > maxIntegerDigits)
            return std::nullopt;
    }
    if (integerDigits == 0)
        return std::nullopt; // "", "-", ".5", "+3", "abc"
    qint64 fraction = 0;
    int fractionDigits = 0;
    if (i < n && text[i] == u'.') {
        ++i;
        while (i < n && text[i] >= u'0' && text[i] <= u'9') {
            if (++fractionDigits > decimals)
                return std::nullopt; // never round silently
            fraction = fraction * 10 + (text[i].unicode() - u'0');
            ++i;
        }
        if (fractionDigits == 0)
            return std::nullopt; // "3."
    }
    if (i != n)
        return std::nullopt; // trailing garbage, exponent, separators, spaces
    for (int d = fractionDigits; d < decimals; ++d)
        fraction *= 10;
    qint64 scale = 1;
    for (int d = 0; d < decimals; ++d)
        scale *= 10;
    const qint64 units = integer * scale + fraction; // <= 10^12 * 10^4: far inside int64
    return negative ? -units : units;
}

QString formatFixed(qint64 units, int decimals, int places)
{
    places = qBound(0, places, decimals);
    const bool negative = units < 0;
    // Work in unsigned magnitude so INT64_MIN cannot overflow.
    quint64 magnitude = negative ? quint64(0) - quint64(units) : quint64(units);
    quint64 drop = 1;
    for (int d = places; d < decimals; ++d)
        drop *= 10;
    if (drop > 1)
        magnitude = (magnitude + drop / 2) / drop; // half away from zero
    quint64 scale = 1;
    for (int d = 0; d < places; ++d)
        scale *= 10;
    QString out;
    if (negative && magnitude != 0)
        out += u'-';
    out += QString::number(magnitude / scale);
    if (places > 0) {
        out += u'.';
        out += QString::number(magnitude % scale).rightJustified(places, u'0');
    }
    return out;
}

} // namespace md
