// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A command request exactly as it goes on the wire (PlatformClient builds the one it posts and the
// one it shows from the same code), with the one credential in it masked: the AccessToken is derived
// from appSecret. appSecret and the AES key never appear; sensitive values are ciphertext in `body`.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace md {

struct RequestDraft
{
    QString method = QStringLiteral("POST");
    QString url;
    QList<QPair<QByteArray, QByteArray>> headers; // in the order they are set; AccessToken masked
    QByteArray body;                              // compact JSON, byte for byte what is posted
    // The plain values the body was built from (sensitive ones in clear, as the operator typed them):
    // what the ciphertext in `body` stands for.
    QJsonObject plainValues;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }

    static QByteArray maskedToken() { return QByteArrayLiteral("********"); }
    // Stands for a value the command service allocates when it stores the command (commandSeq, and
    // tradeNo for a recharge): a draft of an unsent command carries it instead.
    static QString allocatedPlaceholder() { return QStringLiteral("<assigned-on-send>"); }
};

} // namespace md
