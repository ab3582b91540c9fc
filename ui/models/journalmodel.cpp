// SPDX-License-Identifier: GPL-3.0-or-later
#include "journalmodel.h"

#include "consolecontext.h"
#include "core/whendone.h"
#include "display.h"

namespace md {

JournalModel::JournalModel(ConsoleContext *context, QObject *parent) : QAbstractTableModel(parent), m_context(context)
{
}

void JournalModel::setFilter(const JournalFilter &filter)
{
    m_filter = filter;
    refresh();
}

void JournalModel::refresh()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    m_loading = false;
    endResetModel();
    requestPage();
}

const JournalEntry *JournalModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

bool JournalModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void JournalModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void JournalModel::requestPage()
{
    if (m_loading || m_atEnd)
        return;
    m_loading = true;
    // From the event loop, never inside a reset or the view's fetchMore() (see RegistryModel).
    QMetaObject::invokeMethod(this, [this, generation = m_generation] {
        if (generation == m_generation)
            startPageQuery();
    }, Qt::QueuedConnection);
}

void JournalModel::startPageQuery()
{
    JournalFilter f = m_filter;
    f.beforeId = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    f.offset = 0;
    if (f.limit <= 0)
        f.limit = 200;
    const quint64 generation = m_generation;
    const int limit = f.limit;
    whenDone(m_context->query([f](const Store &s) { return s.journalPage(f); }), this,
        [this, generation, limit](Result<JournalPage> r) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!r.ok()) {
                m_atEnd = true;
                emit queryFailed(r.error().detail.isEmpty() ? r.error().code : r.error().detail);
                emit pageLoaded(0);
                return;
            }
            auto rows = std::move(r.value().rows);
            m_atEnd = rows.size() < limit;
            if (!rows.isEmpty()) {
                const int first = int(m_rows.size());
                beginInsertRows({}, first, first + int(rows.size()) - 1);
                m_rows.append(std::move(rows));
                endInsertRows();
            }
            emit pageLoaded(int(m_rows.size()));
        });
}

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JournalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEntry &e = m_rows[index.row()];
    if (role == JournalIdRole)
        return e.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case At: return display::dateTimeMs(m_context->time(), e.at);
    case Direction: return e.direction == JournalDirection::Inbound ? tr("In") : tr("Out");
    case Endpoint: return e.endpoint;
    case Meter: return e.meterNo;
    case CommandSeq: return e.commandSeq;
    case ReturnCode: return e.returnCode;
    case Http: return e.httpStatus ? QString::number(e.httpStatus) : QString();
    case Duration: return tr("%1 ms").arg(e.durationMs);
    case Remote: return e.remote;
    }
    return {};
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case At: return tr("Time");
    case Direction: return tr("Direction");
    case Endpoint: return tr("Message");
    case Meter: return tr("Meter No.");
    case CommandSeq: return tr("Command No.");
    case ReturnCode: return tr("Return code");
    case Http: return tr("HTTP");
    case Duration: return tr("Duration");
    case Remote: return tr("Peer");
    }
    return {};
}

} // namespace md
