// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated meter: the consumption profile is monotonic, plausible across seasons, weekdays and
// hours, independent of how the meter is stepped; billing, alarms and the recharge ledger behave.

#include "meterworld.h"
#include "simulatedmeter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace md;
using namespace md::sim;

namespace {
const PlatformTime kTime("Asia/Shanghai");

qint64 epochOf(QDate d, int hour = 0)
{
    return kTime.startOfDay(d) + hour * 3600;
}

// Litres one meter uses on a local day (sum of its 24 hours).
qint64 dayLitres(quint32 seed, int base, QDate d)
{
    qint64 sum = 0;
    for (int h = 0; h < 24; ++h)
        sum += Profile::litresInHour(seed, base, d, h);
    return sum;
}
} // namespace

class TestSimMeter : public QObject
{
    Q_OBJECT
private slots:
    void seasonsArePlausible_data();
    void seasonsArePlausible();
    void winterAboveSummer();
    void peaksAboveNight();
    void readingMonotonicAndStepIndependent_data();
    void readingMonotonicAndStepIndependent();
    void arrearsClosesValveAndRechargeCreditsOnce();
    void ladderPriceAndBilling();
    void registryCsvRoundTrip();
};

void TestSimMeter::seasonsArePlausible_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<qint64>("minAvgLitres"); // average per household and day over 200 meters
    QTest::addColumn<qint64>("maxAvgLitres");
    QTest::newRow("january") << QDate(2026, 1, 5) << qint64(900) << qint64(2200);
    QTest::newRow("april") << QDate(2026, 4, 6) << qint64(550) << qint64(1350);
    QTest::newRow("july") << QDate(2026, 7, 6) << qint64(350) << qint64(950);
    QTest::newRow("october") << QDate(2026, 10, 5) << qint64(500) << qint64(1300);
    QTest::newRow("december") << QDate(2025, 12, 1) << qint64(850) << qint64(2100);
}

void TestSimMeter::seasonsArePlausible()
{
    QFETCH(QDate, from);
    QFETCH(qint64, minAvgLitres);
    QFETCH(qint64, maxAvgLitres);
    qint64 total = 0;
    int days = 0;
    for (int m = 1; m <= 200; ++m) {
        const quint32 seed = seedFor(QStringLiteral("SIM%1").arg(m, 6, 10, QLatin1Char('0')));
        SimulatedMeter meter({}, seed, epochOf(from), kTime);
        for (int d = 0; d < 14; ++d) {
            const qint64 litres = dayLitres(seed, meter.baseLitresPerDay, from.addDays(d));
            QVERIFY2(litres >= 0 && litres < 8000, qPrintable(QString::number(litres))); // < 8 m3 a day
            total += litres;
            ++days;
        }
    }
    const qint64 avg = total / days;
    QVERIFY2(avg >= minAvgLitres && avg <= maxAvgLitres,
             qPrintable(QStringLiteral("average %1 litres/day").arg(avg)));
}

void TestSimMeter::winterAboveSummer()
{
    qint64 winter = 0, summer = 0;
    for (quint32 seed = 1; seed <= 100; ++seed) {
        for (int d = 0; d < 28; ++d) {
            winter += dayLitres(seed * 7919, 800, QDate(2026, 1, 1).addDays(d));
            summer += dayLitres(seed * 7919, 800, QDate(2026, 7, 1).addDays(d));
        }
    }
    QVERIFY2(winter > summer * 18 / 10, qPrintable(QStringLiteral("%1 vs %2").arg(winter).arg(summer)));
}

void TestSimMeter::peaksAboveNight()
{
    // Weekdays: 07-08 and 18-19 well above 02-03; weekends: the morning peak comes later.
    qint64 night = 0, morning = 0, evening = 0, weekendEarly = 0, weekdayEarly = 0;
    for (quint32 seed = 1; seed <= 200; ++seed) {
        const QDate monday(2026, 3, 2), saturday(2026, 3, 7);
        night += Profile::litresInHour(seed, 1000, monday, 2);
        morning += Profile::litresInHour(seed, 1000, monday, 7);
        evening += Profile::litresInHour(seed, 1000, monday, 18);
        weekdayEarly += Profile::litresInHour(seed, 1000, monday, 6);
        weekendEarly += Profile::litresInHour(seed, 1000, saturday, 6);
    }
    QVERIFY(morning > night * 10);
    QVERIFY(evening > night * 10);
    QVERIFY(evening > morning);
    QVERIFY(weekdayEarly > weekendEarly);
}

void TestSimMeter::readingMonotonicAndStepIndependent_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<int>("stepSeconds");
    QTest::newRow("winter, 7 min steps") << QDate(2026, 1, 10) << 420;
    QTest::newRow("summer, odd steps") << QDate(2026, 7, 10) << 1234;
    QTest::newRow("new year crossing, 1 h") << QDate(2025, 12, 28) << 3600;
    QTest::newRow("spring, 5 h steps") << QDate(2026, 4, 1) << 18000;
}

