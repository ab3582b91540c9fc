// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The overview page: meters, uploads today, silent meters, active alarms by type, commands pending
// or expired, and uploads per day as a small bar chart. One store query, on a worker, run again
// on every change the feed announces.

#include "consoleview.h"

#include "ui/models/latestquery.h"

#include "storage/queries.h"

#include <QTimer>

class QLabel;
class QPushButton;
class QSpinBox;

namespace md {

class BarChart;

class OverviewView : public ConsoleView
{
    Q_OBJECT
public:
    explicit OverviewView(ConsoleContext *context, QWidget *parent = nullptr);
    QString title() const override { return tr("Overview"); }
    void activate() override { refresh(); }
    void refresh();
    const OverviewStats &stats() const { return m_stats; }

signals:
    void statsUpdated(const md::OverviewStats &stats);

protected:
    void retranslateUi() override;

private:
    void showStats();
    void showQuarantine();

    OverviewStats m_stats;
    bool m_loaded = false;
    QLabel *m_meterCaption, *m_meterValue;
    QLabel *m_uploadCaption, *m_uploadValue;
    QLabel *m_silentCaption, *m_silentValue;
    QLabel *m_commandCaption, *m_commandValue;
    QLabel *m_alarmCaption, *m_alarmList;
    QLabel *m_silentDaysLabel;
    QPushButton *m_quarantine = nullptr; // "N uploads from unregistered meters": opens the list
    QSpinBox *m_silentDays;
    BarChart *m_chart;
    QTimer m_clock; // silent meters and "today" move with the time, not only with writes
    LatestQuery<Result<OverviewStats>> m_query{m_context, this};
};

} // namespace md
