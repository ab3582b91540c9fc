// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarmbanner.h"

#include "core/dictionary.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>

namespace md {

namespace {
// The warning sign, drawn: a "⚠" glyph shows as an empty box where no font in the fallback chain
// has it (seen on Windows desks without a symbol font).
QPixmap warningIcon(int size, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    QPainterPath triangle;
    triangle.moveTo(s / 2, s * 0.06);
    triangle.lineTo(s * 0.97, s * 0.92);
    triangle.lineTo(s * 0.03, s * 0.92);
    triangle.closeSubpath();
    p.setPen(QPen(QColor(0x7f, 0, 0), s * 0.06, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(QColor(0xff, 0xd5, 0x4f));
    p.drawPath(triangle);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x21, 0x21, 0x21));
    p.drawRoundedRect(QRectF(s * 0.445, s * 0.34, s * 0.11, s * 0.34), s * 0.05, s * 0.05);
    p.drawEllipse(QPointF(s / 2, s * 0.79), s * 0.065, s * 0.065);
    return pixmap;
}
} // namespace

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
    auto *icon = new QLabel(this);
    icon->setPixmap(warningIcon(24, devicePixelRatioF()));
    layout->addWidget(icon);
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
    QString text = tr("%1 at meter %2 since %3")
                       .arg(Dictionary::alarmDisplayName(e.alarm.alarmType), e.alarm.meterNo, e.timeText);
    if (m_alarms.size() > 1)
        text += QLatin1Char(' ') + tr("(and %n more unacknowledged critical alarm(s))", nullptr, int(m_alarms.size()) - 1);
    m_label->setText(text);
}

} // namespace md
