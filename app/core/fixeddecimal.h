// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Money and volume as int64 fixed-point (protocol.md section 5). There is deliberately no
// conversion from or to double: a value goes from the wire to the database as digits.

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <compare>
#include <optional>

namespace md {

template<int Decimals, typename Tag>
class FixedDecimal
{
public:
    static constexpr int decimals = Decimals;
    static constexpr int maxIntegerDigits = 12;
    static constexpr qint64 scale()
    {
        qint64 s = 1;
        for (int i = 0; i < Decimals; ++i)
            s *= 10;
        return s;
    }

    constexpr FixedDecimal() = default;
    static constexpr FixedDecimal fromUnits(qint64 units) { return FixedDecimal(units); }
    constexpr qint64 units() const { return m_units; }

    // Strict parse: optional '-', 1..12 integer digits, optionally '.' and 1..Decimals digits.
    static std::optional<FixedDecimal> parse(QStringView text);
    // Canonical wire form with every decimal: 3.2000, -15.5000, 10.100.
    QString toString() const { return format(Decimals); }
    // Display form rounded half away from zero to `places` (0..Decimals), e.g. 2 for yuan.
    QString format(int places) const;

    constexpr auto operator<=>(const FixedDecimal &) const = default;
    constexpr FixedDecimal operator+(FixedDecimal o) const { return FixedDecimal(m_units + o.m_units); }
    constexpr FixedDecimal operator-(FixedDecimal o) const { return FixedDecimal(m_units - o.m_units); }
    constexpr FixedDecimal operator-() const { return FixedDecimal(-m_units); }
    FixedDecimal &operator+=(FixedDecimal o)
    {
        m_units += o.m_units;
        return *this;
    }
    constexpr bool isNegative() const { return m_units < 0; }
    constexpr bool isZero() const { return m_units == 0; }

private:
    constexpr explicit FixedDecimal(qint64 units) : m_units(units) {}
    qint64 m_units = 0;
};

struct MoneyTag;
struct VolumeTag;
using Money = FixedDecimal<4, MoneyTag>;  // 0.0001 yuan
using Volume = FixedDecimal<3, VolumeTag>; // 0.001 m3

// Shared by both instantiations (and by integer fields): parse a strict decimal into units.
std::optional<qint64> parseFixed(QStringView text, int decimals, int maxIntegerDigits);
QString formatFixed(qint64 units, int decimals, int places);

template<int D, typename T>
std::optional<FixedDecimal<D, T>> FixedDecimal<D, T>::parse(QStringView text)
{
    const auto units = parseFixed(text, D, maxIntegerDigits);
    if (!units)
        return std::nullopt;
    return FixedDecimal(*units);
}

template<int D, typename T>
QString FixedDecimal<D, T>::format(int places) const
{
    return formatFixed(m_units, D, places);
}

} // namespace md
