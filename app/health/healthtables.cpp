// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthtables.h"

#include "core/fixeddecimal.h"

#include <QJsonDocument>

namespace md {

namespace {
QString money(qint64 units) { return Money::fromUnits(units).toString(); }
QString volume(qint64 units) { return Volume::fromUnits(units).toString(); }
QString opt(const std::optional<qint64> &v) { return v ? QString::number(*v) : QString(); }
QString when(const PlatformTime &t, qint64 at) { return at ? t.formatDateTime(at) : QString(); }
} // namespace

ExportTable healthFlagTable(const QList<HealthFlag> &flags, const PlatformTime &time)
{
    ExportTable t;
    t.header = QStringList{"id", "meterNo", "kind", "episodeStart", "episodeEnd", "value", "firstSeen", "lastSeen",
                           "clearedAt", "dismissedAt", "dismissedBy", "dismissReason", "evidence"};
    for (const HealthFlag &f : flags) {
        const HealthKind k = f.finding.kind;
        const bool isVolume = k == HealthKind::NightFlow || k == HealthKind::Backwards || k == HealthKind::Spike;
        t.rows << QStringList{QString::number(f.id), f.finding.meterNo, healthKindName(k), when(time, f.finding.start),
                              when(time, f.finding.end), isVolume ? volume(f.finding.value) : QString::number(f.finding.value),
                              when(time, f.firstSeen), when(time, f.lastSeen), when(time, f.clearedAt),
                              when(time, f.dismissedAt), f.dismissedBy, f.dismissReason,
                              QString::fromUtf8(QJsonDocument(f.finding.evidence).toJson(QJsonDocument::Compact))};
    }
    return t;
}

ExportTable reconciliationMeterTable(const ReconciliationReport &report)
{
    ExportTable t;
    t.header = QStringList{"meterNo", "ledgerCount", "ledgerAmount", "cancelCount", "cancelAmount", "ledgerNetAmount",
                           "meterCountDelta", "meterAmountDelta", "meterQtyDelta", "countDifference", "amountDifference"};
    for (const ReconciliationRow &r : report.mismatches) {
        t.rows << QStringList{r.meterNo,
                              QString::number(r.ledgerCount),
                              money(r.ledgerAmount),
                              QString::number(r.cancelCount),
                              money(r.cancelAmount),
                              money(r.ledgerNetAmount()),
                              opt(r.meterCountDelta),
                              money(r.meterAmountDelta),
                              r.meterQtyDelta ? volume(*r.meterQtyDelta) : QString(),
                              opt(r.countDifference()),
                              money(r.amountDifference())};
    }
    return t;
}

ExportTable reconciliationDayTable(const ReconciliationReport &report)
{
    ExportTable t;
    t.header = QStringList{"date", "recharges", "amount", "quantity", "cancellations", "cancelledAmount"};
    for (const ReconciliationDay &d : report.days)
        t.rows << QStringList{d.date.toString(Qt::ISODate), QString::number(d.recharges), money(d.amount), volume(d.quantity),
                              QString::number(d.cancellations), money(d.cancelledAmount)};
    return t;
}

} // namespace md
