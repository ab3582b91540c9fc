// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodata.h"

#include "storage/store.h"

#include "core/timeformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace md {

namespace {

const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
const char *const givenNames[] = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "志强"};
const char *const districts[] = {"锦江区", "青羊区", "金牛区", "武侯区", "成华区", "高新区"};
const char *const streets[] = {"春熙路", "人民南路", "天府大道", "蜀都大道", "建设路", "玉林路", "红星路", "双楠路"};

constexpr qint64 moneyScale = Money::scale();

QString meterStatusJson(const QString &meterNo, const QString &valve, qint64 readingUnits, qint64 balanceUnits, const QString &time)
{
    QJsonObject o{{QStringLiteral("meterNo"), meterNo},
                  {QStringLiteral("meterTime"), time},
                  {QStringLiteral("valveStatus"), valve},
                  {QStringLiteral("cellVoltage"), QStringLiteral("3.6")},
                  {QStringLiteral("signalStrength"), QStringLiteral("23")},
                  {QStringLiteral("meterReadingDetails"),
                   QJsonArray{QJsonObject{{QStringLiteral("dataTime"), time},
                                          {QStringLiteral("readingNum"), Volume::fromUnits(readingUnits).toString()},
                                          {QStringLiteral("meterBalanceAmt"), Money::fromUnits(balanceUnits).toString()}}}},
                  {QStringLiteral("sign"), QStringLiteral("9F2C6B0E1A7D4C3B8E5F6A7B8C9D0E1F")}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QString demoMeterNo(int index)
{
    return QStringLiteral("3101%1").arg(index + 1, 7, 10, QLatin1Char('0'));
}

Result<DemoSummary> generateDemoData(Store &store, const DemoOptions &o, const std::function<void(int, int)> &progress)
{
    DemoSummary summary;
    QRandomGenerator rng(o.seed);
    const qint64 now = o.now ? o.now : PlatformTime::nowEpoch();
    const PlatformTime &time = o.time;
    const QDate today = time.dateOf(now);
    const qint64 price = 3 * moneyScale; // 3.00 yuan / m3

    // 1. the registry
    QList<MeterInfo> meters;
    for (int i = 0; i < o.meters; ++i) {
        MeterInfo m;
        m.meterNo = demoMeterNo(i);
        m.meterType = i % 5 == 0 ? QStringLiteral("QC-G4") : QStringLiteral("QC-G2.5");
        m.factoryCode = QStringLiteral("QC");
        m.userNo = QStringLiteral("200%1").arg(i + 1, 6, 10, QLatin1Char('0'));
        m.userName = QString::fromUtf8(surnames[rng.bounded(int(std::size(surnames)))])
            + QString::fromUtf8(givenNames[rng.bounded(int(std::size(givenNames)))]);
        m.addrDes = QStringLiteral("成都市%1%2%3号%4栋%5单元%6室")
                        .arg(QString::fromUtf8(districts[i % std::size(districts)]),
                             QString::fromUtf8(streets[rng.bounded(int(std::size(streets)))]))
                        .arg(rng.bounded(1, 300))
                        .arg(rng.bounded(1, 20))
                        .arg(rng.bounded(1, 4))
                        .arg(rng.bounded(1, 30) * 100 + rng.bounded(1, 5));
        m.setUpTime = time.startOfDay(today.addDays(-o.days - 30));
        m.enableMeterReading = Volume::fromUnits(0);
        meters.append(m);
    }
    auto up = store.upsertMeters(meters).result();
    if (!up.ok())
        return up.error();
    summary.meters = int(meters.size());

    // 2. readings, statuses, journal: older days in one upload per meter, the recent days one by one
    const int gasLeakIndex = qMin(6, o.meters - 1);
    const int arrearsDay = qMax(0, o.recentDays - 2); // the arrears alarm (and closed valve) since then
    summary.gasLeakMeter = demoMeterNo(gasLeakIndex);
    QList<QFuture<WriteOutcome>> pending;
    for (int i = 0; i < o.meters; ++i) {
        const QString meterNo = meters[i].meterNo;
        const bool arrears = o.alarms && i % 23 == 5;  // ~4%: closed for arrears
        const bool silent = i % 37 == 11;              // stopped uploading a week ago
        qint64 reading = rng.bounded(0, 2000) * 1000;
        qint64 balance = (200 + rng.bounded(0, 300)) * moneyScale;
        const int lastDay = silent ? 7 : 0;
        UploadWrite bulk;
        bulk.journal.direction = JournalDirection::Inbound;
        bulk.journal.endpoint = QStringLiteral("meterDataSupplement");
        bulk.journal.remote = QStringLiteral("127.0.0.1");
        bulk.journal.meterNo = meterNo;
        bulk.journal.returnCode = QStringLiteral("0000");
        bulk.journal.httpStatus = 200;
        for (int d = o.days; d >= lastDay; --d) {
            const QDate date = today.addDays(-d);
            // Read at 02:00-02:59 platform time; today's reading, early after platform midnight, is
            // taken "now" instead: the demo never holds a reading dated after the present.
            const qint64 t = qMin(time.startOfDay(date) + 2 * 3600 + (i % 60) * 60, now);
            // winter uses more gas than summer
            const int month = date.month();
            const int base = (month <= 3 || month >= 11) ? 1600 : (month >= 6 && month <= 8 ? 500 : 900);
            const qint64 use = base + rng.bounded(0, 600);
            reading += use;
            balance -= use * price / 1000;
            if (!arrears && balance < 30 * moneyScale)
                balance += 300 * moneyScale; // a recharge at the counter (history)
            Reading r;
            r.meterNo = meterNo;
            r.dataTime = t;
            r.readingNum = Volume::fromUnits(reading);
            r.meterBalanceAmt = Money::fromUnits(balance);
            r.price = Money::fromUnits(price);
            r.totalUseAmt = Money::fromUnits(reading * price / 1000);
            MeterStatus s;
            s.meterNo = meterNo;
            s.meterTime = t;
            s.receivedAt = qMin(t + 5, now);
            s.valveStatus = arrears && d <= arrearsDay ? QStringLiteral("1") : QStringLiteral("0");
            s.signalStrength = QString::number(14 + (i * 7 + d) % 18);
            s.powerType = QStringLiteral("1");
            s.cellVoltage = i % 41 == 3 ? QStringLiteral("3.1") : QStringLiteral("3.6");
            if (d > o.recentDays) {
                bulk.readings.append(r);
                if (d == o.recentDays + 1) {
                    bulk.statuses.append(s);
                    bulk.journal.at = s.receivedAt * 1000;
                    bulk.journal.body = meterStatusJson(meterNo, s.valveStatus, reading, balance, time.formatDateTime(t)).toUtf8();
                    pending.append(store.submit(bulk));
                }
                continue;
            }
            UploadWrite w;
            w.journal.direction = JournalDirection::Inbound;
            w.journal.endpoint = QStringLiteral("meterDataUp");
            w.journal.remote = QStringLiteral("10.20.30.40");
            w.journal.meterNo = meterNo;
            w.journal.returnCode = QStringLiteral("0000");
            w.journal.httpStatus = 200;
            w.journal.durationMs = 3 + rng.bounded(0, 9);
            w.journal.at = s.receivedAt * 1000; // never after now, like the reading
            w.journal.headers = QByteArrayLiteral(R"({"AccessToken":"8C1F3A7B9D2E4F60A1B2C3D4E5F60718","Authorization":"Basic UUMwMDE6MjAyNDA2MDEwMjAwMDA=","Content-Type":"application/json"})");
            w.journal.body = meterStatusJson(meterNo, s.valveStatus, reading, balance, time.formatDateTime(t)).toUtf8();
            w.readings.append(r);
            w.statuses.append(s);
            if (arrears && d == arrearsDay)
                w.alarms.append({meterNo, t, QStringLiteral("3001"), true});
            if (o.alarms && i == gasLeakIndex && d == 0)
                w.alarms.append({meterNo, t, QStringLiteral("1002"), true});
            if (o.alarms && i % 41 == 3 && d == 10)
                w.alarms.append({meterNo, t, QStringLiteral("4001"), true});
            if (o.alarms && i % 29 == 9 && d == 12)
                w.alarms.append({meterNo, t, QStringLiteral("1005"), true});
            if (o.alarms && i % 29 == 9 && d == 9)
                w.alarms.append({meterNo, t, QStringLiteral("1005"), false}); // cleared: history
            summary.alarms += int(w.alarms.size());
            pending.append(store.submit(std::move(w)));
        }
        summary.readings += o.days - lastDay + 1;
        if (pending.size() > 400) {
            for (auto &f : pending) {
                const WriteOutcome out = f.result();
                if (!out.ok)
                    return out.error;
            }
            pending.clear();
        }
        if (progress)
            progress(i + 1, o.meters);
    }
    for (auto &f : pending) {
        const WriteOutcome out = f.result();
        if (!out.ok)
            return out.error;
    }

    // 3. commands: valve operations and recharges in every state a console shows
    if (o.commands) {
        const int count = qMin(o.meters, 40);
        for (int k = 0; k < count; ++k) {
            const int i = (k * 7) % o.meters;
            const QString meterNo = meters[i].meterNo;
            const qint64 created = now - (count - k) * 3600;
            auto seq = store.allocateCommandSeq(created).result();
            if (!seq.ok())
                return seq.error();
            CommandRecord c;
            c.commandSeq = *seq;
            c.meterNo = meterNo;
            c.operatorName = k % 2 ? QStringLiteral("李客服") : QStringLiteral("王班长");
            c.createdAt = created;
            const bool recharge = k % 3 == 0;
            if (recharge) {
                auto trade = store.allocateTradeNo(created).result();
                if (!trade.ok())
                    return trade.error();
                c.name = QStringLiteral("recharge");
                c.tradeNo = *trade;
                c.params = QJsonObject{{QStringLiteral("rechargeNum"), QStringLiteral("100.0000")},
                                       {QStringLiteral("rechargeType"), QStringLiteral("1")}};
            } else {
                c.name = QStringLiteral("valveOperate");
                c.params = QJsonObject{{QStringLiteral("operateType"), k % 2 ? QStringLiteral("1") : QStringLiteral("0")}};
            }
            auto inserted = store.insertCommand(c).result();
            if (!inserted.ok())
                return inserted.error();
            ++summary.commands;
            const int fate = k % 5; // 0 queued, 1 sent, 2 succeeded, 3 failed, 4 expired
            if (fate == 0)
                continue;
            CommandUpdate sent;
            sent.state = CommandState::Sent;
            sent.sentAt = created + 2;
            sent.returnCode = QStringLiteral("0000");
            sent.returnMessage = QStringLiteral("交易成功");
            sent.incrementAttempts = true;
            (void)store.updateCommandState(c.commandSeq, sent).result();
            if (fate == 1)
                continue;
            if (fate == 2 && recharge) {
                UploadWrite w;
                w.journal.direction = JournalDirection::Inbound;
                w.journal.endpoint = QStringLiteral("rechargeUp");
                w.journal.remote = QStringLiteral("10.20.30.40");
                w.journal.meterNo = meterNo;
                w.journal.commandSeq = c.commandSeq;
                w.journal.returnCode = QStringLiteral("0000");
                w.journal.httpStatus = 200;
                w.journal.at = (created + 1800) * 1000;
                w.journal.body = QJsonDocument(QJsonObject{{QStringLiteral("meterNo"), meterNo},
                                                           {QStringLiteral("commandSeq"), c.commandSeq},
                                                           {QStringLiteral("tradeNo"), c.tradeNo},
                                                           {QStringLiteral("rechargeNum"), QStringLiteral("100.0000")},
                                                           {QStringLiteral("resultCode"), QStringLiteral("00")}})
                                     .toJson(QJsonDocument::Compact);
                RechargeResult rr;
                rr.tradeNo = c.tradeNo;
                rr.meterNo = meterNo;
                rr.commandSeq = c.commandSeq;
                rr.rechargeNum = Money::fromUnits(100 * moneyScale);
                rr.resultCode = QStringLiteral("00");
                rr.receivedAt = created + 1800;
                w.recharge = rr;
                CommandResult cr;
                cr.uploadName = QStringLiteral("rechargeUp");
                cr.commandSeq = c.commandSeq;
                cr.meterNo = meterNo;
                cr.resultCode = QStringLiteral("00");
                cr.receivedAt = created + 1800;
                w.result = cr;
                (void)store.submit(std::move(w)).result();
                continue;
            }
            CommandUpdate done;
            done.state = fate == 2 ? CommandState::Succeeded : fate == 3 ? CommandState::Failed : CommandState::Expired;
            done.finishedAt = created + 1800;
            if (fate != 4)
                done.resultCode = fate == 2 ? QStringLiteral("00") : QStringLiteral("01");
            (void)store.updateCommandState(c.commandSeq, done).result();
        }
    }
    store.flush().waitForFinished();
    return summary;
}

} // namespace md
