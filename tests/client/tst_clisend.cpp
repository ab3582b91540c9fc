// SPDX-License-Identifier: GPL-3.0-or-later
// `meterdesk-cli send` as a user runs it: a child process against the simulator (in this process),
// with the real listener (in this process) writing results into the same database the CLI polls.
#include "flowfixture.h"

#include <QJsonDocument>
#include <QProcess>

using namespace md;
using namespace md::testing;

class TestCliSend : public FlowFixture
{
    Q_OBJECT
private slots:
    void init();
    void cleanup() { tearDownFixture(); }
    void send_data();
    void send();

private:
    QString m_ini;
};

void TestCliSend::init()
{
    setUpFixture();
    setUpWorld(2);
    MeterInfo m;
    m.meterNo = QStringLiteral("ONLYOURS1");
    m.meterType = QStringLiteral("QC-G4");
    m.userNo = QStringLiteral("U1");
    m.addrDes = QStringLiteral("Nowhere 1");
    QVERIFY(await(m_store->upsertMeters({m})).ok());
    m_ini = m_dir->filePath(QStringLiteral("meterdesk.ini"));
    QFile ini(m_ini);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write(QStringLiteral("[platform]\nbaseUrl=%1\nappId=%2\nappSecret=%3\nrequestTimeoutSeconds=2\n")
                  .arg(m_platform.baseUrl, creds.appId, creds.appSecret)
                  .toUtf8());
}

void TestCliSend::send_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("state");  // expected JSON state; empty: no JSON (usage / validation)
    QTest::addColumn<QString>("stderrHas");
    QTest::newRow("valve, wait for the result") << QStringList{"valveOperate", "--meter", "SIM000001", "valveOperate=1", "--wait", "10"} << "" << 0 << "succeeded" << "";
    QTest::newRow("recharge, wait") << QStringList{"recharge", "--meter", "SIM000002", "rechargeType=1", "rechargeNum=25.5", "--wait", "10"} << "" << 0 << "succeeded" << "";
    QTest::newRow("setParameter accepted") << QStringList{"setParameter", "meterNo=SIM000001", "upDay=3"} << "" << 0 << "accepted" << "";
    // The meter's result is held back: without it `sent` is the state to print, however slow the CLI.
    QTest::newRow("getParameter sent, no wait") << QStringList{"getParameter", "--meter", "SIM000001"} << "dropResults" << 0 << "sent" << "";
    QTest::newRow("rejected by the platform") << QStringList{"valveOperate", "--meter", "ONLYOURS1", "valveOperate=0"} << "" << 1 << "rejected" << "";
    QTest::newRow("platform down") << QStringList{"recharge", "--meter", "SIM000001", "rechargeType=1", "rechargeNum=5"} << "http500" << 1 << "unreachable" << "";
    QTest::newRow("invalid amount") << QStringList{"recharge", "--meter", "SIM000001", "rechargeType=1", "rechargeNum=0"} << "" << 2 << "" << "rechargeNum: 1203";
    QTest::newRow("invalid ladder") << QStringList{"changeprice", "--meter", "SIM000001", "priceName=a", "priceVersion=1", "priceLadderNum=6", "effectiveDate=2099-01-01", "price0=3"} << "" << 2 << "" << "priceLadderNum: 1102";
    QTest::newRow("unknown meter") << QStringList{"valveOperate", "--meter", "NOPE", "valveOperate=1"} << "" << 2 << "" << "meterNo: 1003";
    QTest::newRow("unknown command") << QStringList{"explode", "--meter", "SIM000001"} << "" << 2 << "" << "unknown command";
    QTest::newRow("not key=value") << QStringList{"valveOperate", "--meter", "SIM000001", "valveOperate"} << "" << 2 << "" << "key=value";
}

void TestCliSend::send()
{
    QFETCH(QStringList, args);
    QFETCH(QString, fault);
    QFETCH(int, exitCode);
    QFETCH(QString, state);
    QFETCH(QString, stderrHas);
    if (!fault.isEmpty()) {
        auto f = m_sim->faults().switches();
        f.http500 = fault == u"http500";
        f.dropResults = fault == u"dropResults";
        m_sim->faults().set(f);
    }
    QProcess cli;
    cli.setProgram(QStringLiteral(MD_CLI_EXE));
    cli.setArguments(QStringList{QStringLiteral("send")} + args
                     + QStringList{QStringLiteral("--config"), m_ini, QStringLiteral("--database"), m_dir->filePath(QStringLiteral("flow.sqlite"))});
    cli.start();
    QVERIFY(cli.waitForStarted());
    // The simulator and the listener live in this process: keep the event loop running meanwhile.
    QVERIFY(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 20000));
    const QByteArray out = cli.readAllStandardOutput();
    const QByteArray err = cli.readAllStandardError();
    QVERIFY2(cli.exitCode() == exitCode, qPrintable(QStringLiteral("exit %1; out %2; err %3").arg(cli.exitCode()).arg(QString::fromUtf8(out), QString::fromUtf8(err))));
    if (state.isEmpty()) {
        QVERIFY2(out.trimmed().isEmpty(), out.constData());
        QVERIFY2(err.contains(stderrHas.toUtf8()), err.constData());
        QCOMPARE(handledCount(*m_sim), 0); // nothing left the machine
        return;
    }
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1); // ONE JSON object
    const QJsonObject o = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(o.value(u"state").toString(), state);
    QCOMPARE(o.value(u"commandSeq").toString().size(), 20);
    QVERIFY(o.contains(u"returnCode") && o.contains(u"returnMessage"));
    if (args.first() == u"recharge")
        QVERIFY(o.value(u"tradeNo").toString().startsWith(u'R'));
    if (state == u"rejected")
        QCOMPARE(o.value(u"returnCode").toString(), QStringLiteral("1003"));
    const auto row = m_store->commandBySeq(o.value(u"commandSeq").toString());
    QVERIFY(row.ok() && row->has_value());
}

QTEST_GUILESS_MAIN(TestCliSend)
#include "tst_clisend.moc"
