// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"
#include "secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUrl>

namespace md {
namespace {

Error configError(const QString &key, const QString &why)
{
    return makeError(QStringLiteral("config"), key, why);
}

bool readBool(const QVariant &v, bool &out)
{
    const QString s = v.toString().trimmed().toLower();
    if (s == u"true" || s == u"1" || s == u"yes" || s == u"on")
        out = true;
    else if (s == u"false" || s == u"0" || s == u"no" || s == u"off")
        out = false;
    else
        return false;
    return true;
}

bool readInt(const QVariant &v, qint64 min, qint64 max, qint64 &out)
{
    bool ok = false;
    const qint64 n = v.toString().trimmed().toLongLong(&ok);
    if (!ok || n < min || n > max)
        return false;
    out = n;
    return true;
}

QString *secretField(PlatformSettings &p, const QString &name)
{
    return name == u"appSecret" ? &p.appSecret : &p.aesKey;
}

// Fills the secrets of s from the store of iniPath, moving plain INI values into it first.
Result<void> loadSecrets(QSettings &ini, const QString &iniPath, Settings &s)
{
    std::unique_ptr<SecretStore> store;
    if (!iniPath.isEmpty()) {
        store = SecretStore::open(iniPath);
        s.secretBackend = store->backendName();
    }
    const bool iniWritable = !iniPath.isEmpty() && QFileInfo(iniPath).isWritable();
    bool fromStore = false;
    for (const QString &name : SecretStore::names()) {
        const QString iniKey = QStringLiteral("platform/") + name;
        QString value = ini.value(iniKey).toString();
        if (!value.isEmpty()) {
            Result<void> moved = store && iniWritable ? store->write(name, value)
                                                      : Result<void>(makeError(QString(), iniPath, QStringLiteral("read-only")));
            if (moved) {
                ini.remove(iniKey);
                s.secretNotices << QStringLiteral("%1 moved out of %2 into the %3 secret store")
                                       .arg(iniKey, iniPath, store->backendName());
                fromStore = true;
            } else {
                s.secretNotices << QStringLiteral("%1 is in clear text in %2 (%3): set it again in the settings, "
                                                  "or give it through MD_APP_SECRET/MD_AES_KEY")
                                       .arg(iniKey, iniPath, moved.error().path + u' ' + moved.error().detail);
            }
        } else if (store) {
            if (ini.contains(iniKey) && iniWritable)
                ini.remove(iniKey); // an empty key left by an older version
            Result<QString> stored = store->read(name);
            if (!stored)
                return configError(iniKey, stored.error().path + QStringLiteral(": ") + stored.error().detail);
            value = stored.value();
            fromStore = fromStore || !value.isEmpty();
        }
        const QString override = secretOverride(name);
        if (!override.isEmpty())
            value = override;
        *secretField(s.platform, name) = value;
    }
    if (fromStore && !store->warning().isEmpty())
        s.secretNotices << store->warning();
    ini.sync();
    return {};
}

} // namespace

QByteArray PlatformSettings::effectiveAesKey() const
{
    if (!aesKey.isEmpty())
        return aesKey.toUtf8().left(16);
    return appSecret.toUtf8().left(16);
}

QString tokenCaseName(TokenCase c)
{
    return c == TokenCase::Upper ? QStringLiteral("upper") : QStringLiteral("lower");
}

QString signModeName(SignMode m)
{
    switch (m) {
    case SignMode::Off:
        return QStringLiteral("off");
    case SignMode::Strict:
        return QStringLiteral("strict");
    case SignMode::Lenient:
        break;
    }
    return QStringLiteral("lenient");
}

Result<Settings> Settings::load(const QString &iniPath)
{
    Settings s;
    if (!iniPath.isEmpty() && !QFileInfo::exists(iniPath)) {
        for (const QString &name : SecretStore::names())
            *secretField(s.platform, name) = secretOverride(name);
        return s;
    }
    QSettings ini(iniPath, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return configError(QString(), QStringLiteral("cannot read %1").arg(iniPath));

    auto has = [&](const char *key) { return ini.contains(QLatin1String(key)); };
    auto get = [&](const char *key) { return ini.value(QLatin1String(key)); };
    qint64 n = 0;

    if (has("platform/baseUrl"))
        s.platform.baseUrl = get("platform/baseUrl").toString().trimmed();
    s.platform.appId = get("platform/appId").toString();
    if (Result<void> secrets = loadSecrets(ini, iniPath, s); !secrets)
        return secrets.error();
    if (has("platform/tokenCase")) {
        const QString v = get("platform/tokenCase").toString().trimmed().toLower();
        if (v == u"upper")
            s.platform.tokenCase = TokenCase::Upper;
        else if (v == u"lower")
            s.platform.tokenCase = TokenCase::Lower;
        else
            return configError(QStringLiteral("platform/tokenCase"), QStringLiteral("upper or lower"));
    }
    if (has("platform/signMode")) {
        const QString v = get("platform/signMode").toString().trimmed().toLower();
        if (v == u"off")
            s.platform.signMode = SignMode::Off;
        else if (v == u"lenient")
            s.platform.signMode = SignMode::Lenient;
        else if (v == u"strict")
            s.platform.signMode = SignMode::Strict;
        else
            return configError(QStringLiteral("platform/signMode"), QStringLiteral("off, lenient or strict"));
    }
    if (has("platform/encryptSensitive") && !readBool(get("platform/encryptSensitive"), s.platform.encryptSensitive))
        return configError(QStringLiteral("platform/encryptSensitive"), QStringLiteral("true or false"));
    if (has("platform/timeZone"))
        s.platform.timeZone = get("platform/timeZone").toString().trimmed().toUtf8();
    if (has("platform/requestTimeoutSeconds")) {
        if (!readInt(get("platform/requestTimeoutSeconds"), 1, 600, n))
            return configError(QStringLiteral("platform/requestTimeoutSeconds"), QStringLiteral("1 to 600"));
        s.platform.requestTimeoutSeconds = int(n);
    }
    if (has("platform/commandTtlHours")) {
        if (!readInt(get("platform/commandTtlHours"), 1, 24 * 365, n))
            return configError(QStringLiteral("platform/commandTtlHours"), QStringLiteral("1 to 8760"));
        s.platform.commandTtlHours = int(n);
    }

    if (has("listener/enabled") && !readBool(get("listener/enabled"), s.listener.enabled))
        return configError(QStringLiteral("listener/enabled"), QStringLiteral("true or false"));
    if (has("listener/host"))
        s.listener.host = get("listener/host").toString().trimmed();
    if (has("listener/port")) {
        if (!readInt(get("listener/port"), 0, 65535, n))
            return configError(QStringLiteral("listener/port"), QStringLiteral("0 to 65535"));
        s.listener.port = quint16(n);
    }
    if (has("listener/pathPrefix")) {
        s.listener.pathPrefix = get("listener/pathPrefix").toString().trimmed();
        while (s.listener.pathPrefix.endsWith(u'/'))
            s.listener.pathPrefix.chop(1);
    }
    if (has("listener/maxBodyBytes")) {
        if (!readInt(get("listener/maxBodyBytes"), 1024, qint64(1) << 30, n))
            return configError(QStringLiteral("listener/maxBodyBytes"), QStringLiteral("1024 to 1073741824"));
        s.listener.maxBodyBytes = n;
    }
    if (has("listener/timestampToleranceSeconds")) {
        if (!readInt(get("listener/timestampToleranceSeconds"), 1, 86400, n))
            return configError(QStringLiteral("listener/timestampToleranceSeconds"), QStringLiteral("1 to 86400"));
        s.listener.timestampToleranceSeconds = int(n);
    }
    if (has("listener/identityCheck")) {
        const QString mode = get("listener/identityCheck").toString().trimmed();
        if (mode != u"strict" && mode != u"flag")
            return configError(QStringLiteral("listener/identityCheck"), QStringLiteral("strict or flag"));
        s.listener.strictIdentity = mode == u"strict";
    }
    if (has("listener/readTimeoutSeconds")) {
        if (!readInt(get("listener/readTimeoutSeconds"), 1, 3600, n))
            return configError(QStringLiteral("listener/readTimeoutSeconds"), QStringLiteral("1 to 3600"));
        s.listener.readTimeoutSeconds = int(n);
    }
    if (has("listener/maxConnections")) {
        if (!readInt(get("listener/maxConnections"), 1, 100000, n))
            return configError(QStringLiteral("listener/maxConnections"), QStringLiteral("1 to 100000"));
        s.listener.maxConnections = int(n);
    }
    s.listener.tlsCertificate = get("listener/tlsCertificate").toString();
    s.listener.tlsKey = get("listener/tlsKey").toString();
    s.listener.tlsClientCa = get("listener/tlsClientCa").toString();
    s.storage.database = get("storage/database").toString().trimmed();
    s.operatorName = get("ui/operator").toString().trimmed();
    s.receipt.companyName = get("receipt/companyName").toString().trimmed();
    s.receipt.deskName = get("receipt/deskName").toString().trimmed();
    if (has("receipt/paper")) {
        const QString paper = get("receipt/paper").toString().trimmed().toLower();
        if (paper != u"thermal80" && paper != u"a5" && paper != u"a4")
            return configError(QStringLiteral("receipt/paper"), QStringLiteral("thermal80, a5 or a4"));
        s.receipt.paper = paper;
    }
    if (has("recharge/confirmAboveYuan")) {
        const auto m = Money::parse(get("recharge/confirmAboveYuan").toString().trimmed());
        if (!m || m->units() < 0)
            return configError(QStringLiteral("recharge/confirmAboveYuan"), QStringLiteral("an amount in yuan, 0 or more"));
        s.recharge.confirmAboveAmount = *m;
    }
    if (has("recharge/confirmAboveM3")) {
        const auto v = Volume::parse(get("recharge/confirmAboveM3").toString().trimmed());
        if (!v || v->units() < 0)
            return configError(QStringLiteral("recharge/confirmAboveM3"), QStringLiteral("a volume in m3, 0 or more"));
        s.recharge.confirmAboveVolume = *v;
    }
    s.language = get("ui/language").toString().trimmed();
    if (Result<void> checked = s.check(); !checked)
        return checked.error();
    return s;
}

Result<void> ListenerSettings::checkTls() const
{
    if (tlsCertificate.isEmpty() && !tlsKey.isEmpty())
        return configError(QStringLiteral("listener/tlsCertificate"),
                           QT_TRANSLATE_NOOP("md::Settings", "TLS needs both the certificate and the key file"));
    if (!tlsCertificate.isEmpty() && tlsKey.isEmpty())
        return configError(QStringLiteral("listener/tlsKey"),
                           QT_TRANSLATE_NOOP("md::Settings", "TLS needs both the certificate and the key file"));
    if (!tlsClientCa.isEmpty() && tlsCertificate.isEmpty())
        return configError(QStringLiteral("listener/tlsClientCa"),
                           QT_TRANSLATE_NOOP("md::Settings", "client certificates need TLS (a certificate and a key)"));
    return {};
}

Result<void> Settings::check() const
{
    const QUrl url(platform.baseUrl, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return configError(QStringLiteral("platform/baseUrl"),
                           QT_TRANSLATE_NOOP("md::Settings", "an http:// or https:// address, e.g. http://10.0.0.5:9080"));
    if (!platform.aesKey.isEmpty() && platform.aesKey.toUtf8().size() != 16)
        return configError(QStringLiteral("platform/aesKey"),
                           QT_TRANSLATE_NOOP("md::Settings", "exactly 16 bytes, or empty to use the app secret"));
    // Without an AES key the first 16 bytes of the secret are the key (protocol.md section 4).
    if (platform.aesKey.isEmpty() && platform.encryptSensitive && !platform.appSecret.isEmpty()
        && platform.appSecret.toUtf8().size() < 16)
        return configError(QStringLiteral("platform/appSecret"),
                           QT_TRANSLATE_NOOP("md::Settings", "shorter than 16 bytes, so it cannot serve as the AES key; set an AES key"));
    if (!QTimeZone(platform.timeZone).isValid())
        return configError(QStringLiteral("platform/timeZone"),
                           QT_TRANSLATE_NOOP("md::Settings", "not a known time zone (e.g. Asia/Shanghai)"));
    if (listener.enabled && listener.host.isEmpty())
        return configError(QStringLiteral("listener/host"),
                           QT_TRANSLATE_NOOP("md::Settings", "an address to listen on, e.g. 0.0.0.0"));
    if (!listener.pathPrefix.isEmpty() && !listener.pathPrefix.startsWith(u'/'))
        return configError(QStringLiteral("listener/pathPrefix"), QT_TRANSLATE_NOOP("md::Settings", "must start with /"));
    return listener.checkTls();
}

QString Settings::checkMessage(const Error &error)
{
    const QString why = QCoreApplication::translate("md::Settings", qPrintable(error.detail));
    return error.path.isEmpty() ? why : error.path + QStringLiteral(": ") + why;
}

Result<void> Settings::save(const QString &iniPath) const
{
    QDir().mkpath(QFileInfo(iniPath).absolutePath());
    {
        // The secrets first: if the store refuses, the INI keeps what it had.
        std::unique_ptr<SecretStore> store = SecretStore::open(iniPath);
        for (const QString &name : SecretStore::names()) {
            Result<void> w = store->write(name, name == u"appSecret" ? platform.appSecret : platform.aesKey);
            if (!w)
                return configError(QStringLiteral("platform/") + name, w.error().path + QStringLiteral(": ") + w.error().detail);
        }
    }
    QSettings ini(iniPath, QSettings::IniFormat);
    ini.setValue("platform/baseUrl", platform.baseUrl);
    ini.setValue("platform/appId", platform.appId);
    ini.remove("platform/appSecret");
    ini.remove("platform/aesKey");
    ini.setValue("platform/tokenCase", tokenCaseName(platform.tokenCase));
    ini.setValue("platform/signMode", signModeName(platform.signMode));
    ini.setValue("platform/encryptSensitive", platform.encryptSensitive);
    ini.setValue("platform/timeZone", QString::fromUtf8(platform.timeZone));
    ini.setValue("platform/requestTimeoutSeconds", platform.requestTimeoutSeconds);
    ini.setValue("platform/commandTtlHours", platform.commandTtlHours);
    ini.setValue("listener/enabled", listener.enabled);
    ini.setValue("listener/host", listener.host);
    ini.setValue("listener/port", listener.port);
    ini.setValue("listener/pathPrefix", listener.pathPrefix);
    ini.setValue("listener/maxBodyBytes", listener.maxBodyBytes);
    ini.setValue("listener/timestampToleranceSeconds", listener.timestampToleranceSeconds);
    ini.setValue("listener/identityCheck", listener.strictIdentity ? QStringLiteral("strict") : QStringLiteral("flag"));
    ini.setValue("listener/readTimeoutSeconds", listener.readTimeoutSeconds);
    ini.setValue("listener/maxConnections", listener.maxConnections);
    ini.setValue("listener/tlsCertificate", listener.tlsCertificate);
    ini.setValue("listener/tlsKey", listener.tlsKey);
    ini.setValue("listener/tlsClientCa", listener.tlsClientCa);
    ini.setValue("storage/database", storage.database);
    ini.setValue("ui/operator", operatorName);
    ini.setValue("receipt/companyName", receipt.companyName);
    ini.setValue("receipt/deskName", receipt.deskName);
    ini.setValue("receipt/paper", receipt.paper);
    ini.setValue("recharge/confirmAboveYuan", recharge.confirmAboveAmount.format(2));
    ini.setValue("recharge/confirmAboveM3", recharge.confirmAboveVolume.format(3));
    ini.setValue("ui/language", language);
    ini.sync();
    if (ini.status() != QSettings::NoError)
        return configError(QString(), QStringLiteral("cannot write %1").arg(iniPath));
    return {};
}

// Windows: both files in %LOCALAPPDATA%\MeterDesk. The roaming profile (AppDataLocation) is copied
// around at every domain logon, no place for a growing database, and one folder level is what
// users look for (not Organization\Application).
static QString perUserFolder(QStandardPaths::StandardLocation location)
{
#ifdef Q_OS_WIN
    Q_UNUSED(location);
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/MeterDesk");
#else
    return QStandardPaths::writableLocation(location);
#endif
}

QString Settings::defaultConfigPath()
{
    return perUserFolder(QStandardPaths::AppConfigLocation) + QStringLiteral("/meterdesk.ini");
}

QString Settings::defaultDatabasePath()
{
    return perUserFolder(QStandardPaths::AppDataLocation) + QStringLiteral("/meterdesk.sqlite");
}

QString Settings::databaseOrDefault() const
{
    return storage.database.isEmpty() ? defaultDatabasePath() : storage.database;
}

QString Settings::effectiveOperator() const
{
    return operatorIdentity().recorded();
}

OperatorIdentity Settings::operatorIdentity() const
{
    return OperatorIdentity::current(operatorName);
}

} // namespace md
