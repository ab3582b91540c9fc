// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the appSecret and the AES key live at rest, never in clear text in the INI file.
//
// Backends, chosen per settings file by SecretStore::open():
//   dpapi     Windows: CryptProtectData for the current user; the opaque blob sits in the INI
//             ("secrets/<name>"), useless to another account or on another PC.
//   keychain  Linux desks: the session keyring (Secret Service) through QtKeychain, when built with it
//             and a keyring answers.
//   file      otherwise: "<ini>.secrets" next to the INI, mode 0600, refused when others can read it.
//             warning() says so: a copied backup of that folder still carries the secrets.
// MD_SECRET_BACKEND (dpapi|keychain|file) forces one; MD_SECRETS_FILE names the file of the file
// backend (a headless receiver's file, readable only by its service account).
// On top of any backend, read-only overrides for a headless receiver: MD_APP_SECRET / MD_AES_KEY, or
// systemd credentials ($CREDENTIALS_DIRECTORY/appSecret, .../aesKey); see secretOverride().

#include "result.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace md {

class SecretStore
{
public:
    virtual ~SecretStore() = default;
    virtual QString backendName() const = 0;
    // Non-empty when the secrets are only as safe as a file's permissions.
    virtual QString warning() const { return {}; }
    // The stored value, or an empty string when none is stored.
    virtual Result<QString> read(const QString &name) const = 0;
    // Stores value; an empty value removes the entry.
    virtual Result<void> write(const QString &name, const QString &value) = 0;

    // The store for the settings file iniPath (see the list above).
    static std::unique_ptr<SecretStore> open(const QString &iniPath);

    // The names of the secrets the settings hold, as INI keys under [platform].
    static QStringList names() { return {QStringLiteral("appSecret"), QStringLiteral("aesKey")}; }
};

// MD_APP_SECRET / MD_AES_KEY, else $CREDENTIALS_DIRECTORY/<name>; empty when neither is set.
QString secretOverride(const QString &name);

} // namespace md

namespace md::secretbackends {
std::unique_ptr<SecretStore> file(const QString &path);
std::unique_ptr<SecretStore> dpapi(const QString &iniPath);    // nullptr off Windows
std::unique_ptr<SecretStore> keychain(const QString &iniPath); // nullptr without QtKeychain or keyring
} // namespace md::secretbackends
