// SPDX-License-Identifier: GPL-3.0-or-later
// A console follows other writers of its database, on SQLite and PostgreSQL: `meterdesk-cli serve`
// (a real process) receives an upload and an alarm, and the console (the ConsoleSession that
// `meterdesk --no-listener` runs, here offscreen in the test process) shows them within 2 s of the
// receiver's answer: the upload in its registry, an open meter window, the Journal page (shown, and
// empty before) and the overview's counts; the alarm in its Alarms page, its critical-alarm banner,
// the meter window and the overview's active alarms. A command sent by `meterdesk-cli send` (another
// process) to the simulator (qinchuan-sim, a third process) appears within 2 s in the console's
// Commands page, the meter window's Commands tab and the overview's command counts, and its result,
// uploaded by the simulator to the receiver, turns it to Succeeded in both lists. Everything waits
// on conditions, nothing on a fixed delay.
#include "../server/rawhttp.h"
#include "ui/app/consolesession.h"

#include "core/settings.h"
#include "protocol/catalog.h"
#include "protocol/codec.h"
#include "protocol/examples.h"
#include "protocol/security.h"
#include "storage/store.h"
#include "ui/models/alarmmodel.h"
#include "ui/models/commandmodel.h"
#include "ui/models/journalmodel.h"
#include "ui/models/registrymodel.h"
#include "ui/views/alarmsview.h"
#include "ui/widgets/alarmbanner.h"
#include "ui/views/commandsview.h"
#include "ui/views/journalview.h"
#include "ui/views/meterdetailwindow.h"
#include "ui/views/metersview.h"
#include "ui/views/overviewview.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace md;
using namespace md::testing;

namespace {
const QString kMeter = QStringLiteral("20240001"); // the meter the catalogue's example uploads name
const QByteArray kAppId = "FOLLOWAPP";
const QByteArray kSecret = "follow-secret-0123456789";
constexpr int kFollowMs = 2000; // what a console promises: another writer's rows within 2 s

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    return s.serverPort();
}
} // namespace

class TestConsoleFollows : public QObject
{
    Q_OBJECT

    QString m_cli = QStringLiteral(MD_CLI_EXE);
    QString m_sim = QStringLiteral(MD_SIM_EXE);

