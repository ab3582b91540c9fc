// SPDX-License-Identifier: GPL-3.0-or-later
#include "journalmodel.h"

#include "consolecontext.h"
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
    m_pageQuery.drop();
    m_newerQuery.drop();
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
    JournalFilter f = m_filter;
    f.beforeId = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    f.offset = 0;
    f.limit = pageLimit();
    // The answer comes from the event loop (LatestQuery), never inside a reset or fetchMore().
    m_pageQuery.run([f](const Store &s) { return s.journalPage(f); },
                    [this](Result<JournalPage> r) { appendPage(std::move(r)); });
}

void JournalModel::appendPage(Result<JournalPage> r)
{
    if (!r.ok()) {
        m_loading = false;
        m_atEnd = true;
        emit queryFailed(r.error().detail.isEmpty() ? r.error().code : r.error().detail);
        emit pageLoaded(0);
        return;
    }
    auto rows = std::move(r.value().rows);
    m_atEnd = rows.size() < pageLimit();
    if (!rows.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(rows.size()) - 1);
        m_rows.append(std::move(rows));
        // Not before the rows are in: a view asks for the next page when they are inserted
        // (fetchMore on rowsInserted), and that page starts after the last row appended.
        m_loading = false;
        endInsertRows();
    } else {
        m_loading = false;
    }
    emit pageLoaded(int(m_rows.size()));
}

void JournalModel::showNewer()
{
    if (m_rows.isEmpty()) {
        // Nothing shown yet: ask for the first page again. An empty answer marked the end, and a
        // page on its way may have been read before this message was committed.
        m_pageQuery.drop();
        m_loading = false;
        m_atEnd = false;
        requestPage();
        return;
    }
    JournalFilter f = m_filter;
    f.beforeId = 0;
    f.offset = 0;
    f.limit = pageLimit();
    m_newerQuery.run([f](const Store &s) { return s.journalPage(f); }, [this](Result<JournalPage> r) {
        if (r.ok())
            prependNewer(std::move(r.value().rows));
    });
}

void JournalModel::prependNewer(QList<JournalEntry> rows)
{
    const qint64 newestShown = m_rows.isEmpty() ? 0 : m_rows.constFirst().id;
    const qsizetype newer = std::count_if(rows.cbegin(), rows.cend(), [newestShown](const JournalEntry &e) {
        return e.id > newestShown;
    });
    if (newer == 0)
        return;
    if (newer == rows.size() && !m_rows.isEmpty()) {
        // More arrived than a page holds: what is shown is no longer next to the newest.
        m_pageQuery.drop();
        beginResetModel();
        m_rows = std::move(rows);
        m_atEnd = m_rows.size() < pageLimit();
        m_loading = false;
        endResetModel();
        emit pageLoaded(int(m_rows.size()));
        return;
    }
    rows.resize(newer); // newest first: the newer ones lead
    beginInsertRows({}, 0, int(newer) - 1);
    rows.append(std::move(m_rows));
    m_rows = std::move(rows);
    endInsertRows();
    emit pageLoaded(int(m_rows.size()));
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
