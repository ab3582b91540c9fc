// SPDX-License-Identifier: GPL-3.0-or-later
// The desk's clock 10 minutes off the platform's, with real parts: qinchuan-sim runs as its own
// process under faketime (its clock 10 minutes ahead of or behind this desk's) and posts readings to
// the real upload listener on 127.0.0.1 over a SQLite store.
// - uploads inside the configured window (listener/timestampToleranceSeconds = 900) are taken, and
//   with the default window (300) refused with 9001;
// - either way the listener measures the skew from the uploads' signed timestamps (Auth::signedTime,
//   tst_auth);
// - the console (ConsoleSession, as `meterdesk` runs it) shows the warning in its status bar, and its
//   commands carry the platform's time: one succeeds where the same command stamped with the desk's
//   clock is refused by the platform (9001, its own 300 s window).
#include "ui/app/consolesession.h"

#include "client/commandservice.h"
#include "client/platformclient.h"
#include "server/uploadlistener.h"
#include "storage/store.h"
#include "ui/mainwindow.h"
#include "ui/widgets/statuspanel.h"

#include <QApplication>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace md;

namespace {

const Credentials kCreds{QStringLiteral("QC20230001"), QStringLiteral("0123456789abcdefSECRET")};

template<typename T>
T await(QFuture<T> f, int ms = 15000)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, ms))
        qFatal("future did not finish within %d ms", ms);
    return f.result();
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    return s.serverPort();
}

} // namespace

class TestClockSkew : public QObject
{
    Q_OBJECT
    QString m_faketime; // libfaketime, preloaded into the simulator alone

private slots:
    void initTestCase()
    {
        // Preloaded directly rather than through the faketime wrapper, which would stand between
        // this test and the simulator's process (and leave it running when the wrapper is stopped).
        for (const QString &lib : {QStringLiteral("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"),
                                   QStringLiteral("/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"),
                                   QStringLiteral("/usr/lib/faketime/libfaketime.so.1")})
            if (m_faketime.isEmpty() && QFileInfo::exists(lib))
                m_faketime = lib;
        if (m_faketime.isEmpty())
            QSKIP("libfaketime is not installed (scripts/deps.sh test installs faketime)");
        QVERIFY2(QFileInfo::exists(QStringLiteral(MD_SIM_EXE)), "qinchuan-sim is built");
    }

    void platformClockOff_data()
    {
        QTest::addColumn<qint64>("platformAhead"); // the platform's clock minus the desk's, seconds
        QTest::addColumn<int>("window");           // listener/timestampToleranceSeconds
        QTest::addColumn<QString>("uploadCode");
        QTest::addColumn<QString>("warning");
        QTest::newRow("desk 10 min behind, window 900 s") << qint64(600) << 900 << "0000" << "10 min behind";
        QTest::newRow("desk 10 min ahead, window 900 s") << qint64(-600) << 900 << "0000" << "10 min ahead";
        QTest::newRow("desk 10 min behind, default window 300 s") << qint64(600) << 300 << "9001" << "10 min behind";
    }

