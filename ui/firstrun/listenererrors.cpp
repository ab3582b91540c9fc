// SPDX-License-Identifier: GPL-3.0-or-later
#include "listenererrors.h"

#include <QAbstractSocket>

namespace md {

namespace {
std::optional<QAbstractSocket::SocketError> socketError(const Error &e)
{
    if (!e.code.startsWith(QLatin1String("socket-")))
        return std::nullopt;
    bool ok = false;
    const int n = e.code.mid(7).toInt(&ok);
    return ok ? std::optional(QAbstractSocket::SocketError(n)) : std::nullopt;
}
} // namespace

bool ListenerErrors::isPortTaken(const Error &error)
{
    return socketError(error) == QAbstractSocket::AddressInUseError;
}

QString ListenerErrors::describe(const Error &error, const ListenerSettings &l)
{
    const auto s = socketError(error);
    if (!s) {
        // Our own checks (settings, TLS files) name the key; the detail is the check's English text.
        return tr("The listener settings are not usable (%1).").arg(error.path.isEmpty() ? error.detail : error.path);
    }
    switch (*s) {
    case QAbstractSocket::AddressInUseError:
        return tr("Port %1 is already used by another program on this computer.").arg(l.port);
    case QAbstractSocket::SocketAccessError:
        return tr("This computer does not allow MeterDesk to listen on port %1.").arg(l.port);
    case QAbstractSocket::SocketAddressNotAvailableError:
        return tr("The address %1 does not belong to this computer.").arg(l.host);
    case QAbstractSocket::SocketResourceError:
        return tr("The computer has no resources left to open the listener.");
    case QAbstractSocket::UnsupportedSocketOperationError:
        return tr("This computer does not support listening on %1.").arg(l.host);
    default:
        return tr("The listener could not start on %1:%2 (system error %3).").arg(l.host).arg(l.port).arg(int(*s));
    }
}

QString ListenerErrors::advice(const Error &error, const ListenerSettings &l)
{
    const auto s = socketError(error);
    const QString address = tr("http://<this computer's address>:<port>%1").arg(l.pathPrefix);
    if (s == QAbstractSocket::AddressInUseError)
        return tr("Choose another port in Settings > Listener (for example 8081), then tell the Qinchuan platform the "
                  "new address it must send uploads to: %1. Until then uploads from the platform do not arrive.")
            .arg(address);
    if (s == QAbstractSocket::SocketAccessError)
        return tr("Ports below 1024 need administrator rights: choose a port from 1024 to 65535 in Settings > Listener "
                  "and tell the Qinchuan platform the new address: %1.")
            .arg(address);
    if (s == QAbstractSocket::SocketAddressNotAvailableError)
        return tr("Set the listener's host to 0.0.0.0 (every network interface) in Settings > Listener.");
    return tr("Check Settings > Listener, then restart MeterDesk.");
}

} // namespace md
