// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The real thing for the form tests: a SQLite store in a QTemporaryDir with the meters registered,
// the UploadListener on 127.0.0.1 (free port), the Qinchuan simulator (qinchuan_sim_lib) on another
// free port posting its results back to that listener, and a CommandService pointed at the simulator.

#include "simulator.h"

#include "client/commandservice.h"
#include "core/settings.h"
#include "server/uploadlistener.h"
#include "storage/store.h"
#include "ui/forms/formcontext.h"
#include "ui/forms/rechargeconfirmdialog.h"

#include <QDateTime>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace md::testing {

struct FormsWorld
{
    QTemporaryDir dir;
    md::Settings settings;
    std::shared_ptr<md::Store> store;
    std::unique_ptr<md::UploadListener> listener;
    std::unique_ptr<md::sim::Simulator> sim;
    std::unique_ptr<md::CommandService> service;
    quint16 listenerPort = 0;
    int busyTimeoutMs = 5000; // the store's SQLite busy_timeout (short for tests that hold a lock)

    static QString meterNo(int i) { return QStringLiteral("SIM%1").arg(i, 6, 10, QLatin1Char('0')); }

    bool setUp(int meters, int resultDelayMs = 50)
    {
        settings.platform.appId = QStringLiteral("QC20230001");
        settings.platform.appSecret = QStringLiteral("s3cr3t-KEY-0123456789");
        settings.platform.signMode = md::SignMode::Lenient;
        settings.platform.requestTimeoutSeconds = 5;
        settings.listener.host = QStringLiteral("127.0.0.1");
        settings.listener.port = 0;
        settings.operatorName = QStringLiteral("agent-07");

        md::StoreOptions so;
        so.database = dir.filePath(QStringLiteral("meterdesk.sqlite"));
        so.busyTimeoutMs = busyTimeoutMs;
        auto opened = md::Store::open(so);
        if (!opened) {
            qWarning() << "store:" << opened.error().detail;
            return false;
        }
        store = opened.value();
        QList<md::MeterInfo> infos;
        for (int i = 1; i <= meters; ++i) {
            md::MeterInfo m;
            m.meterNo = meterNo(i);
            m.meterType = QStringLiteral("QC-G4");
            m.factoryCode = QStringLiteral("QC");
            m.userNo = QStringLiteral("U%1").arg(i, 8, 10, QLatin1Char('0'));
            m.userName = i == 1 ? QStringLiteral("张伟") : QStringLiteral("User %1").arg(i);
            m.addrDes = i == 1 ? QStringLiteral("成都市高新区天府大道 88 号 3-2-501") : QStringLiteral("Test street %1").arg(i);
            infos << m;
        }
        auto up = store->upsertMeters(infos);
        up.waitForFinished();
        if (!up.result().ok())
            return false;

        listener = std::make_unique<md::UploadListener>(store);
        auto started = listener->start(settings.listener, settings.platform);
        started.waitForFinished();
        if (!started.result()) {
            qWarning() << "listener:" << started.result().error().path << started.result().error().detail;
            return false;
        }
        listenerPort = started.result()->port;

        md::sim::SimulatorConfig c;
        c.credentials = {settings.platform.appId, settings.platform.appSecret};
        c.listenerBase = QUrl(QStringLiteral("http://127.0.0.1:%1/rest/v1/bussinessPlatform").arg(listenerPort));
        c.resultDelayMs = resultDelayMs;
        c.retryDelayMs = 200;
        c.logEachUpload = false;
        sim = std::make_unique<md::sim::Simulator>(c);
        sim->world().generate(meters, QDateTime::currentSecsSinceEpoch() - 86400);
        auto simPort = sim->listen(QHostAddress::LocalHost, 0);
        if (!simPort) {
            qWarning() << "sim:" << simPort.error().detail;
            return false;
        }
        settings.platform.baseUrl = sim->baseUrl();

        md::CommandServiceOptions o;
        o.platform = settings.platform;
        service = std::make_unique<md::CommandService>(store, o);
        return true;
    }

    md::FormContext context() const { return md::FormContext{service.get(), store, settings.effectiveOperator()}; }

    ~FormsWorld()
    {
        service.reset();
        sim.reset();
        if (listener) {
            listener->stop().waitForFinished();
            listener.reset();
        }
        store.reset();
    }
};

// Spins the event loop until the future is done (tests only).
template<typename T>
T awaitResult(QFuture<T> f, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (!f.isFinished() && t.elapsed() < timeoutMs)
        QTest::qWait(5);
    return f.result();
}

// Answers the confirmation the dialog opened (recharge confirmation or a message box) with "yes".
inline bool confirm(QDialog *c)
{
    if (!c)
        return false;
    if (auto *r = qobject_cast<md::RechargeConfirmDialog *>(c)) {
        r->confirmButton()->click();
        return true;
    }
    if (auto *box = qobject_cast<QMessageBox *>(c)) {
        box->button(QMessageBox::Yes)->click();
        return true;
    }
    return false;
}

inline int commandCount(const FormsWorld &w, const QString &name, const QString &meterNo)
{
    md::CommandFilter f;
    f.name = name;
    f.meterNo = meterNo;
    auto page = w.store->commands(f);
    return page.ok() ? int(page->rows.size()) : -1;
}

} // namespace md::testing
