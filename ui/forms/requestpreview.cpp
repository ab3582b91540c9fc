// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestpreview.h"

#include "core/fixeddecimal.h"
#include "protocol/codec.h"
#include "protocol/security.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace md::RequestPreview {

QString allocatedPlaceholder()
{
    return QStringLiteral("<assigned-on-send>");
}

QString render(const MessageSpec &spec, const QJsonObject &plain, const PlatformSettings &platform, qint64 nowEpoch)
{
    CodecOptions options;
    options.aesKey = platform.effectiveAesKey();
    options.encryptSensitive = platform.encryptSensitive;
    options.signMode = platform.signMode;
    options.appSecret = platform.appSecret;
    options.time = PlatformTime(platform.timeZone);
    const MessageCodec codec(options);

    QString out;
    QString base = platform.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    out += QStringLiteral("POST %1/prepose/%2\n").arg(base, spec.name);
    const AuthHeaders h = Auth::make(Credentials{platform.appId, platform.appSecret}, options.time, nowEpoch,
                                     platform.tokenCase);
    out += QStringLiteral("timestamp: %1\n").arg(QString::fromLatin1(h.timestamp));
    out += QStringLiteral("AccessToken: ******** (%1)\n").arg(QCoreApplication::translate("md::RequestPreview", "MD5 of appId + appSecret + timestamp, hidden"));
    out += QStringLiteral("Authorization: %1\n").arg(QString::fromLatin1(h.authorization));
    out += QStringLiteral("Content-Type: application/json;charset=utf-8\n\n");

    const Result<QJsonObject> body = codec.build(spec, plain);
    if (!body.ok()) {
        out += QCoreApplication::translate("md::RequestPreview", "The request cannot be built yet: %1").arg(body.error().message());
        return out;
    }
    out += QString::fromUtf8(QJsonDocument(body.value()).toJson(QJsonDocument::Indented));

    QStringList encrypted;
    for (const FieldSpec &f : spec.fields)
        if (f.sensitive && body->contains(f.name))
        {
            // Shown in the canonical wire form the codec encrypted (100 -> 100.0000).
            QString v = plain.value(f.name).toString();
            if (const auto m = Money::parse(v); m && f.type == FieldType::Money)
                v = m->toString();
            encrypted << QStringLiteral("  %1 = %2").arg(f.name, v);
        }
    if (!encrypted.isEmpty()) {
        out += u'\n';
        out += platform.encryptSensitive
                   ? QCoreApplication::translate("md::RequestPreview", "Sensitive values (sent as AES-128-ECB ciphertext, Base64); plain values:")
                   : QCoreApplication::translate("md::RequestPreview", "Sensitive values (sent in plain text: encryption is off in the settings):");
        out += u'\n' + encrypted.join(u'\n') + u'\n';
    }
    if (platform.signMode != SignMode::Off)
        out += QCoreApplication::translate("md::RequestPreview", "sign = MD5 over the sorted fields and the app secret (the secret is not shown).") + u'\n';
    if (plain.value(QStringLiteral("commandSeq")).toString() == allocatedPlaceholder())
        out += QCoreApplication::translate("md::RequestPreview", "<assigned-on-send>: commandSeq (and tradeNo for a recharge) are allocated and stored "
                   "before the request leaves.")
               + u'\n';
    return out;
}

} // namespace md::RequestPreview
