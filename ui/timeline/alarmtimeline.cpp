// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarmtimeline.h"

#include "core/dictionary.h"

#include <QDateTime>
#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimeZone>
#include <QToolTip>

#include <algorithm>

namespace md::timeline {
namespace {
constexpr int labelWidth = 150;
constexpr int laneHeight = 24;
constexpr int axisHeight = 22;
} // namespace

AlarmTimeline::AlarmTimeline(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
}

QColor AlarmTimeline::colourFor(const QString &type, bool critical)
{
    if (critical || Dictionary::isCriticalAlarm(type))
        return QColor(0xd3, 0x2f, 0x2f);
    // A stable, distinguishable hue per type from its code.
    const int hue = int((type.toInt() * 47) % 300) + 20;
    return QColor::fromHsv(hue, 150, 200);
}

void AlarmTimeline::setSpans(QList<AlarmSpan> spans, qint64 now)
{
    m_spans = std::move(spans);
    m_now = now;
    m_lanes.clear();
    qint64 first = now, last = now;
    for (const auto &s : std::as_const(m_spans)) {
        if (!m_lanes.contains(s.type))
            m_lanes.append(s.type);
        first = std::min(first, s.start);
        last = std::max(last, s.end ? s.end : now);
    }
    std::sort(m_lanes.begin(), m_lanes.end());
    m_viewport.setBounds(first - 86400, last + 3600);
    updateGeometry();
    update();
}

void AlarmTimeline::setVisibleRange(qint64 start, qint64 end)
{
    m_viewport.setBounds(start, end);
    update();
}

QRect AlarmTimeline::lanesRect(const QRect &area) const
{
    return QRect(area.left() + labelWidth, area.top() + 6, area.width() - labelWidth - 12,
                 int(qMax<qsizetype>(1, m_lanes.size())) * laneHeight);
}

int AlarmTimeline::xFor(qint64 t, const QRect &r) const
{
    const double share = double(t - m_viewport.start()) / std::max<qint64>(1, m_viewport.span());
    return r.left() + int(share * (r.width() - 1));
}

void AlarmTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    render(p, rect());
}

void AlarmTimeline::render(QPainter &p, const QRect &area) const
{
    p.save();
    p.fillRect(area, Qt::white);
    if (m_spans.isEmpty()) {
        p.setPen(QColor(0x6b, 0x72, 0x80));
        p.drawText(area, Qt::AlignCenter, tr("No alarms in this period"));
        p.restore();
        return;
    }
    const QRect r = lanesRect(area);
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        const QRect laneRect(r.left(), r.top() + lane * laneHeight, r.width(), laneHeight);
        if (lane % 2)
            p.fillRect(laneRect, QColor(0xf5, 0xf6, 0xf8));
        p.setPen(QColor(0x37, 0x41, 0x51));
        p.drawText(QRect(area.left() + 4, laneRect.top(), labelWidth - 8, laneHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   QStringLiteral("%1 %2").arg(m_lanes[lane], Dictionary::alarmDisplayName(m_lanes[lane])));
    }
    p.setClipRect(r);
    for (const auto &s : m_spans) {
        const int lane = int(m_lanes.indexOf(s.type));
        const QColor colour = colourFor(s.type, s.critical);
        const int top = r.top() + lane * laneHeight + 4;
        const int x0 = xFor(s.start, r);
        const int x1 = std::max(x0 + 3, xFor(s.end ? s.end : m_now, r));
        p.fillRect(QRect(x0, top, x1 - x0, laneHeight - 8), s.end ? colour.lighter(125) : colour);
        if (!s.end) { // still active: a hard right edge at "now"
            p.fillRect(QRect(x1 - 2, top - 2, 2, laneHeight - 4), colour.darker(140));
        }
    }
    p.setClipping(false);
    const auto ticks = timeTicks(m_viewport.start(), m_viewport.end(), r.width(), m_time);
    p.setPen(QColor(0x4b, 0x55, 0x63));
    for (const auto &t : ticks) {
        const int x = xFor(t.value, r);
        p.drawLine(x, r.bottom(), x, r.bottom() + 4);
        p.drawText(QRect(x - 60, r.bottom() + 4, 120, axisHeight - 4), Qt::AlignHCenter | Qt::AlignTop, t.label);
    }
    p.setPen(QColor(0xc8, 0xcd, 0xd3));
    p.drawRect(r.adjusted(0, 0, -1, -1));
    p.restore();
}

std::optional<qsizetype> AlarmTimeline::spanAt(const QPoint &pos) const
{
    const QRect r = lanesRect(rect());
    if (!r.contains(pos))
        return std::nullopt;
    const int lane = (pos.y() - r.top()) / laneHeight;
    for (qsizetype i = m_spans.size() - 1; i >= 0; --i) {
        const auto &s = m_spans[i];
        if (m_lanes.indexOf(s.type) != lane)
            continue;
        const int x0 = xFor(s.start, r) - 2;
        const int x1 = std::max(x0 + 5, xFor(s.end ? s.end : m_now, r)) + 2;
        if (pos.x() >= x0 && pos.x() <= x1)
            return i;
    }
    return std::nullopt;
}

void AlarmTimeline::mouseMoveEvent(QMouseEvent *event)
{
    const auto hit = spanAt(event->position().toPoint());
    if (!hit) {
        QToolTip::hideText();
        return;
    }
    const auto &s = m_spans[*hit];
    const auto fmt = [this](qint64 t) { return m_time.formatDateTime(t); };
    QString text = tr("%1 (%2)\nRaised: %3").arg(Dictionary::alarmDisplayName(s.type), s.type, fmt(s.start));
    text += s.end ? tr("\nCancelled by the meter: %1").arg(fmt(s.end)) : tr("\nStill active");
    QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void AlarmTimeline::leaveEvent(QEvent *)
{
    QToolTip::hideText();
}

void AlarmTimeline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        update(); // lane names come from the (re)translated dictionary
    QWidget::changeEvent(event);
}

} // namespace md::timeline
