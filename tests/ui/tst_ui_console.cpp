// SPDX-License-Identifier: GPL-3.0-or-later
// The console on a real SQLite store filled by the demo generator: the meter detail follows an
// upload that arrives while it is open, acknowledging records who and when, a new gas leak raises
// the banner, read-only review refuses every write, and every model passes QAbstractItemModelTester.
#include "storage/store.h"
#include "tools/demo/demodata.h"
#include "ui/mainwindow.h"
#include "ui/models/alarmmodel.h"
#include "ui/models/commandmodel.h"
#include "ui/models/consolecontext.h"
#include "ui/models/csvexport.h"
#include "ui/models/journalmodel.h"
#include "ui/models/jsonformat.h"
#include "ui/models/registrymodel.h"
#include "ui/views/alarmsview.h"
#include "ui/views/commandsview.h"
#include "ui/views/meterdetailwindow.h"
#include "ui/views/meterimport.h"
#include "ui/views/meterreport.h"
#include "ui/views/metersview.h"
#include "ui/widgets/alarmbanner.h"
#include "ui/widgets/statuspanel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

class TestUiConsole : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void detailFollowsLiveUpload();
    void acknowledgeRecordsWhoAndWhen();
    void newGasLeakRaisesBanner();
    void readOnlyRefusesWrites();
    void modelsPassTester();
    void csvForExcel();
    void secretsMasked();
    void meterImportParsesAndReports();
    void meterImportReadsGb18030();
    void pdfReport();

private:
    Settings settings() const;
    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<Store> m_store;
    DemoSummary m_demo;
};

Settings TestUiConsole::settings() const
{
    Settings s;
    s.operatorName = QStringLiteral("测试员小王");
    return s;
}

void TestUiConsole::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("console.sqlite"));
    StoreOptions o;
    o.database = m_path;
    auto s = Store::open(o);
    QVERIFY2(s.ok(), qPrintable(s.error().detail));
    m_store = *s;
    DemoOptions d;
    d.meters = 40;
    d.days = 20;
    d.recentDays = 5;
    auto r = generateDemoData(*m_store, d);
    QVERIFY2(r.ok(), qPrintable(r.error().code + QLatin1Char(' ') + r.error().detail));
    m_demo = *r;
    QCOMPARE(m_demo.meters, 40);
    QVERIFY(!m_demo.gasLeakMeter.isEmpty());
}

static UploadWrite uploadFor(const QString &meterNo, qint64 t, qint64 readingUnits)
{
    UploadWrite w;
    w.journal.direction = JournalDirection::Inbound;
    w.journal.endpoint = QStringLiteral("meterDataUp");
    w.journal.meterNo = meterNo;
    w.journal.at = t * 1000;
    w.journal.returnCode = QStringLiteral("0000");
    w.journal.httpStatus = 200;
    w.journal.body = QByteArrayLiteral("{\"meterNo\":\"x\"}");
    Reading r;
    r.meterNo = meterNo;
    r.dataTime = t;
    r.readingNum = Volume::fromUnits(readingUnits);
    r.meterBalanceAmt = Money::fromUnits(123456700);
    w.readings.append(r);
    MeterStatus s;
    s.meterNo = meterNo;
    s.meterTime = t;
    s.receivedAt = t;
    s.valveStatus = QStringLiteral("0");
    s.cellVoltage = QStringLiteral("3.6");
    s.signalStrength = QStringLiteral("25");
    w.statuses.append(s);
    return w;
}

void TestUiConsole::detailFollowsLiveUpload()
{
    ConsoleContext context(m_store, settings());
    const QString meterNo = demoMeterNo(3);
    MeterDetailWindow w(&context, meterNo);
    w.setAttribute(Qt::WA_DeleteOnClose, false);
    w.show();
    QTRY_VERIFY(w.isLoaded());
    QVERIFY(w.data().summary.has_value());
    const QString before = w.readingText();
    QVERIFY(!before.isEmpty());

    const qint64 t = QDateTime::currentSecsSinceEpoch() + 60;
    const auto out = m_store->submit(uploadFor(meterNo, t, 99999123)).result();
    QVERIFY2(out.ok, qPrintable(out.error.detail));
    QTRY_COMPARE(w.readingText(), QStringLiteral("99999.123 m³"));
    QTRY_COMPARE(w.balanceText(), QStringLiteral("12345.67 yuan"));
    QCOMPARE(w.lastUploadText(), context.time().formatDateTime(t));
    QVERIFY(w.data().readings.time.contains(t));
}