void TestSimMeter::readingMonotonicAndStepIndependent()
{
    QFETCH(QDate, from);
    QFETCH(int, stepSeconds);
    const qint64 start = epochOf(from) + 1234;
    const qint64 end = start + 9 * 86400;
    SimulatedMeter stepped(MeterIdentity{}, 42, start, kTime);
    SimulatedMeter once(MeterIdentity{}, 42, start, kTime);
    stepped.autoTopUp = once.autoTopUp = true;
    Volume last = stepped.reading;
    for (qint64 t = start; t < end; t += stepSeconds) {
        stepped.advanceTo(qMin(t + stepSeconds, end), kTime);
        QVERIFY(stepped.reading >= last);
        last = stepped.reading;
    }
    once.advanceTo(end, kTime);
    QCOMPARE(stepped.reading.units(), once.reading.units());
    QVERIFY(once.reading > Volume::fromUnits(once.reading.units() - 1)); // non-trivial
    QVERIFY(once.reading.units() - SimulatedMeter(MeterIdentity{}, 42, start, kTime).reading.units() > 1000);
    // Daily points: one per local midnight, readings non-decreasing.
    const QList<ReadingPoint> &daily = once.daily();
    QCOMPARE(daily.size(), 9);
    for (qsizetype i = 1; i < daily.size(); ++i) {
        QCOMPARE(daily[i].at - daily[i - 1].at, qint64(86400));
        QVERIFY(daily[i].reading >= daily[i - 1].reading);
    }
}

void TestSimMeter::arrearsClosesValveAndRechargeCreditsOnce()
{
    const qint64 start = epochOf(QDate(2026, 1, 5));
    MeterIdentity id;
    id.meterNo = QStringLiteral("A1");
    SimulatedMeter m(id, 7, start, kTime);
    m.balance = Money::fromUnits(200000); // 20 yuan: a few days of winter cooking
    QList<AlarmChange> all;
    for (int d = 1; d <= 30; ++d)
        all += m.advanceTo(start + d * 86400, kTime);
    QVERIFY(m.activeAlarms.contains(QStringLiteral("3001")));
    QCOMPARE(m.valve, QStringLiteral("1"));
    QVERIFY(m.balance <= Money());
    QVERIFY(std::any_of(all.cbegin(), all.cend(),
                        [](const AlarmChange &c) { return c.type == u"3003" && c.raised; }));
    // Closed valve: no more gas.
    const Volume frozen = m.reading;
    m.advanceTo(start + 31 * 86400, kTime);
    QCOMPARE(m.reading.units(), frozen.units());
    // Opening is refused while in arrears.
    QList<AlarmChange> changes;
    QVERIFY(!m.operateValve(QStringLiteral("0"), start, &changes));
    // A recharge credits once per tradeNo.
    QVERIFY(m.credit(QStringLiteral("R1"), Money::fromUnits(1000000), std::nullopt));
    const Money after = m.balance;
    QVERIFY(!m.credit(QStringLiteral("R1"), Money::fromUnits(1000000), std::nullopt));
    QCOMPARE(m.balance, after);
    QCOMPARE(m.rechargeCount, qint64(1));
    changes = m.refreshAlarms(start + 31 * 86400);
    QVERIFY(!m.activeAlarms.contains(QStringLiteral("3001")));
    QVERIFY(m.operateValve(QStringLiteral("0"), start, &changes));
    QCOMPARE(m.valve, QStringLiteral("0"));
    // Cancelling takes the money back, once.
    QVERIFY(m.cancelCredit(QStringLiteral("R1")));
    QVERIFY(!m.cancelCredit(QStringLiteral("R1")));
    QCOMPARE(m.balance, after - Money::fromUnits(1000000));
}

void TestSimMeter::ladderPriceAndBilling()
{
    Tariff t = defaultTariff();
    QCOMPARE(t.priceFor(Volume::fromUnits(0)).units(), qint64(24800));
    QCOMPARE(t.priceFor(Volume::fromUnits(359999)).units(), qint64(24800));
    QCOMPARE(t.priceFor(Volume::fromUnits(360000)).units(), qint64(29800));
    QCOMPARE(t.priceFor(Volume::fromUnits(700000)).units(), qint64(37200));
    // Billing: the money taken equals the gas used times the price (single price, exact integers).
    const qint64 start = epochOf(QDate(2026, 2, 2));
    SimulatedMeter m(MeterIdentity{}, 99, start, kTime);
    m.tariff.ladderNum = 1;
    m.tariff.prices[0] = Money::fromUnits(30000);
    m.balance = Money::fromUnits(100000000);
    const Volume r0 = m.reading;
    const Money b0 = m.balance;
    m.advanceTo(start + 10 * 86400, kTime);
    const qint64 litres = m.reading.units() - r0.units();
    QCOMPARE((b0 - m.balance).units(), litres * 30000 / 1000);
    QCOMPARE(m.totalUse, b0 - m.balance);
}

void TestSimMeter::registryCsvRoundTrip()
{
    QTemporaryDir dir;
    MeterWorld world(kTime);
    MeterIdentity id;
    id.meterNo = QStringLiteral("510100000001");
    id.userNo = QStringLiteral("CD1");
    id.userName = QStringLiteral("王芳");
    id.addrDes = QStringLiteral("成都市武侯区人民南路四段12号, 3栋 \"东\"");
    world.add(id, 0);
    world.generate(2, 0);
    const QString path = dir.filePath(QStringLiteral("meters.csv"));
    QVERIFY(world.writeCsv(path).ok());
    MeterWorld again(kTime);
    const auto n = again.loadCsv(path, 0);
    QVERIFY(n.ok());
    QCOMPARE(*n, 3);
    QCOMPARE(again.find(id.meterNo)->id.addrDes, id.addrDes);
    QCOMPARE(again.find(id.meterNo)->id.userName, id.userName);
    QCOMPARE(again.find(QStringLiteral("SIM000002"))->id.meterType, QStringLiteral("QC-G4"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readLine().trimmed(), QByteArray("meterNo,meterType,userNo,addrDes,factoryCode,userName"));
}

QTEST_GUILESS_MAIN(TestSimMeter)
#include "tst_sim_meter.moc"
