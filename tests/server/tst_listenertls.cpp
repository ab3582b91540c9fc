// SPDX-License-Identifier: GPL-3.0-or-later
// TLS on the listener (QSslServer, the Qt 6.4 path): a certificate for 127.0.0.1 generated here with
// OpenSSL; a client that checks it against that certificate uploads and gets 0000; a client that
// trusts another certificate refuses the handshake (nothing sent); plain HTTP to the TLS port gets
// no answer and a closed connection; the listener keeps serving after each refusal.
#include "uploadfixture.h"

#include <QSslConfiguration>
#include <QSslSocket>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace md;

namespace {

// A self-signed certificate (CN and subjectAltName IP:127.0.0.1) and its key, as PEM files.
bool makeCertificate(const QString &certPath, const QString &keyPath, long serial)
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    X509 *x = X509_new();
    bool ok = key && x;
    if (ok) {
        X509_set_version(x, 2);
        ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
        X509_gmtime_adj(X509_getm_notBefore(x), -3600);
        X509_gmtime_adj(X509_getm_notAfter(x), 86400);
        X509_set_pubkey(x, key);
        X509_NAME *name = X509_get_subject_name(x);
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("127.0.0.1"), -1, -1, 0);
        X509_set_issuer_name(x, name);
        X509V3_CTX ctx;
        X509V3_set_ctx_nodb(&ctx);
        X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
        X509_EXTENSION *san = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1");
        ok = san && X509_add_ext(x, san, -1) == 1;
        X509_EXTENSION_free(san);
        ok = ok && X509_sign(x, key, EVP_sha256()) > 0;
    }
    if (ok) {
        BIO *c = BIO_new_file(QFile::encodeName(certPath).constData(), "w");
        BIO *k = BIO_new_file(QFile::encodeName(keyPath).constData(), "w");
        ok = c && k && PEM_write_bio_X509(c, x) == 1 && PEM_write_bio_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
        BIO_free(c);
        BIO_free(k);
    }
    X509_free(x);
    EVP_PKEY_free(key);
    return ok;
}

} // namespace

class TestListenerTls : public QObject
{
    Q_OBJECT
    UploadFixture f;
    QString cert() const { return f.dir.filePath(QStringLiteral("server.pem")); }
    QString other() const { return f.dir.filePath(QStringLiteral("other.pem")); }

    // An upload over TLS from a client that trusts only `caPem`.
    rawhttp::Reply tlsUpload(const QString &caPem, QList<QSslError> *errors = nullptr)
    {
        QSslSocket socket;
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setCaCertificates(QSslCertificate::fromPath(caPem));
        conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket.setSslConfiguration(conf);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), f.port);
        if (!socket.waitForEncrypted(10000)) {
            if (errors)
                *errors = socket.sslHandshakeErrors();
            return {};
        }
        socket.write(rawhttp::request("POST", f.path(QStringLiteral("meterDataUp")), f.headers(),
                                      QJsonDocument(f.validWire(QStringLiteral("meterDataUp"))).toJson(QJsonDocument::Compact)));
        socket.flush();
        return rawhttp::readReply(socket);
    }

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt built without TLS");
        QVERIFY(makeCertificate(cert(), f.dir.filePath(QStringLiteral("server.key")), 1));
        QVERIFY(makeCertificate(other(), f.dir.filePath(QStringLiteral("other.key")), 2));
        f.listenerSettings.tlsCertificate = cert();
        f.listenerSettings.tlsKey = f.dir.filePath(QStringLiteral("server.key"));
        QVERIFY(f.openStore());
        QVERIFY(f.registerMeters({QStringLiteral("20240001")}));
        QVERIFY(f.startListener());
    }
    void cleanupTestCase() { f.stopAll(); }

    void verifyingClientUploads()
    {
        const rawhttp::Reply r = tlsUpload(cert());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.returnCode(), QStringLiteral("0000"));
    }

    void clientTrustingAnotherCertificateRefuses()
    {
        QList<QSslError> errors;
        const rawhttp::Reply r = tlsUpload(other(), &errors);
        QCOMPARE(r.status, 0); // nothing was sent
        QVERIFY(!errors.isEmpty());
        QVERIFY(verifyingClientUploadsAgain());
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
        QVERIFY(verifyingClientUploadsAgain());
    }

private:
    bool verifyingClientUploadsAgain() { return tlsUpload(cert()).returnCode() == u"0000"; }
};

QTEST_GUILESS_MAIN(TestListenerTls)
#include "tst_listenertls.moc"
