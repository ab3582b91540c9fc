// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Alarms across all meters, newest first: active or history, filtered by type and meter;
// acknowledge records the operator and the time.

#include "consoleview.h"

#include "ui/models/latestquery.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace md {

class AlarmModel;

class AlarmsView : public ConsoleView
{
    Q_OBJECT
public:
    explicit AlarmsView(ConsoleContext *context, QWidget *parent = nullptr);
    QString title() const override { return tr("Alarms"); }
    QAbstractItemModel *exportModel() const override;
    QString exportBaseName() const override { return QStringLiteral("alarms"); }
    void activate() override { refresh(); }
    void refresh();
    void acknowledgeSelected();
    AlarmModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *acknowledgeButton() const { return m_ack; }

signals:
    void refreshed();

protected:
    void retranslateUi() override;

private:
    void updateButtons();

    AlarmModel *m_model;
    QComboBox *m_type;
    QLineEdit *m_meter;
    QCheckBox *m_history;
    QCheckBox *m_criticalOnly;
    QPushButton *m_ack;
    QPushButton *m_open;
    QTableView *m_table;
    LatestQuery<Result<QList<AlarmRow>>> m_query{m_context, this};
};

} // namespace md
