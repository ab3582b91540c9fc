// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UploadListener's half that lives on the listener thread: owns the QHttpServer, its listening
// socket and the pipeline. Internal to meterdesk_server.

#include "uploadlistener.h"
#include "uploadpipeline.h"

#include <QObject>
#include <QPointer>

class QHttpServer;
class QTcpServer;

namespace md {

class QuarantineReplay;

class ListenerWorker : public QObject
{
    Q_OBJECT
public:
    ListenerWorker(std::shared_ptr<Store> store, UploadPipeline::Notify notify);
    ~ListenerWorker() override;

    // On the listener thread. A new server is opened before the old one is retired.
    Result<ListenerAddress> open(const ListenerSettings &listener, const PlatformSettings &platform);
    // Stops accepting, waits for the store to commit what is queued, lets the answers go out, then
    // closes. `done` runs on the listener thread.
    void close(std::function<void()> done);
    void closeNow();

private:
    void retire(QHttpServer *server);

    std::shared_ptr<Store> m_store;
    UploadPipeline::Notify m_notify;
    QPointer<QHttpServer> m_server;
    QPointer<QTcpServer> m_tcp;
    std::shared_ptr<UploadPipeline> m_pipeline;
    QuarantineReplay *m_replay = nullptr; // replays quarantined uploads once their meter is registered
};

} // namespace md
