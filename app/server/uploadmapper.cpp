// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadmapper.h"

#include <QJsonArray>
#include <QJsonObject>

namespace md {

namespace {

const QString kMeterNo = QStringLiteral("meterNo");
const QString kMeterTime = QStringLiteral("meterTime");
const QString kDataTime = QStringLiteral("dataTime");
const QString kReadingNum = QStringLiteral("readingNum");
const QString kAlarmTime = QStringLiteral("alarmTime");
const QString kAlarmType = QStringLiteral("alarmType");
const QString kAlarmStatus = QStringLiteral("alarmStatus");
const QString kCommandSeq = QStringLiteral("commandSeq");
const QString kResultCode = QStringLiteral("resultCode");
const QString kTradeNo = QStringLiteral("tradeNo");
const QString kRechargeNum = QStringLiteral("rechargeNum");

// Wire field -> row member, one table per kind of value. The wire name differs from the member
// only for currentCellVoltage.
struct TextField { QString wire; QString MeterStatus::*member; };
const TextField statusTexts[] = {
    {QStringLiteral("valveStatus"), &MeterStatus::valveStatus},   {QStringLiteral("signalStrength"), &MeterStatus::signalStrength},
    {QStringLiteral("powerType"), &MeterStatus::powerType},       {QStringLiteral("currentCellVoltage"), &MeterStatus::cellVoltage},
    {QStringLiteral("temperature"), &MeterStatus::temperature},   {QStringLiteral("pressure"), &MeterStatus::pressure},
};

template<typename Row>
struct MoneyField { QString wire; std::optional<Money> Row::*member; };
template<typename Row>
struct VolumeField { QString wire; std::optional<Volume> Row::*member; };

const MoneyField<MeterStatus> statusMoney[] = {{QStringLiteral("totalRechargeAmt"), &MeterStatus::totalRechargeAmt}};
const VolumeField<MeterStatus> statusVolumes[] = {{QStringLiteral("totalRechargeQty"), &MeterStatus::totalRechargeQty}};

const MoneyField<Reading> readingMoney[] = {
    {QStringLiteral("meterBalanceAmt"), &Reading::meterBalanceAmt}, {QStringLiteral("totalUseAmt"), &Reading::totalUseAmt}, {QStringLiteral("price"), &Reading::price}};
const VolumeField<Reading> readingVolumes[] = {
    {QStringLiteral("standardNum"), &Reading::standardNum}, {QStringLiteral("workNum"), &Reading::workNum},
    {QStringLiteral("meterBalanceQty"), &Reading::meterBalanceQty}, {QStringLiteral("ladderQty"), &Reading::ladderQty}};

const MoneyField<RechargeResult> rechargeMoney[] = {
    {QStringLiteral("totalRechargeAmt"), &RechargeResult::totalRechargeAmt}, {QStringLiteral("meterBalanceAmt"), &RechargeResult::meterBalanceAmt}};
const VolumeField<RechargeResult> rechargeVolumes[] = {
    {QStringLiteral("totalRechargeQty"), &RechargeResult::totalRechargeQty}, {QStringLiteral("meterBalanceQty"), &RechargeResult::meterBalanceQty}};

template<typename Row>
void fill(Row &row, const Record &record, const auto &moneyTable, const auto &volumeTable)
{
    for (const auto &f : moneyTable)
        row.*(f.member) = record.money(f.wire);
    for (const auto &f : volumeTable)
        row.*(f.member) = record.volume(f.wire);
}

bool itemsCarry(const QList<Record> &items, const QString &a, const QString &b = {})
{
    return !items.isEmpty() && items.first().has(a) && (b.isEmpty() || items.first().has(b));
}

MeterStatus statusOf(const Record &record, const QString &meterNo, qint64 receivedAt)
{
    MeterStatus st;
    st.meterNo = meterNo;
    st.meterTime = record.epoch(kMeterTime).value_or(0);
    st.receivedAt = receivedAt;
    for (const auto &f : statusTexts)
        st.*(f.member) = record.text(f.wire);
    static const QString kTotalRechargeCount = QStringLiteral("totalRechargeCount");
    st.totalRechargeCount = record.integer(kTotalRechargeCount);
    fill(st, record, statusMoney, statusVolumes);
    return st;
}

Reading readingOf(const Record &item, const QString &meterNo, const QString &commandSeq)
{
    Reading r;
    r.meterNo = meterNo;
    r.dataTime = item.epoch(kDataTime).value_or(0);
    r.readingNum = item.volume(kReadingNum).value_or(Volume());
    r.commandSeq = commandSeq;
    fill(r, item, readingMoney, readingVolumes);
    return r;
}

AlarmEvent alarmOf(const Record &item, const QString &meterNo)
{
    AlarmEvent a;
    a.meterNo = meterNo;
    a.alarmTime = item.epoch(kAlarmTime).value_or(0);
    a.alarmType = item.text(kAlarmType);
    a.raised = item.text(kAlarmStatus) != QLatin1String("1"); // 0 raised, 1 cleared
    return a;
}

// One meter's part of an upload: its status, readings and alarms, wherever they sit.
void mapMeterRecord(const Record &record, const QString &commandSeq, qint64 receivedAt, UploadWrite &out)
{
    const QString meterNo = record.text(kMeterNo);
    if (record.has(kMeterTime))
        out.statuses.append(statusOf(record, meterNo, receivedAt));
    for (auto it = record.lists.cbegin(); it != record.lists.cend(); ++it) {
        const QList<Record> &items = it.value();
        if (itemsCarry(items, kDataTime, kReadingNum)) {
            for (const Record &item : items)
                out.readings.append(readingOf(item, meterNo, commandSeq));
        } else if (itemsCarry(items, kAlarmTime, kAlarmType)) {
            for (const Record &item : items)
                out.alarms.append(alarmOf(item, meterNo));
        } else if (itemsCarry(items, kMeterNo)) {
            for (const Record &item : items)
                mapMeterRecord(item, item.text(kCommandSeq), receivedAt, out);
        }
    }
}

QJsonObject scalarValues(const Record &record)
{
    QJsonObject values;
    for (auto it = record.fields.cbegin(); it != record.fields.cend(); ++it)
        values.insert(it.key(), it->text);
    return values;
}

// The text at an error-style path ("meterReadingDetails[1].valveStatus") in the body as received.
QString valueAt(const QJsonObject &body, const QString &path)
{
    QJsonValue at = body;
    for (const QString &segment : path.split(QLatin1Char('.'))) {
        const QStringList parts = segment.split(QLatin1Char('['));
        at = at.toObject().value(parts.first());
        for (qsizetype i = 1; i < parts.size(); ++i)
            at = at.toArray().at(parts.at(i).chopped(1).toLongLong());
    }
    return at.toString();
}

// The unknown codes the codec kept (ParsedMessage::flags), as notes for the store to flag.
void addReviewNotes(const ParsedMessage &parsed, const QJsonObject &body, const QString &prefix, UploadWrite &out)
{
    const QString meterNo = parsed.record.text(kMeterNo);
    for (const QString &path : parsed.flags)
        out.reviewNotes.append({meterNo, prefix + path, valueAt(body, path)});
}

} // namespace

const QStringList &UploadMapper::parameterFieldNames()
{
    static const QStringList names{QStringLiteral("ip"),       QStringLiteral("port"),     QStringLiteral("upCycle"),
                                   QStringLiteral("upDay"),    QStringLiteral("noUseDay"), QStringLiteral("alarmOne"),
                                   QStringLiteral("alarmTwo"), QStringLiteral("overdraft")};
    return names;
}

UploadWrite UploadMapper::map(const ParsedMessage &message, qint64 receivedAt)
{
    UploadWrite out;
    const Record &record = message.record;
    const QString meterNo = record.text(kMeterNo);
    const QString commandSeq = record.text(kCommandSeq);
    mapMeterRecord(record, commandSeq, receivedAt, out);

    // rechargeUp and cancelRechargeUp leave resultCode optional (必填 blank), so a result upload
    // without one is valid. It is the meter's own report of the transaction (rechargeUp carries its
    // totals after the credit), and the code only ever says 01 for a failure: absent means done, as
    // 00. It is flagged for review, and the command finishes instead of waiting in `sent` to expire.
    QString resultCode = record.text(kResultCode);
    const FieldSpec *resultField = message.spec ? message.spec->field(kResultCode) : nullptr;
    if (resultCode.isEmpty() && resultField && !resultField->required && message.spec && !message.spec->resultOf.isEmpty()) {
        resultCode = QStringLiteral("00");
        out.reviewNotes.append({meterNo, kResultCode, QString(), QStringLiteral("resultCode-absent")});
    }

    // An upload that answers a command (catalogue result_of) is matched by commandSeq.
    if (message.spec && !message.spec->resultOf.isEmpty() && !commandSeq.isEmpty()) {
        CommandResult result;
        result.uploadName = message.spec->name;
        result.commandSeq = commandSeq;
        result.meterNo = meterNo;
        result.resultCode = resultCode;
        result.values = scalarValues(record);
        result.receivedAt = receivedAt;
        out.result = result;
    }

    if (record.has(kTradeNo) && record.has(kRechargeNum)) {
        RechargeResult recharge;
        recharge.tradeNo = record.text(kTradeNo);
        recharge.meterNo = meterNo;
        recharge.commandSeq = commandSeq;
        recharge.cancel = message.spec && message.spec->resultOf == QLatin1String("cancelRecharge");
        recharge.rechargeNum = record.money(kRechargeNum).value_or(Money());
        recharge.resultCode = resultCode;
        recharge.receivedAt = receivedAt;
        fill(recharge, record, rechargeMoney, rechargeVolumes);
        out.recharge = recharge;
    }

    ParameterSet parameters;
    for (const QString &name : parameterFieldNames()) {
        if (record.has(name))
            parameters.values.insert(name, record.text(name));
    }
    if (!parameters.values.isEmpty()) {
        parameters.meterNo = meterNo;
        parameters.commandSeq = commandSeq;
        parameters.receivedAt = receivedAt;
        parameters.reported = true;
        out.parameters = parameters;
    }
    return out;
}

QList<UploadMapper::MeterRef> UploadMapper::meterRefs(const ParsedMessage &message)
{
    QList<MeterRef> refs;
    const Record &record = message.record;
    if (record.has(kMeterNo))
        refs.append({record.text(kMeterNo), kMeterNo, record.text(QStringLiteral("factoryCode")),
                     record.text(QStringLiteral("meterType"))});
    for (auto it = record.lists.cbegin(); it != record.lists.cend(); ++it) {
        const QList<Record> &items = it.value();
        if (!itemsCarry(items, kMeterNo))
            continue;
        for (qsizetype i = 0; i < items.size(); ++i)
            refs.append({items.at(i).text(kMeterNo), QStringLiteral("%1[%2].meterNo").arg(it.key()).arg(i),
                         items.at(i).text(QStringLiteral("factoryCode")), items.at(i).text(QStringLiteral("meterType")),
                         it.key(), int(i)});
    }
    return refs;
}

namespace {
// The list field of a message that is nothing but meter records (meterDataUpBatch), or nullptr.
const FieldSpec *meterRecordList(const MessageSpec &spec)
{
    if (spec.fields.size() != 1 || spec.fields.first().type != FieldType::List)
        return nullptr;
    const FieldSpec &list = spec.fields.first();
    for (const FieldSpec &item : list.items) {
        if (item.name == kMeterNo)
            return &list;
    }
    return nullptr;
}
} // namespace

Result<UploadMapper::Mapped> UploadMapper::parse(const MessageCodec &codec, const MessageSpec &spec,
                                                 const QJsonObject &body, qint64 receivedAt)
{
    Mapped out;
    const FieldSpec *list = meterRecordList(spec);
    QString listKey;
    if (list) {
        for (auto it = body.begin(); it != body.end(); ++it) {
            if (list->matches(it.key()))
                listKey = it.key();
        }
    }
    const QJsonArray items = listKey.isEmpty() ? QJsonArray() : body.value(listKey).toArray();
    if (!list || items.isEmpty()) {
        Result<ParsedMessage> parsed = codec.parseFields(spec, body);
        if (!parsed)
            return parsed.error();
        out.write = map(parsed.value(), receivedAt);
        addReviewNotes(parsed.value(), body, {}, out.write);
        out.meters = meterRefs(parsed.value());
        out.meterNo = parsed->record.text(kMeterNo);
        out.commandSeq = parsed->record.text(kCommandSeq);
        return out;
    }
    MessageSpec element;
    element.name = spec.name;
    element.direction = spec.direction;
    element.fields = list->items;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(list->name).arg(i);
        if (!items.at(i).isObject())
            return makeError(QStringLiteral("9002"), at, QStringLiteral("not an object"));
        Result<ParsedMessage> parsed = codec.parseFields(element, items.at(i).toObject());
        if (!parsed) {
            Error e = parsed.error();
            e.path = e.path.isEmpty() ? at : at + QLatin1Char('.') + e.path;
            return e;
        }
        mapMeterRecord(parsed->record, parsed->record.text(kCommandSeq), receivedAt, out.write);
        addReviewNotes(parsed.value(), items.at(i).toObject(), at + QLatin1Char('.'), out.write);
        out.meters.append({parsed->record.text(kMeterNo), at + QStringLiteral(".meterNo"),
                           parsed->record.text(QStringLiteral("factoryCode")), parsed->record.text(QStringLiteral("meterType")),
                           listKey, int(i)});
    }
    return out;
}

} // namespace md
