// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformclient.h"

#include "storage/store.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QPromise>

namespace md {

PlatformClient::PlatformClient(PlatformSettings settings, std::shared_ptr<Store> store, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_store(std::move(store)),
      m_network(new QNetworkAccessManager(this))
{
}

PlatformClient::~PlatformClient() = default;

void PlatformClient::setSettings(const PlatformSettings &settings)
{
    m_settings = settings;
}

void PlatformClient::setClock(std::function<qint64()> nowEpoch)
{
    m_now = std::move(nowEpoch);
}

QString PlatformClient::endpointUrl(const QString &name) const
{
    QString base = m_settings.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + QStringLiteral("/prepose/") + name;
}

QFuture<PlatformOutcome> PlatformClient::post(const PlatformRequest &request)
{
    // Stub: the HTTP exchange arrives in the next commit.
    PlatformOutcome outcome;
    outcome.localError = makeError(QStringLiteral("9999"), request.name, QStringLiteral("not implemented"));
    QPromise<PlatformOutcome> promise;
    promise.start();
    promise.addResult(outcome);
    promise.finish();
    return promise.future();
}

void PlatformClient::post(const PlatformRequest &request, std::function<void(const PlatformOutcome &)> done)
{
    post(request).then(this, [done = std::move(done)](const PlatformOutcome &o) { done(o); });
}

} // namespace md
