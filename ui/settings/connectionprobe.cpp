// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionprobe.h"

#include "client/platformclient.h"

namespace md {

ConnectionProbe::ConnectionProbe(std::shared_ptr<Store> store, QObject *parent)
    : QObject(parent), m_store(std::move(store))
{
}

ConnectionProbe::~ConnectionProbe() = default;

void ConnectionProbe::start(const PlatformSettings &settings)
{
    const quint64 generation = ++m_generation;
    // A fresh client per probe: the settings under test are not the running ones.
    if (m_client)
        m_client->deleteLater();
    m_client = new PlatformClient(settings, m_store, this);
    m_running = true;
    PlatformRequest request;
    request.name = QStringLiteral("getParameter");
    request.commandSeq = QStringLiteral("00000000000000000000");
    request.meterNo = probeMeterNo();
    request.plainValues = QJsonObject{{QStringLiteral("meterNo"), probeMeterNo()},
                                      {QStringLiteral("meterType"), QStringLiteral("PROBE")},
                                      {QStringLiteral("commandSeq"), request.commandSeq}};
    m_client->post(request, [this, generation](const PlatformOutcome &o) {
        if (generation != m_generation)
            return;
        m_running = false;
        ProbeResult r;
        r.httpStatus = o.httpStatus;
        r.returnCode = o.returnCode;
        r.durationMs = o.durationMs;
        if (o.sentNothing()) {
            r.verdict = ProbeResult::Verdict::NotAPlatform;
            r.message = tr("The request could not be built: %1").arg(o.localError.message());
        } else if (o.httpStatus == 0) {
            r.verdict = ProbeResult::Verdict::Unreachable;
            r.message = tr("No answer from the platform: %1").arg(o.networkError.isEmpty() ? o.returnMessage : o.networkError);
        } else if (o.returnCode.isEmpty()) {
            r.verdict = ProbeResult::Verdict::NotAPlatform;
            r.message = tr("Something answered (HTTP %1), but not a Qinchuan front-end: check the base URL.")
                            .arg(o.httpStatus);
        } else if (o.returnCode == u"9001") {
            r.verdict = ProbeResult::Verdict::CredentialsRefused;
            r.message = tr("The platform refused the credentials (9001): check appId and appSecret.");
        } else if (o.returnCode == u"9003") {
            r.verdict = ProbeResult::Verdict::SignatureRefused;
            r.message = tr("The platform refused the signature (9003): check appSecret and the signature mode.");
        } else {
            r.verdict = ProbeResult::Verdict::Ok;
            r.message = tr("Connected and authenticated in %1 ms (the platform answered %2 for the test meter).")
                            .arg(o.durationMs)
                            .arg(o.returnCode);
        }
        emit finished(r);
    });
}

} // namespace md
