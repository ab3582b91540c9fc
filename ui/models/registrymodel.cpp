// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrymodel.h"

#include "consolecontext.h"
#include "display.h"

#include "core/whendone.h"
#include "storage/changefeed.h"

#include <QBrush>
#include <QFont>
#include <QPainter>
#include <QPixmap>

namespace md {

RegistryModel::RegistryModel(ConsoleContext *context, QObject *parent)
    : QAbstractTableModel(parent), m_context(context)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(800);
    connect(&m_reloadTimer, &QTimer::timeout, this, &RegistryModel::refresh);
    connect(context, &ConsoleContext::metersChanged, &m_reloadTimer, qOverload<>(&QTimer::start));
    connect(context, &ConsoleContext::readingsAdded, this, &RegistryModel::refreshMeters);
    connect(context, &ConsoleContext::alarmsChanged, this,
            [this](const QStringList &meters, const QList<qint64> &) { refreshMeters(meters); });
}

void RegistryModel::setFilter(const RegistryFilter &filter)
{
    m_filter = filter;
    refresh();
}

void RegistryModel::refresh()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_healthFlags.clear();
    m_atEnd = false;
    m_loading = false;
    endResetModel();
    requestPage();

    // The count is a separate (capped) query so the first page never waits for it. A dense
    // substring is answered by a walk in meter_no order: counting it would walk up to the whole table
    // a second time, so the view shows the rows found instead.
    m_count = {};
    if (m_filter.contains && !m_filter.text.trimmed().isEmpty())
        return;
    const quint64 generation = m_generation;
    RegistryFilter f = m_filter;
    if (f.now == 0)
        f.now = m_context->now();
    whenDone(m_context->query([f](const Store &s) { return s.registryCount(f); }), this,
        [this, generation](Result<RegistryCount> r) {
            if (generation != m_generation || !r.ok())
                return;
            m_count = *r;
            emit countChanged(m_count.count, m_count.capped);
        });
}

int RegistryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegistryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool RegistryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void RegistryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void RegistryModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void RegistryModel::requestPage()
{
    if (m_loading || m_atEnd)
        return;
    setLoading(true);
    // Always start from the event loop: a query that finishes before .then() is attached runs its
    // continuation synchronously, and rows must never be inserted inside a reset or a view's
    // fetchMore() call.
    QMetaObject::invokeMethod(this, [this, generation = m_generation] {
        if (generation == m_generation)
            startPageQuery();
    }, Qt::QueuedConnection);
}

void RegistryModel::startPageQuery()
{
    RegistryPageRequest request;
    request.filter = m_filter;
    if (request.filter.now == 0)
        request.filter.now = m_context->now();
    request.afterMeterNo = m_rows.isEmpty() ? QString() : m_rows.constLast().meterNo;
    request.limit = m_pageSize;
    const quint64 generation = m_generation;
    m_context->query([request](const Store &s) { return s.registryPage(request); })
        .then(this, [this, generation](Result<QList<RegistryRow>> r) {
            if (generation != m_generation)
                return; // an older filter's answer
            if (!r.ok()) {
                setLoading(false);
                m_atEnd = true;
                emit queryFailed(r.error().detail.isEmpty() ? r.error().code : r.error().detail);
                emit pageLoaded(int(m_rows.size()), 0);
                return;
            }
            appendPage(generation, std::move(r.value()));
        });
}

void RegistryModel::appendPage(quint64 generation, QList<RegistryRow> rows)
{
    Q_UNUSED(generation);
    const int first = int(m_rows.size());
    // Keyset paging never repeats a row, but a row re-registered meanwhile could: skip known ones.
    rows.removeIf([this](const RegistryRow &r) { return m_index.contains(r.meterNo); });
    const bool end = rows.size() < m_pageSize;
    if (!rows.isEmpty()) {
        QStringList meterNos;
        beginInsertRows({}, first, first + int(rows.size()) - 1);
        for (auto &row : rows) {
            m_index.insert(row.meterNo, int(m_rows.size()));
            meterNos << row.meterNo;
            m_rows.append(std::move(row));
        }
        endInsertRows();
        fetchHealthBadges(meterNos);
    }
    m_atEnd = end;
    setLoading(false);
    emit pageLoaded(first, int(m_rows.size()) - first);
}

void RegistryModel::refreshMeters(const QStringList &meterNos)
{
    QStringList loaded;
    if (meterNos.contains(ChangeFeed::many())) {
        for (const RegistryRow &row : std::as_const(m_rows))
            loaded.append(row.meterNo);
    } else {
        for (const QString &m : meterNos)
            if (m_index.contains(m))
                loaded.append(m);
    }
    if (loaded.isEmpty())
        return;
    if (loaded.size() > 200)
        loaded = loaded.mid(0, 200); // a batch upload: the rest refresh on the next scroll / reload
    const quint64 generation = m_generation;
    whenDone(m_context->query([loaded](const Store &s) {
        QList<RegistryRow> rows;
        for (const QString &m : loaded) {
            auto r = s.meterSummary(m);
            if (r.ok() && r->has_value())
                rows.append((*r)->row);
        }
        return rows;
    }), this, [this, generation](QList<RegistryRow> rows) {
        if (generation == m_generation)
            replaceRows(rows);
    });
}

