// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedmeter.h"

#include "scenarios.h"

namespace md::sim {

namespace {

// A small integer hash (splitmix64 finaliser): the profile must be reproducible per meter and hour.
quint32 mix(quint64 a, quint64 b, quint64 c)
{
    quint64 z = a * 0x9E3779B97F4A7C15ull ^ (b + 0xBF58476D1CE4E5B9ull) ^ (c << 32);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return quint32((z ^ (z >> 31)) & 0xFFFFFFFFu);
}

// Hour weights: breakfast 06-08, lunch 11-12, dinner 17-20; nights near zero.
constexpr int kWeekday[24] = {4,  2,  2,  2,  4,  15, 60,  95, 70, 35, 30, 55,
                              75, 40, 25, 25, 35, 80, 105, 90, 70, 45, 30, 15};
// Weekends: people sleep longer and cook more at midday.
constexpr int kWeekend[24] = {5,  3,  2,  2,  3,  6,  20,  50, 80, 70, 55, 75,
                              85, 50, 35, 35, 45, 85, 100, 85, 70, 50, 35, 20};
constexpr int sum(const int (&w)[24])
{
    int s = 0;
    for (int v : w)
        s += v;
    return s;
}
// Chengdu winters are damp and cold: hot water and wall-hung boilers double the winter use.
constexpr int kMonthPercent[12] = {165, 155, 125, 100, 85, 75, 70, 70, 78, 92, 120, 150};

constexpr int kMaxDaily = 400;

} // namespace

int Profile::monthPercent(int month)
{
    return (month >= 1 && month <= 12) ? kMonthPercent[month - 1] : 100;
}

qint64 Profile::litresInHour(quint32 seed, int baseLitresPerDay, QDate localDate, int localHour)
{
    if (!localDate.isValid() || localHour < 0 || localHour > 23)
        return 0;
    const bool weekend = localDate.dayOfWeek() >= 6;
    const int weight = weekend ? kWeekend[localHour] : kWeekday[localHour];
    const qint64 weightSum = weekend ? sum(kWeekend) : sum(kWeekday);
    const qint64 day = localDate.toJulianDay();
    const quint32 dayHash = mix(seed, quint64(day), 1);
    int dayPercent = 60 + int(dayHash % 81); // 60..140
    if (dayHash % 97 < 4)
        dayPercent = 8;                                                                     // away from home
    const int jitter = 70 + int(mix(seed, quint64(day) * 24 + quint64(localHour), 2) % 61); // 70..130
    const qint64 num = qint64(baseLitresPerDay) * monthPercent(localDate.month()) * dayPercent * jitter *
                       weight * (weekend ? 115 : 100);
    const qint64 den = weightSum * 100LL * 100 * 100 * 100;
    return (num + den / 2) / den;
}

Money Tariff::priceFor(Volume usedInCycle) const
{
    const int n = qBound(1, ladderNum, 5);
    for (int i = 0; i < n - 1; ++i) {
        if (usedInCycle < levels[i])
            return prices[i];
    }
    return prices[n - 1];
}

Tariff defaultTariff()
{
    Tariff t;
    t.ladderNum = 3;
    t.prices[0] = Money::fromUnits(24800); // 2.48 yuan/m3 up to 360 m3 a year
    t.prices[1] = Money::fromUnits(29800); // 2.98 up to 600 m3
    t.prices[2] = Money::fromUnits(37200); // 3.72 above
    t.levels[0] = Volume::fromUnits(360000);
    t.levels[1] = Volume::fromUnits(600000);
    t.priceName = QStringLiteral("居民阶梯气价");
    t.priceVersion = QStringLiteral("2024-01");
    t.effectiveDate = QDate(2024, 1, 1);
    return t;
}

QMap<QString, QString> defaultParameters()
{
    return {{QStringLiteral("ip"), QStringLiteral("10.20.30.40")},
            {QStringLiteral("port"), QStringLiteral("5683")},
            {QStringLiteral("upCycle"), QStringLiteral("0")},
            {QStringLiteral("upDay"), QStringLiteral("1")},
            {QStringLiteral("noUseDay"), QStringLiteral("30")},
            {QStringLiteral("alarmOne"), QStringLiteral("50")},
            {QStringLiteral("alarmTwo"), QStringLiteral("10")},
            {QStringLiteral("overdraft"), QStringLiteral("0")}};
}

SimulatedMeter::SimulatedMeter(MeterIdentity identity, quint32 seedValue, qint64 originEpoch,
                               const PlatformTime &time)
    : id(std::move(identity)), seed(seedValue ? seedValue : 1)
{
    baseLitresPerDay = 450 + int(mix(seed, 7, 3) % 900); // 0.45 .. 1.35 m3 a day on average
    reading = Volume::fromUnits(qint64(mix(seed, 8, 3) % 2000) * 1000);
    readingAt = originEpoch;
    tariff = defaultTariff();
    parameters = defaultParameters();
    batteryMillivolts = 3450 + int(mix(seed, 9, 3) % 200);
    const QDate d = time.dateOf(originEpoch);
    cycleStart = QDate(d.year(), 1, 1);
}

Money SimulatedMeter::paramMoney(const QString &key, Money fallback) const
{
    const auto v = Money::parse(parameters.value(key));
    return v ? *v : fallback;
}

qint64 SimulatedMeter::countedLitres(qint64 litres, qint64 at) const
{
    if (!faultyAt(at))
        return litres;
    switch (scenario) {
    case Scenario::Stuck:
        return 0; // the counter no longer turns: nothing counted, nothing billed
    case Scenario::Backwards:
        return -litres;
    default:
        return litres;
    }
}

void SimulatedMeter::consume(qint64 litres)
{
    if (litres < 0) { // a counter running backwards bills nothing
        reading += Volume::fromUnits(litres);
        return;
    }
    if (litres == 0)
        return;
    const Money price = currentPrice();
    reading += Volume::fromUnits(litres);
    ladderUsed += Volume::fromUnits(litres);
    // price is per m3 (1000 litres): cost units = price units * litres / 1000, carrying the remainder.
    m_costRemainder += price.units() * litres;
    const Money cost = Money::fromUnits(m_costRemainder / 1000);
    m_costRemainder %= 1000;
    balance = balance - cost;
    totalUse += cost;
}

QList<AlarmChange> SimulatedMeter::advanceTo(qint64 epoch, const PlatformTime &time)
{
    QList<AlarmChange> changes;
    if (epoch <= readingAt)
        return changes;
    const Thresholds limits = thresholds(); // parsed once, not once per hour
    qint64 t = readingAt;
    QDate date = time.dateOf(t);
    qint64 dayStart = time.startOfDay(date);
    while (t < epoch) {
        if (t >= dayStart + 86400) { // the zone's calendar only once a day
            date = time.dateOf(t);
            dayStart = time.startOfDay(date);
        }
        const int hour = int(qBound(qint64(0), (t - dayStart) / 3600, qint64(23)));
        const qint64 hourStart = dayStart + hour * 3600;
        const qint64 hourEnd = hourStart + 3600;
        const qint64 segEnd = qMin(hourEnd, epoch);
        qint64 litres =
            valve == QLatin1String("0") ? Profile::litresInHour(seed, baseLitresPerDay, date, hour) : 0;
        if (valve == QLatin1String("0") && scenario == Scenario::NightLeak && faultyAt(hourStart))
            litres += kLeakLitresPerHour;
        litres = countedLitres(litres, hourStart);
        // Telescoping floors: the total does not depend on how the hour is cut into segments.
        consume(litres * (segEnd - hourStart) / 3600 - litres * (t - hourStart) / 3600);
        t = segEnd;
        readingAt = t;
        if (leakAt > 0 && t >= leakAt) { // the demo's leak: detected when it happens, not on the hour
            leakAt = 0;
            raise(QStringLiteral("1002"), true, t, &changes);
        }
        if (t != hourEnd)
            break;
        if (mix(seed, quint64(t / 3600), 77) % 4000000u == 0) {
            raise(QStringLiteral("1002"), true, t, &changes); // rarely, a real leak
        }
        if (hour == 23) {
            const QDate next = date.addDays(1);
            if (next.dayOfYear() % 4 == 0)
                --batteryMillivolts;
            if (scenario == Scenario::BatteryFall && faultyAt(t))
                batteryMillivolts -= kBatteryFallPerDay;
            if (pendingTariff && pendingTariff->effectiveDate <= next) {
                tariff = *pendingTariff;
                pendingTariff.reset();
            }
            if (next.month() == cycleStart.month() && next.day() == cycleStart.day()) {
                ladderUsed = Volume();
                cycleStart = next;
            }
            m_daily.append(current());
            if (m_daily.size() > kMaxDaily)
                m_daily.removeFirst();
        }
        m_hourly.append(current());
        if (m_hourly.size() > hourlyLimit)
            m_hourly.removeFirst();
        checkAlarms(t, limits, &changes);
    }
    if (readingAt < epoch)
        readingAt = epoch;
    checkAlarms(epoch, limits, &changes);
    return changes;
}

SimulatedMeter::Thresholds SimulatedMeter::thresholds() const
{
    return Thresholds{paramMoney(QStringLiteral("alarmOne"), Money::fromUnits(500000)),
                      paramMoney(QStringLiteral("alarmTwo"), Money::fromUnits(100000)),
                      paramMoney(QStringLiteral("overdraft"), Money())};
}

QList<AlarmChange> SimulatedMeter::refreshAlarms(qint64 at)
{
    QList<AlarmChange> changes;
    checkAlarms(at, thresholds(), &changes);
    return changes;
}

void SimulatedMeter::raise(const QString &type, bool on, qint64 at, QList<AlarmChange> *changes)
{
    if (activeAlarms.contains(type) == on)
        return;
    if (on)
        activeAlarms.insert(type);
    else
        activeAlarms.remove(type);
    if (on && (type == QLatin1String("1002") || type == QLatin1String("3001")))
        valve = QStringLiteral("1"); // both close the valve
    changes->append(AlarmChange{type, on, at});
}

void SimulatedMeter::checkAlarms(qint64 at, const Thresholds &limits, QList<AlarmChange> *changes)
{
    // Most households pay at the counter once the low-balance reminder comes; one in eight waits
    // for the second reminder. 200..500 yuan, outside our platform's ledger.
    if (autoTopUp && balance <= (seed % 8 == 0 ? limits.two : limits.one)) {
        const Money amount = Money::fromUnits(qint64(200 + mix(seed, quint64(at), 5) % 301) * 10000);
        balance += amount;
        totalRechargeAmt += amount;
        ++rechargeCount;
    }
    const bool arrears = balance <= -limits.overdraft;
    const bool low2 = !arrears && balance <= limits.two;
    const bool low1 = balance <= limits.one && balance > limits.two;
    const bool battery = batteryMillivolts < 3300;
    const int bits = int(arrears) | int(low2) << 1 | int(low1) << 2 | int(battery) << 3;
    if (bits == m_alarmBits)
        return; // nothing changed: the common case, hour after hour
    m_alarmBits = bits;
    raise(QStringLiteral("3001"), arrears, at, changes);
    raise(QStringLiteral("3003"), low2, at, changes);
    raise(QStringLiteral("3002"), low1, at, changes);
    raise(QStringLiteral("4001"), battery, at, changes);
}

bool SimulatedMeter::credit(const QString &tradeNo, Money amount, std::optional<Volume> quantity)
{
    if (tradeNos.contains(tradeNo))
        return false;
    tradeNos.insert(tradeNo, amount);
    balance += amount;
    if (scenario == Scenario::MissedRecharge && faultyAt(readingAt))
        return true; // credited, but the meter's totals do not count it
    totalRechargeAmt += amount;
    if (quantity)
        totalRechargeQty += *quantity;
    ++rechargeCount;
    return true;
}

bool SimulatedMeter::cancelCredit(const QString &tradeNo)
{
    if (!tradeNos.contains(tradeNo) || cancelledTrades.contains(tradeNo))
        return false;
    const Money amount = tradeNos.value(tradeNo);
    cancelledTrades.insert(tradeNo);
    balance = balance - amount;
    totalRechargeAmt = totalRechargeAmt - amount;
    return true;
}

bool SimulatedMeter::operateValve(const QString &operation, qint64 at, QList<AlarmChange> *changes)
{
    if (operation == QLatin1String("0")) {
        if (balance <= -paramMoney(QStringLiteral("overdraft"), Money()))
            return false; // a prepaid meter in arrears refuses to open
        if (activeAlarms.contains(QStringLiteral("1002")))
            raise(QStringLiteral("1002"), false, at, changes); // opened after the repair
        valve = QStringLiteral("0");
        return true;
    }
    valve = operation == QLatin1String("2") ? QStringLiteral("4") : QStringLiteral("1");
    return true;
}

QList<ReadingPoint> SimulatedMeter::takeHourly()
{
    QList<ReadingPoint> out;
    out.swap(m_hourly);
    return out;
}

ReadingPoint SimulatedMeter::current() const
{
    return ReadingPoint{readingAt, reading, balance, totalUse, currentPrice(), ladderUsed, batteryMillivolts};
}

} // namespace md::sim
