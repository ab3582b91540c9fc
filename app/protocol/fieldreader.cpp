// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing side of the codec: JSON values -> typed FieldValues, checked against the catalogue.
#include "fieldwalk.h"

#include <QJsonArray>

namespace md::detail {

QString FieldPath::current() const
{
    QString out;
    for (const auto &f : m_frames) {
        if (!out.isEmpty())
            out += u'.';
        out += *f.key;
        if (f.index >= 0)
            out += u'[' + QString::number(f.index) + u']';
    }
    return out;
}

QString FieldPath::with(const QString &leaf) const
{
    const QString prefix = current();
    return prefix.isEmpty() ? leaf : prefix + u'.' + leaf;
}

QJsonValue lookup(const QJsonObject &object, const FieldSpec &field, const QString **usedKey)
{
    auto it = object.constFind(field.name);
    *usedKey = &field.name;
    if (it != object.constEnd() && !isAbsent(*it))
        return *it;
    for (const auto &alias : field.aliases) {
        const auto a = object.constFind(alias);
        if (a != object.constEnd() && !isAbsent(*a)) {
            *usedKey = &alias;
            return *a;
        }
    }
    return it != object.constEnd() ? QJsonValue(*it) : QJsonValue(QJsonValue::Undefined);
}

bool isAbsent(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty());
}

FieldReader::FieldReader(const CodecOptions &options, QStringList &flags)
    : m_options(options), m_aes(options.aesKey), m_flags(flags)
{
}

Error FieldReader::fail(const FieldSpec &field, const QString &key, const QString &detail) const
{
    return makeError(field.invalidCode, m_path.with(key), detail);
}

Error FieldReader::at(Error error, const QString &key) const
{
    error.path = m_path.with(key);
    return error;
}

namespace {

// The value under the field's name or an alias, skipping absent ones (missing, null, ""). A string's
// text is converted once, here, and handed on: the batch parser does this ~100,000 times.
bool probe(const QJsonObject &object, const QString &key, QJsonValue &value, QString &text)
{
    const auto it = object.constFind(key);
    if (it == object.constEnd())
        return false;
    value = *it;
    if (value.isNull() || value.isUndefined())
        return false;
    if (value.isString()) {
        text = value.toString();
        return !text.isEmpty();
    }
    return true;
}

} // namespace

std::optional<Error> FieldReader::read(const QList<FieldSpec> &fields, const QJsonObject &object, Record &out)
{
    out.fields.reserve(qMin(fields.size(), object.size())); // most optional fields are usually absent
    for (const FieldSpec &field : fields) {
        const QString *key = &field.name;
        QJsonValue value;
        QString text;
        bool present = probe(object, field.name, value, text);
        for (qsizetype a = 0; !present && a < field.aliases.size(); ++a) {
            present = probe(object, field.aliases[a], value, text);
            if (present)
                key = &field.aliases[a];
        }
        if (!present) {
            if (field.required)
                return FieldFormat::missing(m_path.with(field.name));
            continue;
        }
        if (field.type == FieldType::List) {
            if (auto error = list(field, *key, value, out))
                return error;
            continue;
        }
        FieldValue fv;
        fv.text = std::move(text);
        if (auto error = scalar(field, *key, value, object, fv))
            return error;
        out.fields.insert(field.name, std::move(fv));
    }
    return std::nullopt;
}

std::optional<Error> FieldReader::list(const FieldSpec &field, const QString &key, const QJsonValue &value, Record &out)
{
    if (!value.isArray())
        return makeError(QStringLiteral("9002"), m_path.with(key), QStringLiteral("not a JSON array"));
    const QJsonArray array = value.toArray();
    if (array.isEmpty()) {
        // A reading, batch or alarm message without a single element carries nothing to store.
        if (field.required)
            return makeError(QStringLiteral("9002"), m_path.with(key), QStringLiteral("empty list"));
        return std::nullopt;
    }
    QList<Record> items;
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        m_path.push(key, i);
        if (!element.isObject()) {
            const Error e = makeError(QStringLiteral("9002"), m_path.current(), QStringLiteral("not a JSON object"));
            m_path.pop();
            return e;
        }
        items.emplace_back();
        auto error = read(field.items, element.toObject(), items.back());
        m_path.pop();
        if (error)
            return error;
    }
    out.lists.insert(field.name, std::move(items));
    return std::nullopt;
}

std::optional<Error> FieldReader::scalar(const FieldSpec &field, const QString &key, const QJsonValue &value,
                                         const QJsonObject &siblings, FieldValue &out)
{
    const FieldFormat format(field, siblings);
    // All scalars travel as JSON strings (protocol.md section 5); a JSON number would force a
    // double somewhere between the wire and the database, so it is rejected rather than guessed at.
    if (!value.isString())
        return at(format.notAString(), key);
    out.type = format.type(); // out.text is already set by read()
    Result<qint64> checked = format.check(out.text, m_options.time);
    if (checked.ok()) {
        if (out.type != FieldType::String) // a String field's "format" is checked, its text is the value
            out.number = *checked;
        return std::nullopt;
    }
    if (out.type == FieldType::Money || out.type == FieldType::Volume) {
        // Plain or AES/Base64 is decided per value, not by length: a plain decimal is digits, '-'
        // and '.', which a Base64 ciphertext (a multiple of 4 characters, ending in '=' for the
        // short plaintexts a decimal makes) never parses as. So the largest value the spec allows,
        // 12 integer digits, 4 decimals and a sign (18 characters), stays plain.
        // protocol.md section 4: any money or volume field may arrive encrypted, marked sensitive
        // or not; a platform that encrypts more than the catalogue says must not be refused.
        if (out.text.size() < 24)
            return at(checked.error(), key);
        const auto plain = m_aes.decryptFromBase64(out.text.toLatin1());
        if (plain && plain->size() <= 18) {
            const QString text = QString::fromLatin1(*plain);
            if (const auto units = format.check(text, m_options.time)) {
                out.text = text;
                out.number = *units;
                out.wasEncrypted = true;
                return std::nullopt;
            }
        }
        return fail(field, key, QStringLiteral("neither a decimal nor an encrypted decimal"));
    }
    // A String field's value outside its codes or its "format" (a parameter's port that is not a
    // number). Data must not be lost: an optional one is kept and flagged. A required code
    // (resultCode, alarmStatus ...) drives processing, so it is rejected, and so is alarmType (1302).
    if (out.type == FieldType::String && !field.required && field.invalidCode == u"9002") {
        out.flagged = true;
        m_flags << m_path.with(key);
        return std::nullopt;
    }
    return at(checked.error(), key);
}

} // namespace md::detail
