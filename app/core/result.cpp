// SPDX-License-Identifier: GPL-3.0-or-later
#include "result.h"

#include "dictionary.h"

namespace md {

QString Error::message() const
{
    QString text = Dictionary::returnCodeText(code);
    if (text.isEmpty())
        text = detail.isEmpty() ? code : detail;
    if (!path.isEmpty())
        text += QStringLiteral(": ") + path;
    return text;
}

} // namespace md
