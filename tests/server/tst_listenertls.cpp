// SPDX-License-Identifier: GPL-3.0-or-later
// TLS on the listener (QSslServer, the Qt 6.4 path), certificates generated here with OpenSSL:
// - server authentication: a client that checks the listener's certificate (127.0.0.1) uploads and
//   gets 0000; a client that trusts another certificate refuses the handshake (nothing sent); plain
//   HTTP to the TLS port gets no answer and a closed connection;
// - client certificates (listener/tlsClientCa): a client with a certificate issued by that CA uploads;
//   one from another CA, a self-signed one, none at all, and plain HTTP are refused without an HTTP
//   answer and without the upload being handled; a peer that connects and never completes the
//   handshake is dropped after the read timeout and blocks nobody meanwhile;
// - the listener keeps serving after every refusal; a client CA without TLS, or a CA file without a
//   certificate, is a configuration error naming listener/tlsClientCa.
#include "uploadfixture.h"

#include <QElapsedTimer>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace md;
using namespace md::testing;

namespace {

// A key and its certificate, as OpenSSL objects.
struct KeyCert
{
    EVP_PKEY *key = nullptr;
    X509 *cert = nullptr;
    KeyCert() = default;
    KeyCert(const KeyCert &) = delete;
    KeyCert &operator=(const KeyCert &) = delete;
    ~KeyCert()
    {
        X509_free(cert);
        EVP_PKEY_free(key);
    }
};

bool addExtension(X509 *x, X509V3_CTX *ctx, int nid, const char *value)
{
    X509_EXTENSION *e = X509V3_EXT_conf_nid(nullptr, ctx, nid, value);
    const bool ok = e && X509_add_ext(x, e, -1) == 1;
    X509_EXTENSION_free(e);
    return ok;
}

// A certificate for `cn`, signed by `issuer` (self-signed when null); a CA may sign others, a leaf
// carries the extended key usage it is for ("serverAuth", "clientAuth") and, for a server, its IP.
bool issue(KeyCert &out, const char *cn, long serial, const KeyCert *issuer, bool ca, const char *usage = nullptr,
           const char *ip = nullptr)
{
    out.key = EVP_RSA_gen(2048);
    out.cert = X509_new();
    if (!out.key || !out.cert)
        return false;
    X509 *x = out.cert;
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 86400);
    X509_set_pubkey(x, out.key);
    X509_NAME *name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(cn), -1, -1, 0);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer->cert) : name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer ? issuer->cert : x, x, nullptr, nullptr, 0);
    bool ok = addExtension(x, &ctx, NID_basic_constraints, ca ? "critical,CA:TRUE" : "CA:FALSE");
    if (ca)
        ok = ok && addExtension(x, &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
    if (usage)
        ok = ok && addExtension(x, &ctx, NID_ext_key_usage, usage);
    if (ip)
        ok = ok && addExtension(x, &ctx, NID_subject_alt_name, ip);
    return ok && X509_sign(x, issuer ? issuer->key : out.key, EVP_sha256()) > 0;
}

