// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarmsview.h"
#include "ui/widgets/recordtable.h"

#include "ui/models/alarmmodel.h"
#include "ui/models/consolecontext.h"

#include "core/dictionary.h"
#include "storage/changefeed.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace md {

AlarmsView::AlarmsView(ConsoleContext *context, QWidget *parent) : ConsoleView(context, parent)
{
    m_model = new AlarmModel(&context->time(), this);
    m_type = new QComboBox(this);
    m_type->addItem(QString());
    for (const auto &a : Dictionary::alarmTypes())
        if (QLatin1String(a.code) != QLatin1String("0000"))
            m_type->addItem(QString(), QString::fromLatin1(a.code));
    m_meter = new QLineEdit(this);
    m_meter->setClearButtonEnabled(true);
    m_history = new QCheckBox(this);
    m_criticalOnly = new QCheckBox(this);
    m_ack = new QPushButton(this);
    m_open = new QPushButton(this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_type);
    bar->addWidget(m_meter);
    bar->addWidget(m_criticalOnly);
    bar->addWidget(m_history);
    bar->addStretch(1);
    bar->addWidget(m_open);
    bar->addWidget(m_ack);

    m_table = ui::makeRecordTable(m_model, QAbstractItemView::ExtendedSelection, this);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    // A new filter is a new question: an answer to the old one is not shown.
    auto refilter = [this] {
        m_query.drop();
        refresh();
    };
    connect(m_type, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_history, &QCheckBox::toggled, this, refilter);
    connect(m_criticalOnly, &QCheckBox::toggled, this, refilter);
    connect(m_meter, &QLineEdit::returnPressed, this, refilter);
    connect(m_meter, &QLineEdit::textChanged, this, [refilter](const QString &t) {
        if (t.isEmpty())
            refilter();
    });
    connect(m_ack, &QPushButton::clicked, this, &AlarmsView::acknowledgeSelected);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const auto *a = m_model->rowAt(m_table->currentIndex().row());
        if (a)
            emit m_context->openMeterRequested(a->meterNo);
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        if (const auto *a = m_model->rowAt(i.row()))
            emit m_context->openMeterRequested(a->meterNo);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlarmsView::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlarmsView::updateButtons);

    // The change feed has debounced already; a hidden page refreshes when it is shown (activate).
    auto changed = [this] {
        if (isVisible())
            refresh();
    };
    connect(context->changeFeed(), &ChangeFeed::alarmsChanged, this, changed);
    connect(context, &ConsoleContext::alarmAcknowledged, this, changed);
    retranslateUi();
    updateButtons();
}

QAbstractItemModel *AlarmsView::exportModel() const
{
    return m_model;
}

void AlarmsView::refresh()
{
    AlarmFilter f;
    f.activeOnly = !m_history->isChecked();
    f.alarmType = m_type->currentData().toString();
    f.meterNo = m_meter->text().trimmed();
    f.criticalOnly = m_criticalOnly->isChecked();
    f.limit = 2000;
    m_query.run([f](const Store &s) { return s.alarms(f); }, [this](Result<QList<AlarmRow>> r) {
        if (!r.ok()) {
            emit statusMessage(tr("Alarms not available: %1").arg(r.error().detail));
            return;
        }
        auto rows = std::move(r.value());
        // Critical alarms (a gas leak) first, then the newest.
        std::stable_sort(rows.begin(), rows.end(), [](const AlarmRow &a, const AlarmRow &b) {
            if (a.critical != b.critical)
                return a.critical;
            return a.openedAt > b.openedAt;
        });
        m_model->setRows(std::move(rows));
        emit refreshed();
    });
}

void AlarmsView::acknowledgeSelected()
{
    if (m_context->isReadOnly()) {
        emit statusMessage(m_context->readOnlyError().detail);
        return;
    }
    const auto rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        const auto *a = m_model->rowAt(i.row());
        if (!a || a->acknowledgedAt != 0)
            continue;
        const qint64 id = a->id;
        m_context->acknowledgeAlarm(id).then(this, [this](Result<bool> r) {
            if (!r.ok())
                emit statusMessage(tr("Could not acknowledge: %1").arg(r.error().detail));
        });
    }
}

void AlarmsView::updateButtons()
{
    bool anyUnacked = false;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        if (const auto *a = m_model->rowAt(i.row()); a && a->acknowledgedAt == 0)
            anyUnacked = true;
    m_ack->setEnabled(anyUnacked && !m_context->isReadOnly());
    m_open->setEnabled(m_table->currentIndex().isValid());
}

void AlarmsView::retranslateUi()
{
    m_type->setItemText(0, tr("All alarm types"));
    for (int i = 1; i < m_type->count(); ++i) {
        const QString code = m_type->itemData(i).toString();
        m_type->setItemText(i, QStringLiteral("%1 %2").arg(code, Dictionary::alarmDisplayName(code)));
    }
    m_meter->setPlaceholderText(tr("Meter No. (Enter)"));
    m_history->setText(tr("Include cleared (history)"));
    m_criticalOnly->setText(tr("Critical only"));
    m_ack->setText(tr("&Acknowledge"));
    m_ack->setToolTip(m_context->isReadOnly() ? tr("Read-only: offline review") : tr("Records your name and the time"));
    m_open->setText(tr("Open meter"));
}

} // namespace md
