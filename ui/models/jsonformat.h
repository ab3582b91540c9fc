// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Raw messages for human eyes: JSON indented, secrets masked. A body that is not JSON is shown as
// text (with secrets in `key=value` form masked too).

#include <QByteArray>
#include <QString>

namespace md::jsonformat {

bool isSecretKey(const QString &key); // AccessToken, Authorization, appSecret, aesKey, token, password, ...
QString prettyMasked(const QByteArray &raw);
QString mask(const QString &value);   // "••••••" + last 2 characters when long enough

} // namespace md::jsonformat