bool writePem(const KeyCert &kc, const QString &certPath, const QString &keyPath)
{
    BIO *c = BIO_new_file(QFile::encodeName(certPath).constData(), "w");
    BIO *k = BIO_new_file(QFile::encodeName(keyPath).constData(), "w");
    const bool ok = c && k && PEM_write_bio_X509(c, kc.cert) == 1
                    && PEM_write_bio_PrivateKey(k, kc.key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    BIO_free(c);
    BIO_free(k);
    return ok;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestListenerTls : public QObject
{
    Q_OBJECT
    UploadFixture f; // TLS, no client certificate asked for
    UploadFixture m; // TLS with client certificates from the desk's CA (listener/tlsClientCa)
    QString file(const char *name) const { return f.dir.filePath(QLatin1String(name)); }

    // An upload over TLS from a client that trusts only `caPem`, with a client certificate when
    // `clientName` names one ("client" -> client.pem / client.key).
    rawhttp::Reply tlsUpload(UploadFixture &to, const QString &caPem, const char *clientName = nullptr,
                             QList<QSslError> *errors = nullptr)
    {
        QSslSocket socket;
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setCaCertificates(QSslCertificate::fromPath(caPem));
        conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (clientName) {
            const QString base = QLatin1String(clientName);
            conf.setLocalCertificate(QSslCertificate(readAll(file(qPrintable(base + QStringLiteral(".pem"))))));
            conf.setPrivateKey(QSslKey(readAll(file(qPrintable(base + QStringLiteral(".key")))), QSsl::Rsa));
        }
        socket.setSslConfiguration(conf);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), to.port);
        if (!socket.waitForEncrypted(10000)) {
            if (errors)
                *errors = socket.sslHandshakeErrors();
            return {};
        }
        // With TLS 1.3 the server judges the client's certificate after the client's side of the
        // handshake is done: a refusal shows as a closed connection without an answer.
        socket.write(rawhttp::request("POST", to.path(QStringLiteral("meterDataUp")), to.headers(),
                                      QJsonDocument(to.validWire(QStringLiteral("meterDataUp"))).toJson(QJsonDocument::Compact)));
        socket.flush();
        return rawhttp::readReply(socket, 5000);
    }
    bool serves(UploadFixture &to, const char *clientName = nullptr)
    {
        return tlsUpload(to, file("server.pem"), clientName).returnCode() == u"0000";
    }

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt built without TLS");
        KeyCert server, other, ca, client, otherCa, stranger, selfSigned;
        QVERIFY(issue(server, "127.0.0.1", 1, nullptr, false, "serverAuth", "IP:127.0.0.1"));
        QVERIFY(issue(other, "127.0.0.1", 2, nullptr, false, "serverAuth", "IP:127.0.0.1"));
        QVERIFY(issue(ca, "MeterDesk test CA", 3, nullptr, true));
        QVERIFY(issue(client, "qinchuan-platform", 4, &ca, false, "clientAuth"));
        QVERIFY(issue(otherCa, "Another CA", 5, nullptr, true));
        QVERIFY(issue(stranger, "qinchuan-platform", 6, &otherCa, false, "clientAuth"));
        QVERIFY(issue(selfSigned, "qinchuan-platform", 7, nullptr, false, "clientAuth"));
        QVERIFY(writePem(server, file("server.pem"), file("server.key")));
        QVERIFY(writePem(other, file("other.pem"), file("other.key")));
        QVERIFY(writePem(ca, file("ca.pem"), file("ca.key")));
        QVERIFY(writePem(client, file("client.pem"), file("client.key")));
        QVERIFY(writePem(stranger, file("stranger.pem"), file("stranger.key")));
        QVERIFY(writePem(selfSigned, file("selfsigned.pem"), file("selfsigned.key")));

        for (UploadFixture *u : {&f, &m}) {
            u->listenerSettings.tlsCertificate = file("server.pem");
            u->listenerSettings.tlsKey = file("server.key");
            QVERIFY(u->openStore());
            QVERIFY(u->registerMeters({QStringLiteral("20240001")}));
        }
        m.listenerSettings.tlsClientCa = file("ca.pem");
        m.listenerSettings.readTimeoutSeconds = 5;
        QVERIFY(f.startListener());
        QVERIFY(m.startListener());
    }
    void cleanupTestCase()
    {
        f.stopAll();
        m.stopAll();
    }

    void verifyingClientUploads()
    {
        const rawhttp::Reply r = tlsUpload(f, file("server.pem"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.returnCode(), QStringLiteral("0000"));
    }

    void clientTrustingAnotherCertificateRefuses()
    {
        QList<QSslError> errors;
        const rawhttp::Reply r = tlsUpload(f, file("other.pem"), nullptr, &errors);
        QCOMPARE(r.status, 0); // nothing was sent
        QVERIFY(!errors.isEmpty());
        QVERIFY(serves(f));
    }

    void plainHttpIsRefusedCleanly()
    {
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, f.port);
        QVERIFY(plain.waitForConnected(5000));
        plain.write(rawhttp::request("POST", f.path(QStringLiteral("meterDataUp")), f.headers(), "{}"));
        const rawhttp::Reply r = rawhttp::readReply(plain, 5000);
        QCOMPARE(r.status, 0); // no HTTP answer in clear text
        QTRY_COMPARE_WITH_TIMEOUT(plain.state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(serves(f));
    }

    void clientCertificateFromTheCaUploads()
    {
        const rawhttp::Reply r = tlsUpload(m, file("server.pem"), "client");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.returnCode(), QStringLiteral("0000"));
    }

    void wrongOrMissingClientCertificateIsRefused_data()
    {
        QTest::addColumn<QString>("client"); // a certificate name, "" for none, "plain" for plain HTTP
        QTest::newRow("issued by another CA") << "stranger";
        QTest::newRow("self-signed") << "selfsigned";
        QTest::newRow("no certificate") << "";
        QTest::newRow("plain HTTP") << "plain";
    }
    void wrongOrMissingClientCertificateIsRefused()
    {
        QFETCH(QString, client);
        const qint64 handled = m.listener->requestsToday();
        rawhttp::Reply r;
        if (client == u"plain") {
            QTcpSocket plain;
            plain.connectToHost(QHostAddress::LocalHost, m.port);
            QVERIFY(plain.waitForConnected(5000));
            plain.write(rawhttp::request("POST", m.path(QStringLiteral("meterDataUp")), m.headers(),
                                         QJsonDocument(m.validWire(QStringLiteral("meterDataUp"))).toJson(QJsonDocument::Compact)));
            r = rawhttp::readReply(plain, 5000);
            QTRY_COMPARE_WITH_TIMEOUT(plain.state(), QAbstractSocket::UnconnectedState, 5000);
        } else {
            r = tlsUpload(m, file("server.pem"), client.isEmpty() ? nullptr : qPrintable(client));
        }
        QCOMPARE(r.status, 0); // no HTTP answer
        QCOMPARE(m.listener->requestsToday(), handled); // the upload never reached the pipeline
        QVERIFY(serves(m, "client"));
    }

    void stalledHandshakeBlocksNobody()
    {
        QTcpSocket silent; // connects, never says a word
        silent.connectToHost(QHostAddress::LocalHost, m.port);
        QVERIFY(silent.waitForConnected(5000));
        QElapsedTimer t;
        t.start();
        QVERIFY(serves(m, "client"));
        qInfo("upload beside a stalled handshake answered in %lld ms", t.elapsed());
        // Blocked behind it, the upload would wait for the 5 s read timeout.
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        // Dropped after the read timeout like any idle peer.
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 12000);
    }

    void clientCaMisconfigured_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("caFile");
        QTest::newRow("client CA without TLS") << false << "ca.pem";
        QTest::newRow("CA file without a certificate") << true << "server.key";
        QTest::newRow("CA file missing") << true << "nowhere.pem";
    }
    void clientCaMisconfigured()
    {
        QFETCH(bool, tls);
        QFETCH(QString, caFile);
        ListenerSettings s = m.listenerSettings;
        s.port = 0;
        if (!tls)
            s.tlsCertificate = s.tlsKey = QString();
        s.tlsClientCa = file(qPrintable(caFile));
        UploadListener listener(m.store);
        auto started = listener.start(s, m.platform);
        started.waitForFinished();
        QVERIFY(!started.result().ok());
        QCOMPARE(started.result().error().path, QStringLiteral("listener/tlsClientCa"));
    }
};

QTEST_GUILESS_MAIN(TestListenerTls)
#include "tst_listenertls.moc"
