// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Registry files as desks have them. Excel on a Chinese Windows saves "CSV (逗号分隔)" in the ANSI
// code page, which is GB18030 (936); "CSV UTF-8" adds a BOM; other tools write UTF-8 without one.
// decodeDeskText() accepts all three, decided by content:
// - a UTF-8 BOM, or bytes that are valid UTF-8 (pure ASCII included): UTF-8;
// - a UTF-16 BOM: UTF-16 (Excel's "Unicode text");
// - otherwise GB18030: through ICU's GB18030 codec where Qt has one (Debian), else, on Windows
//   builds without ICU, the system ANSI code page (QStringConverter::System), which on a Chinese
//   Windows is that encoding. Bytes that do not decode there either are refused.
// A NUL byte outside UTF-16 means a binary file (a saved .xlsx, say): refused with a clear message.
// Line ends are left as they are; the CSV readers accept CRLF and LF.

#include "result.h"

#include <QByteArray>
#include <QString>

namespace md {

struct DecodedText
{
    QString text;
    QString encoding; // "UTF-8", "UTF-16", "GB18030"
};

// Error code "9002" with a detail a desk user can act on.
Result<DecodedText> decodeDeskText(const QByteArray &bytes);

} // namespace md
