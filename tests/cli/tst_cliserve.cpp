// SPDX-License-Identifier: GPL-3.0-or-later
// meterdesk-cli serve / meters / history as a user runs them: real processes, a real SQLite file,
// real HTTP. serve prints its one line, takes an upload, exits 0 on SIGTERM with the data committed.
#include "../server/rawhttp.h"

#include "core/settings.h"
#include "protocol/catalog.h"
#include "protocol/codec.h"
#include "protocol/examples.h"
#include "protocol/security.h"
#include "storage/store.h"

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTest>

using namespace md;
using namespace md::testing;

class TestCliServe : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    QString cli = QStringLiteral(MD_CLI_EXE);
    QString ini() const { return dir.filePath(QStringLiteral("md.ini")); }
    QString db() const { return dir.filePath(QStringLiteral("md.sqlite")); }
    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };
    Run run(const QStringList &args)
    {
        QProcess p;
        p.start(cli, args + QStringList{QStringLiteral("--config"), ini(), QStringLiteral("--database"), db()});
        p.waitForFinished(60000);
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    void writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private Q_SLOTS:
    void initTestCase();
    void importReportsBadRows();
    void importReadsGb18030FromExcel();
    void serveAcceptsAnUploadAndStopsOnSigterm();
    void historyCsvHasBomAndPlatformTimes();
    void badConfigurationExits2NamingTheKey();
    void portInUseExits1();
};

void TestCliServe::initTestCase()
{
    QVERIFY(dir.isValid());
    QVERIFY2(QFileInfo::exists(cli), qPrintable(cli));
    writeFile(QStringLiteral("md.ini"), "[platform]\nappId=cli-app\nappSecret=cli-secret-0123456789\n"
                                        "[listener]\nhost=127.0.0.1\nport=0\n");
}

