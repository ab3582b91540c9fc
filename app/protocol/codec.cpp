// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec.h"

#include "fieldwalk.h"
#include "security.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace md {

MessageCodec::MessageCodec(CodecOptions options) : m_options(std::move(options)) {}

Result<ParsedMessage> MessageCodec::parse(const MessageSpec &spec, const QByteArray &body) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("9002"), {}, QStringLiteral("not JSON: ") + error.errorString());
    if (!doc.isObject())
        return makeError(QStringLiteral("9002"), {}, QStringLiteral("not a JSON object"));
    return parse(spec, doc.object());
}

Result<ParsedMessage> MessageCodec::parse(const MessageSpec &spec, const QJsonObject &body) const
{
    // Authenticity before content: a tampered body gets 9003 whatever else is wrong with it.
    if (auto sign = checkSignature(body); !sign)
        return sign.error();
    return parseFields(spec, body);
}

Result<ParsedMessage> MessageCodec::parseFields(const MessageSpec &spec, const QJsonObject &body) const
{
    ParsedMessage message;
    message.spec = &spec;
    detail::FieldReader reader(m_options, message.flags);
    if (auto error = reader.read(spec.fields, body, message.record))
        return *error;
    return message;
}

Result<void> MessageCodec::checkSignature(const QJsonObject &body) const
{
    if (m_options.signMode == SignMode::Off)
        return {};
    const QJsonValue sign = body.value(u"sign");
    if (detail::isAbsent(sign)) {
        if (m_options.signMode == SignMode::Strict)
            return makeError(QStringLiteral("9003"), QStringLiteral("sign"), QStringLiteral("missing"));
        return {};
    }
    if (!Signature::verify(body, m_options.appSecret))
        return makeError(QStringLiteral("9003"), QStringLiteral("sign"), QStringLiteral("does not match"));
    return {};
}

Result<QJsonObject> MessageCodec::build(const MessageSpec &spec, const QJsonObject &plainValues) const
{
    QJsonObject wire;
    detail::FieldWriter writer(m_options);
    if (auto error = writer.write(spec.fields, plainValues, wire))
        return *error;
    if (m_options.signMode != SignMode::Off)
        wire.insert(QStringLiteral("sign"), QString::fromLatin1(Signature::sign(wire, m_options.appSecret)));
    return wire;
}

} // namespace md
