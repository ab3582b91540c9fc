// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace md {
namespace {

Error secretError(const QString &where, const QString &why)
{
    return makeError(QStringLiteral("secret"), where, why);
}

// A JSON object {name: value} in a file only its owner may read. Written through a temporary file
// created 0600 and renamed over the old one, so the secrets are never readable by others, not even
// for a moment, and a crash leaves the old file or the new one.
class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(QString path) : m_path(std::move(path)) {}
    QString backendName() const override { return QStringLiteral("file"); }
    QString warning() const override
    {
        return QStringLiteral("no keyring: secrets are kept in %1 (readable only by this account; a copy of "
                              "that file is a copy of the secrets)")
            .arg(m_path);
    }

    Result<QString> read(const QString &name) const override
    {
        auto all = readAll();
        if (!all)
            return all.error();
        return all->value(name).toString();
    }

    Result<void> write(const QString &name, const QString &value) override
    {
        auto all = readAll();
        if (!all)
            return all.error();
        QJsonObject o = all.value();
        if (o.value(name).toString() == value && (o.contains(name) || value.isEmpty()))
            return {};
        if (value.isEmpty())
            o.remove(name);
        else
            o.insert(name, value);
        return writeAll(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }

private:
    Result<QJsonObject> readAll() const
    {
        QFile f(m_path);
        if (!f.exists())
            return QJsonObject();
#ifdef Q_OS_UNIX
        struct stat st {};
        if (::stat(QFile::encodeName(m_path).constData(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)))
            return secretError(m_path, QStringLiteral("readable by other accounts (mode %1); run chmod 600 on it")
                                           .arg(st.st_mode & 0777, 3, 8, QLatin1Char('0')));
#endif
        if (!f.open(QIODevice::ReadOnly))
            return secretError(m_path, QStringLiteral("cannot read: %1").arg(f.errorString()));
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject())
            return secretError(m_path, QStringLiteral("not a secrets file (a JSON object)"));
        return doc.object();
    }

    Result<void> writeAll(const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
#ifdef Q_OS_UNIX
        const QByteArray target = QFile::encodeName(m_path);
        const QByteArray tmp = target + ".tmp." + QByteArray::number(qint64(::getpid()));
        ::unlink(tmp.constData());
        const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            return secretError(m_path, QStringLiteral("cannot create %1").arg(QFile::decodeName(tmp)));
        bool ok = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
        ok = ::fsync(fd) == 0 && ok;
        ok = ::close(fd) == 0 && ok;
        if (!ok || ::rename(tmp.constData(), target.constData()) != 0) {
            ::unlink(tmp.constData());
            return secretError(m_path, QStringLiteral("cannot write"));
        }
        return {};
#else
        QSaveFile f(m_path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            return secretError(m_path, QStringLiteral("cannot write: %1").arg(f.errorString()));
        QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return {};
#endif
    }

    QString m_path;
};

QString defaultSecretsFile(const QString &iniPath)
{
    const QString env = qEnvironmentVariable("MD_SECRETS_FILE");
    if (!env.isEmpty())
        return env;
    const QFileInfo fi(iniPath);
    return fi.absolutePath() + u'/' + fi.completeBaseName() + QStringLiteral(".secrets");
}

} // namespace

std::unique_ptr<SecretStore> secretbackends::file(const QString &path)
{
    return std::make_unique<FileSecretStore>(path);
}

std::unique_ptr<SecretStore> SecretStore::open(const QString &iniPath)
{
    const QString forced = qEnvironmentVariable("MD_SECRET_BACKEND").trimmed().toLower();
    if (forced == u"file" || !qEnvironmentVariableIsEmpty("MD_SECRETS_FILE"))
        return secretbackends::file(defaultSecretsFile(iniPath));
    if (forced.isEmpty() || forced == u"dpapi") {
        if (auto s = secretbackends::dpapi(iniPath))
            return s;
    }
    if (forced.isEmpty() || forced == u"keychain") {
        if (auto s = secretbackends::keychain(iniPath))
            return s;
    }
    return secretbackends::file(defaultSecretsFile(iniPath));
}

QString secretOverride(const QString &name)
{
    const char *env = name == u"appSecret" ? "MD_APP_SECRET" : name == u"aesKey" ? "MD_AES_KEY" : nullptr;
    if (env && !qEnvironmentVariableIsEmpty(env))
        return qEnvironmentVariable(env);
    const QString dir = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!dir.isEmpty()) {
        QFile f(dir + u'/' + name);
        if (f.open(QIODevice::ReadOnly))
            return QString::fromUtf8(f.readAll()).trimmed();
    }
    return {};
}

} // namespace md
