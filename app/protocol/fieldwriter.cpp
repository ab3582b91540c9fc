// SPDX-License-Identifier: GPL-3.0-or-later
// Building side of the codec: plain values -> wire values (checked, canonical, encrypted).
#include "fieldwalk.h"

#include <QJsonArray>

namespace md::detail {

FieldWriter::FieldWriter(const CodecOptions &options) : m_options(options), m_aes(options.aesKey) {}

Error FieldWriter::fail(const FieldSpec &field, const QString &key, const QString &detail) const
{
    return makeError(field.invalidCode, m_path.with(key), detail);
}

std::optional<Error> FieldWriter::write(const QList<FieldSpec> &fields, const QJsonObject &plain, QJsonObject &out)
{
    for (const FieldSpec &field : fields) {
        const QString *key = nullptr;
        const QJsonValue value = lookup(plain, field, &key);
        if (isAbsent(value)) {
            if (field.required)
                return makeError(QStringLiteral("9002"), m_path.with(field.name), QStringLiteral("required field missing"));
            continue;
        }
        if (field.type != FieldType::List) {
            QJsonValue wire;
            if (auto error = scalar(field, *key, value, plain, wire))
                return error;
            out.insert(field.name, wire); // always under the canonical name
            continue;
        }
        if (!value.isArray())
            return makeError(QStringLiteral("9002"), m_path.with(*key), QStringLiteral("not a JSON array"));
        const QJsonArray items = value.toArray();
        if (items.isEmpty() && field.required)
            return makeError(QStringLiteral("9002"), m_path.with(*key), QStringLiteral("empty list"));
        QJsonArray wireItems;
        for (qsizetype i = 0; i < items.size(); ++i) {
            m_path.push(*key, i);
            if (!items.at(i).isObject()) {
                const Error e = makeError(QStringLiteral("9002"), m_path.current(), QStringLiteral("not a JSON object"));
                m_path.pop();
                return e;
            }
            QJsonObject element;
            auto error = write(field.items, items.at(i).toObject(), element);
            m_path.pop();
            if (error)
                return error;
            wireItems.append(element);
        }
        if (!wireItems.isEmpty())
            out.insert(field.name, wireItems);
    }
    return std::nullopt;
}

std::optional<Error> FieldWriter::scalar(const FieldSpec &field, const QString &key, const QJsonValue &value,
                                         const QJsonObject &siblings, QJsonValue &out)
{
    if (!value.isString())
        return fail(field, key, QStringLiteral("not a JSON string"));
    const QString text = value.toString();
    const FieldType type = effectiveType(field, siblings);
    QString wire = text;
    switch (type) {
    case FieldType::String:
        // What we send must be a code the peer knows, optional or not.
        if (field.isEnum() && !field.values.contains(text))
            return fail(field, key, QStringLiteral("unknown code"));
        break;
    case FieldType::Integer:
        if (!parseInteger(text))
            return fail(field, key, QStringLiteral("not an integer"));
        break;
    case FieldType::Money:
    case FieldType::Volume: {
        const int decimals = type == FieldType::Money ? Money::decimals : Volume::decimals;
        const auto units = parseFixed(text, decimals, Money::maxIntegerDigits);
        if (!units)
            return fail(field, key, QStringLiteral("not a decimal with at most %1 decimals").arg(decimals));
        wire = formatFixed(*units, decimals, decimals); // 3.2 -> 3.2000
        if (field.sensitive && m_options.encryptSensitive)
            wire = QString::fromLatin1(m_aes.encryptToBase64(wire.toLatin1()));
        break;
    }
    case FieldType::DateTime:
        if (!parseLocalDateTime(text) || !m_options.time.parseDateTime(text))
            return fail(field, key, QStringLiteral("not yyyy-MM-dd HH:mm:ss"));
        break;
    case FieldType::Date:
        if (!parseIsoDate(text))
            return fail(field, key, QStringLiteral("not yyyy-MM-dd"));
        break;
    case FieldType::YyMMdd:
        if (!parseYyMMdd(text))
            return fail(field, key, QStringLiteral("not yyMMdd"));
        break;
    case FieldType::List:
        return fail(field, key, QStringLiteral("unexpected list"));
    }
    out = wire;
    return std::nullopt;
}

} // namespace md::detail