void RegistryModel::fetchHealthBadges(const QStringList &meterNos)
{
    const quint64 generation = m_generation;
    whenDone(m_context->query([meterNos](const Store &s) { return s.openHealthFlagsByMeter(meterNos); }), this,
             [this, generation](const Result<QHash<QString, int>> &r) {
                 if (generation != m_generation || !r.ok())
                     return;
                 for (auto it = r->cbegin(); it != r->cend(); ++it) {
                     m_healthFlags.insert(it.key(), it.value());
                     const int row = m_index.value(it.key(), -1);
                     if (row >= 0)
                         emit dataChanged(index(row, MeterNo), index(row, MeterNo));
                 }
             });
}

void RegistryModel::replaceRows(const QList<RegistryRow> &rows)
{
    for (const auto &r : rows) {
        const int i = m_index.value(r.meterNo, -1);
        if (i < 0)
            continue;
        m_rows[i] = r;
        emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
    }
}

const RegistryRow *RegistryModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int RegistryModel::rowOfMeter(const QString &meterNo) const
{
    return m_index.value(meterNo, -1);
}

QString RegistryModel::cellText(const RegistryRow &r, int column, const PlatformTime &time)
{
    switch (column) {
    case MeterNo: return r.meterNo;
    case UserNo: return r.userNo;
    case UserName: return r.userName;
    case Address: return r.addrDes;
    case MeterType: return r.meterType;
    case LastUpload: return display::dateTime(time, r.lastUploadAt);
    case LastReading: return display::volume(r.lastReading);
    case Valve: return display::valveName(r.valveStatus);
    case Balance: return display::money(r.balance);
    case Battery: return display::battery(r.cellVoltage);
    case Signal: return r.signalStrength;
    case Alarms: return r.activeAlarmCount > 0 ? QString::number(r.activeAlarmCount) : QString();
    }
    return {};
}

QVariant RegistryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RegistryRow &r = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return cellText(r, index.column(), m_context->time());
    case Qt::DecorationRole:
        if (index.column() == MeterNo && m_healthFlags.value(r.meterNo) > 0) {
            static const QPixmap badge = [] {
                QPixmap p(10, 10);
                p.fill(Qt::transparent);
                QPainter painter(&p);
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(QColor(217, 119, 6));
                painter.drawEllipse(1, 1, 8, 8);
                return p;
            }();
            return badge;
        }
        return {};
    case HealthFlagsRole:
        return m_healthFlags.value(r.meterNo);
    case Qt::ToolTipRole:
        if (r.hasCriticalAlarm)
            return tr("Critical alarm active (gas leak or valve leaking): open the meter and act now.");
        if (index.column() == MeterNo && m_healthFlags.value(r.meterNo) > 0)
            return tr("%n open health insight(s): see the Health page", nullptr, m_healthFlags.value(r.meterNo));
        if (index.column() == Address)
            return r.addrDes;
        return {};
    case Qt::BackgroundRole:
        if (r.hasCriticalAlarm)
            return QBrush(display::criticalBackground());
        if (r.activeAlarmCount > 0 && index.column() == Alarms)
            return QBrush(display::warningBackground());
        return {};
    case Qt::ForegroundRole:
        if (r.hasCriticalAlarm)
            return QBrush(display::criticalForeground());
        if (index.column() == Valve)
            return QBrush(display::valveColour(r.valveStatus));
        if (index.column() == Balance && r.balance && r.balance->isNegative())
            return QBrush(display::valveColour(QStringLiteral("1")));
        return {};
    case Qt::FontRole:
        if (r.hasCriticalAlarm) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case LastReading:
        case Balance:
        case Battery:
        case Signal:
        case Alarms:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case MeterNoRole:
        return r.meterNo;
    case CriticalRole:
        return r.hasCriticalAlarm;
    }
    return {};
}

QVariant RegistryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MeterNo: return tr("Meter No.");
    case UserNo: return tr("User No.");
    case UserName: return tr("Name");
    case Address: return tr("Address");
    case MeterType: return tr("Type");
    case LastUpload: return tr("Last upload");
    case LastReading: return tr("Reading (m³)");
    case Valve: return tr("Valve");
    case Balance: return tr("Balance (yuan)");
    case Battery: return tr("Battery");
    case Signal: return tr("Signal");
    case Alarms: return tr("Alarms");
    }
    return {};
}

} // namespace md
