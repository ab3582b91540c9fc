// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an accepted command does to the simulated meter, and the result upload that follows it
// (after the configured delay, as a meter that wakes up later): valveOperate -> openVResult /
// closeVResult, recharge -> rechargeUp, cancelRecharge -> cancelRechargeUp (at once, spec 7.5),
// changeprice -> chargePriceResult, getParameter -> parameterUp, dataSupplement ->
// meterDataSupplement. updatePriceAndBalance, setParameter and meterInfo change state only.

#include "core/result.h"
#include "protocol/record.h"

#include <QObject>

#include <functional>

namespace md::sim {

class Faults;
class MeterWorld;
class UploadPoster;
class SimulatedMeter;
struct AlarmChange;

class CommandEffects : public QObject
{
    Q_OBJECT
public:
    CommandEffects(MeterWorld *world, Faults *faults, UploadPoster *poster, QObject *parent = nullptr);

    void setResultDelayMs(int ms) { m_resultDelayMs = ms; }
    int resultDelayMs() const { return m_resultDelayMs; }

    // Applies a command that passed the catalogue and the business rules. Errors: 1003 (meterInfo
    // modify/remove of an unknown meter), 9002 (dataSupplement range reversed or too long).
    Result<void> apply(const QString &name, const Record &record, qint64 now);

    // Posts alarm raise/cancel uploads (one sendAlarm per meter and batch of changes).
    void postAlarms(const SimulatedMeter &meter, const QList<AlarmChange> &changes);

private:
    // Runs `work` on the meter after `delayMs`, if it still exists then.
    void later(const QString &meterNo, int delayMs, std::function<void(SimulatedMeter &, qint64 now)> work);
    QString resultCode();

    MeterWorld *m_world;
    Faults *m_faults;
    UploadPoster *m_poster;
    int m_resultDelayMs = 2000;
};

} // namespace md::sim
