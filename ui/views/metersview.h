// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The registry page: filter-as-you-type (150 ms debounce) over meter number, user number, name and
// address, toggles for valve / active alarm / silent / low balance, and the lazy table. Enter or a
// double-click opens the meter.

#include "consoleview.h"

#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace md {

class RegistryModel;

class MetersView : public ConsoleView
{
    Q_OBJECT
public:
    explicit MetersView(ConsoleContext *context, QWidget *parent = nullptr);

    QString title() const override { return tr("Meters"); }
    QAbstractItemModel *exportModel() const override;
    QString exportBaseName() const override { return QStringLiteral("meters"); }
    // The registry model is lazy: the export pages through the store with the same filter.
    TableExportSource exportSource() const override;
    void activate() override;

    void focusSearch();
    void setSearchText(const QString &text); // as if typed (debounced)
    QString currentMeterNo() const;
    RegistryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }

signals:
    void importRequested();

protected:
    void retranslateUi() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void openRow(int row);
    void updateCount();

    RegistryModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_valve;
    QCheckBox *m_alarmOnly;
    QCheckBox *m_silent;
    QCheckBox *m_lowBalance;
    QCheckBox *m_anywhere;
    QLabel *m_count;
    QTableView *m_table;
    QTimer m_debounce;
    bool m_started = false;
};

} // namespace md