    // The receiver's answer to one signed upload built from the catalogue's example.
    QString post(quint16 port, const QString &upload)
    {
        CodecOptions options;
        options.appSecret = QString::fromLatin1(kSecret);
        options.aesKey = kSecret.left(16);
        const MessageSpec *spec = Catalog::instance().upload(upload);
        auto body = MessageCodec(options).build(*spec, Examples::validPlainBody(*spec));
        if (!body)
            return QStringLiteral("build: ") + body.error().detail;
        const AuthHeaders h = Auth::make({QString::fromLatin1(kAppId), options.appSecret}, PlatformTime(),
                                         QDateTime::currentSecsSinceEpoch());
        const rawhttp::Reply reply = rawhttp::post(port, "/rest/v1/bussinessPlatform/" + upload.toLatin1(),
                                                   {{"timestamp", h.timestamp}, {"AccessToken", h.accessToken},
                                                    {"Authorization", h.authorization}},
                                                   QJsonDocument(body.value()).toJson(QJsonDocument::Compact));
        return reply.returnCode();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(m_cli) && QFileInfo::exists(m_sim), "meterdesk-cli and qinchuan-sim are built");
        qputenv("MD_SECRET_BACKEND", "file"); // the desk's programs keep the secret next to their INI
    }

    void consoleFollowsReceiverAndSend_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void consoleFollowsReceiverAndSend()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString database = dir.filePath(QStringLiteral("desk.sqlite"));
        if (backend == u"postgresql") {
            const QString url = qEnvironmentVariable("MD_TEST_PG_URL");
            if (url.isEmpty())
                QSKIP("MD_TEST_PG_URL not set (run under scripts/with-postgres.sh)");
            database = url + QStringLiteral("?schema=follow_%1").arg(QRandomGenerator::global()->generate());
        }
        const quint16 simPort = freePort();
        const QByteArray ini = "[platform]\nbaseUrl=http://127.0.0.1:" + QByteArray::number(simPort) + "\nappId=" + kAppId
                               + "\nappSecret=" + kSecret + "\nrequestTimeoutSeconds=5\n[listener]\nhost=127.0.0.1\nport=0\n";
        // The simulator gets its own copy: the desk's programs move the secret out of theirs.
        for (const char *name : {"desk.ini", "sim.ini"}) {
            QFile f(dir.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(ini);
        }
        QFile csv(dir.filePath(QStringLiteral("meters.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("meterNo,meterType,userNo,addrDes\n" + kMeter.toLatin1() + ",QC-G4,U1,Road 1\n");
        csv.close();

        // The console: the live session `meterdesk --no-listener --database ...` opens.
        StoreOptions so;
        so.database = database;
        auto opened = Store::open(so);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));
        std::shared_ptr<Store> store = *opened;
        MeterInfo meter;
        meter.meterNo = kMeter;
        meter.meterType = QStringLiteral("QC-G4"); // what the example uploads state (1001 / 1002 checks)
        meter.factoryCode = QStringLiteral("QC");
        meter.userNo = QStringLiteral("U1");
        meter.addrDes = QStringLiteral("Road 1");
        auto registered = store->upsertMeters({meter});
        registered.waitForFinished();
        QVERIFY(registered.result().ok());
        // The writer announces a batch after resolving its futures: once the next batch is through,
        // that announcement is over and cannot reach the console (which must learn of the upload
        // below from the receiver's process alone).
        store->flush().waitForFinished();
        Settings settings;
        settings.listener.enabled = false;
        ConsoleSession console(store, settings, true);
        MainWindow *window = console.window();
        QVERIFY(window);
        RegistryModel *registry = window->metersView()->model();
        auto registryText = [&](int column) {
            for (int r = 0; r < registry->rowCount(); ++r)
                if (registry->index(r, RegistryModel::MeterNo).data().toString() == kMeter)
                    return registry->index(r, column).data().toString();
            return QStringLiteral("<no row>");
        };
        QTRY_VERIFY_WITH_TIMEOUT(registryText(RegistryModel::MeterNo) == kMeter, 10000);
        QVERIFY(!registryText(RegistryModel::LastReading).contains(QLatin1String("101.100")));
        MeterDetailWindow *detail = window->openMeter(kMeter);
        QVERIFY(detail);
        QTRY_VERIFY_WITH_TIMEOUT(detail->isLoaded(), 10000);
        QVERIFY(!detail->readingText().contains(QLatin1String("101.100")));
        window->showPage(MainWindow::AlarmsPage);
        AlarmModel *alarms = window->alarmsView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(alarms->rowCount(), 0, 10000);
        // The overview counts whatever page is shown (the status bar shows its numbers). Uploads are
        // summed over the chart's days: the receiver and the console may see platform midnight pass
        // at different instants (the faketime reruns start every process just before it).
        OverviewView *overview = window->overviewView();
        auto uploadsCounted = [&] {
            qint64 n = 0;
            for (const auto &day : overview->stats().uploadsPerDay)
                n += day.second;
            return n;
        };
        auto commandsCounted = [&] {
            qint64 n = 0;
            for (qint64 c : overview->stats().commandsByState)
                n += c;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(overview->stats().meterCount, qint64(1), 10000);
        QCOMPARE(uploadsCounted(), qint64(0));
        QVERIFY(overview->stats().activeAlarmsByType.isEmpty());
        // The Journal page is shown while the upload arrives; a new database's journal is empty.
        window->showPage(MainWindow::JournalPage);
        auto *journal = qobject_cast<JournalModel *>(window->journalView()->exportModel());
        QVERIFY(journal);
        auto journaled = [&](const QString &endpoint) {
            for (int r = 0; r < journal->rowCount(); ++r)
                if (journal->rowAt(r)->endpoint.contains(endpoint) && journal->rowAt(r)->meterNo == kMeter)
                    return journal->rowAt(r)->direction == JournalDirection::Inbound;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!journal->isLoading(), 10000);
        QCOMPARE(journal->rowCount(), 0);

        // The receiver: another process on the same database.
        auto deskArgs = [&](QStringList args) {
            return args << QStringLiteral("--config") << dir.filePath(QStringLiteral("desk.ini")) << QStringLiteral("--database")
                        << database;
        };
        QProcess serve;
        serve.setProcessChannelMode(QProcess::SeparateChannels);
        serve.start(m_cli, deskArgs({QStringLiteral("serve")}));
        QVERIFY(serve.waitForReadyRead(20000));
        const QByteArray line = serve.readLine();
        const auto port = QRegularExpression(QStringLiteral(":(\\d+)\\s*$")).match(QString::fromUtf8(line));
        QVERIFY2(port.hasMatch(), line.constData());
        const quint16 listenerPort = quint16(port.captured(1).toUInt());
        auto stop = qScopeGuard([&] {
            serve.terminate();
            serve.waitForFinished(20000);
        });

        QElapsedTimer clock;
        QCOMPARE(post(listenerPort, QStringLiteral("meterDataUp")), QStringLiteral("0000"));
        clock.start();
        // The example's newest reading is 101.100 m3 (2024-11-04).
        QTRY_VERIFY2_WITH_TIMEOUT(registryText(RegistryModel::LastReading).contains(QLatin1String("101.100"))
                                      && detail->readingText().contains(QLatin1String("101.100"))
                                      && journaled(QStringLiteral("meterDataUp")) && uploadsCounted() == 1,
                                  qPrintable(registryText(RegistryModel::LastReading) + QStringLiteral(" | ") + detail->readingText()
                                             + QStringLiteral(" | journal rows %1, uploads counted %2")
                                                   .arg(journal->rowCount())
                                                   .arg(uploadsCounted())),
                                  kFollowMs);
        qInfo("upload -> registry, meter window, Journal page and overview: %lld ms", clock.elapsed());
        QCOMPARE(overview->stats().meterCount, qint64(1));

        window->showPage(MainWindow::AlarmsPage); // shown while the alarm arrives

        QVERIFY(!detail->alarmText().contains(QLatin1String("1002")));
        QCOMPARE(post(listenerPort, QStringLiteral("sendAlarm")), QStringLiteral("0000"));
        clock.restart();
        // The example raises alarm type 1002 on the meter.
        QTRY_VERIFY2_WITH_TIMEOUT(alarms->rowCount() > 0 && detail->alarmText().contains(QLatin1String("1002"))
                                      && overview->stats().activeAlarmsByType.value(QStringLiteral("1002")) == 1,
                                  qPrintable(detail->alarmText()), kFollowMs);
        QCOMPARE(alarms->index(0, AlarmModel::Meter).data(AlarmModel::MeterNoRole).toString(), kMeter);
        // 1002 is a gas leak (critical): the red banner shows it although another process stored it.
        const qint64 alarmId = alarms->rowAt(0)->id;
        QTRY_VERIFY_WITH_TIMEOUT(window->alarmBanner()->contains(alarmId), kFollowMs);
        qInfo("alarm -> Alarms page, banner, meter window and overview: %lld ms", clock.elapsed());

        // A command from another desk program, answered by the simulator through the receiver.
        QProcess sim;
        sim.start(m_sim, {QStringLiteral("--config"), dir.filePath(QStringLiteral("sim.ini")), QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:%1").arg(simPort), QStringLiteral("--listener"),
                          QStringLiteral("http://127.0.0.1:%1/rest/v1/bussinessPlatform").arg(listenerPort),
                          QStringLiteral("--meters-csv"), csv.fileName(), QStringLiteral("--result-delay-ms"), QStringLiteral("100"),
                          QStringLiteral("--report-interval-s"), QStringLiteral("0")});
        auto stopSim = qScopeGuard([&] {
            sim.terminate();
            sim.waitForFinished(10000);
        });
        QTRY_VERIFY_WITH_TIMEOUT([&] { QTcpSocket s; s.connectToHost(QHostAddress::LocalHost, simPort); return s.waitForConnected(200); }(), 10000);
        window->showPage(MainWindow::CommandsPage);
        CommandModel *commands = window->commandsView()->model();
        QProcess send;
        send.start(m_cli, deskArgs({QStringLiteral("send"), QStringLiteral("valveOperate"), QStringLiteral("--meter"), kMeter,
                                    QStringLiteral("valveOperate=1")}));
        QTRY_COMPARE_WITH_TIMEOUT(send.state(), QProcess::NotRunning, 20000);
        clock.restart();
        const QByteArray sent = send.readAllStandardOutput();
        QVERIFY2(send.exitCode() == 0, sent + send.readAllStandardError());
        const QString seq = QJsonDocument::fromJson(sent).object().value(QStringLiteral("commandSeq")).toString();
        QVERIFY2(!seq.isEmpty(), sent.constData());
        auto commandState = [&](const CommandModel *model) -> std::optional<CommandState> {
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->rowAt(r)->commandSeq == seq)
                    return model->rowAt(r)->state;
            return std::nullopt;
        };
        CommandModel *meterCommands = detail->commandModel(); // the meter window's Commands tab
        QTRY_VERIFY2_WITH_TIMEOUT(commandState(commands).has_value() && commandState(meterCommands).has_value()
                                      && commandsCounted() == 1,
                                  qPrintable(QStringLiteral("Commands page %1 rows, meter window %2 rows, overview %3")
                                                 .arg(commands->rowCount())
                                                 .arg(meterCommands->rowCount())
                                                 .arg(commandsCounted())),
                                  kFollowMs);
        qInfo("send -> Commands page, meter window and overview: %lld ms after send exited", clock.elapsed());
        const std::optional<CommandState> succeeded(CommandState::Succeeded);
        QTRY_VERIFY_WITH_TIMEOUT(commandState(commands) == succeeded && commandState(meterCommands) == succeeded, 10000);
        qInfo("result -> Succeeded in the Commands page and meter window: %lld ms after send exited", clock.elapsed());
    }
};

QTEST_MAIN(TestConsoleFollows)
#include "tst_consolefollows.moc"
