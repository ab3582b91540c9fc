// SPDX-License-Identifier: GPL-3.0-or-later
// Body signature (protocol.md section 3). The canonical JSON is written by hand rather than by
// QJsonDocument so that key order (UTF-8 byte order at every level), escaping (only '"', '\\' and
// control characters; non-ASCII raw) and number forms are fixed by this file, not by a Qt version.
#include "security.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace md::Signature {
namespace {

void writeValue(QByteArray &out, const QJsonValue &v);

void writeString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
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
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += ch;
            }
        }
    }
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

// Keys in UTF-8 byte order (QString's own order is UTF-16 code units, which differs above U+FFFF).
QList<std::pair<QByteArray, QString>> sortedKeys(const QJsonObject &o)
{
    QList<std::pair<QByteArray, QString>> keys;
    keys.reserve(o.size());
    for (auto it = o.begin(); it != o.end(); ++it)
        keys.append({it.key().toUtf8(), it.key()});
    std::sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return keys;
}

void writeObject(QByteArray &out, const QJsonObject &o)
{
    out += '{';
    bool first = true;
    for (const auto &[utf8, key] : sortedKeys(o)) {
        if (!first)
            out += ',';
        first = false;
        writeString(out, key);
        out += ':';
        writeValue(out, o.value(key));
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
    for (const auto &[utf8, key] : sortedKeys(body)) {
        if (key == u"sign")
            continue;
        const QJsonValue v = body.value(key);
        if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
            continue;
        if (!out.isEmpty())
            out += '&';
        out += utf8;
        out += '=';
        if (v.isString())
            out += v.toString().toUtf8(); // top-level strings raw, unquoted
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
