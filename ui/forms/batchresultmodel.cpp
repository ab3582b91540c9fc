// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchresultmodel.h"

#include "commandform.h"

#include "ui/commandtext.h"

#include <QBrush>
#include <QColor>

namespace md {

BatchResultModel::BatchResultModel(QObject *parent) : QAbstractTableModel(parent) {}

void BatchResultModel::setRunner(BatchRunner *runner)
{
    beginResetModel();
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    m_rows = runner ? int(runner->results().size()) : 0;
    endResetModel();
    if (!runner)
        return;
    connect(runner, &BatchRunner::itemChanged, this, [this](int index, const BatchItemResult &) {
        if (index >= 0 && index < m_rows)
            emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
    });
    connect(runner, &QObject::destroyed, this, [this] { setRunner(nullptr); });
}

QString BatchResultModel::stateText(const BatchItemResult &r)
{
    if (r.invalid)
        return tr("not sent (invalid)");
    if (!r.started && r.state == CommandState::Cancelled)
        return tr("not sent (batch cancelled)");
    if (!r.started)
        return tr("waiting");
    return CommandText::stateLabel(r.state);
}

int BatchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int BatchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BatchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_runner)
        return {};
    const QList<BatchItemResult> &rows = m_runner->results();
    if (index.row() >= rows.size())
        return {};
    const BatchItemResult &r = rows.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == State)
        return r.invalid ? QBrush(QColor(0xb3, 0x26, 0x1e)) : QBrush(CommandText::stateColour(r.state));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Meter:
        return r.meterNo;
    case State:
        return stateText(r);
    case CommandSeq:
        return r.commandSeq;
    case TradeNo:
        return r.tradeNo;
    case Answer:
        if (r.invalid || !r.error.code.isEmpty())
            return CommandForm::errorText(r.error);
        if (r.returnCode.isEmpty())
            return QString();
        return QStringLiteral("%1 %2").arg(r.returnCode, r.returnMessage).trimmed();
    }
    return {};
}

QVariant BatchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Meter:
        return tr("Meter");
    case State:
        return tr("State");
    case CommandSeq:
        return tr("Command");
    case TradeNo:
        return tr("Trade number");
    case Answer:
        return tr("Answer");
    }
    return {};
}

} // namespace md
