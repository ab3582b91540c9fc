// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconciliationview.h"
#include "ui/widgets/recordtable.h"

#include "ui/models/consolecontext.h"
#include "ui/models/texttablemodel.h"

#include "core/fixeddecimal.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace md {

namespace {
QString yuan(qint64 units) { return Money::fromUnits(units).format(2); }
QString m3(qint64 units) { return Volume::fromUnits(units).toString(); }
QString signedYuan(qint64 units) { return (units > 0 ? QStringLiteral("+") : QString()) + yuan(units); }
} // namespace

ReconciliationView::ReconciliationView(ConsoleContext *context, QWidget *parent) : ConsoleView(context, parent)
{
    m_meters = new TextTableModel(
        [] {
            return QStringList{tr("Meter No."), tr("Ledger recharges"), tr("Ledger yuan"), tr("Cancellations"), tr("Cancelled yuan"),
                               tr("Meter count change"), tr("Meter yuan change"), tr("Meter m³ change"), tr("Count difference"),
                               tr("Yuan difference")};
        },
        this);
    m_days = new TextTableModel(
        [] {
            return QStringList{tr("Date"), tr("Recharges"), tr("Yuan"), tr("m³"), tr("Cancellations"), tr("Cancelled yuan")};
        },
        this);
    const QDate today = context->time().dateOf(context->now());
    m_from = new QDateEdit(today.addDays(-1), this);
    m_to = new QDateEdit(today, this);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setCalendarPopup(true);
    }
    m_mode = new QComboBox(this);
    m_mode->addItem(QString());
    m_mode->addItem(QString());
    m_run = new QPushButton(this);
    m_summary = new QLabel(this);
    m_table = ui::makeRecordTable(m_meters, QAbstractItemView::ExtendedSelection, this);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(QStringLiteral("–"), this));
    bar->addWidget(m_to);
    bar->addWidget(m_mode);
    bar->addWidget(m_run);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    connect(m_run, &QPushButton::clicked, this, &ReconciliationView::reconcile);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ReconciliationView::showMode);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        if (m_mode->currentIndex() == 0 && i.row() < m_meters->rows().size())
            emit m_context->openMeterRequested(m_meters->rows().at(i.row()).value(0));
    });
    retranslateUi();
}

QAbstractItemModel *ReconciliationView::exportModel() const
{
    return m_mode->currentIndex() == 0 ? static_cast<QAbstractItemModel *>(m_meters) : m_days;
}

QString ReconciliationView::exportBaseName() const
{
    return QStringLiteral("reconciliation-%1-%2-%3")
        .arg(m_mode->currentIndex() == 0 ? QStringLiteral("meters") : QStringLiteral("days"),
             m_from->date().toString(Qt::ISODate), m_to->date().toString(Qt::ISODate));
}

void ReconciliationView::activate()
{
    if (!m_ran)
        reconcile();
}

void ReconciliationView::setRange(QDate from, QDate to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void ReconciliationView::reconcile()
{
    const ReconciliationRequest request{m_from->date(), m_to->date()};
    const PlatformTime time = m_context->time();
    m_ran = true;
    m_query.restart([request, time](const Store &s) { return s.reconciliation(request, time); },
             [this](const Result<ReconciliationReport> &r) {
            if (!r.ok()) {
                emit statusMessage(tr("Reconciliation not available: %1").arg(r.error().detail));
                return;
            }
            QList<QStringList> meters;
            for (const ReconciliationRow &row : r->mismatches) {
                const auto countDiff = row.countDifference();
                meters << QStringList{row.meterNo,
                                      QString::number(row.ledgerCount),
                                      yuan(row.ledgerAmount),
                                      QString::number(row.cancelCount),
                                      yuan(row.cancelAmount),
                                      row.meterCountDelta ? QString::number(*row.meterCountDelta) : tr("not reported yet"),
                                      yuan(row.meterAmountDelta),
                                      row.meterQtyDelta ? m3(*row.meterQtyDelta) : QString(),
                                      countDiff ? QString::number(*countDiff) : QString(),
                                      signedYuan(row.amountDifference())};
            }
            m_meters->setRows(meters);
            QList<QStringList> days;
            for (const ReconciliationDay &d : r->days)
                days << QStringList{d.date.toString(Qt::ISODate), QString::number(d.recharges), yuan(d.amount), m3(d.quantity),
                                    QString::number(d.cancellations), yuan(d.cancelledAmount)};
            m_days->setRows(days);
            m_compared = r->metersCompared;
            m_withoutBaseline = r->metersWithoutBaseline;
            retranslateUi();
            emit reconciled();
        });
}

void ReconciliationView::showMode()
{
    m_table->setModel(exportModel());
}

void ReconciliationView::retranslateUi()
{
    m_mode->setItemText(0, tr("Meters that disagree"));
    m_mode->setItemText(1, tr("Summary per day"));
    m_run->setText(tr("&Reconcile"));
    m_run->setToolTip(tr("The recharge ledger against the totals the meters report (totalRechargeAmt, totalRechargeCount)"));
    m_summary->setText(m_ran ? tr("%n meter(s) disagree; %1 compared, %2 with ledger activity but no earlier report", nullptr,
                                  int(m_meters->rows().size()))
                                   .arg(m_compared)
                                   .arg(m_withoutBaseline)
                             : QString());
    m_meters->retranslate();
    m_days->retranslate();
}

} // namespace md