void TestUiConsole::acknowledgeRecordsWhoAndWhen()
{
    ConsoleContext context(m_store, settings());
    AlarmsView view(&context);
    view.show();
    view.refresh();
    QTRY_VERIFY(view.model()->rowCount() > 0);
    int row = -1;
    for (int i = 0; i < view.model()->rowCount(); ++i)
        if (view.model()->rowAt(i)->alarmType == u"3001" && view.model()->rowAt(i)->acknowledgedAt == 0)
            row = i;
    QVERIFY(row >= 0);
    const qint64 id = view.model()->rowAt(row)->id;
    view.table()->selectRow(row);
    QVERIFY(view.acknowledgeButton()->isEnabled());
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    QTest::mouseClick(view.acknowledgeButton(), Qt::LeftButton);
    QTRY_VERIFY(m_store->alarm(id).value()->acknowledgedAt != 0);
    const AlarmRow a = *m_store->alarm(id).value();
    QCOMPARE(a.acknowledgedBy, settings().effectiveOperator()); // "测试员小王 (<account>)"
    QVERIFY(a.acknowledgedBy.startsWith(QStringLiteral("测试员小王 (")));
    QVERIFY(a.acknowledgedAt >= before && a.acknowledgedAt <= QDateTime::currentSecsSinceEpoch());
    // The view follows: the row now shows who acknowledged it.
    QTRY_VERIFY([&] {
        for (int i = 0; i < view.model()->rowCount(); ++i)
            if (view.model()->rowAt(i)->id == id)
                return view.model()->index(i, AlarmModel::AcknowledgedBy).data().toString() == settings().effectiveOperator();
        return false;
    }());
}

void TestUiConsole::newGasLeakRaisesBanner()
{
    ConsoleContext context(m_store, settings());
    MainWindow window(&context);
    window.show();
    // The demo's gas leak is already there and unacknowledged: the banner shows it at start.
    QTRY_VERIFY(window.alarmBanner()->isVisible());
    QTRY_VERIFY(window.alarmBanner()->text().contains(m_demo.gasLeakMeter));
    const int before = window.alarmBanner()->alarmCount();

    const QString meterNo = demoMeterNo(20);
    const qint64 t = QDateTime::currentSecsSinceEpoch() + 120;
    UploadWrite w = uploadFor(meterNo, t, 5000000);
    w.alarms.append({meterNo, t, QStringLiteral("1002"), true});
    const auto out = m_store->submit(w).result();
    QVERIFY2(out.ok, qPrintable(out.error.detail));
    QCOMPARE(out.newCriticalAlarmIds.size(), 1);
    const qint64 id = out.newCriticalAlarmIds.first();
    QTRY_VERIFY(window.alarmBanner()->contains(id));
    QCOMPARE(window.alarmBanner()->alarmCount(), before + 1);
    QVERIFY(window.alarmBanner()->text().contains(meterNo)); // the newest on top

    // The registry row of that meter turns red.
    window.metersView()->setSearchText(meterNo);
    QTRY_COMPARE(window.metersView()->model()->rowCount(), 1);
    QTRY_VERIFY(window.metersView()->model()->index(0, 0).data(RegistryModel::CriticalRole).toBool());

    // Acknowledged from the banner: it goes away.
    QMetaObject::invokeMethod(window.alarmBanner(), "acknowledgeRequested", Q_ARG(qint64, id));
    QTRY_VERIFY(!window.alarmBanner()->contains(id));
    QCOMPARE(m_store->alarm(id).value()->acknowledgedBy, settings().effectiveOperator());
}

void TestUiConsole::readOnlyRefusesWrites()
{
    StoreOptions o;
    o.database = m_path;
    o.readOnly = true;
    o.runMigrations = false;
    auto ro = Store::open(o);
    QVERIFY2(ro.ok(), qPrintable(ro.error().detail));
    ConsoleContext context(*ro, settings());
    QVERIFY(context.isReadOnly());

    AlarmFilter f;
    f.unacknowledgedOnly = true;
    const auto alarms = m_store->alarms(f);
    QVERIFY(alarms.ok() && !alarms->isEmpty());
    const qint64 id = alarms->first().id;
    auto ack = context.acknowledgeAlarm(id);
    QTRY_VERIFY(ack.isFinished());
    QVERIFY(!ack.result().ok());
    QCOMPARE(ack.result().error().code, QStringLiteral("9998"));
    // Even straight at the store.
    auto direct = (*ro)->acknowledgeAlarm(id, QStringLiteral("x"), 1).result();
    QVERIFY(!direct.ok());
    QCOMPARE(m_store->alarm(id).value()->acknowledgedAt, 0);

    MainWindow window(&context);
    window.show();
    QVERIFY(window.windowTitle().contains(QStringLiteral("READ-ONLY")));
    QVERIFY(!window.statusPanel()->readOnlyText().isEmpty());
    QVERIFY(window.statusPanel()->listenerText().contains(QStringLiteral("off")));
    MeterDetailWindow *w = window.openMeter(demoMeterNo(1));
    QTRY_VERIFY(w->isLoaded());
    QVERIFY(w->actionButton(QStringLiteral("recharge")));
    QVERIFY(!w->actionButton(QStringLiteral("recharge"))->isEnabled());
    QVERIFY(!w->actionButton(QStringLiteral("valveOperate"))->isEnabled());
    window.alarmsView()->refresh();
    QTRY_VERIFY(window.alarmsView()->model()->rowCount() > 0);
    window.alarmsView()->table()->selectRow(0);
    QVERIFY(!window.alarmsView()->acknowledgeButton()->isEnabled());
}

