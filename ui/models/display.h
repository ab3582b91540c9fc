// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How values look on screen and in display exports: yuan with 2 decimals, m3 with 3, instants as
// "yyyy-MM-dd HH:mm:ss" in the platform zone, valve states in words and colour.

#include "core/fixeddecimal.h"
#include "core/timeformat.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <optional>

namespace md::display {

QString dateTime(const PlatformTime &time, qint64 epochSeconds); // empty for 0
QString dateTimeMs(const PlatformTime &time, qint64 epochMs);
QString volume(const std::optional<Volume> &v);  // "123.456"
QString money(const std::optional<Money> &m);    // "12.30"
QString valveName(const QString &valveStatus);   // "Open", "Closed", ...
// "Closed (arrears, alarm 3001)": the valve in words with the reason an active alarm gives.
QString valveDescription(const QString &valveStatus, const QStringList &activeAlarmTypes);
QColor valveColour(const QString &valveStatus);
QString battery(const QString &cellVoltage);     // "3.6 V"
QString alarmReason(const QString &alarmType);   // short lower-case reason for a valve-closing alarm
QColor criticalBackground();
QColor criticalForeground();
QColor warningBackground();

} // namespace md::display
