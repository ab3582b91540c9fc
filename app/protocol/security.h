// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Header authentication (protocol.md section 2), body signature (section 3) and AES-128-ECB for
// sensitive values (section 4, OpenSSL EVP).

#include "core/result.h"
#include "core/settings.h"
#include "core/timeformat.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace md {

struct Credentials
{
    QString appId;
    QString appSecret;
};

struct AuthHeaders
{
    QByteArray timestamp;     // yyyyMMddHHmmss, platform zone
    QByteArray accessToken;   // MD5(appId + appSecret + timestamp), 32 hex
    QByteArray authorization; // Base64(appId + ":" + timestamp)
};

} // namespace md

namespace md::Auth {

QByteArray accessToken(const QString &appId, const QString &appSecret, const QByteArray &timestamp,
                       TokenCase tokenCase = TokenCase::Upper);
QByteArray authorization(const QString &appId, const QByteArray &timestamp);
AuthHeaders make(const Credentials &credentials, const PlatformTime &time, qint64 nowEpochSeconds,
                 TokenCase tokenCase = TokenCase::Upper);

// 9001 with a detail naming what failed ("AccessToken", "Authorization", "timestamp"). A `timestamp`
// header, when present, must equal the one inside Authorization. Token compare is constant-time and
// case-insensitive; Authorization may carry a leading "Basic ".
Result<void> verify(const Credentials &credentials, const QByteArray &accessToken, const QByteArray &authorization,
                    const QByteArray &timestampHeader, const PlatformTime &time, qint64 nowEpochSeconds,
                    int toleranceSeconds);

// The instant inside Authorization when the request is authentic apart from the clock window (appId
// and AccessToken match it): the sender's clock, which tells a desk how far off its own is. nullopt
// for anything else, so an unauthenticated caller cannot move that estimate.
std::optional<qint64> signedTime(const Credentials &credentials, const QByteArray &accessToken,
                                 const QByteArray &authorization, const PlatformTime &time);

bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace md::Auth

namespace md::Signature {

// key=value pairs of the top-level fields except `sign`, null and "" skipped, sorted by key, joined with
// '&'; arrays and objects as compact JSON with keys sorted at every level, non-ASCII raw UTF-8.
QByteArray canonical(const QJsonObject &body);
QByteArray sign(const QJsonObject &body, const QString &appSecret); // upper-case hex MD5
bool verify(const QJsonObject &body, const QString &appSecret);     // compares body["sign"]

} // namespace md::Signature

namespace md {

class AesEcb
{
public:
    explicit AesEcb(QByteArray key16); // 16 bytes; shorter keys are zero-padded, longer cut
    bool isValid() const { return m_key.size() == 16; }
    QByteArray encryptToBase64(const QByteArray &plain) const;                 // PKCS#7, standard Base64
    std::optional<QByteArray> decryptFromBase64(const QByteArray &b64) const; // nullopt on any failure

private:
    QByteArray m_key;
};

} // namespace md
