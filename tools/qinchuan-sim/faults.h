// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fault switches of the simulated platform, for tests and operator training. Set from the command
// line at start and flipped at runtime through POST /sim/control (a JSON object with the same keys).

#include "core/result.h"

#include <QJsonObject>
#include <QObject>

#include <optional>

namespace md::sim {

// What happens to the answer of an applied command: Off (answered), Hold (connection kept open, then
// closed), Close (dropped), Html (HTTP 200 with a proxy's HTML page), HalfJson (HTTP 200 with the
// first half of the JSON answer).
enum class NoReply { Off, Hold, Close, Html, HalfJson };

struct FaultSwitches
{
    int replyDelayMs = 0;           // answer /prepose/* only after this delay
    bool http500 = false;           // answer /prepose/* with HTTP 500 (the command is not applied)
    NoReply noReply = NoReply::Off; // hold: keep the connection open without answer; close: drop it;
                                    // html / halfjson: a garbled answer (all after applying the
                                    // command: the reply is what gets lost)
    int holdMs = 30000;             // how long "hold" keeps a connection before closing it
    bool dropResults = false;       // result uploads are never posted
    bool duplicateResults = false;  // every result upload is posted twice
    bool wrongSecret = false;       // uploads are signed with a wrong appSecret (our listener: 9003)
    int failRatePercent = 0;        // share of results with resultCode 01 (0..100)

    QJsonObject toJson() const;
    // Applies the keys present in `json`; an unknown key or a bad value is an error naming the key
    // and nothing is changed.
    Result<void> apply(const QJsonObject &json);
};

QString noReplyName(NoReply mode);
std::optional<NoReply> noReplyFromName(const QString &name);

// The one live set of switches, shared by the endpoint and the poster (same thread).
class Faults : public QObject
{
    Q_OBJECT
public:
    explicit Faults(QObject *parent = nullptr) : QObject(parent) {}
    const FaultSwitches &switches() const { return m_switches; }
    void set(const FaultSwitches &switches);
    Result<void> apply(const QJsonObject &json);
    // Deterministic failure draw: a 10 % rate fails exactly 1 result in 10, evenly spread.
    bool drawFailure();

signals:
    void changed();

private:
    FaultSwitches m_switches;
    quint64 m_draws = 0;
};

} // namespace md::sim
