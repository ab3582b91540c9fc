// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The red band at the top of the main window for critical alarms (gas leak 1002, valve leaking 1007)
// that nobody has acknowledged yet. It stays until each one is acknowledged; it cannot be closed.

#include "storage/queries.h"

#include <QFrame>
#include <QList>

class QLabel;
class QPushButton;

namespace md {

class AlarmBanner : public QFrame
{
    Q_OBJECT
public:
    explicit AlarmBanner(QWidget *parent = nullptr);

    void addAlarm(const AlarmRow &alarm, const QString &timeText);
    void removeAlarm(qint64 alarmId);
    bool contains(qint64 alarmId) const;
    int alarmCount() const { return int(m_alarms.size()); }
    QString text() const;
    void setAcknowledgeEnabled(bool enabled);

signals:
    void acknowledgeRequested(qint64 alarmId);
    void openMeterRequested(const QString &meterNo);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Entry
    {
        AlarmRow alarm;
        QString timeText;
    };
    void rebuild();

    QList<Entry> m_alarms;
    QLabel *m_label;
    QPushButton *m_open;
    QPushButton *m_ack;
    bool m_ackEnabled = true;
};

} // namespace md
