// SPDX-License-Identifier: GPL-3.0-or-later
// The desk's own clock zone (TZ) never decides a platform date. With the desk set far east and far
// west of the platform's UTC+8 (between Kiritimati, UTC+14, and Pago Pago, UTC-11, at every hour
// of the day one desk date differs from the platform's), the command forms default to the
// platform's today and now, the recharge request carries the platform's time, and the overview
// counts "today" in the platform zone.
#include "formsworld.h"

#include "core/timeformat.h"
#include "ui/forms/commanddialog.h"
#include "ui/models/consolecontext.h"
#include "ui/views/overviewview.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QToolButton>

#include <ctime>

using namespace md;

class TestPlatformZone : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void formsDefaultToPlatformDates_data() { deskZones(); }
    void formsDefaultToPlatformDates();
    void rechargeTimeIsPlatformNow_data() { deskZones(); }
    void rechargeTimeIsPlatformNow();
    void overviewTodayIsThePlatformDay_data() { deskZones(); }
    void overviewTodayIsThePlatformDay();

private:
    static void deskZones();
    static bool setDeskZone(const QByteArray &tz);
    PlatformTime platform() const { return PlatformTime(m_world.settings.platform.timeZone); }

    FormsWorld m_world;
    QByteArray m_savedTz;
    bool m_hadTz = false;
};

void TestPlatformZone::deskZones()
{
    QTest::addColumn<QByteArray>("tz");
    for (const char *tz : {"UTC", "Asia/Shanghai", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"})
        QTest::newRow(tz) << QByteArray(tz);
}

// Switches the zone the C library and Qt's local time use, and checks that it took effect (a desk
// zone that did not change would prove nothing).
bool TestPlatformZone::setDeskZone(const QByteArray &tz)
{
    qputenv("TZ", tz);
    tzset();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QDateTime::currentDateTime().offsetFromUtc() == QTimeZone(tz).offsetFromUtc(now);
}

void TestPlatformZone::initTestCase()
{
    m_hadTz = qEnvironmentVariableIsSet("TZ");
    m_savedTz = qgetenv("TZ");
    QVERIFY(m_world.setUp(3));
    QCOMPARE(platform().zoneId(), QByteArrayLiteral("Asia/Shanghai"));
}

void TestPlatformZone::cleanupTestCase()
{
    if (m_hadTz)
        qputenv("TZ", m_savedTz);
    else
        qunsetenv("TZ");
    tzset();
}

void TestPlatformZone::formsDefaultToPlatformDates()
{
    QFETCH(QByteArray, tz);
    QVERIFY(setDeskZone(tz));
    int checked = 0;
    // Every date and date-time field of the forms that have them: effective date, cycle start,
    // supplement range, meter set-up time.
    for (const QString name : {QStringLiteral("changeprice"), QStringLiteral("dataSupplement"), QStringLiteral("meterInfo")}) {
        const qint64 before = PlatformTime::nowEpoch();
        CommandDialog dlg(m_world.context(), name, FormsWorld::meterNo(1));
        const qint64 after = PlatformTime::nowEpoch();
        for (QDateTimeEdit *edit : dlg.findChildren<QDateTimeEdit *>()) {
            const QString what = name + u'.' + edit->objectName();
            if (edit->displayFormat().contains(u'H')) {
                const QDateTime wall = edit->dateTime();
                QVERIFY2(wall >= platform().wallClock(before).addSecs(-1) && wall <= platform().wallClock(after).addSecs(1),
                         qPrintable(what + QStringLiteral(" shows ") + wall.toString(Qt::ISODate)));
            } else {
                QVERIFY2(edit->date() == platform().dateOf(before) || edit->date() == platform().dateOf(after),
                         qPrintable(what + QStringLiteral(" shows ") + edit->date().toString(Qt::ISODate)));
            }
            ++checked;
        }
    }
    QVERIFY2(checked >= 3, qPrintable(QString::number(checked)));
}

void TestPlatformZone::rechargeTimeIsPlatformNow()
{
    QFETCH(QByteArray, tz);
    QVERIFY(setDeskZone(tz));
    const qint64 before = PlatformTime::nowEpoch();
    CommandDialog dlg(m_world.context(), QStringLiteral("recharge"), FormsWorld::meterNo(1));
    dlg.show();
    dlg.setValue(QStringLiteral("rechargeNum"), QStringLiteral("100")); // the request can be built
    dlg.previewToggle()->click();
    const QRegularExpression re(QStringLiteral("\"rechargeTime\": \"([^\"]+)\""));
    QTRY_VERIFY_WITH_TIMEOUT(re.match(dlg.preview()->toPlainText()).hasMatch(), 15000);
    const QString shown = re.match(dlg.preview()->toPlainText()).captured(1);
    const auto at = platform().parseDateTime(shown);
    QVERIFY2(at, qPrintable(shown));
    QVERIFY2(*at >= before - 1 && *at <= PlatformTime::nowEpoch() + 1, qPrintable(shown));
}

void TestPlatformZone::overviewTodayIsThePlatformDay()
{
    QFETCH(QByteArray, tz);
    QVERIFY(setDeskZone(tz));
    ConsoleContext context(m_world.store, m_world.settings);
    OverviewView view(&context);
    bool updated = false;
    connect(&view, &OverviewView::statsUpdated, this, [&updated] { updated = true; });
    const qint64 before = PlatformTime::nowEpoch();
    view.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(updated, 10000);
    const qint64 after = PlatformTime::nowEpoch();
    const auto &days = view.stats().uploadsPerDay;
    QVERIFY(!days.isEmpty());
    QVERIFY2(days.last().first == platform().dateOf(before) || days.last().first == platform().dateOf(after),
             qPrintable(days.last().first.toString(Qt::ISODate)));
}

QTEST_MAIN(TestPlatformZone)
#include "tst_platformzone.moc"
