// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrymodel.h"

#include "consolecontext.h"
#include "display.h"

#include "storage/changefeed.h"

#include <QBrush>
#include <QFont>
#include <QPainter>
#include <QPixmap>

namespace md {

RegistryModel::RegistryModel(ConsoleContext *context, QObject *parent)
    : QAbstractTableModel(parent), m_context(context)
{
    // The feed has debounced already (a CSV import's batches arrive as one announcement per debounce).
    ChangeFeed *feed = context->changeFeed();
    connect(feed, &ChangeFeed::metersChanged, this, &RegistryModel::refresh);
    connect(feed, &ChangeFeed::readingsAdded, this, &RegistryModel::refreshMeters);
    connect(feed, &ChangeFeed::alarmsChanged, this,
            [this](const QStringList &meters, const QList<qint64> &) { refreshMeters(meters); });
}

void RegistryModel::setFilter(const RegistryFilter &filter)
{
    m_filter = filter;
    refresh();
}

void RegistryModel::refresh()
{
    m_pageQuery.drop();
    m_rowsQuery.drop();
    m_staleMeters.clear();
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
    m_countQuery.drop();
    if (m_filter.contains && !m_filter.text.trimmed().isEmpty())
        return;
    RegistryFilter f = m_filter;
    if (f.now == 0)
        f.now = m_context->now();
    m_countQuery.run([f](const Store &s) { return s.registryCount(f); }, [this](Result<RegistryCount> r) {
        if (!r.ok())
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

RegistryModel::Rows RegistryModel::readRows(const Store &s, Result<QList<RegistryRow>> rows)
{
    Rows answer{std::move(rows), {}};
    if (!answer.rows.ok() || answer.rows->isEmpty())
        return answer;
    QStringList meterNos;
    for (const RegistryRow &r : std::as_const(*answer.rows))
        meterNos.append(r.meterNo);
    if (auto flags = s.openHealthFlagsByMeter(meterNos); flags.ok())
        answer.healthFlags = std::move(flags.value());
    return answer;
}

void RegistryModel::requestPage()
{
    if (m_loading || m_atEnd)
        return;
    setLoading(true);
    RegistryPageRequest request;
    request.filter = m_filter;
    if (request.filter.now == 0)
        request.filter.now = m_context->now();
    request.afterMeterNo = m_rows.isEmpty() ? QString() : m_rows.constLast().meterNo;
    request.limit = m_pageSize;
    // The answer always comes from the event loop (LatestQuery): rows are never inserted inside a
    // reset or a view's fetchMore() call.
    m_pageQuery.run([request](const Store &s) { return readRows(s, s.registryPage(request)); },
                    [this](Rows page) { appendPage(std::move(page)); });
}

void RegistryModel::appendPage(Rows page)
{
    const int first = int(m_rows.size());
    if (!page.rows.ok()) {
        setLoading(false);
        m_atEnd = true;
        emit queryFailed(page.rows.error().detail.isEmpty() ? page.rows.error().code : page.rows.error().detail);
        emit pageLoaded(first, 0);
        return;
    }
    QList<RegistryRow> rows = std::move(page.rows.value());
    const bool end = rows.size() < m_pageSize;
    // Keyset paging never repeats a row, but a row re-registered meanwhile could: skip known ones.
    rows.removeIf([this](const RegistryRow &r) { return m_index.contains(r.meterNo); });
    if (!rows.isEmpty()) {
        beginInsertRows({}, first, first + int(rows.size()) - 1);
        for (auto &row : rows) {
            m_index.insert(row.meterNo, int(m_rows.size()));
            m_healthFlags.insert(row.meterNo, page.healthFlags.value(row.meterNo));
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }
    m_atEnd = end;
    setLoading(false);
    emit pageLoaded(first, int(m_rows.size()) - first);
}

void RegistryModel::refreshMeters(const QStringList &meterNos)
{
    if (meterNos.contains(ChangeFeed::many())) {
        for (const RegistryRow &row : std::as_const(m_rows))
            m_staleMeters.insert(row.meterNo);
    } else {
        for (const QString &m : meterNos)
            if (m_index.contains(m))
                m_staleMeters.insert(m);
    }
    if (m_staleMeters.isEmpty())
        return;
    // Each read asks for every row still stale, so a newer read that drops an older one's answer
    // loses nothing. A batch upload: at most 200 at a time, the rest on the next change or reload.
    QStringList stale(m_staleMeters.begin(), m_staleMeters.end());
    stale.sort();
    stale = stale.mid(0, 200);
    m_rowsQuery.run([stale](const Store &s) {
        QList<RegistryRow> rows;
        for (const QString &m : stale) {
            auto r = s.meterSummary(m);
            if (r.ok() && r->has_value())
                rows.append((*r)->row);
        }
        return readRows(s, std::move(rows));
    }, [this, stale](const Rows &rows) {
        for (const QString &m : stale)
            m_staleMeters.remove(m);
        replaceRows(rows);
    });
}

void RegistryModel::replaceRows(const Rows &rows)
{
    if (!rows.rows.ok())
        return;
    for (const auto &r : *rows.rows) {
        const int i = m_index.value(r.meterNo, -1);
        if (i < 0)
            continue;
        m_rows[i] = r;
        m_healthFlags.insert(r.meterNo, rows.healthFlags.value(r.meterNo));
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
