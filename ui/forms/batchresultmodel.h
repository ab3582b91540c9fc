// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-meter rows of a running batch (BatchRunner::results()): meter, state, command sequence,
// trade number, the platform's answer or the local error. Rows change in place (dataChanged),
// never reordered, so a selection survives the updates of a 10,000-meter batch.

#include "client/batchrunner.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace md {

class BatchResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Meter, State, CommandSeq, TradeNo, Answer, ColumnCount };
    explicit BatchResultModel(QObject *parent = nullptr);

    // Follows this runner (its results() are the rows); null detaches.
    void setRunner(BatchRunner *runner);
    // A state text that also covers items that never became commands.
    static QString stateText(const BatchItemResult &r);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<BatchRunner> m_runner;
    int m_rows = 0;
};

} // namespace md
