// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthmodel.h"

#include "display.h"

#include "core/fixeddecimal.h"

#include <QBrush>
#include <QJsonArray>

namespace md {

HealthModel::HealthModel(const PlatformTime *time, QObject *parent) : QAbstractTableModel(parent), m_time(time) {}

void HealthModel::setRows(QList<HealthFlag> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const HealthFlag *HealthModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int HealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HealthModel::kindName(HealthKind kind)
{
    switch (kind) {
    case HealthKind::NightFlow: return tr("Night flow (leak?)");
    case HealthKind::Backwards: return tr("Reading went backwards");
    case HealthKind::Stuck: return tr("Stuck meter");
    case HealthKind::Battery: return tr("Battery running low");
    case HealthKind::Silent: return tr("Silent meter");
    case HealthKind::Spike: return tr("Consumption spike");
    }
    return {};
}

QString HealthModel::valueText(const HealthFinding &f)
{
    switch (f.kind) {
    case HealthKind::NightFlow:
    case HealthKind::Backwards:
    case HealthKind::Spike:
        return tr("%1 m³").arg(Volume::fromUnits(f.value).toString());
    case HealthKind::Battery:
        return tr("%n day(s) left", nullptr, int(f.value));
    case HealthKind::Stuck:
    case HealthKind::Silent:
        return tr("%n day(s)", nullptr, int(f.value));
    }
    return {};
}

QString HealthModel::evidenceText(const HealthFinding &f)
{
    const QJsonObject &e = f.evidence;
    auto s = [&e](const char *key) { return e.value(QLatin1String(key)).toString(); };
    auto n = [&e](const char *key) { return e.value(QLatin1String(key)).toInteger(); };
    switch (f.kind) {
    case HealthKind::NightFlow: {
        const QJsonArray nights = e.value(QLatin1String("nights")).toArray();
        return tr("%n night(s) in a row with gas flowing every hour from %1:00 to %2:00, %3 m³ in all", nullptr, int(nights.size()))
            .arg(n("fromHour"), 2, 10, QLatin1Char('0'))
            .arg(n("toHour"), 2, 10, QLatin1Char('0'))
            .arg(s("total"));
    }
    case HealthKind::Backwards:
        return tr("%1 m³ at %2, then %3 m³ at %4 (%n drop(s))", nullptr, int(n("drops")))
            .arg(s("beforeReading"), s("beforeTime"), s("afterReading"), s("afterTime"));
    case HealthKind::Stuck:
        return tr("Reading %1 m³ unchanged since %2 with the valve open; %3 m³ used in the days before")
            .arg(s("reading"), s("since"), s("priorUse"));
    case HealthKind::Battery:
        return tr("%1 V now, falling %2 mV a day; reaches %3 V around %4")
            .arg(formatFixed(n("nowMillivolts"), 3, 2))
            .arg(QString::number(-e.value(QLatin1String("slopeMillivoltsPerDay")).toDouble(), 'f', 1))
            .arg(formatFixed(n("lowMillivolts"), 3, 2), s("lowDate"));
    case HealthKind::Silent:
        return s("lastHeard").isEmpty() ? tr("Never uploaded") : tr("Last heard from at %1").arg(s("lastHeard"));
    case HealthKind::Spike:
        return tr("%1 m³ on %2 against a median of %3 m³ over %4 days").arg(s("volume"), s("date"), s("median")).arg(n("days"));
    }
    return {};
}

QString HealthModel::stateText(const HealthFlag &f) const
{
    if (f.dismissedAt)
        return tr("Dismissed by %1: %2").arg(f.dismissedBy, f.dismissReason);
    if (f.clearedAt)
        return tr("Cleared %1").arg(display::dateTime(*m_time, f.clearedAt));
    return tr("Open");
}

QVariant HealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HealthFlag &f = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Kind: return kindName(f.finding.kind);
        case Meter: return f.finding.meterNo;
        case From: return display::dateTime(*m_time, f.finding.start);
        case To: return display::dateTime(*m_time, f.finding.end);
        case Value: return valueText(f.finding);
        case Evidence: return evidenceText(f.finding);
        case FirstSeen: return display::dateTime(*m_time, f.firstSeen);
        case State: return stateText(f);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == Evidence ? evidenceText(f.finding) : QVariant();
    case Qt::BackgroundRole:
        if (f.isOpen() && (f.finding.kind == HealthKind::NightFlow || f.finding.kind == HealthKind::Backwards))
            return QBrush(display::warningBackground());
        return {};
    case Qt::ForegroundRole:
        return f.isOpen() ? QVariant() : QVariant(QBrush(QColor(0x6b, 0x72, 0x80)));
    case FlagIdRole:
        return f.id;
    case MeterNoRole:
        return f.finding.meterNo;
    case KindRole:
        return healthKindName(f.finding.kind);
    }
    return {};
}

QVariant HealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kind: return tr("Insight");
    case Meter: return tr("Meter No.");
    case From: return tr("From");
    case To: return tr("To");
    case Value: return tr("Value");
    case Evidence: return tr("Evidence");
    case FirstSeen: return tr("Found at");
    case State: return tr("State");
    }
    return {};
}

} // namespace md
