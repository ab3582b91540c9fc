// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A demo world for `meterdesk --demo` (until the simulator's world exists) and for the GUI tests:
// meters with Chinese names and addresses, a year of daily readings, alarms (one gas leak, arrears
// with closed valves, low batteries), commands and recharges. Written only through the store's API.
// Blocking: run it on a worker thread.

#include "core/result.h"
#include "core/timeformat.h"

#include <QString>

#include <functional>

namespace md {

class Store;

struct DemoOptions
{
    int meters = 300;
    int days = 365;          // daily readings per meter
    int recentDays = 14;     // the last days arrive as separate uploads (journal rows, uploads per day)
    qint64 now = 0;          // 0: the current time
    PlatformTime time = PlatformTime(); // the platform zone: reading days and times
    bool alarms = true;
    bool commands = true;
    quint32 seed = 20240601;
};

struct DemoSummary
{
    int meters = 0;
    qint64 readings = 0;
    int alarms = 0;
    int commands = 0;
    QString gasLeakMeter; // the meter with the active gas leak
};

QString demoMeterNo(int index); // 11 digits, stable: 31010000001, ...
Result<DemoSummary> generateDemoData(Store &store, const DemoOptions &options,
                                     const std::function<void(int done, int total)> &progress = {});

} // namespace md
