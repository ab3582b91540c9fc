// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Catalogue-driven parsing and building of message bodies, for both directions (the listener parses
// uploads, the simulator parses commands; the command layer builds commands, the simulator builds
// uploads). One implementation walks the catalogue; there is no per-message parser.

#include "catalog.h"
#include "record.h"
#include "core/result.h"
#include "core/settings.h"
#include "core/timeformat.h"

#include <QByteArray>
#include <QJsonObject>

namespace md {

struct CodecOptions
{
    QByteArray aesKey;             // 16 bytes (PlatformSettings::effectiveAesKey())
    bool encryptSensitive = true;  // building: encrypt fields marked sensitive
    SignMode signMode = SignMode::Lenient;
    QString appSecret;             // for sign
    PlatformTime time;             // zone for datetime fields
};

class MessageCodec
{
public:
    explicit MessageCodec(CodecOptions options);

    // Parses a body. Errors: 9002 (not JSON, not an object, a required field missing, a malformed
    // value: path names the field, e.g. "meterReadingDetails[1].dataTime"), 1301 (alarmTime), 1302
    // (alarmType), 9003 (sign: missing in strict mode, or wrong when present and mode != off).
    // Sensitive values may come plain (<= 17 chars) or AES/Base64 (>= 24 chars); a value that neither
    // parses nor decrypts to a decimal is 9002.
    Result<ParsedMessage> parse(const MessageSpec &spec, const QByteArray &body) const;
    Result<ParsedMessage> parse(const MessageSpec &spec, const QJsonObject &body) const;
    // Fields only (no signature check): for the listener, which checks sign as its own step.
    Result<ParsedMessage> parseFields(const MessageSpec &spec, const QJsonObject &body) const;
    Result<void> checkSignature(const QJsonObject &body) const;

    // Builds a wire body from plain values (all JSON strings; lists as arrays of objects): checks
    // required fields and formats (9002 naming the field), canonicalises money/volume to every decimal,
    // encrypts sensitive values when enabled, and adds `sign` unless signMode is off.
    Result<QJsonObject> build(const MessageSpec &spec, const QJsonObject &plainValues) const;

    const CodecOptions &options() const { return m_options; }

private:
    CodecOptions m_options;
};

} // namespace md
