// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The simulated platform's HTTP side: POST /prepose/{name} for the nine commands, checked as a
// strict platform would (headers and time window, sign, AES on sensitive fields, catalogue formats,
// known meter, business rules), plus the fault switches (slow, 500, no reply) and the test control
// endpoint POST /sim/control (GET shows the switches and counters).

#include "core/result.h"
#include "core/settings.h"
#include "protocol/codec.h"
#include "protocol/security.h"

#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QJsonObject>
#include <QObject>
#include <QThreadPool>

namespace md::http {
class BoundedTcpServer;
}

namespace md::sim {

class CommandEffects;
class Faults;
class MeterWorld;

struct EndpointConfig
{
    Credentials credentials;
    CodecOptions codec;            // signMode here: strict rejects unsigned commands (9003)
    bool requireEncryption = true; // sensitive fields must arrive as ciphertext (else 9002)
    int toleranceSeconds = 300;
};

struct CommandReply
{
    int httpStatus = 200;
    Error error; // code "0000" when accepted
    QString meterNo;
    QString commandSeq;
    QJsonObject body() const; // {"returnCode", "returnMessage"}
    bool accepted() const { return error.code == QLatin1String("0000"); }
};

// One command request as it arrived, before any check: what a test compares with what the sender
// says it sent.
struct ReceivedCommand
{
    QString path;
    QByteArray timestamp;
    QByteArray accessToken;
    QByteArray authorization;
    QByteArray body;
};

class CommandEndpoint : public QObject
{
    Q_OBJECT
public:
    CommandEndpoint(EndpointConfig config, MeterWorld *world, Faults *faults, CommandEffects *effects,
                    QObject *parent = nullptr);
    ~CommandEndpoint() override;

    // Listens on host:port (0: any free port); returns the bound port.
    Result<quint16> listen(const QHostAddress &host, quint16 port);
    quint16 port() const { return m_port; }

    // One command, without HTTP: what the platform answers (and, when accepted, what it does).
    CommandReply handle(const QString &name, const QByteArray &accessToken, const QByteArray &authorization,
                        const QByteArray &timestamp, const QByteArray &body, qint64 now);

    QHash<QString, qint64> replyCounts() const { return m_counts; } // returnCode -> count

signals:
    void commandReceived(const md::sim::ReceivedCommand &request);
    void commandHandled(const QString &name, const QString &meterNo, const QString &returnCode);

private:
    void addRoutes();
    QJsonObject status() const;

    EndpointConfig m_config;
    MeterWorld *m_world;
    Faults *m_faults;
    CommandEffects *m_effects;
    MessageCodec m_codec;
    QThreadPool m_pool; // slow and held replies wait here, one thread each
    QHttpServer m_server;
    quint16 m_port = 0;
    QHash<QString, qint64> m_counts;
};

} // namespace md::sim
