// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets at rest and in every output of a full run: an INI written with the appSecret and the AES
// key in clear text (as an older version wrote it) is migrated on first start; then the simulator,
// `serve` (all log categories on), `send` (a valve command and an encrypted recharge, results
// uploaded back), every `history` export, `meters list` and every --help run as separate processes.
// Neither secret may appear in any stdout/stderr, in the INI, or in the database files (journal
// included); they live only in the 0600 secrets file.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {
const QByteArray kSecret = "LeakCanary-Secret-9f8e7d6c";
const QByteArray kAesKey = "AesKeyCanary0123";
} // namespace

class TestSecretLeak : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const QString m_cli = QStringLiteral(MD_CLI_EXE);
    const QString m_sim = QStringLiteral(MD_SIM_EXE);
    QString ini() const { return m_dir.filePath(QStringLiteral("md.ini")); }
    QString db() const { return m_dir.filePath(QStringLiteral("md.sqlite")); }
    QList<QPair<QString, QByteArray>> m_outputs; // (what, bytes) of every process

    QByteArray run(const QString &program, const QStringList &args, int expectExit = 0)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(60000))
            return "TIMEOUT";
        const QByteArray out = p.readAllStandardOutput(), err = p.readAllStandardError();
        m_outputs.append({args.join(u' '), out + err});
        if (p.exitCode() != expectExit)
            qWarning().noquote() << args.join(u' ') << "exit" << p.exitCode() << QString::fromUtf8(out + err);
        return out;
    }
    QStringList withStore(QStringList args) const
    {
        return args << QStringLiteral("--config") << ini() << QStringLiteral("--database") << db();
    }
    static quint16 freePort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost);
        return s.serverPort();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(m_cli) && QFileInfo::exists(m_sim), "meterdesk-cli and qinchuan-sim are built");
        qputenv("MD_SECRET_BACKEND", "file");
        qputenv("QT_LOGGING_RULES", "md.*=true");
    }

    void fullRunLeaksNoSecret()
    {
        const quint16 simPort = freePort();
        QFile f(ini());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[platform]\nbaseUrl=http://127.0.0.1:" + QByteArray::number(simPort) + "\nappId=LEAKAPP\nappSecret=" + kSecret
                + "\naesKey=" + kAesKey + "\nrequestTimeoutSeconds=5\n[listener]\nhost=127.0.0.1\nport=0\n");
        f.close();
        QFile csv(m_dir.filePath(QStringLiteral("meters.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("meterNo,meterType,userNo,addrDes\nSIM000001,01,U1,Road 1\nSIM000002,01,U2,Road 2\n");
        csv.close();

        // First start: the plain values leave the INI for the 0600 secrets file.
        run(m_cli, withStore({QStringLiteral("meters"), QStringLiteral("import"), csv.fileName()}));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("md.secrets"))));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(m_dir.filePath(QStringLiteral("md.secrets"))).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);

        QProcess serve;
        serve.start(m_cli, withStore({QStringLiteral("serve")}));
        QVERIFY(serve.waitForReadyRead(20000));
        const QByteArray line = serve.readLine();
        const auto m = QRegularExpression(QStringLiteral(":(\\d+)\\s*$")).match(QString::fromUtf8(line));
        QVERIFY2(m.hasMatch(), line.constData());
        const QString listener = QStringLiteral("http://127.0.0.1:%1/rest/v1/bussinessPlatform").arg(m.captured(1));

        QProcess sim;
        sim.start(m_sim, {QStringLiteral("--config"), ini(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(simPort),
                          QStringLiteral("--listener"), listener, QStringLiteral("--meters-csv"), csv.fileName(),
                          QStringLiteral("--result-delay-ms"), QStringLiteral("200"), QStringLiteral("--report-interval-s"),
                          QStringLiteral("1")});
        QVERIFY(sim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT([&] { QTcpSocket s; s.connectToHost(QHostAddress::LocalHost, simPort); return s.waitForConnected(200); }(), 10000);

        const QByteArray valve = run(m_cli, withStore({QStringLiteral("send"), QStringLiteral("valveOperate"), QStringLiteral("--meter"),
                                                       QStringLiteral("SIM000001"), QStringLiteral("valveOperate=1"), QStringLiteral("--wait"),
                                                       QStringLiteral("15")}));
        QVERIFY2(valve.contains("\"state\":\"succeeded\""), valve.constData());
        const QByteArray recharge = run(m_cli, withStore({QStringLiteral("send"), QStringLiteral("recharge"), QStringLiteral("--meter"),
                                                          QStringLiteral("SIM000002"), QStringLiteral("rechargeType=1"),
                                                          QStringLiteral("rechargeNum=12.5"), QStringLiteral("--wait"), QStringLiteral("15")}));
        QVERIFY2(recharge.contains("\"state\":\"succeeded\""), recharge.constData());

        for (const char *kind : {"readings", "alarms", "commands", "recharges", "journal"})
            for (const char *format : {"csv", "json"})
                run(m_cli, withStore({QStringLiteral("history"), QLatin1String(kind), QStringLiteral("--format"), QLatin1String(format)}));
        const QByteArray journal = m_outputs.last().second;
        QVERIFY2(journal.contains("meterDataUp") || journal.contains("valveOperate"), "the journal export holds the run");
        run(m_cli, withStore({QStringLiteral("meters"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}));
        run(m_cli, {QStringLiteral("--help")});
        for (const char *cmd : {"serve", "send", "history", "meters", "migrate"})
            run(m_cli, {QLatin1String(cmd), QStringLiteral("--help")});
        run(m_sim, {QStringLiteral("--help")});

        sim.terminate();
        serve.terminate();
        QVERIFY(sim.waitForFinished(10000));
        QVERIFY(serve.waitForFinished(20000));
        m_outputs.append({QStringLiteral("serve"), line + serve.readAllStandardOutput() + serve.readAllStandardError()});
        m_outputs.append({QStringLiteral("qinchuan-sim"), sim.readAllStandardOutput() + sim.readAllStandardError()});
        QVERIFY2(m_outputs.last().second.size() + m_outputs.at(m_outputs.size() - 2).second.size() > 0, "the logs were captured");

        for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files)) {
            if (name == u"md.secrets")
                continue;
            QFile file(m_dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            m_outputs.append({name, file.readAll()});
        }
        for (const auto &[what, bytes] : std::as_const(m_outputs)) {
            QVERIFY2(!bytes.contains(kSecret), qPrintable(what + QStringLiteral(" holds the appSecret")));
            QVERIFY2(!bytes.contains(kAesKey), qPrintable(what + QStringLiteral(" holds the AES key")));
        }
        // The canaries are findable: the secrets file holds both (so the greps above could fail).
        QFile secrets(m_dir.filePath(QStringLiteral("md.secrets")));
        QVERIFY(secrets.open(QIODevice::ReadOnly));
        const QByteArray stored = secrets.readAll();
        QVERIFY(stored.contains(kSecret) && stored.contains(kAesKey));
    }
};

QTEST_GUILESS_MAIN(TestSecretLeak)
#include "tst_secretleak.moc"
