// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A PDF report of one meter (QPdfWriter): summary, the reading and alarm timelines as the detail
// window draws them, alarms and recharges.

#include <QString>

namespace md {

class MeterDetailWindow;
class PlatformTime;

} // namespace md

namespace md::MeterReport {
// The window must be loaded (MeterDetailWindow::isLoaded()).
bool write(const MeterDetailWindow &window, const PlatformTime &time, const QString &path, QString *error = nullptr);
} // namespace md::MeterReport
