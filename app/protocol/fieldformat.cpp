// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldformat.h"

#include "core/fixeddecimal.h"

namespace md {
namespace {

FieldType typeAmong(const FieldSpec &field, const QJsonObject &siblings)
{
    if (field.typeByField.isEmpty())
        return field.type;
    const QJsonValue code = siblings.value(field.typeByField);
    return field.typeByCode.value(code.toString(), field.type);
}

Error invalid(const FieldSpec &field, const QString &detail)
{
    return makeError(field.invalidCode, field.name, detail);
}

QString codeProblem(const FieldSpec &field)
{
    // Short enumerations are listed (valveOperate 0/1/2); the alarm dictionary is too long to.
    if (field.values.size() <= 8)
        return QStringLiteral("unknown code (one of %1)").arg(field.values.keys().join(u'/'));
    return QStringLiteral("unknown code");
}

} // namespace

FieldFormat::FieldFormat(const FieldSpec &field) : m_field(&field), m_type(field.type) {}

FieldFormat::FieldFormat(const FieldSpec &field, const QJsonObject &siblings)
    : m_field(&field), m_type(typeAmong(field, siblings))
{
}

FieldFormat::Kind FieldFormat::kind() const
{
    switch (m_type) {
    case FieldType::String:
        if (m_field->isEnum())
            return Kind::Code;
        switch (m_field->textFormat) {
        case TextFormat::Free:
            return Kind::Text;
        case TextFormat::Integer:
            return Kind::Integer;
        case TextFormat::Money:
            return Kind::Money;
        case TextFormat::Volume:
            return Kind::Volume;
        case TextFormat::Ipv4:
            return Kind::Ipv4;
        }
        return Kind::Text;
    case FieldType::Integer:
        return Kind::Integer;
    case FieldType::Money:
        return Kind::Money;
    case FieldType::Volume:
        return Kind::Volume;
    case FieldType::DateTime:
        return Kind::DateTime;
    case FieldType::Date:
        return Kind::Date;
    case FieldType::YyMMdd:
        return Kind::YyMMdd;
    case FieldType::List:
        break;
    }
    return Kind::List;
}

int FieldFormat::decimals() const
{
    switch (kind()) {
    case Kind::Money:
        return Money::decimals;
    case Kind::Volume:
        return Volume::decimals;
    default:
        return 0;
    }
}

Result<qint64> FieldFormat::check(const QString &text, const PlatformTime &time) const
{
    switch (kind()) {
    case Kind::Text:
        return qint64(0);
    case Kind::Code:
        if (m_field->values.contains(text))
            return qint64(0);
        return invalid(*m_field, codeProblem(*m_field));
    case Kind::Integer:
        if (const auto n = parseDigits(text))
            return *n;
        return invalid(*m_field, QStringLiteral("not a whole number (digits only)"));
    case Kind::Money:
        if (const auto units = parseFixed(text, Money::decimals, Money::maxIntegerDigits))
            return *units;
        return invalid(*m_field, QStringLiteral("not an amount with at most 4 decimals"));
    case Kind::Volume:
        if (const auto units = parseFixed(text, Volume::decimals, Volume::maxIntegerDigits))
            return *units;
        return invalid(*m_field, QStringLiteral("not a volume with at most 3 decimals"));
    case Kind::DateTime:
        if (const auto epoch = time.parseDateTime(text))
            return *epoch;
        return invalid(*m_field, QStringLiteral("not yyyy-MM-dd HH:mm:ss"));
    case Kind::Date:
        if (const auto d = parseIsoDate(text))
            return d->toJulianDay();
        return invalid(*m_field, QStringLiteral("not yyyy-MM-dd"));
    case Kind::YyMMdd:
        if (const auto d = parseYyMMdd(text))
            return d->toJulianDay();
        return invalid(*m_field, QStringLiteral("not yyMMdd"));
    case Kind::Ipv4:
        if (isDottedIpv4(text))
            return qint64(0);
        return invalid(*m_field, QStringLiteral("not a dotted IPv4 address"));
    case Kind::List:
        break;
    }
    return invalid(*m_field, QStringLiteral("a list, not a value"));
}

Error FieldFormat::notAString() const
{
    return invalid(*m_field, QStringLiteral("not a JSON string (values travel as strings)"));
}

Error FieldFormat::missing(const QString &path)
{
    return makeError(QStringLiteral("9002"), path, QStringLiteral("required field missing"));
}

std::optional<qint64> parseDigits(QStringView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 v = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        v = v * 10 + (c.unicode() - u'0');
    }
    return v;
}

bool isDottedIpv4(QStringView text)
{
    const auto parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const auto &part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.startsWith(u'0')))
            return false;
        const auto n = parseDigits(part);
        if (!n || *n > 255)
            return false;
    }
    return true;
}

} // namespace md
