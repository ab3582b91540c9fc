// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CommandService's private state and the steps of one submission (sendpipeline.cpp). Not installed.

#include "commandservice.h"

#include "core/records.h"

#include <QFuture>
#include <QHash>
#include <QPromise>
#include <QSet>
#include <QThreadPool>

#include <memory>

class QTimer;

namespace md {

// The command service's store reads run on a pool of their own: in the console, Qt 6.4's raster
// engine blocks painting on QThreadPool::globalInstance(), so slow reads there would stall the GUI.
QThreadPool *commandReadPool();



// One send() / resend() on its way from the caller's values to a persisted `queued` row.
struct SendJob
{
    SendRequest request;
    QJsonObject values; // the wire's plain values, commandSeq excepted
    QJsonObject resendValues; // a resend's stored values (instead of request.params)
    CommandRecord record;
    bool isResend = false;
    std::shared_ptr<QPromise<Result<CommandRecord>>> promise;
    // Set for draft(): the job stops after filling the values and resolves this instead (nothing is
    // allocated, stored, sent, nor de-duplicated).
    std::shared_ptr<QPromise<Result<RequestDraft>>> draftPromise;
};

// What the registry and the ledger say, read on a worker thread.
struct SendPreparation
{
    std::optional<Error> error;
    std::optional<MeterInfo> meter; // nullopt: not in the registry
    qint64 pendingRecharges = 0;
    QString pendingTradeNo;
    std::optional<qint64> rechargeCount;
    QString totalRechargeAmt;             // canonical, in the recharge's own unit; empty: unknown
    std::optional<bool> billedByVolume;   // how the meter is billed, once its ledger says
    bool tradeNoCredited = false;
};

class CommandService::Private
{
public:
    explicit Private(CommandService *q) : q(q) {}

    // sendpipeline.cpp
    QFuture<Result<CommandRecord>> start(SendRequest request, bool isResend, QJsonObject resendValues = {});
    QFuture<Result<RequestDraft>> startDraft(SendRequest request);
    // Checks common to send and draft; false (and the job failed) when the request is refused.
    bool check(const std::shared_ptr<SendJob> &job);
    void prepare(std::shared_ptr<SendJob> job);
    void fill(std::shared_ptr<SendJob> job, const SendPreparation &prep);
    void allocate(std::shared_ptr<SendJob> job);
    void persist(std::shared_ptr<SendJob> job);
    void fail(std::shared_ptr<SendJob> job, const Error &error);
    void finishDraft(std::shared_ptr<SendJob> job);

    // commandservice.cpp
    void flushRefresh();

    CommandService *q;
    std::function<qint64()> clock;
    QHash<QString, QFuture<Result<CommandRecord>>> byIdempotencyKey;
    QHash<QString, qint64> lastChangeId; // seq -> changeId last announced
    QSet<QString> refreshWanted;
    bool refreshRunning = false;
    QSet<QString> cancelRequested;
    QSet<QString> transmitting; // POST under way in this process: no longer cancellable
    int pending = 0;
    QTimer *expiryTimer = nullptr;
};

template<typename T>
QFuture<T> readyFuture(T value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

} // namespace md
