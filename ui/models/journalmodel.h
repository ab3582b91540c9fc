// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The journal (every raw message in and out), newest first, paged lazily: fetchMore asks for the
// rows older than the last one shown (keyset on id). Bodies are not in the list; the view loads one
// entry's body when it is selected. showNewer() puts the messages journaled since the newest shown
// on top (the view calls it from the change feed).

#include "ui/models/latestquery.h"

#include "storage/queries.h"

#include <QAbstractTableModel>

namespace md {

class ConsoleContext;

class JournalModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { At, Direction, Endpoint, Meter, CommandSeq, ReturnCode, Http, Duration, Remote, ColumnCount };
    enum Role { JournalIdRole = Qt::UserRole + 1 };

    explicit JournalModel(ConsoleContext *context, QObject *parent = nullptr);

    void setFilter(const JournalFilter &filter); // reloads from the newest
    const JournalFilter &filter() const { return m_filter; }
    void refresh();
    // Reads the newest page again and inserts the rows newer than the first shown (all of them,
    // replacing what is shown, when more arrived than a page holds).
    void showNewer();
    const JournalEntry *rowAt(int row) const;
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void pageLoaded(int rows);
    void queryFailed(const QString &message);

private:
    void requestPage();
    void appendPage(Result<JournalPage> page);
    void prependNewer(QList<JournalEntry> rows);
    int pageLimit() const { return m_filter.limit > 0 ? m_filter.limit : 200; }

    ConsoleContext *m_context;
    JournalFilter m_filter;
    QList<JournalEntry> m_rows;
    bool m_loading = false;
    bool m_atEnd = false;
    LatestQuery<Result<JournalPage>> m_pageQuery{m_context, this};
    LatestQuery<Result<JournalPage>> m_newerQuery{m_context, this};
};

} // namespace md
