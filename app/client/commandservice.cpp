// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandservice.h"

#include "platformclient.h"

#include "storage/store.h"

#include <QPromise>

namespace md {

class CommandService::Private
{
};

namespace {
template<typename T>
QFuture<T> ready(T value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}
} // namespace

CommandService::CommandService(std::shared_ptr<Store> store, CommandServiceOptions options, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_options(std::move(options)),
      m_client(new PlatformClient(m_options.platform, m_store, this)), d(std::make_unique<Private>())
{
}

CommandService::~CommandService() = default;

QFuture<Result<CommandRecord>> CommandService::send(const SendRequest &)
{
    return ready(Result<CommandRecord>(makeError(QStringLiteral("9999"), {}, QStringLiteral("not implemented"))));
}

QFuture<Result<CommandRecord>> CommandService::send(const QString &name, const QString &meterNo,
                                                    const QJsonObject &params, const QString &operatorName,
                                                    const QString &idempotencyKey)
{
    return send(SendRequest{name, meterNo, params, operatorName, idempotencyKey, {}});
}

QFuture<Result<CommandRecord>> CommandService::cancel(const QString &, const QString &)
{
    return ready(Result<CommandRecord>(makeError(QStringLiteral("9999"), {}, QStringLiteral("not implemented"))));
}

QFuture<Result<CommandRecord>> CommandService::resend(const QString &, const QString &)
{
    return ready(Result<CommandRecord>(makeError(QStringLiteral("9999"), {}, QStringLiteral("not implemented"))));
}

QFuture<Result<std::optional<CommandRecord>>> CommandService::command(const QString &) const
{
    return ready(Result<std::optional<CommandRecord>>(std::optional<CommandRecord>{}));
}

QList<Error> CommandService::validate(const QString &name, const QJsonObject &params) const
{
    ValidationContext context;
    context.time = PlatformTime(m_options.platform.timeZone);
    return CommandValidation::validate(name, params, context);
}

QFuture<Result<QStringList>> CommandService::expireNow()
{
    return ready(Result<QStringList>(QStringList{}));
}

void CommandService::refresh(const QStringList &) {}
int CommandService::inFlight() const { return m_client->inFlight(); }
int CommandService::pendingSubmissions() const { return 0; }
void CommandService::setClock(std::function<qint64()> nowEpoch) { m_client->setClock(std::move(nowEpoch)); }
void CommandService::announce(const CommandRecord &record)
{
    emit commandChanged(record);
    emit stateChanged(record.commandSeq, record.state, record.returnCode, record.returnMessage);
}
void CommandService::transmit(const CommandRecord &) {}

} // namespace md
