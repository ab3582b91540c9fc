// SPDX-License-Identifier: GPL-3.0-or-later
#include "meterdetaildata.h"

namespace md {

QStringList MeterDetailData::activeAlarmTypes() const
{
    QStringList types;
    for (const auto &a : alarms)
        if (a.active && !types.contains(a.alarmType))
            types.append(a.alarmType);
    return types;
}

MeterDetailData loadMeterDetail(const Store &store, const QString &meterNo, qint64 now)
{
    MeterDetailData d;
    d.meterNo = meterNo;
    auto note = [&d](const Error &e) {
        if (d.error.isEmpty())
            d.error = e.detail.isEmpty() ? e.code : e.detail;
    };
    if (auto r = store.meterSummary(meterNo); r.ok())
        d.summary = *r;
    else
        note(r.error());
    if (auto r = store.readings(meterNo, 0, now + 2 * 86400); r.ok())
        d.readings = std::move(r.value());
    else
        note(r.error());
    AlarmFilter af;
    af.activeOnly = false;
    af.meterNo = meterNo;
    af.limit = 1000;
    if (auto r = store.alarms(af); r.ok()) {
        d.alarms = std::move(r.value());
        std::stable_sort(d.alarms.begin(), d.alarms.end(),
                         [](const AlarmRow &a, const AlarmRow &b) { return a.openedAt > b.openedAt; });
    } else {
        note(r.error());
    }
    CommandFilter cf;
    cf.meterNo = meterNo;
    cf.limit = 500;
    if (auto r = store.commands(cf); r.ok())
        d.commands = std::move(r.value().rows);
    else
        note(r.error());
    if (auto r = store.rechargeLedger(meterNo); r.ok())
        d.ledger = std::move(r.value());
    else
        note(r.error());
    if (auto r = store.parameterHistory(meterNo, 50); r.ok())
        d.parameters = std::move(r.value());
    else
        note(r.error());
    return d;
}

} // namespace md
