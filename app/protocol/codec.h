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

// Where protocol.md leaves room, the codec decides (tests/protocol/tst_codec.cpp pins each one):
// - Scalars must be JSON strings; a number, bool, array or object is malformed (9002, or the
//   field's own code: alarmTime 1301, alarmType 1302). Accepting numbers would invite doubles.
// - Absent, null and "" are all "absent": a required field gets 9002 "required field missing"
//   (also alarmTime/alarmType; 1301/1302 are for present but malformed values).
// - A required list that is empty (meterReadingDetails, meterDatas, alarms ...) is 9002: the upload
//   carries nothing to store. An empty optional list is treated as absent.
// - Enumerations: an unknown code in an optional field is kept, marked FieldValue::flagged and
//   listed in ParsedMessage::flags; in a required field (resultCode, alarmStatus, rechargeType ...)
//   it is 9002, since processing depends on it. alarmType is checked against the alarm dictionary.
//   A String field with a "format" (parameterUp's port, alarmOne ...) whose text is not of it is
//   treated the same way: kept and flagged when optional.
// - Every value is judged by FieldFormat::check (fieldformat.h): Integer 1 to 18 digits, no sign;
//   Money/Volume md::parseFixed, strict; the type follows the catalogue's "typeBy" (recharge.
//   rechargeNum is a volume, 3 decimals, when rechargeType is "2", else money).
// - Sensitive values (catalog.json "sensitive": recharge amounts, balances and totals in every
//   upload that carries them: meterDataUp, meterDataUpBatch, meterDataSupplement, rechargeUp ...)
//   are detected per value: a value that parses as a decimal of the field's type is plain (up to
//   18 characters: sign, 12 integer digits, 4 decimals), otherwise a value of >= 24 characters is
//   AES-128-ECB/Base64 whose plaintext must itself be such a decimal; anything else is 9002. One
//   body may mix both forms. On parse, any money or volume field may be encrypted, marked or not
//   (protocol.md section 4: a platform that encrypts more than expected is not refused); build
//   encrypts exactly the fields marked sensitive.
// - When both a field and its alias are present the canonical name wins; error paths name the key
//   as the peer sent it ("readingDetails[1].dataTime"); records are keyed by the canonical name.
// - parse() checks `sign` before the fields (a tampered body is 9003 whatever else is wrong); a
//   `sign` that is not a string is 9003; "" counts as absent; the hex compare ignores case.
// - Unknown extra fields are ignored on parse and dropped on build.
// - build() rejects unknown enumeration codes even in optional fields (we never send codes the
//   peer may not know) and writes every field under its canonical name.
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
    // Sensitive values may come plain or AES/Base64 (>= 24 chars), per value; a value that neither
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
