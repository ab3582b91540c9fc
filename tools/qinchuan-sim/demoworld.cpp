// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoworld.h"

#include "commandeffects.h"
#include "meterworld.h"
#include "readingscheduler.h"
#include "scenarios.h"
#include "uploadbodies.h"
#include "uploadposter.h"

#include <QDateTime>
#include <QTimer>

namespace md::sim {

namespace {

const char *const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                 "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
                                 "郑", "梁", "谢", "唐", "许", "冯", "宋", "韩", "邓", "彭",
                                 "曾", "曹", "袁", "蒋", "蔡", "余", "杜", "叶", "程"};
const char *const kGiven[] = {"伟", "芳",   "娜",   "敏", "静",   "丽",   "强",   "磊",   "军",   "洋",
                              "勇", "艳",   "杰",   "娟", "涛",   "明",   "超",   "秀英", "霞",   "平",
                              "刚", "桂英", "建华", "文", "华",   "金凤", "志强", "红梅", "建国", "小红",
                              "婷", "雪",   "宇",   "浩", "欣怡", "子涵", "梓萱", "俊杰", "思远", "淑芬"};
const char *const kDistricts[] = {"武侯区", "锦江区", "青羊区", "金牛区", "成华区",  "高新区",
                                  "双流区", "郫都区", "温江区", "新都区", "龙泉驿区"};
const char *const kStreets[] = {"人民南路四段", "一环路南三段", "科华北路",   "玉林南路",   "红星路二段",
                                "蜀都大道",     "天府大道北段", "府青路一段", "沙湾路",     "光华大道一段",
                                "二环路西一段", "建设路",       "双林路",     "桐梓林北路", "营门口路",
                                "金府路",       "站华路",       "锦华路",     "芳草街",     "肖家河街"};
const char *const kCompounds[] = {"锦绣花园", "蜀锦苑",   "芙蓉小区", "天府家园", "银杏苑", "青城阁",
                                  "望江名门", "玉林小区", "棕北小区", "桂溪苑",   "府河苑", "浣花名居"};

template <size_t N> QString pick(const char *const (&list)[N], quint32 h)
{
    return QString::fromUtf8(list[h % N]);
}

quint32 hashOf(int i, int salt)
{
    quint32 h = quint32(i) * 2654435761u ^ quint32(salt) * 40503u;
    h ^= h >> 15;
    h *= 2246822519u;
    h ^= h >> 13;
    return h;
}

MeterIdentity demoIdentity(int i)
{
    MeterIdentity id;
    id.meterNo = QStringLiteral("5101%1").arg(2300000 + i, 8, 10, QLatin1Char('0'));
    const quint32 t = hashOf(i, 1) % 10;
    id.meterType =
        t < 7 ? QStringLiteral("QC-G4") : (t < 9 ? QStringLiteral("QC-G2.5") : QStringLiteral("QC-G6"));
    id.factoryCode = QStringLiteral("QC");
    id.userNo = QStringLiteral("CD%1").arg(10080000 + i * 3, 8, 10, QLatin1Char('0'));
    id.userName = pick(kSurnames, hashOf(i, 2)) + pick(kGiven, hashOf(i, 3));
    id.addrDes = QStringLiteral("四川省成都市%1%2%3号%4%5栋%6单元%7%8室")
                     .arg(pick(kDistricts, hashOf(i, 4)), pick(kStreets, hashOf(i, 5)))
                     .arg(1 + hashOf(i, 6) % 300)
                     .arg(pick(kCompounds, hashOf(i, 7)))
                     .arg(1 + hashOf(i, 8) % 12)
                     .arg(1 + hashOf(i, 9) % 4)
                     .arg(1 + hashOf(i, 10) % 32)
                     .arg(1 + hashOf(i, 11) % 6, 2, 10, QLatin1Char('0'));
    return id;
}

// A few of each faulty meter (scenarios.h) among the households, none of them the leak of the
// live phase (the middle meter).
Scenario demoScenario(int i)
{
    static const Scenario kOrder[] = {Scenario::NightLeak, Scenario::Backwards, Scenario::Stuck,
                                      Scenario::BatteryFall, Scenario::Silent, Scenario::MissedRecharge};
    if (i % 50 < 11 || i % 50 > 16)
        return Scenario::None;
    return kOrder[i % 50 - 11];
}

} // namespace

DemoWorld::DemoWorld(MeterWorld *world, UploadPoster *poster, CommandEffects *effects,
                     ReadingScheduler *scheduler, DemoConfig config, QObject *parent)
    : QObject(parent), m_world(world), m_poster(poster), m_effects(effects), m_scheduler(scheduler),
      m_config(config)
{
}

