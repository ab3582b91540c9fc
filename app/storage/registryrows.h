// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Row mapping of the meters table for the registry's lists.

#include "connection.h"
#include "registryreader.h"

#include <QSqlQuery>

namespace md {

// Selected from "meters" (its per-meter latest columns), in registryFromRow's order.
inline constexpr const char *registryColumns =
    "id, meter_no, user_no, user_name, addr_des, meter_type, last_upload_at, last_reading, valve_status, balance, "
    "cell_voltage, signal, active_alarms, critical_alarms";

inline RegistryRow registryFromRow(const QSqlQuery &q)
{
    RegistryRow r;
    r.meterId = q.value(0).toLongLong();
    r.meterNo = q.value(1).toString();
    r.userNo = q.value(2).toString();
    r.userName = q.value(3).toString();
    r.addrDes = q.value(4).toString();
    r.meterType = q.value(5).toString();
    r.lastUploadAt = q.value(6).toLongLong();
    r.lastReading = unitsOrNull<Volume>(q.value(7));
    r.valveStatus = q.value(8).toString();
    r.balance = unitsOrNull<Money>(q.value(9));
    r.cellVoltage = q.value(10).toString();
    r.signalStrength = q.value(11).toString();
    r.activeAlarmCount = q.value(12).toInt();
    r.hasCriticalAlarm = q.value(13).toInt() > 0;
    return r;
}

} // namespace md
