// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog: secrets masked (with a show toggle), invalid values named by their INI key and
// blocking OK, Apply announcing the new settings at once and writing the INI, the listener moving to
// the new port without a restart, and "Test connection" against the real simulator.

#include "simulator.h"

#include "server/uploadlistener.h"
#include "storage/store.h"
#include "ui/settings/connectionprobe.h"
#include "ui/settings/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTabWidget>
#include <QToolButton>
#include <QTranslator>

using namespace md;

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool canConnect(quint16 port)
{
    QTcpSocket sock;
    sock.connectToHost(QHostAddress::LocalHost, port);
    return sock.waitForConnected(1000);
}

Settings base()
{
    Settings s;
    s.platform.appId = QStringLiteral("QC20230001");
    s.platform.appSecret = QStringLiteral("s3cr3t-KEY-0123456789");
    s.listener.host = QStringLiteral("127.0.0.1");
    return s;
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void secretsAreMasked()
    {
        SettingsDialog dlg(base(), QString());
        // A stored secret is never put into an edit; an untouched edit keeps it, a typed one changes it.
        QVERIFY(dlg.appSecretEdit()->text().isEmpty());
        QCOMPARE(dlg.settings().platform.appSecret, base().platform.appSecret);
        dlg.appSecretEdit()->setText(QStringLiteral("new-secret-0123456789"));
        QCOMPARE(dlg.settings().platform.appSecret, QStringLiteral("new-secret-0123456789"));
        dlg.appSecretEdit()->clear();
        QCOMPARE(dlg.appSecretEdit()->echoMode(), QLineEdit::Password);
        QCOMPARE(dlg.aesKeyEdit()->echoMode(), QLineEdit::Password);
        auto *show = dlg.findChild<QToolButton *>(QStringLiteral("appSecretShow"));
        QVERIFY(show);
        show->click();
        QCOMPARE(dlg.appSecretEdit()->echoMode(), QLineEdit::Normal);
        show->click();
        QCOMPARE(dlg.appSecretEdit()->echoMode(), QLineEdit::Password);
        // Nothing else in the dialog shows the secret in plain text.
        for (QLabel *l : dlg.findChildren<QLabel *>())
            QVERIFY(!l->text().contains(base().platform.appSecret));
    }

    void invalidValuesNameTheirKey_data()
    {
        QTest::addColumn<QString>("widget");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("key");
        QTest::newRow("url") << "baseUrl" << "ftp://x" << "platform/baseUrl";
        QTest::newRow("url empty") << "baseUrl" << "" << "platform/baseUrl";
        QTest::newRow("aes key 15") << "aesKey" << "0123456789abcde" << "platform/aesKey";
        QTest::newRow("prefix") << "pathPrefix" << "rest/v1" << "listener/pathPrefix";
        QTest::newRow("tls half") << "tlsCertificate" << "/tmp/cert.pem" << "listener/tlsKey";
        QTest::newRow("client CA without TLS") << "tlsClientCa" << "/tmp/ca.pem" << "listener/tlsClientCa";
        QTest::newRow("host") << "host" << "" << "listener/host";
    }

    void invalidValuesNameTheirKey()
    {
        QFETCH(QString, widget);
        QFETCH(QString, value);
        QFETCH(QString, key);
        SettingsDialog dlg(base(), QString());
        auto *ok = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        auto *edit = dlg.findChild<QLineEdit *>(widget);
        QVERIFY(edit);
        edit->setText(value);
        QVERIFY(dlg.problem().startsWith(key));
        QVERIFY(!ok->isEnabled());
        QVERIFY(!dlg.apply());
    }

    void timeZoneIsChecked()
    {
        SettingsDialog dlg(base(), QString());
        dlg.findChild<QComboBox *>(QStringLiteral("timeZone"))->setCurrentText(QStringLiteral("Mars/Olympus"));
        QVERIFY(dlg.problem().startsWith(QStringLiteral("platform/timeZone")));
    }

    void applyMovesTheListenerAndWritesTheIni()
    {
        QTemporaryDir dir;
        StoreOptions so;
        so.database = dir.filePath(QStringLiteral("m.sqlite"));
        auto store = Store::open(so);
        QVERIFY(store.ok());
        Settings s = base();
        s.listener.port = freePort();
        UploadListener listener(store.value());
        auto started = listener.start(s.listener, s.platform);
        // A process's first listener start loads the TLS backend: seconds under Wine when loaded.
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
        QVERIFY(started.result().ok());
        const quint16 oldPort = s.listener.port;
        QVERIFY(canConnect(oldPort));

        const QString ini = dir.filePath(QStringLiteral("meterdesk.ini"));
        SettingsDialog dlg(s, ini, store.value());
        // What the main window does with the signal: rebind the listener.
        std::optional<Settings> announced;
        connect(&dlg, &SettingsDialog::settingsChanged, &listener, [&](const Settings &n) {
            announced = n;
            listener.start(n.listener, n.platform);
        });
        const quint16 newPort = freePort();
        dlg.listenerPortSpin()->setValue(newPort);
        dlg.findChild<QLineEdit *>(QStringLiteral("operatorName"))->setText(QStringLiteral("王芳"));
        dlg.findChild<QLineEdit *>(QStringLiteral("receiptCompany"))->setText(QStringLiteral("成都秦川燃气有限公司"));
        auto *paper = dlg.findChild<QComboBox *>(QStringLiteral("receiptPaper"));
        paper->setCurrentIndex(paper->findData(QStringLiteral("thermal80")));
        dlg.findChild<QLineEdit *>(QStringLiteral("confirmAboveYuan"))->setText(QStringLiteral("2000"));
        dlg.findChild<QLineEdit *>(QStringLiteral("confirmAboveM3"))->setText(QStringLiteral("650.5"));
        QVERIFY(dlg.apply());
        QVERIFY(announced.has_value());
        QCOMPARE(announced->recharge.confirmAboveAmount, *Money::parse(u"2000"));
        QCOMPARE(announced->recharge.confirmAboveVolume, *Volume::parse(u"650.5"));
        QCOMPARE(announced->listener.port, newPort);
        QCOMPARE(announced->operatorIdentity().displayName, QStringLiteral("王芳"));
        QCOMPARE(announced->effectiveOperator(), QStringLiteral("王芳 (%1)").arg(OperatorIdentity::loginName()));
        QTRY_COMPARE_WITH_TIMEOUT(listener.address().port, newPort, 5000);
        QVERIFY(canConnect(newPort));
        QTRY_VERIFY(!canConnect(oldPort));
        // The INI follows (written off the GUI thread).
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(ini), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto loaded = Settings::load(ini);
                return loaded.ok() && loaded->listener.port == newPort && loaded->operatorName == QStringLiteral("王芳")
                       && loaded->receipt.companyName == QStringLiteral("成都秦川燃气有限公司")
                       && loaded->receipt.paper == QStringLiteral("thermal80")
                       && loaded->recharge.confirmAboveVolume == *Volume::parse(u"650.5");
            }(),
            5000);
        listener.stop().waitForFinished();
    }

    // Renders the three tabs for review when MD_SCREENSHOT_DIR is set (zh_CN with MD_SCREENSHOT_QM).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("MD_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("MD_SCREENSHOT_DIR not set");
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QList<QTranslator *> ts;
            if (lang == u"zh_CN")
                for (const QString &qm : qEnvironmentVariable("MD_SCREENSHOT_QM").split(u':', Qt::SkipEmptyParts)) {
                    auto *t = new QTranslator(this);
                    QVERIFY(t->load(qm));
                    QCoreApplication::installTranslator(t);
                    ts << t;
                }
            SettingsDialog dlg(base(), QString());
            dlg.findChild<QLineEdit *>(QStringLiteral("aesKey"))->setText(QStringLiteral("0123456789abcde"));
            for (int i = 0; i < dlg.tabs()->count(); ++i) {
                dlg.tabs()->setCurrentIndex(i);
                dlg.adjustSize();
                dlg.show();
                QTest::qWait(50);
                QVERIFY(dlg.grab().save(QStringLiteral("%1/settings-%2-%3.png").arg(dir).arg(i).arg(lang)));
            }
            for (QTranslator *t : ts)
                QCoreApplication::removeTranslator(t);
        }
    }

    void testConnection_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<bool>("simRunning");
        QTest::addColumn<int>("verdict");
        QTest::newRow("ok") << "s3cr3t-KEY-0123456789" << true << int(ProbeResult::Verdict::Ok);
        QTest::newRow("wrong secret") << "wrong-secret-0123456789" << true << int(ProbeResult::Verdict::CredentialsRefused);
        QTest::newRow("nobody there") << "s3cr3t-KEY-0123456789" << false << int(ProbeResult::Verdict::Unreachable);
    }

    void testConnection()
    {
        QFETCH(QString, secret);
        QFETCH(bool, simRunning);
        QFETCH(int, verdict);
        sim::SimulatorConfig c;
        c.credentials = {QStringLiteral("QC20230001"), QStringLiteral("s3cr3t-KEY-0123456789")};
        c.logEachUpload = false;
        sim::Simulator simulator(c);
        Settings s = base();
        s.platform.appSecret = secret;
        s.platform.requestTimeoutSeconds = 3;
        if (simRunning) {
            QVERIFY(simulator.listen(QHostAddress::LocalHost, 0).ok());
            s.platform.baseUrl = simulator.baseUrl();
        } else {
            s.platform.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(freePort());
        }
        SettingsDialog dlg(s, QString());
        std::optional<ProbeResult> result;
        connect(&dlg, &SettingsDialog::connectionTested, this, [&](const ProbeResult &r) { result = r; });
        dlg.testButton()->click();
        QVERIFY(!dlg.testButton()->isEnabled()); // asynchronous: the dialog stays responsive
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 8000);
        QCOMPARE(int(result->verdict), verdict);
        QVERIFY(dlg.testButton()->isEnabled());
        QVERIFY(!dlg.testResultLabel()->text().isEmpty());
        QVERIFY(!dlg.testResultLabel()->text().contains(secret));
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
