// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Reconciliation page: for a range of platform days, every meter whose own recharge totals
// disagree with the desk's recharge ledger (both sides and the difference), or the per-day summary
// (recharges, yuan, m³, cancellations) a supervisor prints or exports. Read on the read pool.

#include "consoleview.h"

#include "ui/models/latestquery.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace md {

class TextTableModel;

class ReconciliationView : public ConsoleView
{
    Q_OBJECT
public:
    explicit ReconciliationView(ConsoleContext *context, QWidget *parent = nullptr);
    QString title() const override { return tr("Reconciliation"); }
    QAbstractItemModel *exportModel() const override;
    QString exportBaseName() const override;
    void activate() override;

    void reconcile();
    void setRange(QDate from, QDate to);
    TextTableModel *meterModel() const { return m_meters; }
    TextTableModel *dayModel() const { return m_days; }

signals:
    void reconciled();

protected:
    void retranslateUi() override;

private:
    void showMode();

    TextTableModel *m_meters;
    TextTableModel *m_days;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_mode;
    QPushButton *m_run;
    QLabel *m_summary;
    QTableView *m_table;
    qint64 m_compared = 0;
    qint64 m_withoutBaseline = 0;
    bool m_ran = false;
    LatestQuery<Result<ReconciliationReport>> m_query{m_context, this};
};

} // namespace md
