// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns a parsed upload (catalogue-driven, aliases resolved, sensitive values decrypted) into the
// store's rows. Driven by field names, not by message names: a record carrying `meterTime` is a meter
// status, a list whose items carry `dataTime` + `readingNum` holds readings, one whose items carry
// `alarmTime` + `alarmType` holds alarms, one whose items carry `meterNo` holds whole meter records
// (meterDataUpBatch); an upload that answers a command (catalogue `result_of`) is a command result;
// `tradeNo` + `rechargeNum` make a recharge ledger entry; the parameter names make a parameter set.
// So a new upload in catalog.json needs no code here unless it brings a new kind of row.

#include "core/records.h"
#include "core/result.h"
#include "protocol/codec.h"
#include "protocol/record.h"
#include "storage/store.h"

#include <QStringList>

namespace md {

class UploadMapper
{
public:
    // The rows of one upload; `journal` is left for the caller to fill in. reviewNotes stay empty:
    // parse() fills them, since a note carries the value as it was in the body.
    static UploadWrite map(const ParsedMessage &message, qint64 receivedAt);

    // Every meterNo the upload names, with the path of the field that names it, in body order
    // ("meterNo", "meterDatas[3].meterNo"): the registry check (1003) reports the first unknown.
    struct MeterRef
    {
        QString meterNo;
        QString path;        // of meterNo: "meterNo", "meterDatas[2].meterNo"
        QString factoryCode; // as the upload states it
        QString meterType;
        QString list;        // the meter records' list ("meterDatas"); empty: the body is the record
        int index = -1;
    };
    static QList<MeterRef> meterRefs(const ParsedMessage &message);

    // The parameter fields a parameterUp reports (ParameterSet::values keys).
    static const QStringList &parameterFieldNames();

    // Parse (catalogue) and map in one go. A message made of a list of meter records
    // (meterDataUpBatch) is parsed one element at a time and mapped at once, so a 1,000-meter batch
    // never holds 24,000 parsed records (tens of MB) in memory together; error paths are the same
    // as a whole-message parse ("meterDatas[3].readingDetails[0].dataTime"). Unknown codes in
    // optional fields (ParsedMessage::flags) become write.reviewNotes under the same paths.
    struct Mapped
    {
        UploadWrite write;     // journal left empty
        QList<MeterRef> meters;
        QString meterNo;       // top-level meterNo / commandSeq, for the journal row
        QString commandSeq;
    };
    static Result<Mapped> parse(const MessageCodec &codec, const MessageSpec &spec, const QJsonObject &body,
                                qint64 receivedAt);
};

} // namespace md
