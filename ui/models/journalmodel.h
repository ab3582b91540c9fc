// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The journal (every raw message in and out), newest first, paged lazily: fetchMore asks for the
// rows older than the last one shown (keyset on id). Bodies are not in the list; the view loads one
// entry's body when it is selected.

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
    const JournalEntry *rowAt(int row) const;

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
    void startPageQuery();

    ConsoleContext *m_context;
    JournalFilter m_filter;
    QList<JournalEntry> m_rows;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_atEnd = false;
};

} // namespace md
