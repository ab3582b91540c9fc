// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The exact request a form is about to send, for the "Preview request" toggle: the URL, the headers
// (AccessToken masked: it is derived from appSecret) and the body built by md::MessageCodec::build
// with the current settings - signed, sensitive values AES-encrypted - followed by a legend of the
// encrypted fields. appSecret and aesKey never appear.

#include "core/settings.h"
#include "protocol/catalog.h"

#include <QJsonObject>
#include <QString>

namespace md::RequestPreview {

// `plain`: every wire field as plain strings (placeholders where the service allocates on send).
QString render(const MessageSpec &spec, const QJsonObject &plain, const PlatformSettings &platform,
               qint64 nowEpoch);

// The text used for values the command service allocates when the command is stored.
QString allocatedPlaceholder();

} // namespace md::RequestPreview
