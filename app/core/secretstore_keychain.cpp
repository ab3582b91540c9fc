// SPDX-License-Identifier: GPL-3.0-or-later
// Linux desks: the secrets in the session keyring (Secret Service / KWallet) through QtKeychain,
// one entry per settings file and name. Used only when a keyring answers a probe within a few
// seconds; a server without a session bus falls back to the 0600 file.
#include "secretstore.h"

#ifdef MD_HAVE_QTKEYCHAIN
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace md {
namespace {

const QString kService = QStringLiteral("MeterDesk");

// Runs a QtKeychain job to its end on a local event loop (jobs are asynchronous); false on timeout.
bool runJob(QKeychain::Job &job, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    if (!done)
        loop.exec();
    return done;
}

class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString iniPath) : m_scope(QFileInfo(iniPath).absoluteFilePath()) {}
    QString backendName() const override { return QStringLiteral("keychain"); }

    Result<QString> read(const QString &name) const override
    {
        QKeychain::ReadPasswordJob job(kService);
        job.setKey(key(name));
        if (!runJob(job, 30000))
            return makeError(QStringLiteral("secret"), name, QStringLiteral("the keyring did not answer"));
        if (job.error() == QKeychain::EntryNotFound)
            return QString();
        if (job.error() != QKeychain::NoError)
            return makeError(QStringLiteral("secret"), name, job.errorString());
        return job.textData();
    }

    Result<void> write(const QString &name, const QString &value) override
    {
        if (value.isEmpty()) {
            QKeychain::DeletePasswordJob job(kService);
            job.setKey(key(name));
            if (!runJob(job, 30000) || (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound))
                return makeError(QStringLiteral("secret"), name, QStringLiteral("cannot remove from the keyring"));
            return {};
        }
        QKeychain::WritePasswordJob job(kService);
        job.setKey(key(name));
        job.setTextData(value);
        if (!runJob(job, 30000) || job.error() != QKeychain::NoError)
            return makeError(QStringLiteral("secret"), name, QStringLiteral("cannot write to the keyring: %1").arg(job.errorString()));
        return {};
    }

    // A read of the appSecret entry: answered (found or not) means a keyring is there.
    bool answers() const
    {
        QKeychain::ReadPasswordJob job(kService);
        job.setKey(key(QStringLiteral("appSecret")));
        return runJob(job, 3000) && (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound);
    }

private:
    QString key(const QString &name) const { return m_scope + u'#' + name; }
    QString m_scope;
};

} // namespace

std::unique_ptr<SecretStore> secretbackends::keychain(const QString &iniPath)
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return nullptr; // no session: a server, a CI runner, an ssh login
    auto store = std::make_unique<KeychainSecretStore>(iniPath);
    if (!store->answers())
        return nullptr;
    return store;
}

} // namespace md

#else

namespace md::secretbackends {
std::unique_ptr<SecretStore> keychain(const QString &)
{
    return nullptr;
}
} // namespace md::secretbackends

#endif
