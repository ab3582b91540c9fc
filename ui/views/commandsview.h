// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Commands with their state, meter, operator and times. The command launcher adds cancel / resend
// actions through addAction() (a toolbar above the table) and selectedCommandSeq().

#include "consoleview.h"

#include "ui/models/latestquery.h"

class QComboBox;
class QLineEdit;
class QTableView;
class QToolBar;

namespace md {

class CommandModel;

class CommandsView : public ConsoleView
{
    Q_OBJECT
public:
    explicit CommandsView(ConsoleContext *context, QWidget *parent = nullptr);
    QString title() const override { return tr("Commands"); }
    QAbstractItemModel *exportModel() const override;
    QString exportBaseName() const override { return QStringLiteral("commands"); }
    void activate() override { refresh(); }
    void refresh();
    QString selectedCommandSeq() const;
    QToolBar *actionBar() const { return m_actions; }
    CommandModel *model() const { return m_model; }

signals:
    void selectionChanged(const QString &commandSeq);

protected:
    void retranslateUi() override;

private:
    CommandModel *m_model;
    QComboBox *m_state;
    QLineEdit *m_meter;
    QToolBar *m_actions;
    QTableView *m_table;
    LatestQuery<Result<CommandPage>> m_query{m_context, this};
};

} // namespace md
