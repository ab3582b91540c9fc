// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets at rest (file backend, as on a desk without a keyring and on CI): a fresh install's INI
// holds no secret, plain values of an older INI move into the 0600 store on first load, a store
// others can read is refused, a read-only INI keeps working with a warning, and MD_APP_SECRET /
// MD_AES_KEY / systemd credentials override for a headless receiver.
#include "core/secretstore.h"
#include "core/settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <QDir>

#include <sys/stat.h>
#include <unistd.h>

using namespace md;

namespace {
const QString kSecret = QStringLiteral("Canary-AppSecret-0123456789");
const QString kAes = QStringLiteral("CanaryAesKey0123");

QByteArray slurp(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}
} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshIni() { return m_dir.filePath(QStringLiteral("d%1/meterdesk.ini").arg(m_n++)); }
    static QString secretsOf(const QString &ini) { return QFileInfo(ini).absolutePath() + QStringLiteral("/meterdesk.secrets"); }
    static void write(const QString &path, const QByteArray &text)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }

private slots:
    void initTestCase()
    {
        qputenv("MD_SECRET_BACKEND", "file");
        qunsetenv("MD_APP_SECRET");
        qunsetenv("MD_AES_KEY");
        qunsetenv("CREDENTIALS_DIRECTORY");
        qunsetenv("MD_SECRETS_FILE");
    }

    void freshInstallIniHoldsNoSecret()
    {
        const QString ini = freshIni();
        Settings s;
        s.platform.appId = QStringLiteral("QC1");
        s.platform.appSecret = kSecret;
        s.platform.aesKey = kAes;
        QVERIFY(s.save(ini).ok());
        const QByteArray text = slurp(ini);
        QVERIFY(text.contains("appId=QC1"));
        QVERIFY2(!text.contains(kSecret.toUtf8()) && !text.contains(kAes.toUtf8()), text.constData());
        QCOMPARE(modeOf(secretsOf(ini)), 0600);
        const auto l = Settings::load(ini);
        QVERIFY(l.ok());
        QCOMPARE(l->platform.appSecret, kSecret);
        QCOMPARE(l->platform.aesKey, kAes);
        QCOMPARE(l->secretBackend, QStringLiteral("file"));
        QVERIFY2(l->secretNotices.join(u'\n').contains(QStringLiteral("meterdesk.secrets")), "the file fallback is announced");
        QVERIFY(!l->secretNotices.join(u'\n').contains(kSecret));
    }

    void plainValuesMigrateOnFirstLoad_data()
    {
        QTest::addColumn<QByteArray>("platform");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("aes");
        QTest::newRow("both") << QByteArray("appSecret=" + kSecret.toUtf8() + "\naesKey=" + kAes.toUtf8() + "\n") << kSecret << kAes;
        QTest::newRow("secret only") << QByteArray("appSecret=" + kSecret.toUtf8() + "\n") << kSecret << QString();
        QTest::newRow("empty keys") << QByteArray("appSecret=\naesKey=\n") << QString() << QString();
    }

    void plainValuesMigrateOnFirstLoad()
    {
        QFETCH(QByteArray, platform);
        QFETCH(QString, secret);
        QFETCH(QString, aes);
        const QString ini = freshIni();
        write(ini, "[platform]\nappId=QC1\n" + platform + "[listener]\nport=8081\n");
        const auto first = Settings::load(ini);
        QVERIFY2(first.ok(), qPrintable(first.error().path + u' ' + first.error().detail));
        QCOMPARE(first->platform.appSecret, secret);
        QCOMPARE(first->platform.aesKey, aes);
        QCOMPARE(first->listener.port, quint16(8081));
        const QByteArray text = slurp(ini);
        QVERIFY2(!text.contains("appSecret") && !text.contains("aesKey"), text.constData());
        QVERIFY(text.contains("appId=QC1"));
        if (!secret.isEmpty())
            QCOMPARE(modeOf(secretsOf(ini)), 0600);
        const auto second = Settings::load(ini);
        QVERIFY(second.ok());
        QCOMPARE(second->platform.appSecret, secret);
        QCOMPARE(second->platform.aesKey, aes);
    }

    void storeReadableByOthersIsRefused()
    {
        const QString ini = freshIni();
        write(ini, "[platform]\nappId=QC1\nappSecret=" + kSecret.toUtf8() + "\n");
        QVERIFY(Settings::load(ini).ok());
        QVERIFY(QFile::setPermissions(secretsOf(ini), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                                          | QFileDevice::ReadOther));
        const auto l = Settings::load(ini);
        QVERIFY(!l.ok());
        QCOMPARE(l.error().path, QStringLiteral("platform/appSecret"));
        QVERIFY2(l.error().detail.contains(QStringLiteral("chmod 600")), qPrintable(l.error().detail));
        QVERIFY(!l.error().detail.contains(kSecret));
    }

    void readOnlyIniKeepsWorkingWithAWarning()
    {
        if (::geteuid() == 0)
            QSKIP("root writes read-only files");
        const QString ini = freshIni();
        write(ini, "[platform]\nappId=QC1\nappSecret=" + kSecret.toUtf8() + "\n");
        QVERIFY(QFile::setPermissions(ini, QFileDevice::ReadOwner));
        const auto l = Settings::load(ini);
        QVERIFY(l.ok());
        QCOMPARE(l->platform.appSecret, kSecret);
        QVERIFY(l->secretNotices.join(u'\n').contains(QStringLiteral("clear text")));
        QVERIFY(!l->secretNotices.join(u'\n').contains(kSecret));
    }

    void overridesForAHeadlessReceiver_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("environment") << "env";
        QTest::newRow("systemd credentials") << "credentials";
        QTest::newRow("service account file") << "file";
    }

    void overridesForAHeadlessReceiver()
    {
        QFETCH(QString, how);
        const QString ini = freshIni();
        write(ini, "[platform]\nappId=QC1\n");
        const QString dir = QFileInfo(ini).absolutePath();
        if (how == u"env") {
            qputenv("MD_APP_SECRET", kSecret.toUtf8());
            qputenv("MD_AES_KEY", kAes.toUtf8());
        } else if (how == u"credentials") {
            write(dir + QStringLiteral("/creds/appSecret"), kSecret.toUtf8() + "\n");
            write(dir + QStringLiteral("/creds/aesKey"), kAes.toUtf8());
            qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(dir + QStringLiteral("/creds")));
        } else {
            const QString file = dir + QStringLiteral("/service.secrets");
            QVERIFY(secretbackends::file(file)->write(QStringLiteral("appSecret"), kSecret).ok());
            QVERIFY(secretbackends::file(file)->write(QStringLiteral("aesKey"), kAes).ok());
            QCOMPARE(modeOf(file), 0600);
            qputenv("MD_SECRETS_FILE", QFile::encodeName(file));
        }
        const auto l = Settings::load(ini);
        qunsetenv("MD_APP_SECRET");
        qunsetenv("MD_AES_KEY");
        qunsetenv("CREDENTIALS_DIRECTORY");
        qunsetenv("MD_SECRETS_FILE");
        QVERIFY2(l.ok(), qPrintable(l.error().detail));
        QCOMPARE(l->platform.appSecret, kSecret);
        QCOMPARE(l->platform.aesKey, kAes);
        QVERIFY(!QFile::exists(secretsOf(ini))); // nothing written next to the INI
    }

    void fileStoreRoundTripAndRemoval()
    {
        const QString path = m_dir.filePath(QStringLiteral("rt/x.secrets"));
        auto store = secretbackends::file(path);
        QCOMPARE(store->read(QStringLiteral("appSecret")).value(), QString());
        QVERIFY(store->write(QStringLiteral("appSecret"), kSecret).ok());
        QCOMPARE(store->read(QStringLiteral("appSecret")).value(), kSecret);
        QVERIFY(store->write(QStringLiteral("appSecret"), QString()).ok());
        QCOMPARE(store->read(QStringLiteral("appSecret")).value(), QString());
        QVERIFY(!slurp(path).contains(kSecret.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
