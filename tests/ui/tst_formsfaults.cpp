// SPDX-License-Identifier: GPL-3.0-or-later
// The command form against a platform that is down, hangs for a minute, answers an HTML page or half a
// JSON, or whose meter fails the command: qinchuan-sim runs as its own process (its fault switches set
// through /sim/control), the form is driven as an operator would (values, Send, the recharge
// confirmation). For each fault the dialog ends in the state protocol.md section 8 gives (unreachable
// without an HTTP answer, failed on the meter's resultCode 01), the platform saw the command at most
// once and nothing leaves again by itself, and the GUI thread never waited: a 20 ms QTimer keeps
// ticking through the whole send (a wait on the platform would stall it for the request timeout).
#include "formsworld.h"

#include "client/platformclient.h"
#include "ui/commandtext.h"
#include "ui/forms/commanddialog.h"
#include "ui/forms/commandstatuswidget.h"
#include "ui/forms/rechargeform.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace md;
using namespace md::testing;

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    return s.serverPort();
}

// Measures the longest gap between ticks of a timer on the GUI thread while it lives.
class TickGaps
{
public:
    TickGaps()
    {
        m_clock.start();
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_maxGap = qMax(m_maxGap, now - m_last);
            m_last = now;
            ++m_ticks;
        });
        m_timer.start();
    }
    qint64 maxGap() const { return qMax(m_maxGap, m_clock.elapsed() - m_last); }
    int ticks() const { return m_ticks; }
    qint64 elapsed() const { return m_clock.elapsed(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGap = 0;
    int m_ticks = 0;
};

} // namespace

class TestFormsFaults : public QObject
{
    Q_OBJECT
    FormsWorld m_world;
    QProcess m_sim;
    quint16 m_simPort = 0;
    QNetworkAccessManager m_net;

    // POST (switches) or GET (null) /sim/control; the simulator's status.
    QJsonObject control(const QJsonObject &switches = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/sim/control").arg(m_simPort)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = switches.isEmpty() ? m_net.get(request) : m_net.post(request, QJsonDocument(switches).toJson());
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
            return {};
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }
    // Commands the platform handled (every return code counted; none is sent twice by Qt or us).
    qint64 platformSaw()
    {
        qint64 n = 0;
        const QJsonObject counts = control().value(QStringLiteral("replies")).toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            n += it.value().toInteger();
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_world.setUp(4));
        QVERIFY2(QFileInfo::exists(QStringLiteral(MD_SIM_EXE)), "qinchuan-sim is built");
        m_simPort = freePort();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QINCHUAN_SIM_APP_SECRET"), m_world.settings.platform.appSecret);
        m_sim.setProcessEnvironment(env);
        m_sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_sim.start(QStringLiteral(MD_SIM_EXE),
                    {QStringLiteral("--app-id"), m_world.settings.platform.appId, QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(m_simPort), QStringLiteral("--listener"),
                     QStringLiteral("http://127.0.0.1:%1/rest/v1/bussinessPlatform").arg(m_world.listenerPort),
                     QStringLiteral("--meters"), QStringLiteral("4"), QStringLiteral("--result-delay-ms"), QStringLiteral("100"),
                     QStringLiteral("--report-interval-s"), QStringLiteral("0")});
        QVERIFY(m_sim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT([this] { QTcpSocket s; s.connectToHost(QHostAddress::LocalHost, m_simPort); return s.waitForConnected(200); }(), 10000);
        PlatformSettings platform = m_world.service->platformClient()->settings();
        platform.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(m_simPort);
        platform.requestTimeoutSeconds = 4;
        m_world.service->platformClient()->setSettings(platform);
    }
    void cleanupTestCase()
    {
        m_sim.kill(); // a reply held for a minute is still sleeping in it
        m_sim.waitForFinished(5000);
    }

