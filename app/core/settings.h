// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The configuration of protocol.md section 9: one INI file (QSettings), command-line options override.

#include "fixeddecimal.h"
#include "operatoridentity.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace md {

enum class TokenCase { Upper, Lower };
enum class SignMode { Off, Lenient, Strict };

struct PlatformSettings
{
    QString baseUrl = QStringLiteral("http://127.0.0.1:9080");
    QString appId;
    // Secrets: held in memory only; at rest in the SecretStore (never the INI), never logged or shown.
    QString appSecret;
    QString aesKey;
    TokenCase tokenCase = TokenCase::Upper;
    SignMode signMode = SignMode::Lenient;
    bool encryptSensitive = true;
    QByteArray timeZone = QByteArrayLiteral("Asia/Shanghai");
    int requestTimeoutSeconds = 15;
    int commandTtlHours = 72;

    // aesKey when configured, else the first 16 bytes of appSecret (UTF-8), protocol.md section 4.
    QByteArray effectiveAesKey() const;
};

struct ListenerSettings
{
    bool enabled = true;
    QString host = QStringLiteral("0.0.0.0");
    quint16 port = 8080;
    QString pathPrefix = QStringLiteral("/rest/v1/bussinessPlatform");
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int timestampToleranceSeconds = 300;
    // Idle and slow peers: a whole request within readTimeoutSeconds, at most maxConnections open
    // (over it the longest-idle connection is closed to make room).
    int readTimeoutSeconds = 30;
    int maxConnections = 1000;
    QString tlsCertificate; // PEM file; TLS is on when both are set
    QString tlsKey;
    // PEM file of the CA certificate(s) a client must present a certificate from; empty: no client
    // certificate asked for. Only with TLS on.
    QString tlsClientCa;
    // An upload whose factoryCode / meterType contradicts the registry (both known): `flag` (default)
    // stores it and flags it for review, losing nothing; `strict` refuses it with the spec's 1001 /
    // 1002. INI: listener/identityCheck=flag|strict.
    bool strictIdentity = false;

    // TLS needs both files; a client CA needs TLS. Settings::check() and the listener ask this one.
    Result<void> checkTls() const;
};

struct StorageSettings
{
    QString database; // empty: meterdesk.sqlite in the per-user data folder; or postgresql://...
};

// The recharge receipt (充值凭证): who issues it and on what paper.
struct ReceiptSettings
{
    QString companyName; // printed as the receipt's heading; empty: no company line
    QString deskName;    // the counter / desk, e.g. "高新营业厅 2 号窗口"
    QString paper = QStringLiteral("a5"); // "thermal80" (80 mm roll), "a5" or "a4"
};

// A recharge above these asks the operator once more before anything is sent (a confirmation, never
// a refusal: the spec sets no upper limit, and a large recharge may be exactly what the customer
// wants). One threshold per unit, since a meter is billed in yuan (金额表) or in m³ (气量表).
// INI: recharge/confirmAboveYuan, recharge/confirmAboveM3; 0 never asks.
struct RechargeSettings
{
    Money confirmAboveAmount = Money::fromUnits(10000LL * 10000); // 10,000 yuan
    Volume confirmAboveVolume = Volume::fromUnits(3000LL * 1000); // 3,000 m³
    bool isLarge(Money amount) const { return confirmAboveAmount.units() > 0 && amount > confirmAboveAmount; }
    bool isLarge(Volume volume) const { return confirmAboveVolume.units() > 0 && volume > confirmAboveVolume; }
};

struct Settings
{
    PlatformSettings platform;
    ListenerSettings listener;
    StorageSettings storage;
    ReceiptSettings receipt;
    RechargeSettings recharge;
    QString operatorName; // the desk's display name for its operator; empty: the OS account
    QString language;     // empty: follow the system locale; "en" or "zh_CN"

    // Not stored: what load() did with the secrets (moved out of the INI, kept in a 0600 file, left
    // in clear text in a read-only INI), for the log or the status bar. Never holds a secret.
    QStringList secretNotices;
    QString secretBackend; // "dpapi", "keychain", "file"; empty without a settings file

    // Reads the INI; a missing file gives the defaults. Errors name the key: "listener/port".
    // Secrets come from the SecretStore of iniPath; plain values still in the INI (older versions, a
    // hand-written file) are moved into it and removed from the INI when the INI is writable.
    // MD_APP_SECRET / MD_AES_KEY or systemd credentials override them (secretOverride()).
    static Result<Settings> load(const QString &iniPath);
    // Writes the INI and puts the secrets into the SecretStore; the INI never holds them.
    Result<void> save(const QString &iniPath) const;
    // The rules on values and between them, in one place: load() applies them to what the INI holds
    // and the settings dialog shows their messages before anything is saved. The first problem as
    // Error{"config", key ("listener/pathPrefix"), why}; `why` is English, translated in the
    // "md::Settings" context (checkMessage()). Single values' ranges are load()'s (a spin box cannot
    // leave them).
    Result<void> check() const;
    // A problem of check() or load() as the console shows it: "key: why", `why` translated.
    static QString checkMessage(const Error &error);

    static QString defaultConfigPath();   // per-user config location
    static QString defaultDatabasePath(); // per-user data location
    QString databaseOrDefault() const;
    // What commands, acknowledgements, exports and prints record: OperatorIdentity::recorded().
    QString effectiveOperator() const;
    OperatorIdentity operatorIdentity() const;
};

QString tokenCaseName(TokenCase c);
QString signModeName(SignMode m);

} // namespace md