void TestUiConsole::modelsPassTester()
{
    ConsoleContext context(m_store, settings());
    using Tester = QAbstractItemModelTester;
    const auto mode = Tester::FailureReportingMode::QtTest;

    AlarmModel alarms(&context.time());
    Tester t1(&alarms, mode);
    AlarmFilter af;
    af.activeOnly = false;
    alarms.setRows(m_store->alarms(af).value());
    QVERIFY(alarms.rowCount() > 0);
    alarms.updateRow(alarms.rows().first());

    CommandModel commands(&context.time());
    Tester t2(&commands, mode);
    commands.setRows(m_store->commands({}).value().rows);
    QVERIFY(commands.rowCount() > 0);
    commands.updateRow(commands.rows().first());

    JournalModel journal(&context);
    Tester t3(&journal, mode);
    JournalFilter jf;
    jf.limit = 50;
    journal.setFilter(jf);
    // The tester itself calls fetchMore(): pages keep arriving, newest first, never repeated.
    QTRY_VERIFY(journal.rowCount() >= 100);
    QTRY_VERIFY(!journal.canFetchMore({}) || journal.rowCount() % 50 == 0);
    for (int i = 1; i < journal.rowCount(); ++i)
        QVERIFY(journal.rowAt(i)->id < journal.rowAt(i - 1)->id);
    // A message journaled since goes on top (showNewer, what the Journal page does on the feed's
    // journalAppended); nothing shown is repeated.
    while (journal.canFetchMore({}) || journal.isLoading()) {
        journal.fetchMore({});
        QTest::qWait(5);
    }
    const qint64 newestShown = journal.rowAt(0)->id;
    const int shown = journal.rowCount();
    const auto added = m_store->journal(ConsoleContext::deskActionEntry({}, QStringLiteral("print"), {})).result();
    QVERIFY(added.ok());
    journal.showNewer();
    QTRY_COMPARE(journal.rowCount(), shown + 1);
    QCOMPARE(journal.rowAt(0)->id, *added);
    QVERIFY(journal.rowAt(1)->id == newestShown);
    // A filter that matched nothing yet: its first message still comes in on showNewer.
    JournalFilter none;
    none.meterNo = QStringLiteral("31019999999");
    journal.setFilter(none);
    QTRY_VERIFY(!journal.isLoading());
    QCOMPARE(journal.rowCount(), 0);
    const auto first = m_store->journal(ConsoleContext::deskActionEntry({}, QStringLiteral("print"), {}, none.meterNo)).result();
    QVERIFY(first.ok());
    journal.showNewer();
    QTRY_COMPARE(journal.rowCount(), 1);
    QCOMPARE(journal.rowAt(0)->id, *first);

    RegistryModel registry(&context);
    Tester t4(&registry, mode);
    registry.setPageSize(15);
    registry.setFilter({});
    QTRY_COMPARE(registry.rowCount(), 15);
    while (registry.canFetchMore({}) || registry.isLoading()) {
        registry.fetchMore({});
        QTest::qWait(5);
    }
    QCOMPARE(registry.rowCount(), 40);
    // A live upload refreshes a loaded row in place.
    const auto out = m_store->submit(uploadFor(demoMeterNo(5), QDateTime::currentSecsSinceEpoch() + 200, 777000)).result();
    QVERIFY(out.ok);
    QTRY_COMPARE(registry.index(registry.rowOfMeter(demoMeterNo(5)), RegistryModel::LastReading).data().toString(),
                 QStringLiteral("777.000"));
}

