// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a field's value must look like, checked in one place: the codec's reader and writer, the
// command validation and the command forms' editors all ask FieldFormat, so a value is judged by one
// rule with one message wherever it is typed, sent or received. The rules are the catalogue's data
// (type, "format" of String fields, "typeBy", enumeration values); nothing here is keyed by a name.

#include "catalog.h"

#include "core/result.h"
#include "core/timeformat.h"

#include <QJsonObject>

#include <optional>

namespace md {

class FieldFormat
{
public:
    // What the text must be: the field's type after "typeBy", or a String field's "format".
    enum class Kind { Text, Code, Integer, Money, Volume, DateTime, Date, YyMMdd, Ipv4, List };

    // The field as declared ("typeBy" not applied: a form before the operator picks a unit).
    explicit FieldFormat(const FieldSpec &field);
    // The field among its siblings: recharge.rechargeNum is a Volume when rechargeType is "2".
    FieldFormat(const FieldSpec &field, const QJsonObject &siblings);

    const FieldSpec &field() const { return *m_field; }
    FieldType type() const { return m_type; } // the wire type (what a reader stores)
    Kind kind() const;
    int decimals() const; // Money 4, Volume 3, others 0

    // The one check of a value's text. Valid: the value as a number (Money/Volume units, Integer,
    // DateTime epoch seconds in `time`, Date/YyMMdd julian day; 0 for text, codes and addresses).
    // Invalid: Error{field.invalidCode, field.name, detail}; callers that know a longer path (a list
    // element) put it in Error::path.
    Result<qint64> check(const QString &text, const PlatformTime &time) const;

    // The messages of what is not a value at all, shared by the same callers.
    Error notAString() const;  // a JSON number, bool, array or object where a string belongs
    static Error missing(const QString &path); // 9002 "required field missing"

private:
    const FieldSpec *m_field;
    FieldType m_type;
};

// Digits only, at most 18 of them (so it always fits int64).
std::optional<qint64> parseDigits(QStringView text);
bool isDottedIpv4(QStringView text); // a.b.c.d, each 0..255 without leading zeros

} // namespace md
