// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandsview.h"
#include "ui/widgets/recordtable.h"

#include "ui/models/commandmodel.h"
#include "ui/models/consolecontext.h"
#include "storage/changefeed.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace md {

namespace {
const QList<QList<CommandState>> stateFilters{
    {},
    {CommandState::Queued, CommandState::Sent},
    {CommandState::Succeeded, CommandState::Accepted},
    {CommandState::Failed, CommandState::Rejected, CommandState::Unreachable, CommandState::Expired},
};
}

CommandsView::CommandsView(ConsoleContext *context, QWidget *parent) : ConsoleView(context, parent)
{
    m_model = new CommandModel(&context->time(), this);
    m_state = new QComboBox(this);
    for (int i = 0; i < stateFilters.size(); ++i)
        m_state->addItem(QString());
    m_meter = new QLineEdit(this);
    m_meter->setClearButtonEnabled(true);
    m_actions = new QToolBar(this);
    m_actions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_state);
    bar->addWidget(m_meter);
    bar->addStretch(1);
    bar->addWidget(m_actions);

    m_table = ui::makeRecordTable(m_model, QAbstractItemView::SingleSelection, this);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    // A new filter is a new question: an answer to the old one is not shown.
    auto refilter = [this] {
        m_query.drop();
        refresh();
    };
    connect(m_state, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_meter, &QLineEdit::returnPressed, this, refilter);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        if (const auto *c = m_model->rowAt(i.row()))
            emit m_context->openMeterRequested(c->meterNo);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit selectionChanged(selectedCommandSeq()); });
    // The change feed has debounced already; a hidden page refreshes when it is shown (activate).
    connect(context->changeFeed(), &ChangeFeed::commandsChanged, this, [this] {
        if (isVisible())
            refresh();
    });
    retranslateUi();
}

QAbstractItemModel *CommandsView::exportModel() const
{
    return m_model;
}

QString CommandsView::selectedCommandSeq() const
{
    const auto *c = m_model->rowAt(m_table->currentIndex().row());
    return c ? c->commandSeq : QString();
}

void CommandsView::refresh()
{
    CommandFilter f;
    f.states = stateFilters.value(m_state->currentIndex());
    f.meterNo = m_meter->text().trimmed();
    f.limit = 1000;
    const QString keep = selectedCommandSeq();
    m_query.run([f](const Store &s) { return s.commands(f); },
        [this, keep](Result<CommandPage> r) {
            if (!r.ok()) {
                emit statusMessage(tr("Commands not available: %1").arg(r.error().detail));
                return;
            }
            m_model->setRows(std::move(r.value().rows));
            for (int i = 0; i < m_model->rowCount(); ++i)
                if (m_model->rowAt(i)->commandSeq == keep)
                    m_table->setCurrentIndex(m_model->index(i, 0));
        });
}

void CommandsView::retranslateUi()
{
    m_state->setItemText(0, tr("All commands"));
    m_state->setItemText(1, tr("Pending (queued or sent)"));
    m_state->setItemText(2, tr("Succeeded"));
    m_state->setItemText(3, tr("Failed, rejected or expired"));
    m_meter->setPlaceholderText(tr("Meter No. (Enter)"));
}

} // namespace md
