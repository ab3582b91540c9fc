// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the end-to-end command tests: a real SQLite store, the real upload listener on a free
// port, the simulator (in-process) on another, and a CommandService pointed at the simulator, with
// the same meters on both sides.
#include "client/commandservice.h"
#include "client/platformclient.h"
#include "server/uploadlistener.h"
#include "simulator.h"
#include "storage/store.h"

#include <QTemporaryDir>
#include <QTest>

namespace md::testing {

inline const Credentials creds{QStringLiteral("QC20230001"), QStringLiteral("0123456789abcdefSECRET")};

template<typename T>
T await(QFuture<T> f, int ms = 15000)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, ms))
        qFatal("future did not finish within %d ms", ms);
    return f.result();
}

inline QJsonObject obj(std::initializer_list<std::pair<const char *, const char *>> kv)
{
    QJsonObject o;
    for (const auto &[k, v] : kv)
        o.insert(QString::fromLatin1(k), QString::fromUtf8(v));
    return o;
}

inline qint64 handledCount(sim::Simulator &s)
{
    qint64 n = 0;
    for (qint64 c : s.endpoint().replyCounts())
        n += c;
    return n;
}

class FlowFixture : public QObject
{
protected:
    void setUpFixture();
    void tearDownFixture();
    void setUpWorld(int meters);
    bool waitFor(const QString &seq, CommandState s, int ms = 8000)
    {
        return QTest::qWaitFor([&] { return m_states.value(seq, CommandState::Queued) == s; }, ms);
    }
    QString stateText(const QString &seq) const { return commandStateName(m_states.value(seq, CommandState::Queued)); }
    CommandRecord sendOk(const QString &name, const QString &meterNo, const QJsonObject &params)
    {
        auto r = await(m_service->send(name, meterNo, params));
        if (!r)
            qWarning() << "send failed:" << r.error().code << r.error().path << r.error().detail;
        return r ? *r : CommandRecord();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Store> m_store;
    std::unique_ptr<UploadListener> m_listener;
    std::unique_ptr<sim::Simulator> m_sim;
    CommandService *m_service = nullptr;
    QHash<QString, CommandState> m_states;
    qint64 m_clockOffset = 0;
    PlatformSettings m_platform;
};

inline void FlowFixture::setUpFixture()
{
    m_dir = std::make_unique<QTemporaryDir>();
    StoreOptions so;
    so.database = m_dir->filePath(QStringLiteral("flow.sqlite"));
    auto opened = Store::open(so);
    QVERIFY2(opened.ok(), qPrintable(opened.error().detail));
    m_store = *opened;

    m_platform = PlatformSettings();
    m_platform.appId = creds.appId;
    m_platform.appSecret = creds.appSecret;
    m_platform.requestTimeoutSeconds = 2;
    ListenerSettings ls;
    ls.host = QStringLiteral("127.0.0.1");
    ls.port = 0;
    m_listener = std::make_unique<UploadListener>(m_store);
    auto address = await(m_listener->start(ls, m_platform));
    QVERIFY2(address.ok(), qPrintable(address.error().detail));

    sim::SimulatorConfig sc;
    sc.credentials = creds;
    sc.listenerBase = QUrl(address->url() + ls.pathPrefix);
    sc.resultDelayMs = 20;
    sc.retryDelayMs = 100;
    sc.logEachUpload = false;
    m_sim = std::make_unique<sim::Simulator>(sc);
    auto port = m_sim->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(port.ok(), qPrintable(port.error().detail));
    m_platform.baseUrl = m_sim->baseUrl();

    m_states.clear();
    m_clockOffset = 0;
    CommandServiceOptions o;
    o.platform = m_platform;
    o.commandTtlSeconds = 3600;
    o.expiryCheckIntervalMs = 100;
    m_service = new CommandService(m_store, o, this);
    m_service->setClock([this] { return QDateTime::currentSecsSinceEpoch() + m_clockOffset; });
    connect(m_service, &CommandService::stateChanged, this, [this](const QString &seq, CommandState s) { m_states.insert(seq, s); });
}

inline void FlowFixture::tearDownFixture()
{
    delete m_service;
    m_service = nullptr;
    m_sim.reset();
    if (m_listener) {
        auto stopped = m_listener->stop();
        QVERIFY(QTest::qWaitFor([&] { return stopped.isFinished(); }, 5000));
    }
    m_listener.reset();
    m_store.reset();
    m_dir.reset();
}

// The same meters on both sides: the simulator's world and our registry.
inline void FlowFixture::setUpWorld(int meters)
{
    m_sim->world().generate(meters, QDateTime::currentSecsSinceEpoch() - 30 * 86400);
    QList<MeterInfo> rows;
    for (int i = 0; i < m_sim->world().size(); ++i) {
        const auto &id = m_sim->world().at(i).id;
        MeterInfo m;
        m.meterNo = id.meterNo;
        m.meterType = id.meterType;
        m.userNo = id.userNo;
        m.userName = id.userName;
        m.addrDes = id.addrDes;
        rows << m;
    }
    QVERIFY(await(m_store->upsertMeters(rows)).ok());
}

} // namespace md::testing
