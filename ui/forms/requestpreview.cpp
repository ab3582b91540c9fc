// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestpreview.h"

#include "core/fixeddecimal.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace md::RequestPreview {

QString render(const MessageSpec &spec, const RequestDraft &draft, const PlatformSettings &platform)
{
    QString out = QStringLiteral("%1 %2\n").arg(draft.method, draft.url);
    for (const auto &[name, value] : draft.headers) {
        out += QStringLiteral("%1: %2").arg(QString::fromLatin1(name), QString::fromLatin1(value));
        if (name == "AccessToken")
            out += QStringLiteral(" (%1)").arg(QCoreApplication::translate("md::RequestPreview", "MD5 of appId + appSecret + timestamp, hidden"));
        out += u'\n';
    }
    out += u'\n';
    const QJsonObject body = QJsonDocument::fromJson(draft.body).object();
    out += QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented));

    QStringList encrypted;
    for (const FieldSpec &f : spec.fields) {
        if (!f.sensitive || !body.contains(f.name))
            continue;
        // Shown in the canonical wire form the codec encrypted (100 -> 100.0000).
        QString v = draft.plainValues.value(f.name).toString();
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
    if (draft.plainValues.value(QStringLiteral("commandSeq")).toString() == RequestDraft::allocatedPlaceholder())
        out += QCoreApplication::translate("md::RequestPreview", "<assigned-on-send>: commandSeq (and tradeNo for a recharge) are allocated and stored "
                  "before the request leaves.")
               + u'\n';
    return out;
}

QString unavailable(const Error &error)
{
    return QCoreApplication::translate("md::RequestPreview", "The request cannot be built yet: %1").arg(error.message());
}

} // namespace md::RequestPreview
