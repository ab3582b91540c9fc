// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The meter registry as a LAZY table: pages of `pageSize` rows are fetched on demand (canFetchMore /
// fetchMore, keyset paging on meterNo) on a worker thread and appended when they arrive. A million
// meters cost only the pages the operator scrolls through. A new filter bumps a generation number,
// so answers to an older filter are dropped when they arrive late. Rows already loaded follow the
// change feed (a new upload refreshes that meter's row in place; a registry change reloads). Every
// read is a LatestQuery: an answer to an older filter or an older change is dropped.

#include "ui/models/latestquery.h"

#include "core/timeformat.h"
#include "storage/queries.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace md {

class ConsoleContext;

class RegistryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { MeterNo, UserNo, UserName, Address, MeterType, LastUpload, LastReading, Valve, Balance,
                  Battery, Signal, Alarms, ColumnCount };
    enum Role { MeterNoRole = Qt::UserRole + 1, CriticalRole, SortKeyRole, HealthFlagsRole };

    explicit RegistryModel(ConsoleContext *context, QObject *parent = nullptr);

    void setFilter(const RegistryFilter &filter);
    const RegistryFilter &filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = qMax(10, rows); }
    int pageSize() const { return m_pageSize; }
    void refresh(); // reload with the same filter

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const RegistryRow *rowAt(int row) const;
    int rowOfMeter(const QString &meterNo) const;
    bool isLoading() const { return m_loading; }
    bool atEnd() const { return m_atEnd; }
    RegistryCount matchCount() const { return m_count; }
    // The text of one cell, as shown (and exported).
    static QString cellText(const RegistryRow &r, int column, const PlatformTime &time);

signals:
    void pageLoaded(int firstRow, int rowCount); // after rows were appended (also 0 rows at the end)
    void countChanged(qint64 count, bool capped);
    void loadingChanged(bool loading);
    void queryFailed(const QString &message);

private:
    // Rows with their open health insights (the badge), read together.
    struct Rows
    {
        Result<QList<RegistryRow>> rows;
        QHash<QString, int> healthFlags;
    };
    static Rows readRows(const Store &s, Result<QList<RegistryRow>> rows);

    void requestPage();
    void appendPage(Rows page);
    void refreshMeters(const QStringList &meterNos);
    void replaceRows(const Rows &rows);
    void setLoading(bool loading);

    ConsoleContext *m_context;
    RegistryFilter m_filter;
    QList<RegistryRow> m_rows;
    QHash<QString, int> m_index; // meterNo -> row
    QHash<QString, int> m_healthFlags; // meterNo -> open health insights (the badge)
    int m_pageSize = 200;
    bool m_loading = false;
    bool m_atEnd = false;
    RegistryCount m_count;
    QSet<QString> m_staleMeters; // loaded rows the feed said changed, not yet read again
    LatestQuery<Rows> m_pageQuery{m_context, this};
    LatestQuery<Result<RegistryCount>> m_countQuery{m_context, this};
    LatestQuery<Rows> m_rowsQuery{m_context, this};
};

} // namespace md
