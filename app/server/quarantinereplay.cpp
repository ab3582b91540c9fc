// SPDX-License-Identifier: GPL-3.0-or-later
#include "quarantinereplay.h"

#include "core/whendone.h"
#include "uploadmapper.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace md {

Q_LOGGING_CATEGORY(lcQuarantine, "md.listener.quarantine")

QuarantineReplay::QuarantineReplay(std::shared_ptr<Store> store, const CodecOptions &codec, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_codec(codec)
{
    m_timer.setParent(this);
    connect(&m_timer, &QTimer::timeout, this, &QuarantineReplay::replayDue);
}

void QuarantineReplay::start(int intervalMs)
{
    m_timer.start(intervalMs);
    replayDue();
}

void QuarantineReplay::replayDue()
{
    if (m_inFlight > 0 || !m_store || m_store->isReadOnly())
        return; // one round at a time: a record is never submitted twice while its write is queued
    const Result<QList<QuarantinedRecord>> due = m_store->quarantineReady(200);
    if (!due || due->isEmpty())
        return;
    for (const QuarantinedRecord &r : *due) {
        UploadWrite w;
        const MessageSpec *spec = Catalog::instance().upload(r.uploadName);
        QJsonObject body = QJsonDocument::fromJson(r.record).object();
        // A batch's record is one element of meterDatas: replayed as a batch of one.
        if (spec && spec->fields.size() == 1 && spec->fields.first().type == FieldType::List)
            body = QJsonObject{{spec->fields.first().name, QJsonArray{body}}};
        Result<UploadMapper::Mapped> mapped = spec ? UploadMapper::parse(m_codec, *spec, body, r.receivedAt)
                                                   : Result<UploadMapper::Mapped>(makeError(QStringLiteral("9002")));
        if (mapped)
            w = std::move(mapped.value().write);
        else
            w.reviewNotes.append({r.meterNo, r.uploadName, mapped.error().message(), QStringLiteral("quarantine-replay-failed")});
        // Journaled once: the replay points at the request's own row (written when it arrived)
        // and keeps its arrival time; no second copy of the record goes into the journal.
        w.journal.id = r.journalId;
        w.journal.at = r.receivedAt * 1000;
        w.replayOf = r.id;
        ++m_inFlight;
        whenFinished(m_store->submit(std::move(w)), this, [this, id = r.id](const QFuture<WriteOutcome> &done) {
            --m_inFlight;
            if (done.resultCount() == 0 || !done.result().ok)
                qCWarning(lcQuarantine) << "quarantine record" << id << "not replayed yet";
        });
    }
    qCInfo(lcQuarantine) << "replaying" << due->size() << "quarantined record(s)";
}

} // namespace md
