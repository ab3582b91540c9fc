// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small history around a platform day for the archive tests (tst_archive, tst_archivereview,
// tst_ui_archive): what moves into an archive with --before kBefore and what stays live.
#include "storetesting.h"

#include "core/timeformat.h"

namespace md::testing {

inline const QDate kBefore(2026, 11, 10);

inline qint64 cutoff() { return PlatformTime().startOfDay(kBefore); }

// Three meters, one meterDataUp x24 a day from three days before the cut-off to the day after it;
// an alarm raised and cleared before it (closed: moves), one raised before it and still active
// (stays), one raised after it; a recharge before it; an open command journaled before it.
inline void populate(Store &s)
{
    const QStringList meters{QStringLiteral("M1"), QStringLiteral("M2"), QStringLiteral("M3")};
    QList<MeterInfo> infos;
    for (const QString &m : meters)
        infos << meter(m);
    QVERIFY(wait(s.upsertMeters(infos)).ok());
    for (int day = -3; day <= 1; ++day) {
        for (const QString &m : meters) {
            const qint64 start = cutoff() + day * 86400;
            UploadWrite w = meterDataUp(m, start, 24);
            w.journal.at = (start + 12 * 3600) * 1000;
            if (m == u"M1" && day == -3)
                w.alarms << AlarmEvent{m, start + 100, QStringLiteral("1002"), true};
            if (m == u"M1" && day == -2)
                w.alarms << AlarmEvent{m, start + 100, QStringLiteral("1002"), false};
            if (m == u"M2" && day == -2)
                w.alarms << AlarmEvent{m, start + 200, QStringLiteral("1002"), true};
            if (m == u"M3" && day == 0)
                w.alarms << AlarmEvent{m, start + 300, QStringLiteral("1002"), true};
            QVERIFY(wait(s.submit(w)).ok);
        }
    }
    UploadWrite r;
    r.journal = inbound(QStringLiteral("rechargeUp"), QStringLiteral("M1"));
    r.journal.at = (cutoff() - 3 * 86400 + 7200) * 1000;
    RechargeResult rr;
    rr.tradeNo = QStringLiteral("R1");
    rr.meterNo = QStringLiteral("M1");
    rr.commandSeq = QStringLiteral("20261107000000000001");
    rr.rechargeNum = Money::fromUnits(1000000);
    rr.resultCode = QStringLiteral("00");
    rr.receivedAt = cutoff() - 3 * 86400 + 7200;
    r.recharge = rr;
    QVERIFY(wait(s.submit(r)).ok);
    auto seq = wait(s.allocateCommandSeq(cutoff() - 3 * 86400));
    QVERIFY(seq.ok());
    CommandRecord c;
    c.commandSeq = *seq;
    c.name = QStringLiteral("valveOperate");
    c.meterNo = QStringLiteral("M1");
    QVERIFY(wait(s.insertCommand(c)).ok()); // queued: open
    JournalEntry sent = inbound(QStringLiteral("valveOperate"), QStringLiteral("M1"));
    sent.direction = JournalDirection::Outbound;
    sent.commandSeq = *seq;
    sent.at = (cutoff() - 3 * 86400 + 60) * 1000;
    QVERIFY(wait(s.journal(sent)).ok());
}

// What must move: 3 meters x 3 days x 24 readings; the statuses stamped before the cut-off (each
// upload's status is at the end of its day); the three alarm events before it; M1's closed alarm;
// the journal rows of 9 uploads and the recharge (not the open command's).
inline const QMap<QString, qint64> kMoved{{QStringLiteral("readings"), 216}, {QStringLiteral("statuses"), 6},
                                   {QStringLiteral("alarm_events"), 3}, {QStringLiteral("alarms"), 1},
                                   {QStringLiteral("journal"), 10}};

} // namespace md::testing
