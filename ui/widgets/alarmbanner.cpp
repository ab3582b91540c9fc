// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarmbanner.h"

#include "core/dictionary.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace md {

AlarmBanner::AlarmBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("alarmBanner"));
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral("#alarmBanner { background: #c62828; border: 2px solid #7f0000; }"
                                 "#alarmBanner QLabel { color: white; font-weight: bold; font-size: 15px; }"
                                 "#alarmBanner QPushButton { background: white; color: #7f0000; font-weight: bold;"
                                 " padding: 4px 12px; border-radius: 3px; }"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_open = new QPushButton(this);
    m_ack = new QPushButton(this);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_open);
    layout->addWidget(m_ack);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!m_alarms.isEmpty())
            emit openMeterRequested(m_alarms.constFirst().alarm.meterNo);
    });
    connect(m_ack, &QPushButton::clicked, this, [this] {
        if (!m_alarms.isEmpty())
            emit acknowledgeRequested(m_alarms.constFirst().alarm.id);
    });
    rebuild();
}

void AlarmBanner::addAlarm(const AlarmRow &alarm, const QString &timeText)
{
    if (contains(alarm.id))
        return;
    m_alarms.prepend({alarm, timeText}); // the newest first
    rebuild();
}

void AlarmBanner::removeAlarm(qint64 alarmId)
{
    m_alarms.removeIf([alarmId](const Entry &e) { return e.alarm.id == alarmId; });
    rebuild();
}

bool AlarmBanner::contains(qint64 alarmId) const
{
    for (const auto &e : m_alarms)
        if (e.alarm.id == alarmId)
            return true;
    return false;
}

QString AlarmBanner::text() const
{
    return m_label->text();
}

void AlarmBanner::setAcknowledgeEnabled(bool enabled)
{
    m_ackEnabled = enabled;
    rebuild();
}

void AlarmBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QFrame::changeEvent(event);
}

void AlarmBanner::rebuild()
{
    setVisible(!m_alarms.isEmpty());
    m_open->setText(tr("Open meter"));
    m_ack->setText(tr("Acknowledge"));
    m_ack->setEnabled(m_ackEnabled);
    if (m_alarms.isEmpty()) {
        m_label->clear();
        return;
    }
    const Entry &e = m_alarms.constFirst();
    QString text = tr("⚠ %1 at meter %2 since %3")
                       .arg(Dictionary::alarmDisplayName(e.alarm.alarmType), e.alarm.meterNo, e.timeText);
    if (m_alarms.size() > 1)
        text += QLatin1Char(' ') + tr("(and %n more unacknowledged critical alarm(s))", nullptr, int(m_alarms.size()) - 1);
    m_label->setText(text);
}

} // namespace md
