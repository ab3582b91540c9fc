// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who works at this desk: the computer account (USERNAME on Windows, USER elsewhere) and an optional
// display name from the desk's settings. Both are recorded: commands, acknowledgements, exports and
// prints store recorded(), "王班长 (wangbz)" or just "wangbz", so the name on a receipt can always be
// traced back to the account that was logged in.

#include <QString>

namespace md {

struct OperatorIdentity
{
    QString login;       // the account; never empty (falls back to the home folder's name)
    QString displayName; // from settings (ui/operator); may be empty

    static OperatorIdentity current(const QString &displayName = {});
    static QString loginName(); // USERNAME / USER / the home folder's name

    // "display (login)", or login alone when there is no display name or it equals the login.
    QString recorded() const;
    // What the status bar and receipts show: the display name, else the login.
    QString shown() const { return displayName.isEmpty() ? login : displayName; }
};

} // namespace md
