// SPDX-License-Identifier: GPL-3.0-or-later
// The INI configuration (protocol.md section 9): defaults, every bad key named, save/load round trip.
#include "core/settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

class TestSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeIni(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("meterdesk-%1.ini").arg(m_count++));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write ini");
        f.write(text);
        return path;
    }
    int m_count = 0;

private slots:
    void missingFileGivesDefaults()
    {
        const auto s = Settings::load(m_dir.filePath(QStringLiteral("absent.ini")));
        QVERIFY(s.ok());
        QCOMPARE(s->platform.baseUrl, QStringLiteral("http://127.0.0.1:9080"));
        QCOMPARE(s->platform.tokenCase, TokenCase::Upper);
        QCOMPARE(s->platform.signMode, SignMode::Lenient);
        QVERIFY(s->platform.encryptSensitive);
        QCOMPARE(s->platform.timeZone, QByteArray("Asia/Shanghai"));
        QCOMPARE(s->platform.requestTimeoutSeconds, 15);
        QCOMPARE(s->platform.commandTtlHours, 72);
        QVERIFY(s->listener.enabled);
        QCOMPARE(s->listener.host, QStringLiteral("0.0.0.0"));
        QCOMPARE(s->listener.port, quint16(8080));
        QCOMPARE(s->listener.pathPrefix, QStringLiteral("/rest/v1/bussinessPlatform"));
        QCOMPARE(s->listener.maxBodyBytes, qint64(8388608));
        QCOMPARE(s->listener.timestampToleranceSeconds, 300);
        QVERIFY(s->storage.database.isEmpty());
        QVERIFY(s->databaseOrDefault().endsWith(u"meterdesk.sqlite"));
    }

    void protocolSample()
    {
        const auto s = Settings::load(writeIni(R"([platform]
baseUrl=https://qc.example:9443/api
appId=QC20230001
appSecret=s3cr3t-KEY-0123456789
aesKey=
tokenCase=lower
signMode=strict
encryptSensitive=false
timeZone=Asia/Shanghai
requestTimeoutSeconds=30
commandTtlHours=24
[listener]
enabled=false
host=127.0.0.1
port=0
pathPrefix=/rest/v1/bussinessPlatform/
maxBodyBytes=1048576
timestampToleranceSeconds=60
[storage]
database=/tmp/x.sqlite
)"));
        QVERIFY2(s.ok(), qPrintable(s.error().path));
        QCOMPARE(s->platform.baseUrl, QStringLiteral("https://qc.example:9443/api"));
        QCOMPARE(s->platform.appId, QStringLiteral("QC20230001"));
        QCOMPARE(s->platform.tokenCase, TokenCase::Lower);
        QCOMPARE(s->platform.signMode, SignMode::Strict);
        QVERIFY(!s->platform.encryptSensitive);
        QCOMPARE(s->platform.requestTimeoutSeconds, 30);
        QCOMPARE(s->platform.commandTtlHours, 24);
        QVERIFY(!s->listener.enabled);
        QCOMPARE(s->listener.port, quint16(0));
        QCOMPARE(s->listener.pathPrefix, QStringLiteral("/rest/v1/bussinessPlatform")); // trailing slash dropped
        QCOMPARE(s->listener.maxBodyBytes, qint64(1048576));
        QCOMPARE(s->listener.timestampToleranceSeconds, 60);
        QCOMPARE(s->storage.database, QStringLiteral("/tmp/x.sqlite"));
        QCOMPARE(s->platform.effectiveAesKey(), QByteArray("s3cr3t-KEY-01234")); // first 16 bytes of appSecret
    }

    void badKey_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("key");
        QTest::newRow("baseUrl scheme") << QByteArray("[platform]\nbaseUrl=ftp://x\n") << "platform/baseUrl";
        QTest::newRow("baseUrl no host") << QByteArray("[platform]\nbaseUrl=http://\n") << "platform/baseUrl";
        QTest::newRow("aesKey length") << QByteArray("[platform]\naesKey=short\n") << "platform/aesKey";
        QTest::newRow("tokenCase") << QByteArray("[platform]\ntokenCase=title\n") << "platform/tokenCase";
        QTest::newRow("signMode") << QByteArray("[platform]\nsignMode=always\n") << "platform/signMode";
        QTest::newRow("encryptSensitive") << QByteArray("[platform]\nencryptSensitive=maybe\n") << "platform/encryptSensitive";
        QTest::newRow("timeZone") << QByteArray("[platform]\ntimeZone=Mars/Olympus\n") << "platform/timeZone";
        QTest::newRow("requestTimeout 0") << QByteArray("[platform]\nrequestTimeoutSeconds=0\n") << "platform/requestTimeoutSeconds";
        QTest::newRow("requestTimeout text") << QByteArray("[platform]\nrequestTimeoutSeconds=ten\n")
                                             << "platform/requestTimeoutSeconds";
        QTest::newRow("commandTtl") << QByteArray("[platform]\ncommandTtlHours=9000\n") << "platform/commandTtlHours";
        QTest::newRow("enabled") << QByteArray("[listener]\nenabled=yes please\n") << "listener/enabled";
        QTest::newRow("port range") << QByteArray("[listener]\nport=65536\n") << "listener/port";
        QTest::newRow("port negative") << QByteArray("[listener]\nport=-1\n") << "listener/port";
        QTest::newRow("pathPrefix") << QByteArray("[listener]\npathPrefix=rest\n") << "listener/pathPrefix";
        QTest::newRow("maxBodyBytes") << QByteArray("[listener]\nmaxBodyBytes=10\n") << "listener/maxBodyBytes";
        QTest::newRow("tolerance") << QByteArray("[listener]\ntimestampToleranceSeconds=0\n")
                                   << "listener/timestampToleranceSeconds";
        QTest::newRow("readTimeout 0") << QByteArray("[listener]\nreadTimeoutSeconds=0\n") << "listener/readTimeoutSeconds";
        QTest::newRow("maxConnections 0") << QByteArray("[listener]\nmaxConnections=0\n") << "listener/maxConnections";
        QTest::newRow("receipt paper") << QByteArray("[receipt]\npaper=letter\n") << "receipt/paper";
        QTest::newRow("large recharge yuan") << QByteArray("[recharge]\nconfirmAboveYuan=lots\n") << "recharge/confirmAboveYuan";
        QTest::newRow("large recharge m3") << QByteArray("[recharge]\nconfirmAboveM3=-5\n") << "recharge/confirmAboveM3";
    }
    void badKey()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, key);
        const auto s = Settings::load(writeIni(ini));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().path, key);
        QVERIFY(!s.error().detail.isEmpty());
        QVERIFY(s.error().message().contains(key));
    }

    // The rules between values are Settings::check(): load() refuses an INI that breaks one with the
    // same key and text the settings dialog shows (Settings::checkMessage), and the listener's TLS
    // check is the same ListenerSettings::checkTls().
    void oneCheckForLoadAndDialog_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("key");
        QTest::newRow("key without certificate") << QByteArray("[listener]\ntlsKey=/tmp/k.pem\n") << "listener/tlsCertificate";
        QTest::newRow("certificate without key") << QByteArray("[listener]\ntlsCertificate=/tmp/c.pem\n") << "listener/tlsKey";
        QTest::newRow("client CA without TLS") << QByteArray("[listener]\ntlsClientCa=/tmp/ca.pem\n") << "listener/tlsClientCa";
        QTest::newRow("host empty") << QByteArray("[listener]\nhost=\n") << "listener/host";
        QTest::newRow("short secret as AES key") << QByteArray("[platform]\nappSecret=short\n") << "platform/appSecret";
        QTest::newRow("short secret, no encryption") << QByteArray("[platform]\nappSecret=short\nencryptSensitive=false\n") << "";
        QTest::newRow("TLS complete") << QByteArray("[listener]\ntlsCertificate=/tmp/c.pem\ntlsKey=/tmp/k.pem\ntlsClientCa=/tmp/ca.pem\n") << "";
    }
    void oneCheckForLoadAndDialog()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, key);
        const auto loaded = Settings::load(writeIni(ini));
        if (key.isEmpty()) {
            QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().path));
            QVERIFY(loaded->check().ok());
            QVERIFY(loaded->listener.checkTls().ok());
            return;
        }
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().path, key);
        QVERIFY(Settings::checkMessage(loaded.error()).startsWith(key + QStringLiteral(": ")));
        if (key.startsWith(u"listener/tls")) {
            Settings s;
            s.listener.tlsCertificate = ini.contains("tlsCertificate") ? QStringLiteral("/tmp/c.pem") : QString();
            s.listener.tlsKey = ini.contains("tlsKey") ? QStringLiteral("/tmp/k.pem") : QString();
            s.listener.tlsClientCa = ini.contains("tlsClientCa") ? QStringLiteral("/tmp/ca.pem") : QString();
            QCOMPARE(s.listener.checkTls().error(), loaded.error());
            QCOMPARE(s.check().error(), loaded.error());
        }
    }

    void roundTrip()
    {
        Settings s;
        s.platform.baseUrl = QStringLiteral("http://10.0.0.5:9080");
        s.platform.appId = QStringLiteral("燃气公司A");
        s.platform.appSecret = QStringLiteral("密钥-秦川-0123456789");
        s.platform.aesKey = QStringLiteral("0123456789abcdef");
        s.platform.tokenCase = TokenCase::Lower;
        s.platform.signMode = SignMode::Off;
        s.platform.encryptSensitive = false;
        s.platform.timeZone = QByteArrayLiteral("Europe/Berlin");
        s.platform.requestTimeoutSeconds = 7;
        s.platform.commandTtlHours = 100;
        s.listener.enabled = false;
        s.listener.host = QStringLiteral("127.0.0.1");
        s.listener.port = 18080;
        s.listener.pathPrefix = QStringLiteral("/qc");
        s.listener.maxBodyBytes = 4096;
        s.listener.timestampToleranceSeconds = 120;
        s.listener.tlsCertificate = QStringLiteral("/etc/cert.pem");
        s.listener.tlsKey = QStringLiteral("/etc/key.pem");
        s.listener.tlsClientCa = QStringLiteral("/etc/platform-ca.pem");
        s.listener.readTimeoutSeconds = 12;
        s.listener.maxConnections = 250;
        s.storage.database = QStringLiteral("postgresql://meterdesk@localhost/meterdesk");
        s.operatorName = QStringLiteral("王五");
        s.receipt.companyName = QStringLiteral("成都秦川燃气有限公司");
        s.receipt.deskName = QStringLiteral("高新营业厅 2 号窗口");
        s.receipt.paper = QStringLiteral("thermal80");
        s.recharge.confirmAboveAmount = *Money::parse(u"2500.5");
        s.recharge.confirmAboveVolume = *Volume::parse(u"800.125");
        s.language = QStringLiteral("zh_CN");
        const QString path = m_dir.filePath(QStringLiteral("sub/dir/round.ini"));
        QVERIFY(s.save(path).ok());

        const auto l = Settings::load(path);
        QVERIFY2(l.ok(), qPrintable(l.error().path + u' ' + l.error().detail));
        QCOMPARE(l->platform.baseUrl, s.platform.baseUrl);
        QCOMPARE(l->platform.appId, s.platform.appId);
        QCOMPARE(l->platform.appSecret, s.platform.appSecret);
        QCOMPARE(l->platform.aesKey, s.platform.aesKey);
        QCOMPARE(l->platform.tokenCase, s.platform.tokenCase);
        QCOMPARE(l->platform.signMode, s.platform.signMode);
        QCOMPARE(l->platform.encryptSensitive, s.platform.encryptSensitive);
        QCOMPARE(l->platform.timeZone, s.platform.timeZone);
        QCOMPARE(l->platform.requestTimeoutSeconds, s.platform.requestTimeoutSeconds);
        QCOMPARE(l->platform.commandTtlHours, s.platform.commandTtlHours);
        QCOMPARE(l->listener.enabled, s.listener.enabled);
        QCOMPARE(l->listener.host, s.listener.host);
        QCOMPARE(l->listener.port, s.listener.port);
        QCOMPARE(l->listener.pathPrefix, s.listener.pathPrefix);
        QCOMPARE(l->listener.maxBodyBytes, s.listener.maxBodyBytes);
        QCOMPARE(l->listener.timestampToleranceSeconds, s.listener.timestampToleranceSeconds);
        QCOMPARE(l->listener.tlsCertificate, s.listener.tlsCertificate);
        QCOMPARE(l->listener.tlsKey, s.listener.tlsKey);
        QCOMPARE(l->listener.tlsClientCa, s.listener.tlsClientCa);
        QCOMPARE(l->listener.readTimeoutSeconds, s.listener.readTimeoutSeconds);
        QCOMPARE(l->listener.maxConnections, s.listener.maxConnections);
        QCOMPARE(l->storage.database, s.storage.database);
        QCOMPARE(l->operatorName, s.operatorName);
        QCOMPARE(l->language, s.language);
        QCOMPARE(l->platform.effectiveAesKey(), QByteArray("0123456789abcdef"));
        QCOMPARE(l->receipt.companyName, s.receipt.companyName);
        QCOMPARE(l->receipt.deskName, s.receipt.deskName);
        QCOMPARE(l->receipt.paper, s.receipt.paper);
        QCOMPARE(l->recharge.confirmAboveAmount, s.recharge.confirmAboveAmount);
        QCOMPARE(l->recharge.confirmAboveVolume, s.recharge.confirmAboveVolume);
        // Both are recorded: the display name and the computer account.
        QCOMPARE(l->effectiveOperator(), QStringLiteral("王五 (%1)").arg(OperatorIdentity::loginName()));
    }

    void names()
    {
        QCOMPARE(tokenCaseName(TokenCase::Upper), QStringLiteral("upper"));
        QCOMPARE(tokenCaseName(TokenCase::Lower), QStringLiteral("lower"));
        QCOMPARE(signModeName(SignMode::Off), QStringLiteral("off"));
        QCOMPARE(signModeName(SignMode::Lenient), QStringLiteral("lenient"));
        QCOMPARE(signModeName(SignMode::Strict), QStringLiteral("strict"));
    }

    void effectiveAesKeyFromNonAsciiSecret()
    {
        PlatformSettings p;
        p.appSecret = QStringLiteral("密钥-秦川-0123456789"); // 6 bytes per two CJK chars: cut at 16 bytes
        QCOMPARE(p.effectiveAesKey(), p.appSecret.toUtf8().left(16));
        QCOMPARE(p.effectiveAesKey().size(), 16);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
