// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Export current table": every row that matches the page's filter, read from the store in batches
// on the console's read pool (not only the rows a lazy model has fetched), written as CSV that Excel
// on Chinese Windows opens (UTF-8 with BOM, csvexport.h). The GUI thread only polls a counter for the
// progress dialog; cancelling stops after the current batch and leaves no file behind (QSaveFile).

#include "core/result.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QAbstractItemModel;

namespace md {

class ConsoleContext;
class Store;

struct ExportBatch
{
    QList<QStringList> rows; // empty: the end
    QString cursor;          // handed to the next call
};

struct TableExportSource
{
    QStringList header;
    // Runs on a worker: the batch after `cursor` (empty for the first).
    std::function<Result<ExportBatch>(const Store &store, const QString &cursor)> next;
    qint64 expectedRows = -1; // for the progress bar; -1: unknown
};

struct TableExportOutcome
{
    bool ok = false;
    bool cancelled = false;
    qint64 rows = 0;
    QString error;
};

class TableExportJob : public QObject
{
    Q_OBJECT
public:
    TableExportJob(ConsoleContext *context, TableExportSource source, QString path, QObject *parent = nullptr);

    QFuture<TableExportOutcome> start();
    void cancel() { m_state->cancelled = true; }
    qint64 rowsWritten() const { return m_state->rows; }
    const QString &path() const { return m_path; }

    // A source over rows already in memory (pages whose model holds every matching row).
    static TableExportSource fromRows(QStringList header, QList<QStringList> rows);
    // The model's header and rows (DisplayRole), copied now on the calling (GUI) thread.
    static TableExportSource snapshot(const QAbstractItemModel &model);

private:
    struct State
    {
        std::atomic<bool> cancelled{false};
        std::atomic<qint64> rows{0};
    };
    ConsoleContext *m_context;
    TableExportSource m_source;
    QString m_path;
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace md