void TestUiConsole::csvForExcel()
{
    ConsoleContext context(m_store, settings());
    CommandModel commands(&context.time());
    commands.setRows(m_store->commands({}).value().rows);
    const QByteArray csv = csv::fromModel(commands);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY(csv.contains("\r\n"));
    // 20-digit command numbers stay text in Excel.
    QVERIFY(csv.contains("=\"" + commands.rowAt(0)->commandSeq.toUtf8() + "\""));
    QCOMPARE(csv::field(QStringLiteral("a,\"b\"")), QStringLiteral("\"a,\"\"b\"\"\""));
    QCOMPARE(csv::field(QStringLiteral("=cmd")), QStringLiteral("'=cmd"));
    const auto parsed = csv::parse(QString::fromUtf8(csv));
    QCOMPARE(parsed.size(), commands.rowCount() + 1);
    QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$"));
    QVERIFY(date.match(parsed[1][CommandModel::Created]).hasMatch());
}

void TestUiConsole::secretsMasked()
{
    const QByteArray raw = R"({"AccessToken":"8C1F3A7B9D2E4F60","appSecret":"s3cr3t-value","nested":{"aesKey":"1234567890abcdef"},"meterNo":"123"})";
    const QString shown = jsonformat::prettyMasked(raw);
    QVERIFY(!shown.contains(QStringLiteral("8C1F3A7B9D2E4F60")));
    QVERIFY(!shown.contains(QStringLiteral("s3cr3t-value")));
    QVERIFY(!shown.contains(QStringLiteral("1234567890abcdef")));
    QVERIFY(shown.contains(QStringLiteral("\"meterNo\": \"123\"")));
    const QString broken = jsonformat::prettyMasked("appSecret=abcdef&x=1");
    QVERIFY(!broken.contains(QStringLiteral("abcdef")));
}

void TestUiConsole::meterImportParsesAndReports()
{
    const QString text = QStringLiteral("\uFEFF表具编号,用户编号,用户名称,地址,安装时间\n"
                                        "55000000001,U1,张三,\"成都市,武侯区\",2024-01-02 03:04:05\n"
                                        ",U2,李四,无,\n"
                                        "55000000001,U3,王五,重复,\n"
                                        "55000000004,U4,赵六,坏时间,2024-13-01 00:00:00\n");
    const auto parsed = MeterImport::parse(text, PlatformTime());
    QCOMPARE(parsed.meters.size(), 1);
    QCOMPARE(parsed.meters[0].addrDes, QStringLiteral("成都市,武侯区"));
    QCOMPARE(parsed.errors.size(), 3);
    QCOMPARE(parsed.errors[0].line, 3);
    QCOMPARE(parsed.errors[1].line, 4);
    QCOMPARE(parsed.errors[2].meterNo, QStringLiteral("55000000004"));
}

// The GUI import of a registry saved by Excel on a Chinese Windows (GB18030, CRLF, a quoted
// address with a comma and one with a line break); undecodable bytes get one clear error.
void TestUiConsole::meterImportReadsGb18030()
{
    QFile f(QStringLiteral(MD_TEST_DATA_DIR "/registry-gb18030.csv"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto parsed = MeterImport::parseBytes(f.readAll(), PlatformTime());
    QCOMPARE(parsed.errors.size(), 0);
    QCOMPARE(parsed.meters.size(), 3);
    QCOMPARE(parsed.meters[0].addrDes, QStringLiteral("成都市武侯区人民南路四段1号, 3栋2单元"));
    QCOMPARE(parsed.meters[1].userName, QStringLiteral("欧阳娜娜"));
    QCOMPARE(parsed.meters[1].addrDes, QStringLiteral("锦江区春熙路8号\n附2号"));
    QCOMPARE(parsed.meters[2].userName, QStringLiteral("王\"小\"明"));
    const auto refused = MeterImport::parseBytes(QByteArray("meterNo\n\xFF\xFF\xFF\n"), PlatformTime());
    QCOMPARE(refused.meters.size(), 0);
    QCOMPARE(refused.errors.size(), 1);
}

void TestUiConsole::pdfReport()
{
    ConsoleContext context(m_store, settings());
    MeterDetailWindow w(&context, m_demo.gasLeakMeter);
    w.setAttribute(Qt::WA_DeleteOnClose, false);
    w.resize(1100, 760);
    w.show();
    QTRY_VERIFY(w.isLoaded());
    const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
    QString error;
    QVERIFY2(MeterReport::write(w, context.time(), path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
    QVERIFY(f.size() > 5000);
}

QTEST_MAIN(TestUiConsole)
#include "tst_ui_console.moc"
