// SPDX-License-Identifier: GPL-3.0-or-later
// The desk's own clock zone (TZ) never decides a platform date. With the desk set far east and far
// west of the platform's UTC+8 (between Kiritimati, UTC+14, and Pago Pago, UTC-11, at every hour
// of the day one desk date differs from the platform's), the command forms default to the
// platform's today and now, the recharge request carries the platform's time, and the overview
// counts "today" in the platform zone. The demo generator, run at instants around platform
// midnight, writes no reading, status or journal row dated after its "now".
#include "formsworld.h"

#include "core/timeformat.h"
#include "storage/store.h"
#include "tools/demo/demodata.h"
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
using namespace md::testing;

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
    void demoNeverAfterNow_data();
    void demoNeverAfterNow();

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
#ifdef Q_OS_WIN
    // The Windows C runtime reads TZ only as "<name><hours west of UTC>", not by zone name: the desk
    // gets the zone's offset of now (whole hours: every zone below).
    const int east = QTimeZone(tz).offsetFromUtc(QDateTime::currentDateTimeUtc());
    qputenv("TZ", QByteArray("DSK") + QByteArray::number(-east / 3600));
#else
    qputenv("TZ", tz);
#endif
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

// Today's demo reading is taken at 02:00-02:59 platform time (one minute per meter); before that
// hour it is taken "now", and its status and journal row are not stamped later than that either.
void TestPlatformZone::demoNeverAfterNow_data()
{
    QTest::addColumn<qint64>("now");
    const auto utc = [](int d, int h, int m, int s) {
        return QDateTime(QDate(2026, 11, d), QTime(h, m, s), QTimeZone::utc()).toSecsSinceEpoch();
    };
    QTest::newRow("00:00:30 platform") << utc(30, 16, 0, 30);
    QTest::newRow("02:03:00 platform") << utc(30, 18, 3, 0);
    QTest::newRow("23:59:30 platform") << utc(30, 15, 59, 30);
}

void TestPlatformZone::demoNeverAfterNow()
{
    QFETCH(qint64, now);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StoreOptions so;
    so.database = dir.filePath(QStringLiteral("demo.sqlite"));
    auto store = Store::open(so);
    QVERIFY2(store.ok(), qPrintable(store.error().detail));
    DemoOptions o;
    o.meters = 8;
    o.days = 3;
    o.recentDays = 2;
    o.now = now;
    o.time = platform();
    auto demo = generateDemoData(**store, o);
    QVERIFY2(demo.ok(), qPrintable(demo.error().detail));
    const qint64 later = now + 10 * 86400;
    int todays = 0;
    for (int i = 0; i < o.meters; ++i) {
        const QString meterNo = demoMeterNo(i);
        auto readings = (*store)->readings(meterNo, 0, later);
        QVERIFY2(readings.ok(), qPrintable(readings.error().detail));
        for (const qint64 t : readings->time) {
            QVERIFY2(t <= now, qPrintable(meterNo + u' ' + platform().formatDateTime(t)));
            todays += platform().dateOf(t) == platform().dateOf(now);
        }
        auto statuses = (*store)->statusHistory(meterNo, 0, later);
        QVERIFY2(statuses.ok(), qPrintable(statuses.error().detail));
        for (const MeterStatus &st : *statuses)
            QVERIFY2(st.meterTime <= now && st.receivedAt <= now, qPrintable(meterNo + u' ' + platform().formatDateTime(st.receivedAt)));
    }
    QVERIFY2(todays > 0, "no reading of the platform's today: the edge went unchecked");
    JournalFilter laterRows;
    laterRows.fromMs = now * 1000 + 1;
    auto journal = (*store)->journalPage(laterRows);
    QVERIFY2(journal.ok(), qPrintable(journal.error().detail));
    QVERIFY2(journal->rows.isEmpty(), qPrintable(journal->rows.value(0).endpoint + u' ' + QString::number(journal->rows.value(0).at)));
}

QTEST_MAIN(TestPlatformZone)
#include "tst_platformzone.moc"
