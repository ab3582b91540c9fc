// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The "Preview request" text of a command dialog: a md::RequestDraft (the request exactly as
// CommandService would put it on the wire, built by the same code) shown as an HTTP request - URL,
// headers (AccessToken masked: it is derived from appSecret), the indented body - followed by a
// legend of the encrypted fields. appSecret and aesKey never appear.

#include "client/requestdraft.h"
#include "core/result.h"
#include "core/settings.h"
#include "protocol/catalog.h"

#include <QString>

namespace md::RequestPreview {

QString render(const MessageSpec &spec, const RequestDraft &draft, const PlatformSettings &platform);
// What the preview says when send() would refuse the request (a field, the registry, the ledger).
QString unavailable(const Error &error);

} // namespace md::RequestPreview
