// SPDX-License-Identifier: GPL-3.0-or-later
// The console's everyday polish: "Export current table" writes every matching row (not the loaded
// page) off the GUI thread and can be cancelled without leaving a file; the alarms view puts a gas
// leak first; the window title does not repeat the application's name; the listener's socket errors
// come out in our own translated words; the first-run guide offers its three steps in order.
#include "storage/store.h"
#include "ui/firstrun/firstrunguide.h"
#include "ui/firstrun/listenererrors.h"
#include "ui/mainwindow.h"
#include "ui/models/alarmmodel.h"
#include "ui/models/consolecontext.h"
#include "ui/models/csvexport.h"
#include "ui/models/registrymodel.h"
#include "ui/models/tableexport.h"
#include "ui/views/alarmsview.h"
#include "ui/views/metersview.h"

#include <QAbstractSocket>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

class TestDeskPolish : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    static constexpr int kMeters = 2500; // more than the registry model's first pages

private slots:
    void initTestCase()
    {
        StoreOptions o;
        o.database = m_dir.filePath(QStringLiteral("desk.sqlite"));
        auto s = Store::open(o);
        QVERIFY2(s.ok(), qPrintable(s.error().detail));
        m_store = *s;
        QList<MeterInfo> meters;
        for (int i = 1; i <= kMeters; ++i) {
            MeterInfo m;
            m.meterNo = QStringLiteral("5101%1").arg(i, 8, 10, QLatin1Char('0'));
            m.userName = i % 2 ? QStringLiteral("张伟 %1").arg(i) : QStringLiteral("Li, \"Lei\" %1").arg(i);
            m.addrDes = QStringLiteral("成都市 %1 号").arg(i);
            m.meterType = QStringLiteral("QC-G4");
            meters << m;
        }
        QVERIFY(m_store->upsertMeters(meters).result().ok());
        const qint64 t = QDateTime::currentSecsSinceEpoch();
        UploadWrite w;
        w.journal.at = t * 1000;
        w.journal.endpoint = QStringLiteral("alarmUp");
        w.alarms << AlarmEvent{meters[0].meterNo, t - 3600, QStringLiteral("1002"), true}  // older gas leak
                 << AlarmEvent{meters[1].meterNo, t - 60, QStringLiteral("3001"), true};   // newer arrears
        QVERIFY(m_store->submit(w).result().ok);
    }

    void exportWritesEveryMatchingRow()
    {
        ConsoleContext context(m_store, Settings{});
        MainWindow window(&context);
        window.show();
        window.showPage(MainWindow::MetersPage);
        // The search applies after the view's debounce. With "Match anywhere" (the default) the model
        // counts no substring matches (the view shows the rows found), so only the unfiltered first
        // load counts: asserting that count raced the debounced search (it was gone whenever the
        // search applied before the count came back, e.g. on a loaded machine or under Wine).
        QSignalSpy searched(window.metersView()->model(), &QAbstractItemModel::modelReset);
        window.metersView()->setSearchText(QStringLiteral("5101"));
        QTRY_VERIFY(!searched.isEmpty());
        QTRY_VERIFY(window.metersView()->model()->rowCount() > 0);
        QVERIFY(window.metersView()->model()->rowCount() < kMeters); // the model holds pages only

        const QString path = m_dir.filePath(QStringLiteral("meters.csv"));
        QSignalSpy done(&window, &MainWindow::exportFinished);
        QVERIFY(window.exportCurrentTable(path));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
        QCOMPARE(done.first().at(0).toBool(), true);
        QCOMPARE(done.first().at(1).toLongLong(), qint64(kMeters));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        QVERIFY(data.startsWith(csv::bom()));
        const QList<QStringList> rows = csv::parse(QString::fromUtf8(data.mid(3)));
        QCOMPARE(rows.size(), kMeters + 1);
        QCOMPARE(rows.first().first(), window.metersView()->model()->headerData(0, Qt::Horizontal).toString());
        QSet<QString> meters;
        for (int i = 1; i < rows.size(); ++i)
            meters.insert(rows[i].first());
        QCOMPARE(meters.size(), kMeters); // each once
        QVERIFY(data.contains("\"Li, \"\"Lei\"\" 2\""));

        // The export is journaled with the operator.
        JournalFilter jf;
        jf.text = QStringLiteral("desk/export");
        QTRY_COMPARE(m_store->journalPage(jf).value().rows.size(), 1);
    }

    void cancelledExportLeavesNoFile()
    {
        ConsoleContext context(m_store, Settings{});
        const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
        QList<QStringList> rows;
        for (int i = 0; i < 10000; ++i)
            rows << QStringList{QString::number(i)};
        TableExportJob job(&context, TableExportJob::fromRows({QStringLiteral("n")}, rows), path);
        job.cancel();
        auto f = job.start();
        QTRY_VERIFY(f.isFinished());
        QVERIFY(f.result().cancelled);
        QVERIFY(!f.result().ok);
        QVERIFY(!QFile::exists(path));
    }

    void gasLeakFirstAndWholeWidth()
    {
        ConsoleContext context(m_store, Settings{});
        MainWindow window(&context);
        window.show();
        window.showPage(MainWindow::AlarmsPage);
        auto *model = qobject_cast<AlarmModel *>(window.alarmsView()->exportModel());
        QVERIFY(model);
        QTRY_COMPARE(model->rowCount(), 2);
        QCOMPARE(model->rowAt(0)->alarmType, QStringLiteral("1002")); // older, but critical
        QCOMPARE(model->rowAt(1)->alarmType, QStringLiteral("3001"));
    }

    void titleDoesNotRepeatTheAppName()
    {
        ConsoleContext context(m_store, Settings{});
        MainWindow window(&context);
        QVERIFY(!window.windowTitle().contains(QStringLiteral("MeterDesk")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("desk.sqlite")));
        // The file as the system writes paths (C:\Users\... on Windows).
        QVERIFY(window.windowTitle().contains(QDir::toNativeSeparators(m_dir.filePath(QStringLiteral("desk.sqlite")))));
    }

    void listenerErrorsInOurWords_data()
    {
        QTest::addColumn<int>("socketError");
        QTest::addColumn<QString>("says");
        QTest::newRow("port taken") << int(QAbstractSocket::AddressInUseError) << QStringLiteral("Port 8080 is already used");
        QTest::newRow("no access") << int(QAbstractSocket::SocketAccessError) << QStringLiteral("port 8080");
        QTest::newRow("foreign address") << int(QAbstractSocket::SocketAddressNotAvailableError) << QStringLiteral("0.0.0.0");
    }
    void listenerErrorsInOurWords()
    {
        QFETCH(int, socketError);
        QFETCH(QString, says);
        ListenerSettings l;
        const Error e{QStringLiteral("socket-%1").arg(socketError), QStringLiteral("listener/port"),
                      QStringLiteral("cannot listen on 0.0.0.0:8080: 要启用的地址已经被使用")};
        const QString text = ListenerErrors::describe(e, l);
        QVERIFY2(text.contains(says), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("要启用"))); // never the system's half-translated text
        QVERIFY(!ListenerErrors::advice(e, l).isEmpty());
        QCOMPARE(ListenerErrors::isPortTaken(e), socketError == int(QAbstractSocket::AddressInUseError));
    }

    void firstRunGuideOffersTheStepsInOrder()
    {
        ConsoleContext context(m_store, Settings{});
        MainWindow window(&context);
        window.show();
        QVERIFY(!window.firstRunGuide()->isVisible());
        window.showFirstRunGuide();
        FirstRunGuide *guide = window.firstRunGuide();
        QVERIFY(guide->isVisible());
        QVERIFY(guide->connectButton()->x() < guide->importButton()->x());
        QVERIFY(guide->importButton()->x() < guide->demoButton()->x());
        QSignalSpy settings(&window, &MainWindow::settingsRequested);
        QSignalSpy demo(&window, &MainWindow::demoRequested);
        guide->connectButton()->click();
        guide->demoButton()->click();
        QCOMPARE(settings.size(), 1);
        QCOMPARE(demo.size(), 1);
        QVERIFY(guide->listenerProblemText().isEmpty());
        ListenerSettings l;
        const Error taken{QStringLiteral("socket-%1").arg(int(QAbstractSocket::AddressInUseError)), {}, {}};
        guide->setListenerProblem(ListenerErrors::describe(taken, l), ListenerErrors::advice(taken, l));
        QVERIFY(guide->listenerProblemText().contains(QStringLiteral("8080")));
        QVERIFY(guide->listenerProblemText().contains(QStringLiteral("/rest/v1/bussinessPlatform")));
    }
};

QTEST_MAIN(TestDeskPolish)
#include "tst_deskpolish.moc"
