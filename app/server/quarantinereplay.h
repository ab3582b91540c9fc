// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Replays quarantined records (uploads of meters that were not registered yet) once their meter is
// registered, whatever registered it: a CSV import, the GUI, a meterInfo command, another desk on
// the shared database. The listener thread polls the store (Store::quarantineReady, a join that
// finds nothing when nothing is due) every few seconds; each record goes through the same mapper
// as a live upload and is written with Store::submit, which marks it replayed in that transaction:
// stored once, never lost. A record that no longer parses is marked replayed with a review flag.

#include "protocol/codec.h"
#include "storage/store.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace md {

class QuarantineReplay : public QObject
{
public:
    QuarantineReplay(std::shared_ptr<Store> store, const CodecOptions &codec, QObject *parent = nullptr);
    void start(int intervalMs = 2000);
    void replayDue(); // one round (on the owning thread)

private:
    std::shared_ptr<Store> m_store;
    MessageCodec m_codec;
    QTimer m_timer;
    int m_inFlight = 0;
};

} // namespace md
