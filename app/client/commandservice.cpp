// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandservice.h"

#include "commandservice_p.h"
#include "platformclient.h"

#include "core/whendone.h"
#include "storage/changefeed.h"
#include "storage/store.h"

#include <QDateTime>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace md {

Q_GLOBAL_STATIC(QThreadPool, g_commandReadPool)

QThreadPool *commandReadPool()
{
    return g_commandReadPool();
}

CommandService::CommandService(std::shared_ptr<Store> store, CommandServiceOptions options, ChangeFeed *feed,
                               QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_options(std::move(options)),
      m_client(new PlatformClient(m_options.platform, m_store, this)), d(std::make_unique<Private>(this))
{
    // Results matched by a listener (this process's or, through the console's feed, the receiver's)
    // and every other command change: the feed names the rows, refresh() reads them again.
    if (!feed)
        feed = new ChangeFeed(*m_store, ChangeFeed::Options{.followOtherProcesses = false}, this);
    connect(feed, &ChangeFeed::commandsChanged, this, &CommandService::refresh);
    d->expiryTimer = new QTimer(this);
    d->expiryTimer->setInterval(qMax(10, m_options.expiryCheckIntervalMs));
    connect(d->expiryTimer, &QTimer::timeout, this, [this] { (void)expireNow(); });
    d->expiryTimer->start();
}

CommandService::~CommandService() = default;

qint64 CommandService::now() const
{
    return d->clock ? d->clock() : QDateTime::currentSecsSinceEpoch();
}

void CommandService::setClock(std::function<qint64()> nowEpoch)
{
    d->clock = nowEpoch;
    m_client->setClock(std::move(nowEpoch));
}

QFuture<Result<CommandRecord>> CommandService::send(const SendRequest &request)
{
    return d->start(request, false);
}

QFuture<Result<CommandRecord>> CommandService::send(const QString &name, const QString &meterNo,
                                                    const QJsonObject &params, const QString &operatorName,
                                                    const QString &idempotencyKey)
{
    return send(SendRequest{name, meterNo, params, operatorName, idempotencyKey, {}});
}

QFuture<Result<RequestDraft>> CommandService::draft(const SendRequest &request)
{
    return d->startDraft(request);
}

namespace {
// A stored command as the platform client posts it.
PlatformRequest platformRequest(const CommandRecord &record)
{
    PlatformRequest request{record.name, record.commandSeq, record.meterNo, record.params};
    if (CommandNames::carriesCommandSeq(record.name))
        request.plainValues.insert(QStringLiteral("commandSeq"), record.commandSeq);
    return request;
}
} // namespace

Result<RequestDraft> CommandService::draft(const CommandRecord &command) const
{
    return m_client->draft(platformRequest(command));
}

QList<Error> CommandService::validate(const QString &name, const QJsonObject &params) const
{
    ValidationContext context;
    context.time = PlatformTime(m_options.platform.timeZone);
    context.nowEpoch = now();
    return CommandValidation::validate(name, params, context);
}

QFuture<Result<std::optional<CommandRecord>>> CommandService::command(const QString &commandSeq) const
{
    std::shared_ptr<Store> store = m_store;
    return QtConcurrent::run(commandReadPool(), [store, commandSeq] { return store->commandBySeq(commandSeq); });
}

QFuture<Result<CommandRecord>> CommandService::cancel(const QString &commandSeq, const QString &operatorName)
{
    Q_UNUSED(operatorName) // the row keeps who queued it; the journal of the change is the store's
    auto promise = std::make_shared<QPromise<Result<CommandRecord>>>();
    promise->start();
    if (d->transmitting.contains(commandSeq)) {
        // Still `queued` in the table, but its request is on the wire: too late to cancel.
        promise->addResult(Result<CommandRecord>(makeError(QStringLiteral("9999"), QStringLiteral("state"),
                                                           QStringLiteral("%1 is being sent").arg(commandSeq))));
        promise->finish();
        return promise->future();
    }
    d->cancelRequested.insert(commandSeq);
    CommandUpdate update;
    update.state = CommandState::Cancelled;
    update.finishedAt = now();
    update.returnMessage = QStringLiteral("cancelled by the operator");
    whenDone(command(commandSeq), this, [this, promise, commandSeq, update](const Result<std::optional<CommandRecord>> &row) {
        auto finish = [this, promise, commandSeq](Result<CommandRecord> r) {
            // A successful cancel keeps its mark: transmit() may still be on its way for this seq
            // (queued behind the insert) and must then not send it.
            if (!r)
                d->cancelRequested.remove(commandSeq);
            promise->addResult(std::move(r));
            promise->finish();
        };
        if (!row)
            return finish(row.error());
        if (!*row)
            return finish(makeError(QStringLiteral("9999"), QStringLiteral("commandSeq"), QStringLiteral("no command %1").arg(commandSeq)));
        if (!canCancel((*row)->state))
            return finish(makeError(QStringLiteral("9999"), QStringLiteral("state"),
                                    QStringLiteral("only a queued command can be cancelled; %1 is %2")
                                        .arg(commandSeq, commandStateName((*row)->state))));
        if (d->transmitting.contains(commandSeq)) // went on the wire while the row was read
            return finish(makeError(QStringLiteral("9999"), QStringLiteral("state"),
                                    QStringLiteral("%1 is being sent").arg(commandSeq)));
        whenDone(m_store->updateCommandState(commandSeq, update), this, [this, finish](const Result<CommandRecord> &r) {
            if (r)
                announce(*r);
            finish(r);
        });
    });
    return promise->future();
}

QFuture<Result<CommandRecord>> CommandService::resend(const QString &commandSeq, const QString &operatorName)
{
    // One resend per finished attempt in this process: a double click gives the same new command.
    const QString key = QStringLiteral("resend:") + commandSeq;
    if (const auto it = d->byIdempotencyKey.constFind(key); it != d->byIdempotencyKey.constEnd())
        return *it;
    auto promise = std::make_shared<QPromise<Result<CommandRecord>>>();
    promise->start();
    QFuture<Result<CommandRecord>> future = promise->future();
    d->byIdempotencyKey.insert(key, future);
    whenDone(command(commandSeq), this, [this, promise, commandSeq, operatorName, key](const Result<std::optional<CommandRecord>> &row) {
        auto finish = [this, promise, key](Result<CommandRecord> r) {
            if (!r)
                d->byIdempotencyKey.remove(key); // nothing created: a later resend may try again
            promise->addResult(std::move(r));
            promise->finish();
        };
        if (!row)
            return finish(row.error());
        if (!*row)
            return finish(makeError(QStringLiteral("9999"), QStringLiteral("commandSeq"), QStringLiteral("no command %1").arg(commandSeq)));
        const CommandRecord &old = **row;
        if (!canResend(old.state))
            return finish(makeError(QStringLiteral("9999"), QStringLiteral("state"),
                                    QStringLiteral("%1 is %2: only a rejected, unreachable, expired or failed command is resent")
                                        .arg(commandSeq, commandStateName(old.state))));
        // Same name, meter and values (a recharge keeps its tradeNo, count and total: the meter
        // credits a tradeNo once); a new commandSeq, so each attempt keeps its own history and result.
        SendRequest request{old.name, old.meterNo, old.params, operatorName.isEmpty() ? old.operatorName : operatorName,
                            QString(), old.batchId};
        d->start(request, true, old.params).then(this, [finish](const Result<CommandRecord> &r) { finish(r); });
    });
    return future;
}

QFuture<Result<QStringList>> CommandService::expireNow()
{
    qint64 ttl = m_options.commandTtlSeconds > 0 ? m_options.commandTtlSeconds
                                                 : qint64(m_options.platform.commandTtlHours) * 3600;
    auto future = m_store->expireCommands(now(), ttl);
    whenDone(future, this, [this](const Result<QStringList> &expired) {
        if (expired && !expired->isEmpty())
            refresh(*expired);
    });
    return future;
}

void CommandService::refresh(const QStringList &commandSeqs)
{
    for (const auto &s : commandSeqs)
        d->refreshWanted.insert(s);
    if (!d->refreshRunning)
        d->flushRefresh();
}

void CommandService::Private::flushRefresh()
{
    if (refreshWanted.isEmpty())
        return;
    refreshRunning = true;
    const QStringList seqs(refreshWanted.begin(), refreshWanted.end());
    refreshWanted.clear();
    std::shared_ptr<Store> store = q->m_store;
    whenDone(QtConcurrent::run(commandReadPool(), [store, seqs] {
        QList<CommandRecord> rows;
        for (const auto &s : seqs)
            if (auto row = store->commandBySeq(s); row && *row)
                rows << **row;
        return rows;
    }), q, [this](const QList<CommandRecord> &rows) {
        for (const auto &r : rows)
            q->announce(r);
        refreshRunning = false;
        flushRefresh(); // what arrived meanwhile
    });
}

void CommandService::announce(const CommandRecord &record)
{
    // Each change once, whichever way it arrives first (our own write or the feed).
    auto it = d->lastChangeId.find(record.commandSeq);
    if (it != d->lastChangeId.end() && record.changeId != 0 && record.changeId <= *it)
        return;
    if (isTerminal(record.state) && d->lastChangeId.size() > 100000)
        d->lastChangeId.remove(record.commandSeq); // bounded memory at a million commands
    else
        d->lastChangeId.insert(record.commandSeq, record.changeId);
    emit commandChanged(record);
    emit stateChanged(record.commandSeq, record.state, record.returnCode, record.returnMessage);
}

void CommandService::transmit(const CommandRecord &record)
{
    if (d->cancelRequested.remove(record.commandSeq))
        return; // cancelled while it was being stored
    d->transmitting.insert(record.commandSeq);
    m_client->post(platformRequest(record)).then(this, [this, record](const PlatformOutcome &outcome) {
        d->transmitting.remove(record.commandSeq);
        CommandUpdate update;
        update.incrementAttempts = true;
        if (outcome.sentNothing()) {
            // Nothing left the machine (journal not writable): the row ends rejected with our own
            // code and reason, and the operator may resend it once the store is healthy.
            update.state = CommandState::Rejected;
            update.returnCode = outcome.localError.code;
            update.returnMessage = QStringLiteral("not sent: ") + outcome.localError.message();
        } else {
            update.state = outcome.state;
            if (outcome.state == CommandState::Sent || outcome.state == CommandState::Accepted)
                update.sentAt = now();
            update.returnCode = outcome.returnCode;
            update.returnMessage = outcome.returnMessage;
        }
        recordOutcome(record.commandSeq, update);
    });
}

void CommandService::recordOutcome(const QString &commandSeq, const CommandUpdate &update)
{
    whenDone(m_store->updateCommandState(commandSeq, update), this, [this, commandSeq, update](const Result<CommandRecord> &r) {
        if (r) {
            announce(*r);
            return;
        }
        refresh({commandSeq}); // the result upload got there first (or another writer): show what is stored
        // The platform answered but the store could not write it down (full, locked, unreachable):
        // the answer is kept here and written once the store can write again. Until then the row,
        // and every view of it, shows what it holds (never "sent" for a row that says queued).
        if (r.error().code == u"9998")
            QTimer::singleShot(1000, this, [this, commandSeq, update] { recordOutcome(commandSeq, update); });
    });
}

int CommandService::inFlight() const
{
    return m_client->inFlight();
}

int CommandService::pendingSubmissions() const
{
    return d->pending;
}

} // namespace md
