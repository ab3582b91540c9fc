// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdecode.h"

#include <QStringDecoder>

#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

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

#ifdef Q_OS_WIN
std::optional<QString> windowsCodePage(UINT codePage, QByteArrayView bytes)
{
    const int size = int(bytes.size());
    const int wide = MultiByteToWideChar(codePage, MB_ERR_INVALID_CHARS, bytes.data(), size, nullptr, 0);
    if (wide <= 0)
        return std::nullopt;
    QString text(wide, Qt::Uninitialized);
    if (MultiByteToWideChar(codePage, MB_ERR_INVALID_CHARS, bytes.data(), size,
                            reinterpret_cast<wchar_t *>(text.data()), wide) != wide)
        return std::nullopt;
    return text;
}

// Windows' own code pages, whatever the desk's ANSI code page is (an English-language Windows in
// China has 1252, not 936): GB18030 (54936), else GBK (936, what a Chinese Excel writes; a subset
// of GB18030, and the one Wine has). MB_ERR_INVALID_CHARS: bytes that do not decode fail instead
// of becoming U+FFFD.
std::optional<QString> windowsGb18030(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return QString();
    if (auto text = windowsCodePage(54936, bytes))
        return text;
    return windowsCodePage(936, bytes);
}
#endif

// GB18030: ICU's codec when Qt was built with it; without ICU (the MinGW build) Windows' code page
// 54936.
std::optional<QString> gb18030(QByteArrayView bytes)
{
    QStringDecoder icu("GB18030", QStringDecoder::Flag::Stateless);
#ifdef Q_OS_WIN
    auto text = icu.isValid() ? strict(std::move(icu), bytes) : windowsGb18030(bytes);
#else
    auto text = icu.isValid() ? strict(std::move(icu), bytes) : std::nullopt;
#endif
    // ICU (and Windows) may substitute U+FFFD for bytes they cannot map without always reporting
    // an error: a substitution means "not GB18030".
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
