// SPDX-License-Identifier: GPL-3.0-or-later
#include "journalview.h"
#include "ui/widgets/recordtable.h"

#include "ui/models/consolecontext.h"
#include "ui/models/display.h"
#include "ui/models/journalmodel.h"
#include "ui/models/jsonformat.h"
#include "storage/changefeed.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace md {

JournalView::JournalView(ConsoleContext *context, QWidget *parent) : ConsoleView(context, parent)
{
    m_model = new JournalModel(context, this);
    m_text = new QLineEdit(this);
    m_text->setClearButtonEnabled(true);
    m_meter = new QLineEdit(this);
    m_meter->setClearButtonEnabled(true);
    m_direction = new QComboBox(this);
    m_direction->addItems({QString(), QString(), QString()});
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_text, 2);
    bar->addWidget(m_meter, 1);
    bar->addWidget(m_direction);

    m_table = ui::makeRecordTable(m_model, QAbstractItemView::SingleSelection, this);
    const int charW = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[JournalModel::ColumnCount] = {23, 5, 20, 16, 21, 6, 5, 8, 16};
    for (int c = 0; c < JournalModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c] * charW + 16);

    m_body = new QPlainTextEdit(this);
    m_body->setReadOnly(true);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_body);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_text, &QLineEdit::returnPressed, this, &JournalView::refresh);
    connect(m_meter, &QLineEdit::returnPressed, this, &JournalView::refresh);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &JournalView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        if (const auto *e = m_model->rowAt(i.row()))
            showEntry(e->id);
    });
    // Show the newest message right away: the body pane is never empty while there are rows.
    connect(m_model, &JournalModel::pageLoaded, this, [this] {
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, 0));
    });
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // New messages go on top while the page is shown (the feed has debounced them); a hidden page
    // reads the newest when it is shown again (activate).
    connect(context->changeFeed(), &ChangeFeed::journalAppended, this, [this] {
        if (m_started && isVisible())
            m_model->showNewer();
    });
    retranslateUi();
}

QAbstractItemModel *JournalView::exportModel() const
{
    return m_model;
}

void JournalView::activate()
{
    refresh(); // the journal grows all the time: show the newest when the page opens
}

void JournalView::refresh()
{
    m_started = true;
    JournalFilter f;
    f.text = m_text->text().trimmed();
    f.meterNo = m_fixedMeter.isEmpty() ? m_meter->text().trimmed() : m_fixedMeter;
    if (m_direction->currentIndex() == 1)
        f.direction = JournalDirection::Inbound;
    else if (m_direction->currentIndex() == 2)
        f.direction = JournalDirection::Outbound;
    f.limit = 200;
    m_model->setFilter(f);
}

void JournalView::setFixedMeter(const QString &meterNo)
{
    m_fixedMeter = meterNo;
    m_meter->setVisible(meterNo.isEmpty());
}

void JournalView::showEntry(qint64 id)
{
    m_entryQuery.run([id](const Store &s) { return s.journalEntry(id); },
        [this](Result<std::optional<JournalEntry>> r) {
            if (!r.ok() || !r->has_value()) {
                m_body->setPlainText(tr("(not available)"));
                return;
            }
            const JournalEntry &e = **r;
            QString text = tr("%1  %2  %3  HTTP %4  return code %5")
                               .arg(display::dateTimeMs(m_context->time(), e.at),
                                    e.direction == JournalDirection::Inbound ? tr("IN from %1").arg(e.remote)
                                                                             : tr("OUT to %1").arg(e.remote),
                                    e.endpoint, QString::number(e.httpStatus), e.returnCode);
            text += QStringLiteral("\n\n") + tr("Headers:") + QLatin1Char('\n') + jsonformat::prettyMasked(e.headers);
            text += QLatin1Char('\n') + tr("Body:") + QLatin1Char('\n') + jsonformat::prettyMasked(e.body);
            m_body->setPlainText(text);
        });
}

void JournalView::retranslateUi()
{
    m_text->setPlaceholderText(tr("Search the messages (Enter)"));
    m_meter->setPlaceholderText(tr("Meter No."));
    m_direction->setItemText(0, tr("In and out"));
    m_direction->setItemText(1, tr("Inbound (uploads)"));
    m_direction->setItemText(2, tr("Outbound (commands)"));
}

} // namespace md
