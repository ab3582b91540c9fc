// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The operations that run on the writer thread inside an item's savepoint (see writer.h).
// ingest.cpp: uploads and the journal; commandwrites.cpp: commands, counters; registrywrites.cpp:
// meters, alarms acknowledgement, review flags, retention.

#include "writes.h"
#include "writer.h"

namespace md::writeops {

Result<qint64> insertJournal(WriteContext &ctx, const JournalEntry &entry);
WriteOutcome applyUpload(WriteContext &ctx, const UploadWrite &write);
// readingwrites.cpp: (meter id, reading) rows, each stored once per (meter, dataTime); counts go to `out`.
bool insertReadings(WriteContext &ctx, const QList<QPair<qint64, const Reading *>> &rows, qint64 journalId,
                    qint64 receivedAt, WriteOutcome &out);
// readingwrites.cpp: the meters rows' latest status, newest
// reading and last upload time in one statement per meter; each group moves only when its time is not older
// than the row's. `status` / `reading` may be null (that group stays).
struct MeterLatest
{
    qint64 meterId = 0;
    const MeterStatus *status = nullptr;
    const Reading *reading = nullptr;
};
bool updateMetersLatest(WriteContext &ctx, const QList<MeterLatest> &rows, qint64 receivedAt);
// readingwrites.cpp: statuses, stored once per (meter, meterTime); new ones counted in `out`.
bool insertStatuses(WriteContext &ctx, const QList<QPair<qint64, const MeterStatus *>> &rows, qint64 journalId,
                    WriteOutcome &out);

// readingwrites.cpp: the columns of a readings / statuses row, in the order of kReadingColumns /
// kStatusColumns (a reading's meter_id, data_time and the last three are the caller's).
inline constexpr const char *kReadingColumns = "meter_id, data_time, reading, standard_num, work_num, balance_amt, "
                                               "total_use_amt, balance_qty, price, ladder_qty, command_seq, journal_id, received_at";
inline constexpr const char *kStatusColumns = "meter_id, meter_time, received_at, valve_status, signal, power_type, cell_voltage, "
                                              "temperature, pressure, total_recharge_amt, total_recharge_count, "
                                              "total_recharge_qty, journal_id";
QVariantList readingValues(const Reading &r); // reading .. ladder_qty
QVariantList statusValues(qint64 meterId, const MeterStatus &st, const QVariant &journal);
// A reading whose (meter, dataTime) was stored already: a duplicate, or a conflict flagged for
// review; counted in `out`. False on a database error.
bool countExisting(WriteContext &ctx, qint64 meterId, const Reading &r, qint64 journalId, WriteOutcome &out);
// updateMetersLatest's assignments with numbered parameters: ?1 the id, ?2..?15 latestValues(), ?16
// the upload time.
QString latestAssignments();
QVariantList latestValues(const MeterLatest &m);

// The registry id of a meter (removed meters excluded); 0 when unknown, nullopt on a database error.
std::optional<qint64> meterId(WriteContext &ctx, const QString &meterNo);
bool addReviewFlag(WriteContext &ctx, const QString &kind, const QString &meterNo, const QString &key,
                   const QString &detail, qint64 journalId);

Result<QString> allocateSeq(WriteContext &ctx, qint64 nowEpoch);
Result<CommandRecord> insertCommand(WriteContext &ctx, CommandRecord command);
Result<CommandRecord> updateCommand(WriteContext &ctx, const QString &commandSeq, const CommandUpdate &update);
Result<QStringList> expireCommands(WriteContext &ctx, qint64 nowEpoch, qint64 ttlSeconds);
// Finishes the command a result upload names. Empty seq when none matched.
struct ResultMatch
{
    QString matchedSeq;
    bool unknown = false;
    bool duplicate = false;
};
Result<ResultMatch> applyCommandResult(WriteContext &ctx, const CommandResult &result, qint64 journalId);

Result<QList<MeterUpsertResult>> upsertMeters(WriteContext &ctx, const QList<MeterInfo> &meters);
Result<bool> removeMeter(WriteContext &ctx, const QString &meterNo);
Result<bool> acknowledgeAlarm(WriteContext &ctx, qint64 alarmId, const QString &who, qint64 at);
Result<bool> resolveReviewFlag(WriteContext &ctx, qint64 flagId, const QString &who, qint64 at);
Result<qint64> purgeBefore(WriteContext &ctx, qint64 beforeEpoch, bool includeJournal);

} // namespace md::writeops
