// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandeffects.h"

#include "faults.h"
#include "meterworld.h"
#include "uploadbodies.h"
#include "uploadposter.h"

#include <QDateTime>
#include <QTimer>

namespace md::sim {

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

Tariff tariffFrom(const Record &r)
{
    Tariff t;
    t.ladderNum = int(r.integer(s("priceLadderNum")).value_or(1));
    for (int i = 0; i < 5; ++i)
        t.prices[i] = r.money(s("price") + QString::number(i)).value_or(Money());
    for (int i = 0; i < 4; ++i)
        t.levels[i] = r.volume(s("level") + QString::number(i + 1)).value_or(Volume());
    t.priceName = r.text(s("priceName"));
    t.priceVersion = r.text(s("priceVersion"));
    t.effectiveDate = r.date(s("effectiveDate")).value_or(QDate());
    return t;
}

} // namespace

CommandEffects::CommandEffects(MeterWorld *world, Faults *faults, UploadPoster *poster, QObject *parent)
    : QObject(parent), m_world(world), m_faults(faults), m_poster(poster)
{
}

QString CommandEffects::resultCode()
{
    return m_faults->drawFailure() ? s("01") : s("00");
}

void CommandEffects::later(const QString &meterNo, int delayMs,
                           std::function<void(SimulatedMeter &, qint64)> work)
{
    QTimer::singleShot(delayMs, this, [this, meterNo, work = std::move(work)] {
        SimulatedMeter *meter = m_world->find(meterNo);
        if (!meter) {
            qInfo("result for %s skipped: meter removed meanwhile", qPrintable(meterNo));
            return;
        }
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        postAlarms(*meter, meter->advanceTo(now, m_world->time()));
        work(*meter, now);
    });
}

void CommandEffects::postAlarms(const SimulatedMeter &meter, const QList<AlarmChange> &changes)
{
    if (changes.isEmpty())
        return;
    m_poster->post(s("sendAlarm"), Bodies::sendAlarm(meter, changes, m_world->time()), UploadKind::Alarm);
}

