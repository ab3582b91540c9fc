// SPDX-License-Identifier: GPL-3.0-or-later
// The insight rules on synthetic histories: each shape raises exactly its kind, a normal
// household raises nothing, and the evidence carries exact volumes.
#include "healthtesting.h"

#include "health/healthrules.h"

#include <QTest>

using namespace md;
using namespace md::testing;

class TestHealthRules : public QObject
{
    Q_OBJECT

private slots:
    void kinds_data();
    void kinds();
    void nightFlowEvidence();
    void batteryDaysLeft();
    void platformDaysNotDeskZone();
};

namespace {
const PlatformTime kTime;
}

void TestHealthRules::kinds_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("normal") << "normal" << QStringList{};
    QTest::newRow("night-flow") << "leak" << QStringList{"night-flow"};
    QTest::newRow("leak-two-nights-only") << "leak2" << QStringList{};
    QTest::newRow("backwards") << "backwards" << QStringList{"backwards"};
    QTest::newRow("stuck") << "stuck" << QStringList{"stuck"};
    QTest::newRow("stuck-valve-closed") << "stuck-closed" << QStringList{};
    QTest::newRow("stuck-no-balance") << "stuck-arrears" << QStringList{};
    QTest::newRow("battery") << "battery" << QStringList{"battery"};
    QTest::newRow("battery-flat") << "battery-flat" << QStringList{};
    QTest::newRow("silent") << "silent" << QStringList{"silent"};
    QTest::newRow("spike") << "spike" << QStringList{"spike"};
}

void TestHealthRules::kinds()
{
    QFETCH(QString, shape);
    QFETCH(QStringList, expected);
    const qint64 now = healthNow(kTime);
    MeterHistory m = meterHistory(QStringLiteral("M1"), now);
    HourUse use = household;
    if (shape.startsWith(u"leak")) {
        const int nights = shape == u"leak" ? 4 : 2;
        use = [nights](int day, int hour) { return household(day, hour) + (day < nights && hour >= 1 && hour < 5 ? 30 : 0); };
    } else if (shape == u"backwards") {
        use = [](int day, int hour) { return day == 5 && hour == 12 ? -50000 : household(day, hour); };
    } else if (shape.startsWith(u"stuck")) {
        use = [](int day, int hour) { return day < 5 ? 0 : household(day, hour); };
        if (shape == u"stuck-closed")
            m.valveStatus = QStringLiteral("1");
        if (shape == u"stuck-arrears")
            m.balanceUnits = -100;
    } else if (shape == u"spike") {
        use = [](int day, int hour) { return household(day, hour) * (day == 2 ? 5 : 1); };
    } else if (shape == u"silent") {
        m.lastUploadAt = now - 5 * 86400;
    }
    fillHourly(m, kTime, now, 40, use);
    if (shape == u"silent") { // nothing after its last upload
        while (!m.readingTime.isEmpty() && m.readingTime.last() > m.lastUploadAt) {
            m.readingTime.removeLast();
            m.readingUnits.removeLast();
        }
    }
    if (shape == u"battery")
        fillVoltage(m, kTime, now, 20, 3500, 8);
    else
        fillVoltage(m, kTime, now, 20, 3550, shape == u"battery-flat" ? 0 : 1);

    const HealthSettings s;
    const auto found = health::analyse(m, health::RuleContext{s, kTime, now});
    QStringList kinds;
    for (const HealthFinding &f : found)
        kinds << healthKindName(f.kind);
    QCOMPARE(kinds, expected);
}

void TestHealthRules::nightFlowEvidence()
{
    const qint64 now = healthNow(kTime);
    MeterHistory m = meterHistory(QStringLiteral("M1"), now);
    fillHourly(m, kTime, now, 10, [](int day, int hour) { return household(day, hour) + (day < 3 && hour >= 1 && hour < 5 ? 12 : 0); });
    QList<HealthFinding> out;
    const HealthSettings s;
    health::nightFlow(m, health::RuleContext{s, kTime, now}, out);
    QCOMPARE(out.size(), 1);
    const HealthFinding &f = out.first();
    QCOMPARE(f.value, 3 * 4 * 12); // three nights of four hours at 12 litres
    QCOMPARE(f.evidence.value("total").toString(), QStringLiteral("0.144"));
    const QJsonArray nights = f.evidence.value("nights").toArray();
    QCOMPARE(nights.size(), 3);
    QCOMPARE(nights.at(0).toObject().value("date").toString(), QStringLiteral("2026-11-28"));
    QCOMPARE(nights.at(2).toObject().value("minHour").toString(), QStringLiteral("0.012"));
    QCOMPARE(kTime.formatDateTime(f.start), QStringLiteral("2026-11-28 01:00:00"));
    QCOMPARE(kTime.formatDateTime(f.end), QStringLiteral("2026-11-30 05:00:00"));
}

void TestHealthRules::batteryDaysLeft()
{
    const qint64 now = healthNow(kTime);
    MeterHistory m = meterHistory(QStringLiteral("M1"), now);
    fillVoltage(m, kTime, now, 21, 3500, 5);
    // One absurd reading (taken while transmitting) must not move a robust fit.
    m.voltageMillivolts[10] = 2100;
    QList<HealthFinding> out;
    const HealthSettings s;
    health::battery(m, health::RuleContext{s, kTime, now}, out);
    QCOMPARE(out.size(), 1);
    // 3500 - 5 * 20 = 3400 yesterday at 08:00; 100 mV above 3300 at 5 mV a day: about 20 days.
    QVERIFY2(out.first().value >= 17 && out.first().value <= 21, qPrintable(QString::number(out.first().value)));
    QCOMPARE(out.first().evidence.value("lowMillivolts").toInt(), 3300);
}

void TestHealthRules::platformDaysNotDeskZone()
{
    // The desk's zone must not matter: nights are platform nights.
    qputenv("TZ", "America/Los_Angeles");
    const qint64 now = healthNow(kTime);
    MeterHistory m = meterHistory(QStringLiteral("M1"), now);
    fillHourly(m, kTime, now, 10, [](int day, int hour) { return household(day, hour) + (day < 4 && hour >= 1 && hour < 5 ? 30 : 0); });
    QList<HealthFinding> out;
    const HealthSettings s;
    health::nightFlow(m, health::RuleContext{s, kTime, now}, out);
    qunsetenv("TZ");
    QCOMPARE(out.size(), 1);
    QCOMPARE(kTime.formatDateTime(out.first().start).mid(11), QStringLiteral("01:00:00"));
}

QTEST_GUILESS_MAIN(TestHealthRules)
#include "tst_healthrules.moc"