    void platformClockOff()
    {
        QFETCH(qint64, platformAhead);
        QFETCH(int, window);
        QFETCH(QString, uploadCode);
        QFETCH(QString, warning);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        StoreOptions so;
        so.database = dir.filePath(QStringLiteral("desk.sqlite"));
        auto opened = Store::open(so);
        QVERIFY2(opened.ok(), qPrintable(opened.error().detail));
        std::shared_ptr<Store> store = *opened;
        MeterInfo meter;
        meter.meterNo = QStringLiteral("SIM000001");
        meter.meterType = QStringLiteral("01");
        meter.userNo = QStringLiteral("U1");
        meter.addrDes = QStringLiteral("Road 1");
        QVERIFY(await(store->upsertMeters({meter})).ok());
        QFile csv(dir.filePath(QStringLiteral("meters.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("meterNo,meterType,userNo,addrDes\nSIM000001,01,U1,Road 1\n");
        csv.close();

        const quint16 simPort = freePort();
        Settings settings;
        settings.platform.appId = kCreds.appId;
        settings.platform.appSecret = kCreds.appSecret;
        settings.platform.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(simPort);
        settings.platform.requestTimeoutSeconds = 5;
        settings.listener.host = QStringLiteral("127.0.0.1");
        settings.listener.port = 0;
        settings.listener.timestampToleranceSeconds = window;

        // The console as `meterdesk` runs it: its listener, command service and status bar.
        ConsoleSession session(store, settings, true);
        UploadListener *listener = session.listener();
        QVERIFY(listener && session.commandService());
        QStringList codes;
        connect(listener, &UploadListener::requestHandled, this,
                [&codes](const QString &, const QString &code, const QString &) { codes << code; });
        QTRY_VERIFY_WITH_TIMEOUT(listener->address().port != 0, 10000);
        QHash<QString, CommandState> states;
        connect(session.commandService(), &CommandService::stateChanged, this,
                [&states](const QString &seq, CommandState s) { states.insert(seq, s); });

        // The platform: its own process, its clock `platformAhead` off this one (which may itself be
        // faked: the instant is taken from here, not from the machine).
        const QDateTime platformNow = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + platformAhead, Qt::UTC);
        QProcess sim;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.insert(QStringLiteral("LD_PRELOAD"), m_faketime);
        // Relative to the real clock, so the simulator's start-up time does not count; from a fixed
        // instant only when this process's clock is itself faked.
        env.insert(QStringLiteral("FAKETIME"), qEnvironmentVariableIsSet("FAKETIME")
                                                   ? platformNow.toString(QStringLiteral("@yyyy-MM-dd HH:mm:ss"))
                                                   : (platformAhead < 0 ? QStringLiteral("-") : QStringLiteral("+")) + QString::number(qAbs(platformAhead)));
        env.insert(QStringLiteral("FAKETIME_DONT_FAKE_MONOTONIC"), QStringLiteral("1"));
        env.insert(QStringLiteral("QINCHUAN_SIM_APP_SECRET"), kCreds.appSecret);
        sim.setProcessEnvironment(env);
        sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        sim.start(QStringLiteral(MD_SIM_EXE), {QStringLiteral("--app-id"), kCreds.appId, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(simPort),
                               QStringLiteral("--listener"), listener->address().url() + settings.listener.pathPrefix,
                               QStringLiteral("--meters-csv"), csv.fileName(), QStringLiteral("--report-interval-s"), QStringLiteral("1"),
                               QStringLiteral("--result-delay-ms"), QStringLiteral("100")});
        QVERIFY(sim.waitForStarted());
        auto stopSim = qScopeGuard([&sim] {
            sim.terminate();
            if (!sim.waitForFinished(10000))
                sim.kill();
        });

        // Readings arrive every second; the skew is measured whatever the window made of them.
        QTRY_VERIFY_WITH_TIMEOUT(codes.size() >= 3, 20000);
        QVERIFY2(codes.contains(uploadCode) && !codes.contains(uploadCode == u"0000" ? QStringLiteral("9001") : QStringLiteral("0000")),
                 qPrintable(codes.join(u' ')));
        // Within seconds of the 10 minutes (two faked clocks, when this process runs under faketime
        // too, drift apart by a few seconds).
        QTRY_VERIFY2_WITH_TIMEOUT(qAbs(listener->clockSkewSeconds() - platformAhead) <= 15,
                                  qPrintable(QString::number(listener->clockSkewSeconds())), 10000);

        // The console's status bar warns, in minutes; a few seconds off are normal and say nothing.
        StatusPanel *panel = session.window()->statusPanel();
        QTRY_VERIFY2_WITH_TIMEOUT(panel->listenerText().contains(warning), qPrintable(panel->listenerText()), 5000);
        qInfo("status bar: %s", qPrintable(panel->listenerText()));
        StatusPanel calm;
        ListenerStatus status;
        status.enabled = status.listening = true;
        status.clockSkew = 20;
        calm.setListener(status, QString());
        QVERIFY2(!calm.listenerText().contains(QStringLiteral("clock")), qPrintable(calm.listenerText()));

        // Commands from the console carry the platform's time and pass the platform's own 300 s window.
        QTRY_VERIFY_WITH_TIMEOUT([&] { QTcpSocket s; s.connectToHost(QHostAddress::LocalHost, simPort); return s.waitForConnected(200); }(), 10000);
        auto platformStamped = await(session.commandService()->send(QStringLiteral("valveOperate"), meter.meterNo,
                                                                    QJsonObject{{QStringLiteral("valveOperate"), QStringLiteral("0")}}));
        QVERIFY(platformStamped.ok());
        const CommandState want = window >= 600 ? CommandState::Succeeded : CommandState::Sent; // the result upload needs the window too
        QTRY_COMPARE_WITH_TIMEOUT(states.value(platformStamped->commandSeq), want, 10000);

        // The same command stamped with this desk's clock is refused by the platform (9001).
        CommandServiceOptions options;
        options.platform = settings.platform;
        CommandService deskClock(store, options);
        auto deskStamped = await(deskClock.send(QStringLiteral("valveOperate"), meter.meterNo, QJsonObject{{QStringLiteral("valveOperate"), QStringLiteral("1")}}));
        QVERIFY(deskStamped.ok());
        QTRY_COMPARE_WITH_TIMEOUT(store->commandBySeq(deskStamped->commandSeq).value()->state, CommandState::Rejected, 10000);
        QCOMPARE(store->commandBySeq(deskStamped->commandSeq).value()->returnCode, QStringLiteral("9001"));
    }
};

QTEST_MAIN(TestClockSkew)
#include "tst_clockskew.moc"
