// SPDX-License-Identifier: GPL-3.0-or-later
#include "operatoridentity.h"

#include <QDir>

namespace md {

QString OperatorIdentity::loginName()
{
    // Windows sets USERNAME, POSIX shells USER; a service or a bare environment may have neither.
    QString user = qEnvironmentVariable("USERNAME").trimmed();
    if (user.isEmpty())
        user = qEnvironmentVariable("USER").trimmed();
    if (user.isEmpty())
        user = QDir::home().dirName();
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

OperatorIdentity OperatorIdentity::current(const QString &displayName)
{
    return OperatorIdentity{loginName(), displayName.trimmed()};
}

QString OperatorIdentity::recorded() const
{
    if (displayName.isEmpty() || displayName == login)
        return login;
    return QStringLiteral("%1 (%2)").arg(displayName, login);
}

} // namespace md
