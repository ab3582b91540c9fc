// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Uploads applied as a group (PostgreSQL): every statement through QPSQL is a synchronous round trip
// and QPSQL has neither a pipeline mode nor COPY, so the uploads of one writer batch go in with one
// statement per table instead of four per upload: the journal rows (ids drawn from the sequence in
// the same statement), the statuses and the readings as arrays unnested into one INSERT each, the
// meters' latest columns in one UPDATE ... FROM unnest(...). The result per upload is what
// applyUpload() gives; the writer replays the batch item by item when a statement fails.

#include "writeops.h"

namespace md {

// Store::submit's task: an upload the writer may group with its neighbours.
class UploadTask final : public WriteTask<WriteOutcome>
{
public:
    UploadTask(UploadWrite write, int weight);
    const UploadWrite *upload() const override { return &m_write; }
    void setOutcome(WriteOutcome outcome) override { m_result.emplace(std::move(outcome)); }

private:
    UploadWrite m_write;
};

} // namespace md

namespace md::writeops {

// NotApplicable (nothing written) when an upload carries more than journal, statuses and readings
// (alarms, results, recharges, parameters, review notes, quarantine, a replay), names a meter the
// registry lacks, or when two uploads of the group share a reading's or a status's key (the order
// within one statement would decide which one is new).
Writer::Grouped applyUploadGroup(WriteContext &ctx, const QList<const UploadWrite *> &uploads, QList<WriteOutcome> &outcomes);

} // namespace md::writeops
