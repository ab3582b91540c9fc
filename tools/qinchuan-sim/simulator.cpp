// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator.h"

#include "protocol/codecsettings.h"

namespace md::sim {

namespace {

// The platform's side of the same agreement: its settings mean for the codec what the desk's do.
CodecOptions codecOptions(const SimulatorConfig &c)
{
    PlatformSettings p;
    p.appSecret = c.credentials.appSecret;
    p.aesKey = c.aesKey;
    p.encryptSensitive = c.encryptUploads;
    p.signMode = c.signMode;
    p.timeZone = c.timeZone;
    return codecOptionsFor(p);
}

} // namespace

Simulator::Simulator(const SimulatorConfig &config, QObject *parent)
    : QObject(parent), m_config(config), m_world(PlatformTime(config.timeZone))
{
    m_faults = new Faults(this);
    m_faults->set(config.faults);

    PosterConfig pc;
    pc.listenerBase = config.listenerBase;
    pc.credentials = config.credentials;
    pc.codec = codecOptions(config);
    pc.tokenCase = config.tokenCase;
    pc.retries = config.uploadRetries;
    pc.retryDelayMs = config.retryDelayMs;
    pc.logEachUpload = config.logEachUpload;
    m_poster = new UploadPoster(pc, m_faults, this);

    m_effects = new CommandEffects(&m_world, m_faults, m_poster, this);
    m_effects->setResultDelayMs(config.resultDelayMs);

    EndpointConfig ec;
    ec.credentials = config.credentials;
    ec.codec = codecOptions(config);
    ec.requireEncryption = config.requireEncryption;
    ec.toleranceSeconds = config.toleranceSeconds;
    m_endpoint = new CommandEndpoint(ec, &m_world, m_faults, m_effects, this);

    m_scheduler = new ReadingScheduler(&m_world, m_poster, m_effects, config.schedule, this);
}

Simulator::~Simulator() = default;

Result<quint16> Simulator::listen(const QHostAddress &host, quint16 port)
{
    m_host = host == QHostAddress::Any || host == QHostAddress::AnyIPv4 ? QStringLiteral("127.0.0.1")
                                                                        : host.toString();
    return m_endpoint->listen(host, port);
}

QString Simulator::baseUrl() const
{
    return QStringLiteral("http://%1:%2").arg(m_host).arg(m_endpoint->port());
}

} // namespace md::sim
