// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One meter's whole life in one window: a header with its live state (valve in words and colour,
// balance, last upload, battery, signal, active alarms), buttons that ask for command forms
// (ConsoleContext::actionRequested, so this window knows no form class), and tabs: reading timeline,
// alarm timeline, commands, recharge ledger, parameters, raw messages. It reloads when the change
// feed says this meter (or any command, or the registry) changed.

#include "meterdetaildata.h"

#include "ui/models/latestquery.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace md::timeline {
class ReadingTimeline;
class AlarmTimeline;
} // namespace md::timeline

namespace md {

class AlarmModel;
class CommandModel;
class ConsoleContext;
class JournalView;
class RechargeLedgerPage;
class TextTableModel;

class MeterDetailWindow : public QWidget
{
    Q_OBJECT
public:
    MeterDetailWindow(ConsoleContext *context, const QString &meterNo, QWidget *parent = nullptr);

    QString meterNo() const { return m_meterNo; }
    const MeterDetailData &data() const { return m_data; }
    bool isLoaded() const { return m_loaded; }
    void reload();
    // Marks a health insight's evidence on the reading timeline and shows that tab.
    void showEvidence(qint64 from, qint64 to, const QString &label);

    // For the report and the tests.
    QString valveText() const;
    QString lastUploadText() const;
    QString readingText() const;
    QString balanceText() const;
    QString alarmText() const;
    timeline::ReadingTimeline *readingTimeline() const { return m_readingTimeline; }
    timeline::AlarmTimeline *alarmTimeline() const { return m_alarmTimeline; }
    QPushButton *actionButton(const QString &commandName) const;
    QPushButton *closeValveFirstButton() const { return m_closeValveFirst; }
    RechargeLedgerPage *ledgerPage() const { return m_ledger; }
    CommandModel *commandModel() const { return m_commandModel; } // the Commands tab

signals:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void retranslateUi();
    void showData();
    void onMetersTouched(const QStringList &meterNos);

    ConsoleContext *m_context;
    QString m_meterNo;
    MeterDetailData m_data;
    bool m_loaded = false;
    LatestQuery<MeterDetailData> m_query{m_context, this};

    QLabel *m_title;
    QLabel *m_subtitle;
    QList<QLabel *> m_captions;
    QLabel *m_valve, *m_balance, *m_lastUpload, *m_reading, *m_battery, *m_signal, *m_alarms;
    QList<QPair<QString, QPushButton *>> m_actions;
    QPushButton *m_ack;
    QTabWidget *m_tabs;
    timeline::ReadingTimeline *m_readingTimeline;
    timeline::AlarmTimeline *m_alarmTimeline;
    AlarmModel *m_alarmModel;
    QTableView *m_alarmTable;
    CommandModel *m_commandModel;
    RechargeLedgerPage *m_ledger;
    QPushButton *m_closeValveFirst;
    TextTableModel *m_parameterModel;
    JournalView *m_journal;
};

} // namespace md
