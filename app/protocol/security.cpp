// SPDX-License-Identifier: GPL-3.0-or-later
// Header authentication (protocol.md section 2). Signature and AES live in signature.cpp / aesecb.cpp.
#include "security.h"

#include <QCryptographicHash>

namespace md::Auth {
namespace {

Error authError(const char *header, const char *why)
{
    return makeError(QStringLiteral("9001"), QLatin1String(header), QLatin1String(why));
}

} // namespace

QByteArray accessToken(const QString &appId, const QString &appSecret, const QByteArray &timestamp,
                       TokenCase tokenCase)
{
    QCryptographicHash md5(QCryptographicHash::Md5);
    md5.addData(appId.toUtf8());
    md5.addData(appSecret.toUtf8());
    md5.addData(timestamp);
    const QByteArray hex = md5.result().toHex(); // lower case
    return tokenCase == TokenCase::Upper ? hex.toUpper() : hex;
}

QByteArray authorization(const QString &appId, const QByteArray &timestamp)
{
    return (appId.toUtf8() + ':' + timestamp).toBase64();
}

AuthHeaders make(const Credentials &credentials, const PlatformTime &time, qint64 nowEpochSeconds,
                 TokenCase tokenCase)
{
    AuthHeaders h;
    h.timestamp = time.formatCompact(nowEpochSeconds).toLatin1();
    h.accessToken = accessToken(credentials.appId, credentials.appSecret, h.timestamp, tokenCase);
    h.authorization = authorization(credentials.appId, h.timestamp);
    return h;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false; // lengths are public (32 hex digits); the contents are not
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

Result<void> verify(const Credentials &credentials, const QByteArray &accessTokenHeader,
                    const QByteArray &authorizationHeader, const QByteArray &timestampHeader, const PlatformTime &time,
                    qint64 nowEpochSeconds, int toleranceSeconds)
{
    const QByteArray token = accessTokenHeader.trimmed();
    QByteArray auth = authorizationHeader.trimmed();
    if (token.isEmpty())
        return authError("AccessToken", "missing");
    if (auth.isEmpty())
        return authError("Authorization", "missing");
    if (auth.size() > 6 && auth.left(6).toLower() == "basic ")
        auth = auth.mid(6).trimmed();

    const auto decoded = QByteArray::fromBase64Encoding(auth, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return authError("Authorization", "not Base64");
    const qsizetype colon = decoded.decoded.lastIndexOf(':');
    if (colon < 0)
        return authError("Authorization", "not appId:timestamp");
    const QByteArray appId = decoded.decoded.left(colon);
    const QByteArray timestamp = decoded.decoded.mid(colon + 1);
    if (credentials.appId.isEmpty() || appId != credentials.appId.toUtf8())
        return authError("Authorization", "unknown appId");

    // The spec defines no `timestamp` header: the one inside Authorization (hashed into the token)
    // is the request's time. A header that is absent, malformed or different is ignored, never 9001.
    Q_UNUSED(timestampHeader);
    const auto local = parseCompactTimestamp(QString::fromLatin1(timestamp));
    const auto sent = local ? time.toEpoch(*local) : std::nullopt;
    if (!sent)
        return authError("timestamp", "not yyyyMMddHHmmss");
    const qint64 skew = nowEpochSeconds - *sent;
    if (skew > toleranceSeconds || skew < -qint64(toleranceSeconds))
        return authError("timestamp", "outside the accepted clock window");

    const QByteArray expected = accessToken(credentials.appId, credentials.appSecret, timestamp, TokenCase::Upper);
    if (!constantTimeEquals(expected, token.toUpper()))
        return authError("AccessToken", "does not match");
    return {};
}

std::optional<qint64> signedTime(const Credentials &credentials, const QByteArray &accessToken,
                                 const QByteArray &authorization, const PlatformTime &time)
{
    QByteArray auth = authorization.trimmed();
    if (auth.size() > 6 && auth.left(6).toLower() == "basic ")
        auth = auth.mid(6).trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(auth, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const auto local = parseCompactTimestamp(QString::fromLatin1(decoded.decoded.mid(decoded.decoded.lastIndexOf(':') + 1)));
    const auto sent = local ? time.toEpoch(*local) : std::nullopt;
    // verify() at the sender's own instant: everything but the window is checked.
    if (!sent || !verify(credentials, accessToken, authorization, {}, time, *sent, 0))
        return std::nullopt;
    return sent;
}

} // namespace md::Auth
