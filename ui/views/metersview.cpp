// SPDX-License-Identifier: GPL-3.0-or-later
#include "metersview.h"

#include "ui/models/consolecontext.h"
#include "ui/models/registrymodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace md {

namespace {
constexpr int silentDaysDefault = 3;
const Money lowBalanceBelow = Money::fromUnits(10 * Money::scale()); // 10 yuan
} // namespace

MetersView::MetersView(ConsoleContext *context, QWidget *parent) : ConsoleView(context, parent)
{
    m_model = new RegistryModel(context, this);

    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_valve = new QComboBox(this);
    m_valve->addItems({QString(), QString(), QString()});
    m_alarmOnly = new QCheckBox(this);
    m_silent = new QCheckBox(this);
    m_lowBalance = new QCheckBox(this);
    m_anywhere = new QCheckBox(this);
    m_anywhere->setChecked(true);
    m_count = new QLabel(this);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_anywhere);
    filters->addWidget(m_valve);
    filters->addWidget(m_alarmOnly);
    filters->addWidget(m_silent);
    filters->addWidget(m_lowBalance);
    filters->addStretch(1);
    filters->addWidget(m_count);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    const int charW = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[RegistryModel::ColumnCount] = {16, 10, 10, 30, 8, 19, 12, 9, 12, 8, 7, 7};
    for (int c = 0; c < RegistryModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c] * charW + 16);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &MetersView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QModelIndex cur = m_table->currentIndex();
        if (m_debounce.isActive()) { // Enter right after typing: filter now, open when it arrives
            applyFilter();
            return;
        }
        openRow(cur.isValid() ? cur.row() : 0);
    });
    for (QCheckBox *b : {m_alarmOnly, m_silent, m_lowBalance, m_anywhere})
        connect(b, &QCheckBox::toggled, this, &MetersView::applyFilter);
    connect(m_valve, &QComboBox::currentIndexChanged, this, &MetersView::applyFilter);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) { openRow(i.row()); });
    connect(m_model, &RegistryModel::countChanged, this, &MetersView::updateCount);
    connect(m_model, &RegistryModel::pageLoaded, this, [this](int first, int) {
        if (first == 0 && m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, 0));
        updateCount();
    });
    connect(m_model, &RegistryModel::queryFailed, this,
            [this](const QString &m) { emit statusMessage(tr("Meter search failed: %1").arg(m)); });
    retranslateUi();
}

QAbstractItemModel *MetersView::exportModel() const
{
    return m_model;
}

TableExportSource MetersView::exportSource() const
{
    TableExportSource source;
    for (int c = 0; c < RegistryModel::ColumnCount; ++c)
        source.header.append(m_model->headerData(c, Qt::Horizontal).toString());
    const RegistryCount count = m_model->matchCount();
    source.expectedRows = count.capped ? -1 : count.count;
    const RegistryFilter filter = m_model->filter();
    const PlatformTime time = m_context->time();
    source.next = [filter, time](const Store &store, const QString &cursor) -> Result<ExportBatch> {
        RegistryPageRequest request;
        request.filter = filter;
        request.afterMeterNo = cursor;
        request.limit = 1000;
        auto page = store.registryPage(request);
        if (!page.ok())
            return page.error();
        ExportBatch batch;
        for (const RegistryRow &r : *page) {
            QStringList row;
            for (int c = 0; c < RegistryModel::ColumnCount; ++c)
                row.append(RegistryModel::cellText(r, c, time));
            batch.rows.append(row);
        }
        batch.cursor = page->isEmpty() ? cursor : page->last().meterNo;
        return batch;
    };
    return source;
}

void MetersView::activate()
{
    if (!m_started) {
        m_started = true;
        applyFilter();
    }
}

void MetersView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void MetersView::setSearchText(const QString &text)
{
    m_search->setText(text);
}

QString MetersView::currentMeterNo() const
{
    const auto *row = m_model->rowAt(m_table->currentIndex().row());
    return row ? row->meterNo : QString();
}

void MetersView::applyFilter()
{
    m_debounce.stop();
    m_started = true;
    RegistryFilter f;
    f.text = m_search->text().trimmed();
    f.contains = m_anywhere->isChecked();
    f.valve = m_valve->currentIndex() == 1 ? ValveFilter::Open
        : m_valve->currentIndex() == 2     ? ValveFilter::Closed
                                           : ValveFilter::Any;
    f.activeAlarmOnly = m_alarmOnly->isChecked();
    f.silentDays = m_silent->isChecked() ? silentDaysDefault : 0;
    if (m_lowBalance->isChecked())
        f.balanceBelow = lowBalanceBelow;
    m_count->setText(tr("Searching…"));
    m_model->setFilter(f);
}

void MetersView::openRow(int row)
{
    if (const auto *r = m_model->rowAt(row))
        emit m_context->openMeterRequested(r->meterNo);
}

void MetersView::updateCount()
{
    const RegistryCount c = m_model->matchCount();
    const QLocale locale;
    if (m_model->isLoading() && m_model->rowCount() == 0)
        m_count->setText(tr("Searching…"));
    else if (c.count == 0 && !c.capped)
        m_count->setText(m_model->atEnd() ? tr("%1 meters").arg(locale.toString(m_model->rowCount()))
                                          : tr("%1+ meters").arg(locale.toString(m_model->rowCount())));
    else if (c.capped)
        m_count->setText(tr("more than %1 meters").arg(locale.toString(c.count)));
    else
        m_count->setText(tr("%1 meters").arg(locale.toString(qMax<qint64>(c.count, m_model->rowCount()))));
}

bool MetersView::eventFilter(QObject *watched, QEvent *event)
{
    // Up / Down in the search field move through the results without leaving it.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *ke = static_cast<QKeyEvent *>(event);
        if (ke->key() == Qt::Key_Down || ke->key() == Qt::Key_Up || ke->key() == Qt::Key_PageDown
            || ke->key() == Qt::Key_PageUp) {
            m_table->setFocus();
            QCoreApplication::sendEvent(m_table, event);
            return true;
        }
    }
    return ConsoleView::eventFilter(watched, event);
}

void MetersView::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search meter No., user No., name or address (Ctrl+F)"));
    m_valve->setItemText(0, tr("Valve: any"));
    m_valve->setItemText(1, tr("Valve: open"));
    m_valve->setItemText(2, tr("Valve: closed"));
    m_alarmOnly->setText(tr("Active alarm"));
    m_silent->setText(tr("Silent > %n day(s)", nullptr, silentDaysDefault));
    m_lowBalance->setText(tr("Balance < %1 yuan").arg(lowBalanceBelow.format(0)));
    m_anywhere->setText(tr("Match anywhere"));
    m_anywhere->setToolTip(tr("Also find the text inside numbers, names and addresses, not only at the start"));
    updateCount();
}

} // namespace md
