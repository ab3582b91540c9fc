// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The simulator's faulty meters played into a real receiver: an UploadFixture (SQLite store and
// UploadListener on 127.0.0.1) fed by the simulator's own UploadPoster, one meterDataUpBatch entry
// per meter-day, as the demo world does before its live phase.

#include "../server/uploadfixture.h"

#include "faults.h"
#include "meterworld.h"
#include "scenarios.h"
#include "uploadbodies.h"
#include "uploadposter.h"

namespace md::testing {

struct ScenarioWorld
{
    UploadFixture fixture;
    md::sim::Faults faults;
    std::unique_ptr<md::sim::UploadPoster> poster;
    md::sim::MeterWorld world{md::PlatformTime()};
    int posted = 0;
    int accepted = 0;

    bool start(const QStringList &meterNos)
    {
        if (!fixture.dir.isValid() || !fixture.openStore() || !fixture.registerMeters(meterNos) || !fixture.startListener())
            return false;
        md::sim::PosterConfig pc;
        pc.listenerBase = QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(fixture.port).arg(fixture.listenerSettings.pathPrefix));
        pc.credentials = {fixture.platform.appId, fixture.platform.appSecret};
        pc.codec.aesKey = fixture.platform.effectiveAesKey();
        pc.codec.appSecret = fixture.platform.appSecret;
        pc.codec.signMode = fixture.platform.signMode;
        pc.codec.encryptSensitive = true;
        pc.logEachUpload = false;
        poster = std::make_unique<md::sim::UploadPoster>(pc, &faults);
        return true;
    }

    // A household meter with a steady profile (1 m3 a day on average), history from `origin`.
    md::sim::SimulatedMeter &addMeter(const QString &meterNo, qint64 origin)
    {
        md::sim::MeterIdentity id;
        id.meterNo = meterNo;
        md::sim::SimulatedMeter &m = world.add(id, origin);
        m.baseLitresPerDay = 1000;
        m.autoTopUp = true;
        m.balance = md::Money::fromUnits(3000000);
        m.hourlyLimit = 24 * 40;
        return m;
    }

    // Advances every meter to `now` (a silent one only to where it fell silent) and posts its
    // hourly history, a day per entry.
    void postHistory(qint64 now)
    {
        for (int i = 0; i < world.size(); ++i) {
            md::sim::SimulatedMeter &m = world.at(i);
            m.advanceTo(m.scenario == md::sim::Scenario::Silent ? m.scenarioFrom : now, world.time());
            postEntries(md::sim::dailyEntries(m, m.takeHourly(), world.time()));
        }
    }

    void postEntries(const QJsonArray &entries)
    {
        QJsonArray batch;
        for (qsizetype k = 0; k < entries.size(); ++k) {
            batch.append(entries.at(k));
            if (batch.size() == 10 || k + 1 == entries.size()) {
                post(QStringLiteral("meterDataUpBatch"), md::sim::Bodies::meterDataUpBatch(batch));
                batch = QJsonArray();
            }
        }
    }

    void post(const QString &name, const QJsonObject &plain)
    {
        ++posted;
        poster->post(name, plain, md::sim::UploadKind::Reading, [this](const md::sim::UploadOutcome &o) {
            if (o.accepted())
                ++accepted;
            else
                qWarning() << "not accepted:" << o.name << o.httpStatus << o.returnCode << o.returnMessage;
        });
    }
};

} // namespace md::testing
