// SPDX-License-Identifier: GPL-3.0-or-later
#include "display.h"

#include "core/dictionary.h"

#include <QCoreApplication>

namespace md::display {

QString dateTime(const PlatformTime &time, qint64 epochSeconds)
{
    return epochSeconds > 0 ? time.formatDateTime(epochSeconds) : QString();
}

QString dateTimeMs(const PlatformTime &time, qint64 epochMs)
{
    if (epochMs <= 0)
        return {};
    return time.formatDateTime(epochMs / 1000) + QStringLiteral(".%1").arg(epochMs % 1000, 3, 10, QLatin1Char('0'));
}

QString volume(const std::optional<Volume> &v)
{
    return v ? v->format(3) : QString();
}

QString money(const std::optional<Money> &m)
{
    return m ? m->format(2) : QString();
}

QString valveName(const QString &valveStatus)
{
    if (valveStatus.isEmpty())
        return {};
    return Dictionary::displayName(Dictionary::valveStatuses(), valveStatus);
}

QString alarmReason(const QString &alarmType)
{
    if (alarmType == u"1001")
        return QCoreApplication::translate("md::display", "communication failure");
    if (alarmType == u"1002")
        return QCoreApplication::translate("md::display", "gas leak");
    if (alarmType == u"1009")
        return QCoreApplication::translate("md::display", "battery failure");
    if (alarmType == u"2001")
        return QCoreApplication::translate("md::display", "forced close");
    if (alarmType == u"3001")
        return QCoreApplication::translate("md::display", "arrears");
    return Dictionary::alarmDisplayName(alarmType);
}

QString valveDescription(const QString &valveStatus, const QStringList &activeAlarmTypes)
{
    const QString name = valveName(valveStatus);
    if (valveStatus == u"0" || valveStatus == u"3" || valveStatus.isEmpty())
        return name;
    // Closed or abnormal: name the valve-closing alarm that explains it, the critical one first.
    QString reasonType;
    for (const QString &t : activeAlarmTypes) {
        const auto *info = Dictionary::alarmType(t);
        if (!info || !info->closesValve)
            continue;
        if (reasonType.isEmpty() || info->severity == Severity::Critical)
            reasonType = t;
    }
    if (reasonType.isEmpty())
        return name;
    return QCoreApplication::translate("md::display", "%1 (%2, alarm %3)").arg(name, alarmReason(reasonType), reasonType);
}

QColor valveColour(const QString &valveStatus)
{
    if (valveStatus == u"0")
        return QColor(0x1b, 0x7f, 0x3a); // green: gas flows
    if (valveStatus == u"1" || valveStatus == u"4")
        return QColor(0xb3, 0x26, 0x1e); // red: closed
    if (valveStatus == u"2")
        return QColor(0xc2, 0x6a, 0x00); // orange: abnormal
    return QColor(0x55, 0x55, 0x55);
}

QString battery(const QString &cellVoltage)
{
    return cellVoltage.isEmpty() ? QString() : QCoreApplication::translate("md::display", "%1 V").arg(cellVoltage);
}

QColor criticalBackground()
{
    return QColor(0xd3, 0x2f, 0x2f);
}

QColor criticalForeground()
{
    return QColor(Qt::white);
}

QColor warningBackground()
{
    return QColor(0xff, 0xf3, 0xcd);
}

} // namespace md::display
