// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The status bar's permanent fields: listener (address, requests today, last upload), platform
// (reachable or not), database trouble (only while there is some), pending commands, active alarms,
// who is working (operator), and the read-only marker of offline review.

#include "core/operatoridentity.h"

#include <QString>
#include <QWidget>

class QLabel;

namespace md {

struct ListenerStatus
{
    bool enabled = false;
    bool listening = false;
    QString address;     // "0.0.0.0:8080"
    QString error;       // why it is not listening
    qint64 requestsToday = 0;
    qint64 lastUploadAt = 0; // epoch seconds
    qint64 clockSkew = 0;    // platform minus desk, seen in uploads (seconds)
};

enum class PlatformReachability { Unknown, Reachable, Unreachable };

class StatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPanel(QWidget *parent = nullptr);

    void setListener(const ListenerStatus &status, const QString &lastUploadText);
    void setPlatform(PlatformReachability reachability);
    void setPendingCommands(qint64 count);
    void setActiveAlarms(qint64 count, qint64 critical);
    void setReadOnly(bool readOnly);
    void setOperator(const OperatorIdentity &identity);
    // The store cannot write (unreachable, disk full, locked): a red field until it can again.
    void setDatabaseProblem(const QString &detail);
    QString databaseText() const;

    QString listenerText() const;
    QString readOnlyText() const;
    QString operatorText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateText();

    ListenerStatus m_listener;
    QString m_lastUploadText;
    PlatformReachability m_platform = PlatformReachability::Unknown;
    qint64 m_pending = 0;
    qint64 m_alarms = 0;
    qint64 m_critical = 0;
    bool m_readOnly = false;
    OperatorIdentity m_operator;
    QString m_databaseProblem;
    QLabel *m_databaseLabel;
    QLabel *m_readOnlyLabel;
    QLabel *m_listenerLabel;
    QLabel *m_platformLabel;
    QLabel *m_pendingLabel;
    QLabel *m_alarmLabel;
    QLabel *m_operatorLabel;
};

} // namespace md
