// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A real receiver for tests: a SQLite store in a QTemporaryDir, the example meters registered, an
// UploadListener on 127.0.0.1 with a free port, and signed wire bodies built from the catalogue.

#include "rawhttp.h"

#include "core/settings.h"
#include "protocol/catalog.h"
#include "protocol/codec.h"
#include "protocol/examples.h"
#include "protocol/security.h"
#include "server/uploadlistener.h"
#include "storage/store.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace md::testing {

struct UploadFixture
{
    QTemporaryDir dir;
    md::PlatformSettings platform;
    md::ListenerSettings listenerSettings;
    std::shared_ptr<md::Store> store;
    std::unique_ptr<md::UploadListener> listener;
    quint16 port = 0;

    UploadFixture()
    {
        platform.appId = QStringLiteral("app-test");
        platform.appSecret = QStringLiteral("secret-0123456789abcdef");
        platform.signMode = md::SignMode::Lenient;
        listenerSettings.host = QStringLiteral("127.0.0.1");
        listenerSettings.port = 0;
        listenerSettings.maxBodyBytes = 8 * 1024 * 1024;
    }

    QString databasePath() const { return dir.filePath(QStringLiteral("meterdesk.sqlite")); }
    // MD_LISTENER_BACKEND=postgresql (ctest's *_pg entries): a fresh schema on MD_TEST_PG_URL, the
    // same one for every reopen of this fixture; empty when there is no server (the suite skips).
    // Otherwise the SQLite file.
    QString database() const
    {
        if (qEnvironmentVariable("MD_LISTENER_BACKEND") != QLatin1String("postgresql"))
            return databasePath();
        const QString url = qEnvironmentVariable("MD_TEST_PG_URL");
        return url.isEmpty() ? QString() : url + QStringLiteral("?schema=l_%1").arg(pgSchemaTag);
    }
    const qint64 pgSchemaTag = QDateTime::currentMSecsSinceEpoch();

    bool openStore(bool readOnly = false)
    {
        md::StoreOptions options;
        options.database = database();
        options.readOnly = readOnly;
        auto opened = md::Store::open(options);
        if (!opened) {
            qWarning() << "store:" << opened.error().code << opened.error().detail;
            return false;
        }
        store = opened.value();
        return true;
    }

    bool registerMeters(const QStringList &meterNos)
    {
        QList<md::MeterInfo> meters;
        for (const QString &no : meterNos) {
            md::MeterInfo m;
            m.meterNo = no;
            m.meterType = QStringLiteral("QC-G4"); // what the example uploads state (1001 / 1002 checks)
            m.factoryCode = QStringLiteral("QC");
            m.userNo = QStringLiteral("U") + no;
            m.addrDes = QStringLiteral("Test street ") + no;
            meters << m;
        }
        auto done = store->upsertMeters(meters);
        done.waitForFinished();
        return done.result().ok();
    }

    bool startListener()
    {
        listener = std::make_unique<md::UploadListener>(store);
        auto started = listener->start(listenerSettings, platform);
        started.waitForFinished();
        if (!started.result()) {
            qWarning() << "listener:" << started.result().error().path << started.result().error().detail;
            return false;
        }
        port = started.result()->port;
        return true;
    }

    void stopAll()
    {
        if (listener) {
            listener->stop().waitForFinished();
            listener.reset();
        }
        store.reset();
    }

    md::MessageCodec codec() const
    {
        md::CodecOptions o;
        o.aesKey = platform.effectiveAesKey();
        o.appSecret = platform.appSecret;
        o.signMode = platform.signMode;
        o.encryptSensitive = true;
        return md::MessageCodec(o);
    }

    // Signed (and encrypted) wire body from plain values.
    QJsonObject wire(const QString &upload, const QJsonObject &plain) const
    {
        const md::MessageSpec *spec = md::Catalog::instance().upload(upload);
        auto built = codec().build(*spec, plain);
        if (!built)
            qWarning() << "build" << upload << built.error().code << built.error().path << built.error().detail;
        return built ? built.value() : QJsonObject();
    }
    QJsonObject validWire(const QString &upload) const
    {
        return wire(upload, md::Examples::validPlainBody(*md::Catalog::instance().upload(upload)));
    }
    QJsonObject resigned(QJsonObject body) const
    {
        body.remove(QStringLiteral("sign"));
        body.insert(QStringLiteral("sign"), QString::fromLatin1(md::Signature::sign(body, platform.appSecret)));
        return body;
    }

    rawhttp::Headers headers(qint64 now = QDateTime::currentSecsSinceEpoch()) const
    {
        const md::AuthHeaders h = md::Auth::make({platform.appId, platform.appSecret}, md::PlatformTime(), now);
        return {{"timestamp", h.timestamp},
                {"AccessToken", h.accessToken},
                {"Authorization", h.authorization},
                {"Content-Type", "application/json;charset=utf-8"}};
    }

    QByteArray path(const QString &upload) const
    {
        return (listenerSettings.pathPrefix + QLatin1Char('/') + upload).toUtf8();
    }

    rawhttp::Reply post(const QString &upload, const QByteArray &body, const rawhttp::Headers &h) const
    {
        return rawhttp::post(port, path(upload), h, body);
    }
    rawhttp::Reply post(const QString &upload, const QJsonObject &body) const
    {
        return post(upload, QJsonDocument(body).toJson(QJsonDocument::Compact), headers());
    }
};

} // namespace md::testing