void DemoWorld::populate(MeterWorld *world, const DemoConfig &config, qint64 now)
{
    const PlatformTime &time = world->time();
    const qint64 origin = time.startOfDay(time.dateOf(now).addDays(-config.historyDays));
    for (int i = 1; i <= config.meters; ++i) {
        SimulatedMeter &m = world->add(demoIdentity(i), origin);
        if (i % 37 == 5) {
            // Households that stopped paying: the balance runs out during the year, 3001 closes the valve.
            m.autoTopUp = false;
            m.balance = Money::fromUnits(qint64(150 + hashOf(i, 12) % 300) * 10000);
        } else {
            m.autoTopUp = true;
            m.balance = Money::fromUnits(qint64(100 + hashOf(i, 13) % 400) * 10000);
        }
        if (i % 41 == 7)
            m.batteryMillivolts = 3330 + int(hashOf(i, 14) % 60); // old batteries: 4001 soon
        const Scenario scenario = demoScenario(i);
        if (scenario != Scenario::None)
            applyScenario(m, scenario, now - qint64(scenario == Scenario::BatteryFall ? 25 : 6) * 86400);
        // History; its alarms are posted once, as the live state. A silent meter's clock stops there.
        m.advanceTo(m.scenario == Scenario::Silent ? m.scenarioFrom : now, time);
        if (scenario == Scenario::None)
            m.takeHourly(); // faulty meters keep theirs: posted day by day before the live phase
    }
    if (world->size() > 0)
        world->at(world->size() / 2).leakAt = now + config.leakAfterSeconds;
}

void DemoWorld::start()
{
    // One batch per group of metersPerBatch meters and daysPerBatch days, oldest days first. Only
    // the plan is made here; each body is built when its turn comes.
    int maxDays = 0;
    for (int i = 0; i < m_world->size(); ++i)
        maxDays = qMax(maxDays, int(m_world->at(i).daily().size()));
    for (int first = 0; first < m_world->size(); first += m_config.metersPerBatch) {
        for (int day = 0; day < maxDays; day += m_config.daysPerBatch)
            m_batches.append(BatchPlan{first, day});
    }
    qInfo("demo: %d meters, posting %lld history batches (meterDataUpBatch)", m_world->size(),
          qlonglong(m_batches.size()));
    postNextBatch();
}

QJsonArray DemoWorld::buildBatch(const BatchPlan &plan) const
{
    QJsonArray entries;
    const int last = qMin(m_world->size(), plan.firstMeter + m_config.metersPerBatch);
    for (int i = plan.firstMeter; i < last; ++i) {
        const SimulatedMeter &m = m_world->at(i);
        const QList<ReadingPoint> points = m.daily().mid(plan.firstDay, m_config.daysPerBatch);
        if (!points.isEmpty())
            entries.append(Bodies::batchEntry(m, points, points.last().at, m_world->time()));
    }
    return entries;
}

void DemoWorld::postNextBatch()
{
    if (m_next >= m_batches.size()) {
        emit historyPosted(int(m_batches.size()));
        startLive();
        return;
    }
    const QJsonArray entries = buildBatch(m_batches.at(m_next));
    if (entries.isEmpty()) {
        ++m_next;
        QTimer::singleShot(0, this, &DemoWorld::postNextBatch);
        return;
    }
    const bool posted = m_poster->post(
        QStringLiteral("meterDataUpBatch"), Bodies::meterDataUpBatch(entries), UploadKind::Reading,
        [this](const UploadOutcome &o) {
            if (o.accepted()) {
                ++m_next;
                if (m_next % 20 == 0 || m_next == m_batches.size())
                    qInfo("demo: history %d/%lld batches accepted", m_next, qlonglong(m_batches.size()));
                QTimer::singleShot(0, this, &DemoWorld::postNextBatch);
                return;
            }
            const QString why = o.httpStatus == 0 ? QStringLiteral("listener unreachable") : o.returnCode;
            if (why != m_lastRejection) {
                m_lastRejection = why;
                qWarning("demo: history batch %d not accepted (%s %s); retrying every 5 s.%s", m_next + 1,
                         qPrintable(why), qPrintable(o.returnMessage),
                         o.returnCode == u"1003"
                             ? " Import the registry CSV first: meterdesk-cli meters import FILE.csv"
                             : "");
            }
            QTimer::singleShot(5000, this, &DemoWorld::postNextBatch);
        });
    if (!posted) { // could not be built (logged): go on with the next one
        ++m_next;
        QTimer::singleShot(0, this, &DemoWorld::postNextBatch);
    }
}

void DemoWorld::startLive()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    int alarmed = 0;
    for (int i = 0; i < m_world->size(); ++i) {
        SimulatedMeter &m = m_world->at(i);
        QList<AlarmChange> active;
        for (const QString &type : m.activeAlarms)
            active.append(AlarmChange{type, true, now});
        if (!active.isEmpty()) {
            m_effects->postAlarms(m, active);
            ++alarmed;
        }
    }
    // The faulty meters' last weeks hour by hour (the daily history cannot show a night), one day
    // per entry with that day's battery voltage.
    int faulty = 0;
    for (int i = 0; i < m_world->size(); ++i) {
        SimulatedMeter &m = m_world->at(i);
        if (m.scenario == Scenario::None)
            continue;
        const QJsonArray entries = dailyEntries(m, m.takeHourly(), m_world->time());
        QJsonArray batch;
        for (qsizetype k = 0; k < entries.size(); ++k) {
            batch.append(entries.at(k));
            if (batch.size() == 10 || k + 1 == entries.size()) {
                m_poster->post(QStringLiteral("meterDataUpBatch"), Bodies::meterDataUpBatch(batch), UploadKind::Reading);
                batch = QJsonArray();
            }
        }
        ++faulty;
    }
    qInfo("demo: live phase: readings every minute, %d meters with active alarms, %d faulty meters (%s)", alarmed,
          faulty, "night-leak, backwards, stuck, battery, silent, missed-recharge");
    m_scheduler->start();
}

} // namespace md::sim
