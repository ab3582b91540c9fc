// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace md::jsonformat {

bool isSecretKey(const QString &key)
{
    const QString k = key.toLower();
    return k.contains(u"secret") || k.contains(u"token") || k == u"authorization" || k.contains(u"aeskey")
        || k.contains(u"password") || k.contains(u"passwd");
}

QString mask(const QString &value)
{
    if (value.size() <= 4)
        return QStringLiteral("••••••");
    return QStringLiteral("••••••") + value.right(2);
}

namespace {

QJsonValue maskValue(const QJsonValue &v);

QJsonObject maskObject(const QJsonObject &o)
{
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (isSecretKey(it.key()) && (it.value().isString() || it.value().isDouble()))
            out.insert(it.key(), mask(it.value().toVariant().toString()));
        else
            out.insert(it.key(), maskValue(it.value()));
    }
    return out;
}

QJsonValue maskValue(const QJsonValue &v)
{
    if (v.isObject())
        return maskObject(v.toObject());
    if (v.isArray()) {
        QJsonArray a;
        for (const auto &e : v.toArray())
            a.append(maskValue(e));
        return a;
    }
    return v;
}

} // namespace

QString prettyMasked(const QByteArray &raw)
{
    if (raw.trimmed().isEmpty())
        return {};
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &err);
    if (err.error == QJsonParseError::NoError) {
        if (doc.isObject())
            return QString::fromUtf8(QJsonDocument(maskObject(doc.object())).toJson(QJsonDocument::Indented));
        if (doc.isArray())
            return QString::fromUtf8(QJsonDocument(maskValue(doc.array()).toArray()).toJson(QJsonDocument::Indented));
    }
    // Not JSON (a broken upload): show the text, masking key=value / "key":"value" secrets.
    QString text = QString::fromUtf8(raw);
    static const QRegularExpression re(
        QStringLiteral(R"((secret|token|authorization|aeskey|password)(\W{1,3})([^\s&",}]+))"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(re, QStringLiteral("\\1\\2••••••"));
    return text;
}

} // namespace md::jsonformat
