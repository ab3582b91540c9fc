// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuspanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace md {

StatusPanel::StatusPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    m_readOnlyLabel = new QLabel(this);
    m_readOnlyLabel->setStyleSheet(QStringLiteral("QLabel { background: #6a1b9a; color: white; padding: 1px 8px; font-weight: bold; }"));
    m_listenerLabel = new QLabel(this);
    m_platformLabel = new QLabel(this);
    m_pendingLabel = new QLabel(this);
    m_alarmLabel = new QLabel(this);
    m_operatorLabel = new QLabel(this);
    m_operatorLabel->setObjectName(QStringLiteral("operatorStatus"));
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseStatus"));
    m_databaseLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));
    for (QLabel *l : {m_readOnlyLabel, m_databaseLabel, m_listenerLabel, m_platformLabel, m_pendingLabel, m_alarmLabel, m_operatorLabel})
        layout->addWidget(l);
    updateText();
}

void StatusPanel::setListener(const ListenerStatus &status, const QString &lastUploadText)
{
    m_listener = status;
    m_lastUploadText = lastUploadText;
    updateText();
}

void StatusPanel::setPlatform(PlatformReachability reachability)
{
    m_platform = reachability;
    updateText();
}

void StatusPanel::setPendingCommands(qint64 count)
{
    m_pending = count;
    updateText();
}

void StatusPanel::setActiveAlarms(qint64 count, qint64 critical)
{
    m_alarms = count;
    m_critical = critical;
    updateText();
}

void StatusPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateText();
}

void StatusPanel::setOperator(const OperatorIdentity &identity)
{
    m_operator = identity;
    updateText();
}

QString StatusPanel::operatorText() const
{
    return m_operatorLabel->text();
}

void StatusPanel::setDatabaseProblem(const QString &detail)
{
    m_databaseProblem = detail;
    updateText();
}

QString StatusPanel::databaseText() const
{
    return m_databaseLabel->isVisibleTo(const_cast<StatusPanel *>(this)) ? m_databaseLabel->text() : QString();
}

QString StatusPanel::listenerText() const
{
    return m_listenerLabel->text();
}

QString StatusPanel::readOnlyText() const
{
    return m_readOnlyLabel->isVisibleTo(const_cast<StatusPanel *>(this)) ? m_readOnlyLabel->text() : QString();
}

void StatusPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateText();
    QWidget::changeEvent(event);
}

void StatusPanel::updateText()
{
    m_readOnlyLabel->setText(tr("READ-ONLY: offline review, nothing is received or sent"));
    m_readOnlyLabel->setVisible(m_readOnly);
    m_databaseLabel->setText(tr("Database unreachable or cannot write: nothing new is saved (%1)").arg(m_databaseProblem));
    m_databaseLabel->setToolTip(m_databaseProblem);
    m_databaseLabel->setVisible(!m_databaseProblem.isEmpty());

    QString listener;
    if (m_readOnly || !m_listener.enabled) {
        listener = tr("Listener: off");
    } else if (!m_listener.listening) {
        listener = m_listener.error.isEmpty() ? tr("Listener: starting…")
                                              : tr("Listener: NOT listening (%1)").arg(m_listener.error);
    } else {
        listener = tr("Listener: %1 · %n request(s) today", nullptr, int(qMin<qint64>(m_listener.requestsToday, INT_MAX)))
                       .arg(m_listener.address);
        listener += QStringLiteral(" · ")
            + (m_lastUploadText.isEmpty() ? tr("no upload yet") : tr("last upload %1").arg(m_lastUploadText));
        // Beyond a minute the desk's clock is worth fixing: uploads near the edge of the timestamp
        // window get refused, and dates shown here drift from the platform's.
        if (qAbs(m_listener.clockSkew) > 60)
            listener += QStringLiteral(" · ")
                + (m_listener.clockSkew > 0 ? tr("this desk's clock is %1 min behind the platform's (seen in uploads)")
                                            : tr("this desk's clock is %1 min ahead of the platform's (seen in uploads)"))
                      .arg((qAbs(m_listener.clockSkew) + 30) / 60);
    }
    m_listenerLabel->setText(listener);
    m_listenerLabel->setStyleSheet(((m_listener.enabled && !m_listener.listening && !m_listener.error.isEmpty())
                                    || (m_listener.listening && qAbs(m_listener.clockSkew) > 60))
                                           && !m_readOnly
                                       ? QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }")
                                       : QString());

    switch (m_platform) {
    case PlatformReachability::Unknown:
        m_platformLabel->setText(tr("Platform: not contacted yet"));
        m_platformLabel->setStyleSheet({});
        break;
    case PlatformReachability::Reachable:
        m_platformLabel->setText(tr("Platform: reachable"));
        m_platformLabel->setStyleSheet(QStringLiteral("QLabel { color: #1b7f3a; }"));
        break;
    case PlatformReachability::Unreachable:
        m_platformLabel->setText(tr("Platform: UNREACHABLE"));
        m_platformLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));
        break;
    }
    m_pendingLabel->setText(tr("Pending commands: %1").arg(m_pending));
    m_alarmLabel->setText(m_critical > 0 ? tr("Active alarms: %1 (%2 critical)").arg(m_alarms).arg(m_critical)
                                         : tr("Active alarms: %1").arg(m_alarms));
    m_operatorLabel->setText(m_operator.login.isEmpty() ? QString() : tr("Operator: %1").arg(m_operator.recorded()));
    m_operatorLabel->setToolTip(tr("Recorded on every command, acknowledgement, export and print. "
                                   "The display name is set in Settings; the computer account is always recorded."));
    m_alarmLabel->setStyleSheet(m_critical > 0 ? QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }") : QString());
}

} // namespace md
