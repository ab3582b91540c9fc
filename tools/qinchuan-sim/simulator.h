// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The simulated Qinchuan platform assembled: meters, fault switches, upload poster, command effects,
// the /prepose/ endpoint and the reading schedule. main() builds one; tests build one in-process:
//
//   md::sim::SimulatorConfig c;  c.credentials = {"QC20230001", "secret"};  c.listenerBase = ...;
//   md::sim::Simulator sim(c);   sim.world().generate(3, now);   auto port =
//   sim.listen(QHostAddress::LocalHost, 0);
//   // point PlatformSettings::baseUrl at sim.baseUrl(); flip faults with sim.faults().apply({...})

#include "commandeffects.h"
#include "commandendpoint.h"
#include "faults.h"
#include "meterworld.h"
#include "readingscheduler.h"
#include "uploadposter.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace md::sim {

struct SimulatorConfig
{
    Credentials credentials;
    QString aesKey;                       // empty: first 16 bytes of appSecret
    SignMode signMode = SignMode::Strict; // commands without a valid sign get 9003
    TokenCase tokenCase = TokenCase::Upper;
    QByteArray timeZone = QByteArrayLiteral("Asia/Shanghai");
    bool requireEncryption = true; // sensitive command fields must be ciphertext
    bool encryptUploads = true;    // sensitive upload fields are sent encrypted
    int toleranceSeconds = 300;
    QUrl listenerBase = QUrl(QStringLiteral("http://127.0.0.1:8080/rest/v1/bussinessPlatform"));
    int resultDelayMs = 2000;
    int uploadRetries = 4;
    int retryDelayMs = 1000;
    bool logEachUpload = true;
    FaultSwitches faults;
    ScheduleConfig schedule{0, false, 50, 32}; // no scheduled readings unless asked for
};

class Simulator : public QObject
{
    Q_OBJECT
public:
    explicit Simulator(const SimulatorConfig &config, QObject *parent = nullptr);
    ~Simulator() override;

    Result<quint16> listen(const QHostAddress &host, quint16 port);
    QString baseUrl() const; // http://127.0.0.1:PORT (what PlatformSettings::baseUrl wants)

    MeterWorld &world() { return m_world; }
    Faults &faults() { return *m_faults; }
    UploadPoster &poster() { return *m_poster; }
    CommandEffects &effects() { return *m_effects; }
    CommandEndpoint &endpoint() { return *m_endpoint; }
    ReadingScheduler &scheduler() { return *m_scheduler; }

private:
    SimulatorConfig m_config;
    MeterWorld m_world;
    Faults *m_faults;
    UploadPoster *m_poster;
    CommandEffects *m_effects;
    CommandEndpoint *m_endpoint;
    ReadingScheduler *m_scheduler;
    QString m_host;
};

} // namespace md::sim
