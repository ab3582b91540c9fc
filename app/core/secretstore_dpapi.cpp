// SPDX-License-Identifier: GPL-3.0-or-later
// Windows: the secrets encrypted with DPAPI for the current user (CryptProtectData, crypt32), kept
// in the INI as "secrets/<name>=dpapi:<base64>". Another account on the desk, or anyone holding a
// copied backup of the INI, sees only the opaque blob.
#include "secretstore.h"

#ifdef Q_OS_WIN
#include <QSettings>

#include <windows.h>
#include <wincrypt.h>

namespace md {
namespace {

constexpr QLatin1String kPrefix("dpapi:");

class DpapiSecretStore final : public SecretStore
{
public:
    explicit DpapiSecretStore(QString iniPath) : m_iniPath(std::move(iniPath)) {}
    QString backendName() const override { return QStringLiteral("dpapi"); }

    Result<QString> read(const QString &name) const override
    {
        QSettings ini(m_iniPath, QSettings::IniFormat);
        const QString stored = ini.value(key(name)).toString();
        if (stored.isEmpty())
            return QString();
        if (!stored.startsWith(kPrefix))
            return makeError(QStringLiteral("secret"), key(name), QStringLiteral("not a DPAPI value"));
        QByteArray blob = QByteArray::fromBase64(stored.mid(kPrefix.size()).toLatin1());
        DATA_BLOB in{DWORD(blob.size()), reinterpret_cast<BYTE *>(blob.data())};
        DATA_BLOB out{};
        if (!CryptUnprotectData(&in, nullptr, nullptr, nullptr, nullptr, CRYPTPROTECT_UI_FORBIDDEN, &out))
            return makeError(QStringLiteral("secret"), key(name),
                             QStringLiteral("cannot decrypt (another Windows account or another PC?): error %1")
                                 .arg(GetLastError()));
        const QString value = QString::fromUtf8(reinterpret_cast<const char *>(out.pbData), int(out.cbData));
        SecureZeroMemory(out.pbData, out.cbData);
        LocalFree(out.pbData);
        return value;
    }

    Result<void> write(const QString &name, const QString &value) override
    {
        QSettings ini(m_iniPath, QSettings::IniFormat);
        if (value.isEmpty()) {
            ini.remove(key(name));
        } else {
            QByteArray plain = value.toUtf8();
            DATA_BLOB in{DWORD(plain.size()), reinterpret_cast<BYTE *>(plain.data())};
            DATA_BLOB out{};
            const BOOL ok = CryptProtectData(&in, L"MeterDesk", nullptr, nullptr, nullptr, CRYPTPROTECT_UI_FORBIDDEN, &out);
            plain.fill('\0');
            if (!ok)
                return makeError(QStringLiteral("secret"), key(name),
                                 QStringLiteral("CryptProtectData failed: error %1").arg(GetLastError()));
            const QByteArray blob(reinterpret_cast<const char *>(out.pbData), int(out.cbData));
            LocalFree(out.pbData);
            ini.setValue(key(name), QString(kPrefix) + QString::fromLatin1(blob.toBase64()));
        }
        ini.sync();
        if (ini.status() != QSettings::NoError)
            return makeError(QStringLiteral("secret"), m_iniPath, QStringLiteral("cannot write"));
        return {};
    }

private:
    static QString key(const QString &name) { return QStringLiteral("secrets/") + name; }
    QString m_iniPath;
};

} // namespace

std::unique_ptr<SecretStore> secretbackends::dpapi(const QString &iniPath)
{
    return std::make_unique<DpapiSecretStore>(iniPath);
}

} // namespace md

#else

namespace md::secretbackends {
std::unique_ptr<SecretStore> dpapi(const QString &)
{
    return nullptr;
}
} // namespace md::secretbackends

#endif