    void stateShownAndGuiNeverWaits_data()
    {
        QTest::addColumn<QJsonObject>("faults");
        QTest::addColumn<bool>("down");
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("meter");
        QTest::addColumn<int>("state_");
        QTest::addColumn<int>("platformSees");
        const QJsonObject off{{QStringLiteral("replyDelayMs"), 0}, {QStringLiteral("noReply"), QStringLiteral("off")},
                              {QStringLiteral("failRatePercent"), 0}, {QStringLiteral("http500"), false},
                              // the meter's result would otherwise overtake the lost answer
                              {QStringLiteral("dropResults"), true}};
        auto with = [off](const char *key, const QJsonValue &value, bool results = false) {
            QJsonObject o = off;
            o.insert(QLatin1String(key), value);
            if (results)
                o.insert(QStringLiteral("dropResults"), false);
            return o;
        };
        const int unreachable = int(CommandState::Unreachable);
        QTest::newRow("nobody listening, recharge") << off << true << "recharge" << 1 << unreachable << 0;
        QTest::newRow("hangs 60 s, recharge") << with("replyDelayMs", 60000) << false << "recharge" << 2 << unreachable << 1;
        QTest::newRow("HTML page, recharge") << with("noReply", QStringLiteral("html")) << false << "recharge" << 3 << unreachable << 1;
        QTest::newRow("half a JSON, valve") << with("noReply", QStringLiteral("halfjson")) << false << "valveOperate" << 4 << unreachable << 1;
        QTest::newRow("the meter fails it, valve") << with("failRatePercent", 100, true) << false << "valveOperate" << 1
                                                  << int(CommandState::Failed) << 1;
    }

    void stateShownAndGuiNeverWaits()
    {
        QFETCH(QJsonObject, faults);
        QFETCH(bool, down);
        QFETCH(QString, command);
        QFETCH(int, meter);
        QFETCH(int, state_);
        QFETCH(int, platformSees);
        const CommandState want = CommandState(state_);
        QVERIFY(!control(faults).isEmpty());
        PlatformSettings platform = m_world.service->platformClient()->settings();
        const QString baseUrl = platform.baseUrl;
        if (down)
            platform.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(freePort()); // nobody listens there
        m_world.service->platformClient()->setSettings(platform);
        auto restore = qScopeGuard([&] {
            platform.baseUrl = baseUrl;
            m_world.service->platformClient()->setSettings(platform);
        });
        const qint64 before = platformSaw();
        const int rowsBefore = commandCount(m_world, command, FormsWorld::meterNo(meter));

        CommandDialog dlg(m_world.context(), command, FormsWorld::meterNo(meter));
        dlg.show();
        if (command == u"recharge") {
            dlg.setValue(QStringLiteral("rechargeNum"), QStringLiteral("20.00"));
            QTRY_VERIFY(static_cast<RechargeForm *>(dlg.form())->numbers().has_value());
        } else {
            dlg.setValue(QStringLiteral("valveOperate"), QStringLiteral("1"));
        }
        QVERIFY(dlg.sendButton()->isEnabled());

        TickGaps gaps;
        dlg.sendButton()->click();
        if (dlg.pendingConfirmation())
            QVERIFY(confirm(dlg.pendingConfirmation()));
        QTRY_VERIFY_WITH_TIMEOUT(dlg.status()->hasCommand(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(dlg.status()->state(), want, 15000);
        const qint64 sendMs = gaps.elapsed();
        QTest::qWait(1000); // nothing leaves again by itself
        qInfo("send to %s took %lld ms; longest GUI tick gap %lld ms over %d ticks", qPrintable(commandStateName(want)),
              sendMs, gaps.maxGap(), gaps.ticks());
        // A wait on the platform would stall the loop for the 4 s request timeout (or the minute);
        // a loaded machine's scheduling does not come near that.
        QVERIFY2(gaps.maxGap() < 2000, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(gaps.maxGap())));

        // What the dialog shows is the stored state, in the colour every place gives it.
        QCOMPARE(m_world.store->commandBySeq(dlg.status()->commandSeq()).value()->state, want);
        auto *line = dlg.status()->findChild<QLabel *>(QStringLiteral("commandState"));
        QVERIFY(line);
        QVERIFY(!line->text().isEmpty());
        QVERIFY2(line->styleSheet().contains(CommandText::stateColour(want).name()), qPrintable(line->styleSheet()));
        QCOMPARE(platformSaw() - before, qint64(platformSees));
        QCOMPARE(commandCount(m_world, command, FormsWorld::meterNo(meter)), rowsBefore + 1);
    }
};

QTEST_MAIN(TestFormsFaults)
#include "tst_formsfaults.moc"
