// SPDX-License-Identifier: GPL-3.0-or-later
// Building side of the codec: plain values -> wire values (checked, canonical, encrypted).
#include "fieldwalk.h"

#include <QJsonArray>

namespace md::detail {

FieldWriter::FieldWriter(const CodecOptions &options) : m_options(options), m_aes(options.aesKey) {}

Error FieldWriter::at(Error error, const QString &key) const
{
    error.path = m_path.with(key);
    return error;
}

std::optional<Error> FieldWriter::write(const QList<FieldSpec> &fields, const QJsonObject &plain, QJsonObject &out)
{
    for (const FieldSpec &field : fields) {
        const QString *key = nullptr;
        const QJsonValue value = lookup(plain, field, &key);
        if (isAbsent(value)) {
            if (field.required)
                return FieldFormat::missing(m_path.with(field.name));
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
    const FieldFormat format(field, siblings);
    if (!value.isString())
        return at(format.notAString(), key);
    const QString text = value.toString();
    // What we send must be of the field's form, codes included even in optional fields (never a
    // code the peer may not know).
    const Result<qint64> checked = format.check(text, m_options.time);
    if (!checked.ok())
        return at(checked.error(), key);
    QString wire = text;
    if (format.type() == FieldType::Money || format.type() == FieldType::Volume) {
        wire = formatFixed(*checked, format.decimals(), format.decimals()); // 3.2 -> 3.2000
        if (field.sensitive && m_options.encryptSensitive)
            wire = QString::fromLatin1(m_aes.encryptToBase64(wire.toLatin1()));
    }
    out = wire;
    return std::nullopt;
}

} // namespace md::detail
