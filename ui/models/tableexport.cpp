// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableexport.h"

#include "consolecontext.h"
#include "csvexport.h"

#include <QAbstractItemModel>
#include <QSaveFile>

namespace md {

TableExportJob::TableExportJob(ConsoleContext *context, TableExportSource source, QString path, QObject *parent)
    : QObject(parent), m_context(context), m_source(std::move(source)), m_path(std::move(path))
{
}

QFuture<TableExportOutcome> TableExportJob::start()
{
    return m_context->query([source = m_source, path = m_path, state = m_state](const Store &store) {
        TableExportOutcome out;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            out.error = file.errorString();
            return out;
        }
        file.write(csv::bom());
        file.write(csv::line(source.header));
        QString cursor;
        while (!state->cancelled) {
            const Result<ExportBatch> batch = source.next(store, cursor);
            if (!batch.ok()) {
                out.error = batch.error().message();
                file.cancelWriting();
                return out;
            }
            if (batch->rows.isEmpty())
                break;
            QByteArray chunk;
            for (const QStringList &row : batch->rows)
                chunk += csv::line(row);
            if (file.write(chunk) != chunk.size()) {
                out.error = file.errorString();
                file.cancelWriting();
                return out;
            }
            state->rows += batch->rows.size();
            cursor = batch->cursor;
        }
        out.rows = state->rows;
        if (state->cancelled) {
            file.cancelWriting();
            out.cancelled = true;
            return out;
        }
        if (!file.commit()) {
            out.error = file.errorString();
            return out;
        }
        out.ok = true;
        return out;
    });
}

TableExportSource TableExportJob::fromRows(QStringList header, QList<QStringList> rows)
{
    TableExportSource s;
    s.header = std::move(header);
    s.expectedRows = rows.size();
    auto all = std::make_shared<const QList<QStringList>>(std::move(rows));
    s.next = [all](const Store &, const QString &cursor) -> Result<ExportBatch> {
        constexpr int kBatch = 2000;
        const int from = cursor.isEmpty() ? 0 : cursor.toInt();
        ExportBatch b;
        b.rows = all->mid(from, kBatch);
        b.cursor = QString::number(from + int(b.rows.size()));
        return b;
    };
    return s;
}

TableExportSource TableExportJob::snapshot(const QAbstractItemModel &model)
{
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header.append(model.headerData(c, Qt::Horizontal).toString());
    QList<QStringList> rows;
    rows.reserve(model.rowCount());
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model.columnCount(); ++c)
            row.append(model.index(r, c).data().toString());
        rows.append(row);
    }
    return fromRows(header, rows);
}

} // namespace md
