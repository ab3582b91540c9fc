// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Plain upload bodies (catalogue field names, every scalar a JSON string) made from a simulated
// meter's state. UploadPoster turns them into wire bodies (encryption, sign) with the catalogue.

#include "simulatedmeter.h"

#include <QJsonArray>
#include <QJsonObject>

namespace md::sim::Bodies {

// The meter header shared by every upload: meterNo, factoryCode, meterType.
QJsonObject meterHeader(const SimulatedMeter &meter);
// One readingDetails element.
QJsonObject readingDetail(const ReadingPoint &point, const PlatformTime &time);
// meterDataUp (details under meterReadingDetails) at `now`; the current point when `points` is empty.
QJsonObject meterDataUp(const SimulatedMeter &meter, const QList<ReadingPoint> &points, qint64 now,
                        const PlatformTime &time);
// One meterDatas element of meterDataUpBatch (details under readingDetails).
QJsonObject batchEntry(const SimulatedMeter &meter, const QList<ReadingPoint> &points, qint64 meterTime,
                       const PlatformTime &time);
QJsonObject meterDataUpBatch(const QJsonArray &entries);
QJsonObject sendAlarm(const SimulatedMeter &meter, const QList<AlarmChange> &changes,
                      const PlatformTime &time);
// openVResult, closeVResult, chargePriceResult.
QJsonObject commandResult(const SimulatedMeter &meter, const QString &commandSeq, const QString &resultCode);
QJsonObject rechargeUp(const SimulatedMeter &meter, const QString &commandSeq, const QString &tradeNo,
                       const QString &rechargeNum, const QString &resultCode); // rechargeNum as the command carried it (money or m3)
inline QJsonObject rechargeUp(const SimulatedMeter &meter, const QString &commandSeq, const QString &tradeNo,
                              Money rechargeNum, const QString &resultCode)
{
    return rechargeUp(meter, commandSeq, tradeNo, rechargeNum.toString(), resultCode);
}
QJsonObject cancelRechargeUp(const SimulatedMeter &meter, const QString &commandSeq, const QString &tradeNo,
                             Money rechargeNum, const QString &resultCode);
QJsonObject parameterUp(const SimulatedMeter &meter, const QString &commandSeq);
QJsonObject meterDataSupplement(const SimulatedMeter &meter, const QString &commandSeq,
                                const QList<ReadingPoint> &points, qint64 now, const PlatformTime &time);

// Balance expressed in gas at the current price (meterBalanceQty).
Volume balanceQty(const SimulatedMeter &meter);

} // namespace md::sim::Bodies