void TestCliServe::importReportsBadRows()
{
    writeFile(QStringLiteral("meters.csv"),
              "\xEF\xBB\xBFmeterNo,meterType,userNo,addrDes,userName,setUpTime,enableMeterReading,billingUnit\r\n"
              "20240001,01,U1,\"Road 1, flat 2\",张三,2024-01-02 03:04:05,12.5,气量表\r\n"
              "20240002,01,U2,Road 2,,2024-02-30 00:00:00,,\r\n"
              "20240003,01,,Road 3,,,,\r\n"
              "20240002,01,U2,Road 2,李四,,,money\r\n"
              "20240004,01,U4,Road 4,,,,per kg\r\n");
    const Run r = run({QStringLiteral("meters"), QStringLiteral("import"), dir.filePath(QStringLiteral("meters.csv"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("meters.csv:3: setUpTime:"), r.err.constData());
    QVERIFY2(r.err.contains("meters.csv:4: userNo:"), r.err.constData());
    QVERIFY2(r.err.contains("meters.csv:6: billingUnit:"), r.err.constData());
    QVERIFY2(r.out.contains("imported 2 meters (2 new, 0 updated); 3 rows refused"), r.out.constData());

    const Run list = run({QStringLiteral("meters"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains("\"userName\":\"张三\""));
    QVERIFY(list.out.contains("\"addrDes\":\"Road 1, flat 2\""));
}

// A registry saved by Excel on a Chinese Windows ("CSV (逗号分隔)": GB18030, CRLF, quoted fields
// with a comma and a line break) imports with its names and addresses intact.
void TestCliServe::importReadsGb18030FromExcel()
{
    const Run r = run({QStringLiteral("meters"), QStringLiteral("import"), QStringLiteral(MD_TEST_DATA_DIR "/registry-gb18030.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Run list = run({QStringLiteral("meters"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("\"userName\":\"欧阳娜娜\""), list.out.constData());
    QVERIFY(list.out.contains("\"addrDes\":\"成都市武侯区人民南路四段1号, 3栋2单元\""));
}

void TestCliServe::serveAcceptsAnUploadAndStopsOnSigterm()
{
    QProcess serve;
    serve.start(cli, {QStringLiteral("serve"), QStringLiteral("--config"), ini(), QStringLiteral("--database"), db()});
    QVERIFY(serve.waitForStarted());
    QVERIFY(serve.waitForReadyRead(20000));
    QByteArray line = serve.readAllStandardOutput();
    const QRegularExpression pattern(QStringLiteral("^listening on http://127\\.0\\.0\\.1:(\\d+)\\n$"));
    const auto match = pattern.match(QString::fromUtf8(line));
    QVERIFY2(match.hasMatch(), line.constData());
    const quint16 port = quint16(match.captured(1).toUInt());

    CodecOptions options;
    options.appSecret = QStringLiteral("cli-secret-0123456789");
    options.aesKey = options.appSecret.toUtf8().left(16);
    const MessageSpec *spec = Catalog::instance().upload(u"meterDataUp");
    auto body = MessageCodec(options).build(*spec, Examples::validPlainBody(*spec));
    QVERIFY(body);
    const AuthHeaders h = Auth::make({QStringLiteral("cli-app"), options.appSecret}, PlatformTime(),
                                     QDateTime::currentSecsSinceEpoch());
    const rawhttp::Reply reply = rawhttp::post(port, "/rest/v1/bussinessPlatform/meterDataUp",
                                               {{"timestamp", h.timestamp}, {"AccessToken", h.accessToken},
                                                {"Authorization", h.authorization}},
                                               QJsonDocument(body.value()).toJson(QJsonDocument::Compact));
    QCOMPARE(reply.returnCode(), QStringLiteral("0000"));

#ifdef Q_OS_WIN
    // QProcess::terminate() posts WM_CLOSE, which a console program never receives (serve stops on
    // the console's Ctrl+C/close events there): killed instead; "0000" came after the commit, so
    // the rows below must be there all the same.
    serve.kill();
    QVERIFY(serve.waitForFinished(20000));
#else
    serve.terminate(); // SIGTERM
    QVERIFY(serve.waitForFinished(20000));
    const QByteArray log = serve.readAllStandardError();
    QVERIFY2(serve.exitStatus() == QProcess::NormalExit, log.constData());
    QCOMPARE(serve.exitCode(), 0);
    QCOMPARE(serve.readAllStandardOutput(), QByteArray()); // exactly one line on stdout
#endif

    StoreOptions so;
    so.database = db();
    so.readOnly = true;
    auto store = Store::open(so);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().code + QLatin1Char(' ') + store.error().detail));
    QCOMPARE(store.value()->readingRows(QStringLiteral("20240001"), 0, 4102444800LL)->size(), 2);
}

void TestCliServe::historyCsvHasBomAndPlatformTimes()
{
    const Run r = run({QStringLiteral("history"), QStringLiteral("readings"), QStringLiteral("--meter"), QStringLiteral("20240001"),
                       QStringLiteral("--from"), QStringLiteral("2024-11-03"), QStringLiteral("--to"), QStringLiteral("2024-11-03")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("\xEF\xBB\xBFmeterNo,dataTime,readingNum,"));
    // The example's first reading: 2024-11-03 08:15:00 (platform zone), 100.100 m3, money with 4 decimals.
    QVERIFY2(r.out.contains("\r\n20240001,2024-11-03 08:15:00,100.100,"), r.out.constData());
    QCOMPARE(r.out.count("\r\n"), 2); // header + the one reading of that day
    const Run journal = run({QStringLiteral("history"), QStringLiteral("journal"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(journal.exitCode, 0);
    QVERIFY(journal.out.contains("\"returnCode\":\"0000\""));
}

void TestCliServe::badConfigurationExits2NamingTheKey()
{
    writeFile(QStringLiteral("bad.ini"), "[platform]\nappId=a\nappSecret=b\n[listener]\nport=eighty\n");
    QProcess p;
    p.start(cli, {QStringLiteral("serve"), QStringLiteral("--config"), dir.filePath(QStringLiteral("bad.ini")),
                  QStringLiteral("--database"), db()});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(p.readAllStandardError().contains("listener/port"), "the key is named");
}

void TestCliServe::portInUseExits1()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    QProcess p;
    p.start(cli, {QStringLiteral("serve"), QStringLiteral("--config"), ini(), QStringLiteral("--database"), db(),
                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(taken.serverPort())});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("listener/port"));
    QCOMPARE(p.readAllStandardOutput(), QByteArray());
}

QTEST_GUILESS_MAIN(TestCliServe)
#include "tst_cliserve.moc"
