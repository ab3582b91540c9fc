// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the staff read when the embedded listener cannot start: our own translated words for each
// socket error (the listener reports QAbstractSocket::SocketError as code "socket-<n>"), never the
// system's half-translated text, and what to do about it.

#include "core/result.h"
#include "core/settings.h"

#include <QCoreApplication>

namespace md {

class ListenerErrors
{
    Q_DECLARE_TR_FUNCTIONS(md::ListenerErrors)
public:
    // One sentence: what happened (e.g. "Port 8080 is already used by another program.").
    static QString describe(const Error &error, const ListenerSettings &listener);
    // What to do, in plain words (pick another port, tell the platform the new address).
    static QString advice(const Error &error, const ListenerSettings &listener);
    static bool isPortTaken(const Error &error);
};

} // namespace md
