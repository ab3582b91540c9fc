// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The domain rows that travel between the listener / command layer and the store. Plain values:
// instants are UTC epoch seconds, money and volume fixed-point, enumerations as the spec's codes.

#include "billingunit.h"
#include "fixeddecimal.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace md {

struct MeterInfo
{
    QString meterNo; // 表具编号
    QString meterType;
    QString factoryCode;
    QString userNo;
    QString userName;
    QString addrDes;
    QString devNo;
    QString companyNo;
    std::optional<qint64> setUpTime;
    std::optional<Volume> enableMeterReading;
    BillingUnit billingUnit = BillingUnit::Unknown; // the registry's; Unknown keeps what is stored
};

// One reading upload's header: the meter's state at meterTime.
struct MeterStatus
{
    QString meterNo;
    qint64 meterTime = 0;  // meter clock, epoch
    qint64 receivedAt = 0; // our clock, epoch
    QString valveStatus;   // 0..4, or as received (flagged) when unknown
    QString signalStrength;
    QString powerType;
    QString cellVoltage;
    QString temperature;
    QString pressure;
    std::optional<Money> totalRechargeAmt;
    std::optional<qint64> totalRechargeCount;
    std::optional<Volume> totalRechargeQty;
};

struct Reading
{
    QString meterNo;
    qint64 dataTime = 0; // freeze time, epoch
    Volume readingNum;
    std::optional<Volume> standardNum;
    std::optional<Volume> workNum;
    std::optional<Money> meterBalanceAmt;
    std::optional<Money> totalUseAmt;
    std::optional<Volume> meterBalanceQty;
    std::optional<Money> price;
    std::optional<Volume> ladderQty;
    QString commandSeq; // set when it came from a meterDataSupplement
};

struct AlarmEvent
{
    QString meterNo;
    qint64 alarmTime = 0;
    QString alarmType; // "1002"; "0000" cancels every active alarm of the meter
    bool raised = true; // alarmStatus 0 (true) or 1 (false)
};

// A result upload matched to a command by commandSeq (openVResult, rechargeUp, parameterUp, ...).
struct CommandResult
{
    QString uploadName; // canonical name, aliases resolved
    QString commandSeq;
    QString meterNo;
    QString resultCode; // "00", "01", or empty when the upload has none (parameterUp, supplement)
    QJsonObject values; // every field in canonical text form (decrypted), for review
    qint64 receivedAt = 0;
};

// rechargeUp / cancelRechargeUp: the ledger side of a result.
struct RechargeResult
{
    QString tradeNo;
    QString meterNo;
    QString commandSeq;
    bool cancel = false; // cancelRechargeUp
    Money rechargeNum;
    std::optional<Money> totalRechargeAmt;
    std::optional<Volume> totalRechargeQty;
    std::optional<Money> meterBalanceAmt;
    std::optional<Volume> meterBalanceQty;
    QString resultCode;
    qint64 receivedAt = 0;
};

struct ParameterSet
{
    QString meterNo;
    QString commandSeq;
    QMap<QString, QString> values; // ip, port, upCycle, upDay, noUseDay, alarmOne, alarmTwo, overdraft
    qint64 receivedAt = 0;
    bool reported = true; // parameterUp (true) or what we set with setParameter (false)
};

// The record of a meter the registry did not know when its upload arrived (protocol.md section 7):
// kept as received (wire form: the top-level body, or the meter's element of a batch) until the
// meter is registered, then replayed into its history by the listener.
struct QuarantinedRecord
{
    qint64 id = 0;
    QString meterNo;
    QString uploadName; // canonical; "meterDataUpBatch": `record` is one element of meterDatas
    QByteArray record;  // compact JSON
    qint64 receivedAt = 0;
    qint64 journalId = 0;
};

enum class JournalDirection { Inbound, Outbound };

struct JournalEntry
{
    qint64 id = 0;
    qint64 at = 0;        // epoch milliseconds
    JournalDirection direction = JournalDirection::Inbound;
    QString endpoint;     // upload name or /prepose/name; the raw path for unknown routes
    QString remote;       // peer address
    QByteArray headers;   // JSON object of the headers that matter, secrets masked
    QByteArray body;      // raw bytes (truncated to a cap for oversize bodies)
    QString returnCode;   // ours for inbound, the platform's for outbound replies
    int httpStatus = 0;
    QString meterNo;
    QString commandSeq;
    qint64 durationMs = 0;
};

} // namespace md
