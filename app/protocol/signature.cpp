// SPDX-License-Identifier: GPL-3.0-or-later
// Body signature (protocol.md section 3). The canonical JSON is written by hand rather than by
// QJsonDocument so that key order (UTF-8 byte order at every level), escaping (only '"', '\\' and
// control characters; non-ASCII raw) and number forms are fixed by this file, not by a Qt version.
#include "security.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QVarLengthArray>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace md::Signature {
namespace {

void writeValue(QByteArray &out, const QJsonValue &v);

// Appends UTF-8 without a temporary QByteArray (the batch upload's canonical form has ~100,000
// strings). With `escape`, JSON string escaping: '"', '\\' and control characters only.
void appendUtf8(QByteArray &out, QStringView s, bool escape)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        char32_t c = s[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < s.size() && QChar::isLowSurrogate(s[i + 1].unicode())) {
            c = QChar::surrogateToUcs4(char16_t(c), s[i + 1].unicode());
            ++i;
        } else if (QChar::isSurrogate(c)) {
            c = 0xFFFD; // a lone surrogate cannot be encoded: the replacement character, as Qt does
        }
        if (c < 0x80) {
            if (escape && (c < 0x20 || c == '"' || c == '\\')) {
                switch (c) {
                case '"':
                    out += "\\\"";
                    break;
                case '\\':
                    out += "\\\\";
                    break;
                case '\b':
                    out += "\\b";
                    break;
                case '\f':
                    out += "\\f";
                    break;
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                default: {
                    static const char hex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                }
                }
            } else {
                out += char(c);
            }
        } else if (c < 0x800) {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += char(0xE0 | (c >> 12));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        } else {
            out += char(0xF0 | (c >> 18));
            out += char(0x80 | ((c >> 12) & 0x3F));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        }
    }
}

void writeString(QByteArray &out, const QString &s)
{
    out += '"';
    appendUtf8(out, s, true);
    out += '"';
}

void writeNumber(QByteArray &out, const QJsonValue &v)
{
    const QVariant var = v.toVariant();
    if (var.typeId() == QMetaType::LongLong || var.typeId() == QMetaType::Int) {
        out += QByteArray::number(var.toLongLong());
        return;
    }
    const double d = v.toDouble();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
        out += QByteArray::number(qint64(d));
    else
        out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
}

bool hasSurrogate(QStringView s)
{
    for (const QChar c : s)
        if (c.isSurrogate())
            return true;
    return false;
}

// UTF-8 byte order. Without surrogates it equals QString's UTF-16 order, so only keys outside the
// BMP pay for a conversion.
bool utf8Less(const QString &a, const QString &b)
{
    if (hasSurrogate(a) || hasSurrogate(b))
        return a.toUtf8() < b.toUtf8();
    return a < b;
}

using Members = QVarLengthArray<std::pair<QString, QJsonValue>, 24>;

// The members in key order, read in one pass (no lookup per key). QJsonObject usually iterates
// sorted already; the check makes that an optimisation, not an assumption.
Members sortedMembers(const QJsonObject &o)
{
    Members members;
    members.reserve(o.size());
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        members.append({it.key(), it.value()});
    const auto less = [](const auto &a, const auto &b) { return utf8Less(a.first, b.first); };
    if (!std::is_sorted(members.begin(), members.end(), less))
        std::sort(members.begin(), members.end(), less);
    return members;
}

void writeObject(QByteArray &out, const QJsonObject &o)
{
    out += '{';
    bool first = true;
    for (const auto &[key, value] : sortedMembers(o)) {
        if (!first)
            out += ',';
        first = false;
        writeString(out, key);
        out += ':';
        writeValue(out, value);
    }
    out += '}';
}

void writeValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        writeNumber(out, v);
        break;
    case QJsonValue::String:
        writeString(out, v.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            writeValue(out, a.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object:
        writeObject(out, v.toObject());
        break;
    }
}

} // namespace

QByteArray canonical(const QJsonObject &body)
{
    QByteArray out;
    for (const auto &[key, v] : sortedMembers(body)) {
        if (key == u"sign")
            continue;
        if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
            continue;
        if (!out.isEmpty())
            out += '&';
        appendUtf8(out, key, false);
        out += '=';
        if (v.isString())
            appendUtf8(out, v.toString(), false); // top-level strings raw, unquoted
        else
            writeValue(out, v);
    }
    return out;
}

QByteArray sign(const QJsonObject &body, const QString &appSecret)
{
    QCryptographicHash md5(QCryptographicHash::Md5);
    md5.addData(canonical(body));
    md5.addData("&key=");
    md5.addData(appSecret.toUtf8());
    return md5.result().toHex().toUpper();
}

bool verify(const QJsonObject &body, const QString &appSecret)
{
    const QJsonValue received = body.value(u"sign");
    if (!received.isString())
        return false;
    return Auth::constantTimeEquals(sign(body, appSecret), received.toString().toLatin1().toUpper());
}

} // namespace md::Signature
