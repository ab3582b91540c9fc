// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Test connection" in the settings dialog, asynchronous. It posts a signed getParameter for a meter
// number that cannot exist (MD-CONNECTION-TEST) through md::PlatformClient with the settings being
// edited - the same headers, token, sign and timeout a real command uses - and reads the answer:
//   no HTTP answer            -> unreachable (wrong URL, firewall, platform down)
//   HTTP answer, not JSON     -> reachable, but not a Qinchuan front-end at this URL
//   returnCode 9001 / 9003    -> reachable, credentials / signature refused
//   any other returnCode      -> reachable and authenticated (1003 "meter unknown" is the expected
//                                answer; nothing is executed for a meter that does not exist)
// The probe is journaled like any outbound request when a store is given.

#include "core/settings.h"

#include <QObject>
#include <QString>

#include <memory>

namespace md {

class Store;
class PlatformClient;

struct ProbeResult
{
    enum class Verdict { Ok, Unreachable, NotAPlatform, CredentialsRefused, SignatureRefused };
    Verdict verdict = Verdict::Unreachable;
    int httpStatus = 0;
    QString returnCode;
    QString message; // translated sentence for the dialog
    qint64 durationMs = 0;
};

class ConnectionProbe : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionProbe(std::shared_ptr<Store> store = {}, QObject *parent = nullptr);
    ~ConnectionProbe() override;

    static QString probeMeterNo() { return QStringLiteral("MD-CONNECTION-TEST"); }
    // Starts a probe with these settings; a running probe is abandoned (its answer ignored).
    void start(const PlatformSettings &settings);
    bool isRunning() const { return m_running; }

signals:
    void finished(const md::ProbeResult &result);

private:
    std::shared_ptr<Store> m_store;
    PlatformClient *m_client = nullptr;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace md
