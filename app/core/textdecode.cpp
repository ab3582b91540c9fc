// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdecode.h"

#include <QStringDecoder>

namespace md {

namespace {

std::optional<QString> strict(QStringDecoder decoder, QByteArrayView bytes)
{
    if (!decoder.isValid())
        return std::nullopt;
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// GB18030: ICU's codec when Qt was built with it; on Windows without ICU the ANSI code page is the
// system codec (936 = GBK/GB18030 on a Chinese Windows), so that is the fallback there.
std::optional<QString> gb18030(QByteArrayView bytes)
{
    QStringDecoder icu("GB18030", QStringDecoder::Flag::Stateless);
#ifdef Q_OS_WIN
    auto text = icu.isValid() ? strict(std::move(icu), bytes)
                              : strict(QStringDecoder(QStringConverter::System, QStringDecoder::Flag::Stateless), bytes);
#else
    auto text = icu.isValid() ? strict(std::move(icu), bytes) : std::nullopt;
#endif
    // ICU (and the Windows code page) substitute U+FFFD for bytes they cannot map without always
    // reporting an error: a substitution means "not GB18030".
    if (text && text->contains(QChar::ReplacementCharacter))
        return std::nullopt;
    return text;
}

} // namespace

Result<DecodedText> decodeDeskText(const QByteArray &bytes)
{
    static const QByteArray utf8Bom("\xEF\xBB\xBF");
    if (bytes.startsWith(utf8Bom)) {
        if (auto t = strict(QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless), QByteArrayView(bytes).sliced(3)))
            return DecodedText{*t, QStringLiteral("UTF-8")};
        return makeError(QStringLiteral("9002"), {}, QStringLiteral("starts with a UTF-8 BOM but is not valid UTF-8"));
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const auto enc = bytes.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE;
        if (auto t = strict(QStringDecoder(enc, QStringDecoder::Flag::Stateless), QByteArrayView(bytes).sliced(2)))
            return DecodedText{*t, QStringLiteral("UTF-16")};
        return makeError(QStringLiteral("9002"), {}, QStringLiteral("starts with a UTF-16 BOM but is not valid UTF-16"));
    }
    if (bytes.contains('\0'))
        return makeError(QStringLiteral("9002"), {},
                         QStringLiteral("a binary file, not text (save it from Excel as CSV)"));
    if (auto t = strict(QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless), bytes))
        return DecodedText{*t, QStringLiteral("UTF-8")};
    if (auto t = gb18030(bytes))
        return DecodedText{*t, QStringLiteral("GB18030")};
    return makeError(QStringLiteral("9002"), {},
                     QStringLiteral("neither UTF-8 nor GB18030 (save the file as CSV UTF-8, or CSV from a Chinese Excel)"));
}

} // namespace md
