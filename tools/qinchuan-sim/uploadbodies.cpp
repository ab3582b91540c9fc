// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadbodies.h"

namespace md::sim::Bodies {

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

// The status fields a meter reports with its readings (6.1 / 6.2).
void addStatus(QJsonObject &o, const SimulatedMeter &meter, qint64 meterTime, const PlatformTime &time)
{
    o.insert(s("meterTime"), time.formatDateTime(meterTime));
    o.insert(s("valveStatus"), meter.valve);
    o.insert(s("signalStrength"), QString::number(-(60 + int(meter.seed % 40)))); // dBm
    o.insert(s("powerType"), s("1"));
    o.insert(s("currentCellVoltage"), formatFixed(meter.batteryMillivolts, 3, 2));
    o.insert(s("totalRechargeAmt"), meter.totalRechargeAmt.toString());
    o.insert(s("totalRechargeCount"), QString::number(meter.rechargeCount));
    o.insert(s("temperature"), QString::number(12 + int(meter.seed % 12)));
    o.insert(s("pressure"), formatFixed(2000 + qint64(meter.seed % 300), 3, 3)); // kPa
}

QJsonArray details(const QList<ReadingPoint> &points, const SimulatedMeter &meter, const PlatformTime &time)
{
    QJsonArray out;
    if (points.isEmpty())
        out.append(readingDetail(meter.current(), time));
    for (const ReadingPoint &p : points)
        out.append(readingDetail(p, time));
    return out;
}

} // namespace

QJsonObject meterHeader(const SimulatedMeter &meter)
{
    return QJsonObject{{s("meterNo"), meter.id.meterNo},
                       {s("factoryCode"), meter.id.factoryCode},
                       {s("meterType"), meter.id.meterType}};
}

QJsonObject readingDetail(const ReadingPoint &p, const PlatformTime &time)
{
    return QJsonObject{
        {s("dataTime"), time.formatDateTime(p.at)}, {s("readingNum"), p.reading.toString()},
        {s("standardNum"), p.reading.toString()},   {s("meterBalanceAmt"), p.balance.toString()},
        {s("totalUseAmt"), p.totalUse.toString()},  {s("price"), p.price.toString()},
        {s("ladderQty"), p.ladderUsed.toString()}};
}

QJsonObject meterDataUp(const SimulatedMeter &meter, const QList<ReadingPoint> &points, qint64 now,
                        const PlatformTime &time)
{
    QJsonObject o = meterHeader(meter);
    addStatus(o, meter, now, time);
    o.insert(s("meterReadingDetails"), details(points, meter, time));
    return o;
}

QJsonObject batchEntry(const SimulatedMeter &meter, const QList<ReadingPoint> &points, qint64 meterTime,
                       const PlatformTime &time)
{
    QJsonObject o = meterHeader(meter);
    addStatus(o, meter, meterTime, time);
    o.insert(s("readingDetails"), details(points, meter, time));
    return o;
}

QJsonObject meterDataUpBatch(const QJsonArray &entries)
{
    return QJsonObject{{s("meterDatas"), entries}};
}

QJsonObject sendAlarm(const SimulatedMeter &meter, const QList<AlarmChange> &changes,
                      const PlatformTime &time)
{
    QJsonArray alarms;
    for (const AlarmChange &c : changes) {
        alarms.append(QJsonObject{{s("alarmTime"), time.formatDateTime(c.at)},
                                  {s("alarmType"), c.type},
                                  {s("alarmStatus"), c.raised ? s("0") : s("1")}});
    }
    QJsonObject o = meterHeader(meter);
    o.insert(s("alarms"), alarms);
    return o;
}

QJsonObject commandResult(const SimulatedMeter &meter, const QString &commandSeq, const QString &resultCode)
{
    QJsonObject o = meterHeader(meter);
    o.insert(s("commandSeq"), commandSeq);
    o.insert(s("resultCode"), resultCode);
    return o;
}

Volume balanceQty(const SimulatedMeter &meter)
{
    const qint64 price = meter.currentPrice().units();
    if (price <= 0)
        return Volume();
    // money units / price units = m3; times 1000 for litres (Volume units).
    return Volume::fromUnits(meter.balance.units() * 1000 / price);
}

QJsonObject rechargeUp(const SimulatedMeter &meter, const QString &commandSeq, const QString &tradeNo,
                       const QString &rechargeNum, const QString &resultCode)
{
    QJsonObject o = commandResult(meter, commandSeq, resultCode);
    o.insert(s("tradeNo"), tradeNo);
    o.insert(s("rechargeNum"), rechargeNum);
    o.insert(s("totalRechargeAmt"), meter.totalRechargeAmt.toString());
    o.insert(s("totalRechargeQty"), meter.totalRechargeQty.toString());
    o.insert(s("meterBalanceAmt"), meter.balance.toString());
    o.insert(s("meterBalanceQty"), balanceQty(meter).toString());
    return o;
}

QJsonObject cancelRechargeUp(const SimulatedMeter &meter, const QString &commandSeq, const QString &tradeNo,
                             Money rechargeNum, const QString &resultCode)
{
    QJsonObject o = commandResult(meter, commandSeq, resultCode);
    o.insert(s("tradeNo"), tradeNo);
    o.insert(s("rechargeNum"), rechargeNum.toString());
    return o;
}

QJsonObject parameterUp(const SimulatedMeter &meter, const QString &commandSeq)
{
    QJsonObject o = meterHeader(meter);
    o.insert(s("commandSeq"), commandSeq);
    for (auto it = meter.parameters.cbegin(); it != meter.parameters.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject meterDataSupplement(const SimulatedMeter &meter, const QString &commandSeq,
                                const QList<ReadingPoint> &points, qint64 now, const PlatformTime &time)
{
    QJsonObject o = meterHeader(meter);
    o.insert(s("commandSeq"), commandSeq);
    o.insert(s("valveStatus"), meter.valve);
    o.insert(s("meterTime"), time.formatDateTime(now));
    o.insert(s("readingDetails"), details(points, meter, time));
    return o;
}

} // namespace md::sim::Bodies
