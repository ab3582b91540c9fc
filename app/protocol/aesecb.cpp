// SPDX-License-Identifier: GPL-3.0-or-later
// AES-128-ECB with PKCS#7 for sensitive values (protocol.md section 4), through OpenSSL's EVP API.
#include "security.h"

#include <openssl/evp.h>

#include <memory>

namespace md {
namespace {

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

std::optional<QByteArray> run(const QByteArray &key, const QByteArray &in, bool encrypt)
{
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return std::nullopt;
    const auto *k = reinterpret_cast<const unsigned char *>(key.constData());
    if (EVP_CipherInit_ex(ctx.get(), EVP_aes_128_ecb(), nullptr, k, nullptr, encrypt ? 1 : 0) != 1)
        return std::nullopt;
    EVP_CIPHER_CTX_set_padding(ctx.get(), 1); // PKCS#7
    QByteArray out(in.size() + 16, Qt::Uninitialized);
    int written = 0;
    int final = 0;
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    if (EVP_CipherUpdate(ctx.get(), o, &written, reinterpret_cast<const unsigned char *>(in.constData()),
                         int(in.size()))
            != 1
        || EVP_CipherFinal_ex(ctx.get(), o + written, &final) != 1)
        return std::nullopt; // wrong padding, i.e. wrong key or not our ciphertext
    out.truncate(written + final);
    return out;
}

} // namespace

AesEcb::AesEcb(QByteArray key16) : m_key(std::move(key16))
{
    if (m_key.size() < 16)
        m_key.append(QByteArray(16 - m_key.size(), '\0'));
    m_key.truncate(16);
}

QByteArray AesEcb::encryptToBase64(const QByteArray &plain) const
{
    const auto cipher = run(m_key, plain, true);
    return cipher ? cipher->toBase64() : QByteArray();
}

std::optional<QByteArray> AesEcb::decryptFromBase64(const QByteArray &b64) const
{
    const auto decoded = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || decoded.decoded.size() % 16 != 0
        || decoded.decoded.size() > (1 << 20))
        return std::nullopt;
    return run(m_key, decoded.decoded, false);
}

} // namespace md
