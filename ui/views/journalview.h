// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every raw message in and out, newest first, searchable; the selected one pretty-printed with
// its secrets masked.

#include "consoleview.h"

#include "ui/models/latestquery.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace md {

class JournalModel;

class JournalView : public ConsoleView
{
    Q_OBJECT
public:
    explicit JournalView(ConsoleContext *context, QWidget *parent = nullptr);
    QString title() const override { return tr("Journal"); }
    QAbstractItemModel *exportModel() const override;
    QString exportBaseName() const override { return QStringLiteral("journal"); }
    void activate() override;
    void refresh();
    // Only this meter's messages (the meter detail's raw tab): the meter field is hidden.
    void setFixedMeter(const QString &meterNo);

protected:
    void retranslateUi() override;

private:
    void showEntry(qint64 id);

    JournalModel *m_model;
    QLineEdit *m_text;
    QLineEdit *m_meter;
    QComboBox *m_direction;
    QTableView *m_table;
    QPlainTextEdit *m_body;
    bool m_started = false;
    LatestQuery<Result<std::optional<JournalEntry>>> m_entryQuery{m_context, this};
    QString m_fixedMeter;
};

} // namespace md
