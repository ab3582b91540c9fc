// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One simulated gas meter: identity, state (valve, prepaid balance, tariff, parameters, cumulative
// reading, recharge ledger, alarms) and the household consumption profile that moves it forward in
// time. All quantities are integers: Volume units are litres (0.001 m3), Money units 0.0001 yuan.
// The profile is a pure function of (meter seed, hour), so a reading does not depend on how often
// the meter is advanced.

#include "core/fixeddecimal.h"
#include "core/timeformat.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace md::sim {

struct MeterIdentity
{
    QString meterNo;
    QString meterType = QStringLiteral("QC-G4");
    QString factoryCode = QStringLiteral("QC");
    QString userNo;
    QString userName;
    QString addrDes;
};

struct Tariff
{
    int ladderNum = 1;
    Money prices[5];  // price0..price4, yuan per m3
    Volume levels[4]; // level1..level4: the upper bound of ladder 1..4 in the billing cycle
    QString priceName;
    QString priceVersion;
    QDate effectiveDate;
    Money priceFor(Volume usedInCycle) const;
};

struct AlarmChange
{
    QString type; // 1002, 3001, 3002, 3003, 4001 ...
    bool raised = true;
    qint64 at = 0; // epoch seconds
};

struct ReadingPoint
{
    qint64 at = 0;
    Volume reading;
    Money balance;
    Money totalUse;
    Money price;
    Volume ladderUsed;
    int batteryMillivolts = 0;
};

// A faulty meter (scenarios.h): what goes wrong from SimulatedMeter::scenarioFrom on.
enum class Scenario { None, NightLeak, Backwards, Stuck, BatteryFall, Silent, MissedRecharge };

} // namespace md::sim

// The consumption profile: litres used by a household in one clock hour. Integer arithmetic only.
namespace md::sim::Profile {
// Hour weights (morning and evening peaks; weekends flatter and later), month factors (winter
// higher), a per-day factor (some days away from home) and per-hour jitter, all from the seed.
qint64 litresInHour(quint32 seed, int baseLitresPerDay, QDate localDate, int localHour);
int monthPercent(int month);
} // namespace md::sim::Profile

namespace md::sim {

class SimulatedMeter
{
public:
    SimulatedMeter() = default;
    SimulatedMeter(MeterIdentity identity, quint32 seed, qint64 originEpoch, const PlatformTime &time);

    MeterIdentity id;
    quint32 seed = 1;
    int baseLitresPerDay = 800;

    // State
    QString valve = QStringLiteral("0");       // 0 open, 1 closed, 4 ordinary close
    Money balance = Money::fromUnits(2000000); // 200 yuan
    Money totalUse;
    Money totalRechargeAmt;
    Volume totalRechargeQty;
    qint64 rechargeCount = 0;
    QHash<QString, Money> tradeNos; // credited trades and their amounts: one tradeNo credits once
    QSet<QString> cancelledTrades;
    Tariff tariff;
    std::optional<Tariff> pendingTariff; // changeprice with a future effectiveDate
    qint64 priceChangeCount = 0;
    Volume ladderUsed;
    QDate cycleStart;
    QMap<QString, QString> parameters;
    Volume reading;
    qint64 readingAt = 0;
    int batteryMillivolts = 3600;
    QSet<QString> activeAlarms;
    bool autoTopUp = false; // history/demo: the household pays at the counter when the balance runs low
    qint64 leakAt = 0;      // demo: a gas leak is detected at this instant (0: never)
    Scenario scenario = Scenario::None;
    qint64 scenarioFrom = 0;
    int hourlyLimit = 48;   // hourly points kept between two takeHourly() calls
    bool faultyAt(qint64 at) const { return scenario != Scenario::None && at >= scenarioFrom; }
    bool silentAt(qint64 at) const { return scenario == Scenario::Silent && at >= scenarioFrom; }

    // Moves the meter to `epoch` (no-op when not later): consumes gas hour by hour with the valve
    // open, bills it at the ladder price, keeps one ReadingPoint per hour boundary (hourly) and per
    // local midnight (daily), and returns the alarms raised or cancelled on the way.
    QList<AlarmChange> advanceTo(qint64 epoch, const PlatformTime &time);
    // Re-evaluates the balance and battery alarms now (after a recharge or a parameter change).
    QList<AlarmChange> refreshAlarms(qint64 at);

    // Recharge with tradeNo: false when the trade was already credited (nothing changes then).
    bool credit(const QString &tradeNo, Money amount, std::optional<Volume> quantity);
    // Cancels a credited trade: false when unknown or already cancelled.
    bool cancelCredit(const QString &tradeNo);
    // Valve command; returns false (resultCode 01) when the meter refuses (opening in arrears).
    bool operateValve(const QString &operation, qint64 at, QList<AlarmChange> *changes);

    // Hourly points since the last call (at most 48), for meterDataUp.
    QList<ReadingPoint> takeHourly();
    const QList<ReadingPoint> &daily() const { return m_daily; }
    ReadingPoint current() const;
    Money currentPrice() const { return tariff.priceFor(ladderUsed); }
    Money paramMoney(const QString &key, Money fallback) const;

private:
    struct Thresholds
    {
        Money one, two, overdraft; // alarmOne, alarmTwo, overdraft parameters
    };
    Thresholds thresholds() const;
    void consume(qint64 litres);
    qint64 countedLitres(qint64 litres, qint64 at) const; // what the counter sees of `litres` (scenarios)
    void checkAlarms(qint64 at, const Thresholds &limits, QList<AlarmChange> *changes);
    void raise(const QString &type, bool on, qint64 at, QList<AlarmChange> *changes);
    int m_alarmBits = -1;       // last evaluated balance/battery alarm state (-1: never)
    qint64 m_costRemainder = 0; // sub-unit billing carry: price units * litres, mod 1000
    QList<ReadingPoint> m_hourly;
    QList<ReadingPoint> m_daily;
};

Tariff defaultTariff(); // Chengdu-style residential ladder: 3 tiers per year
QMap<QString, QString> defaultParameters();

} // namespace md::sim