Result<void> CommandEffects::apply(const QString &name, const Record &r, qint64 now)
{
    const QString meterNo = r.text(s("meterNo"));
    const QString seq = r.text(s("commandSeq"));
    const PlatformTime &time = m_world->time();

    if (name == u"meterInfo") {
        const QString op = r.has(s("meterOperation")) ? r.text(s("meterOperation")) : s("register");
        SimulatedMeter *known = m_world->find(meterNo);
        if (op == u"remove") {
            if (!m_world->remove(meterNo))
                return makeError(s("1003"), s("meterNo"), s("not registered"));
            return {};
        }
        if (op == u"modify" && !known)
            return makeError(s("1003"), s("meterNo"), s("not registered"));
        MeterIdentity id = known ? known->id : MeterIdentity{};
        id.meterNo = meterNo;
        id.meterType = r.text(s("meterType"));
        id.userNo = r.text(s("userNo"));
        id.addrDes = r.text(s("addrDes"));
        if (r.has(s("userName")))
            id.userName = r.text(s("userName"));
        SimulatedMeter &m = m_world->add(id, now);
        if (!known && r.volume(s("enableMeterReading")))
            m.reading = *r.volume(s("enableMeterReading"));
        return {};
    }
    if (name == u"valveOperate") {
        const QString op = r.text(s("valveOperate"));
        later(meterNo, m_resultDelayMs, [this, seq, op](SimulatedMeter &m, qint64 at) {
            QList<AlarmChange> changes;
            QString code = resultCode();
            if (code == u"00" && !m.operateValve(op, at, &changes))
                code = s("01");
            postAlarms(m, changes);
            m_poster->post(op == u"0" ? s("openVResult") : s("closeVResult"),
                           Bodies::commandResult(m, seq, code), UploadKind::Result);
        });
        return {};
    }
    if (name == u"recharge") {
        const QString tradeNo = r.text(s("tradeNo"));
        const bool byVolume = r.text(s("rechargeType")) == u"2";
        // rechargeType 2: rechargeNum is gas volume (m3, 3 decimals), credited as gas and billed at
        // today's price for the money balance; echoed back in rechargeUp as received.
        const std::optional<Volume> qty = byVolume ? r.volume(s("rechargeNum")) : std::nullopt;
        const Money money = byVolume ? Money() : r.money(s("rechargeNum")).value_or(Money());
        const QString echoed = byVolume ? qty.value_or(Volume()).toString() : money.toString();
        later(meterNo, m_resultDelayMs, [this, seq, tradeNo, money, qty, echoed](SimulatedMeter &m, qint64 at) {
            const QString code = resultCode();
            if (code == u"00") {
                const Money amount = qty ? Money::fromUnits(qty->units() * m.currentPrice().units() / 1000) : money;
                if (!m.credit(tradeNo, amount, qty))
                    qInfo("recharge %s on %s: tradeNo seen before, not credited again", qPrintable(tradeNo),
                          qPrintable(m.id.meterNo));
                postAlarms(m, m.refreshAlarms(at));
            }
            m_poster->post(s("rechargeUp"), Bodies::rechargeUp(m, seq, tradeNo, echoed, code), UploadKind::Result);
        });
        return {};
    }
    if (name == u"cancelRecharge") {
        const QString tradeNo = r.text(s("tradeNo"));
        const Money num = r.money(s("rechargeNum")).value_or(Money());
        later(meterNo, 0, [this, seq, tradeNo, num](SimulatedMeter &m, qint64 at) {
            QString code = resultCode();
            if (code == u"00" && !m.cancelCredit(tradeNo))
                code = s("01"); // unknown or already cancelled trade
            postAlarms(m, m.refreshAlarms(at));
            m_poster->post(s("cancelRechargeUp"), Bodies::cancelRechargeUp(m, seq, tradeNo, num, code),
                           UploadKind::Result);
        });
        return {};
    }
    if (name == u"changeprice") {
        const Tariff tariff = tariffFrom(r);
        later(meterNo, m_resultDelayMs, [this, seq, tariff](SimulatedMeter &m, qint64 at) {
            const QString code = resultCode();
            if (code == u"00") {
                if (tariff.effectiveDate > m_world->time().dateOf(at))
                    m.pendingTariff = tariff;
                else
                    m.tariff = tariff;
                ++m.priceChangeCount;
            }
            m_poster->post(s("chargePriceResult"), Bodies::commandResult(m, seq, code), UploadKind::Result);
        });
        return {};
    }
    if (name == u"getParameter") {
        later(meterNo, m_resultDelayMs, [this, seq](SimulatedMeter &m, qint64) {
            m_poster->post(s("parameterUp"), Bodies::parameterUp(m, seq), UploadKind::Result);
        });
        return {};
    }
    if (name == u"dataSupplement") {
        const QDate today = time.dateOf(now);
        const QDate end = r.date(s("endDate")).value_or(today);
        const QDate begin = r.date(s("beginDate")).value_or(end.addDays(-6));
        if (begin > end)
            return makeError(s("9002"), s("beginDate"), s("beginDate after endDate"));
        const qint64 from = time.startOfDay(begin);
        const qint64 to = time.startOfDay(end.addDays(1));
        later(meterNo, m_resultDelayMs, [this, seq, from, to](SimulatedMeter &m, qint64 at) {
            QList<ReadingPoint> points;
            for (const ReadingPoint &p : m.daily()) {
                if (p.at >= from && p.at <= to)
                    points.append(p);
            }
            m_poster->post(s("meterDataSupplement"),
                           Bodies::meterDataSupplement(m, seq, points, at, m_world->time()),
                           UploadKind::Result);
        });
        return {};
    }
    SimulatedMeter *m = m_world->find(meterNo);
    if (!m)
        return makeError(s("1003"), s("meterNo"), s("not registered"));
    if (name == u"setParameter") {
        for (const char *key :
             {"ip", "port", "upCycle", "upDay", "noUseDay", "alarmOne", "alarmTwo", "overdraft"}) {
            if (r.has(s(key)))
                m->parameters.insert(s(key), r.text(s(key)));
        }
        postAlarms(*m, m->refreshAlarms(now));
        return {};
    }
    if (name == u"updatePriceAndBalance") {
        postAlarms(*m, m->advanceTo(now, time));
        if (const auto price = r.money(s("price"))) {
            m->tariff.ladderNum = 1;
            m->tariff.prices[0] = *price;
        }
        if (const auto balance = r.money(s("balanceAmt")))
            m->balance = *balance;
        if (const auto used = r.money(s("totalUseAmt")))
            m->totalUse = *used;
        postAlarms(*m, m->refreshAlarms(now));
        return {};
    }
    return makeError(s("9005"), QString(), s("command not simulated"));
}

} // namespace md::sim
