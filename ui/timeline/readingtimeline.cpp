// SPDX-License-Identifier: GPL-3.0-or-later
#include "readingtimeline.h"

#include "core/fixeddecimal.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace md::timeline {
namespace {

constexpr int leftMargin = 78;
constexpr int rightMargin = 12;
constexpr int topMargin = 10;
constexpr int axisHeight = 22;
constexpr int paneGap = 10;

const QColor lineColour(0x2b, 0x6c, 0xb0);
const QColor barColour(0x3a, 0x9d, 0x8f);
const QColor gridColour(0xe3, 0xe6, 0xea);

int yFor(qint64 v, const Extremes &e, const QRect &pane)
{
    if (e.max == e.min)
        return pane.center().y();
    return pane.bottom() - int(double(v - e.min) / double(e.max - e.min) * pane.height() + 0.5);
}

} // namespace

ReadingTimeline::ReadingTimeline(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ReadingTimeline::setSeries(Series cumulative)
{
    m_cumulative = std::move(cumulative);
    m_daily = dailyConsumption(m_cumulative, m_time);
    if (!m_cumulative.isEmpty())
        m_viewport.setBounds(m_cumulative.times.first(), m_cumulative.times.last());
    else
        m_viewport = TimeViewport();
    showHighlight();
    update();
    notifyViewport();
}

void ReadingTimeline::setHighlight(qint64 from, qint64 to, const QString &label)
{
    if (to < from || (from == 0 && to == 0))
        m_highlight.reset();
    else
        m_highlight = Highlight{from, to, label};
    showHighlight();
    update();
    notifyViewport();
}

void ReadingTimeline::showHighlight()
{
    if (!m_highlight || !m_viewport.isValid())
        return;
    const qint64 margin = std::max<qint64>((m_highlight->to - m_highlight->from) / 2, 86400);
    m_viewport.showRange(m_highlight->from - margin, m_highlight->to + margin);
}

void ReadingTimeline::drawHighlight(QPainter &p, const QRect &line, const QRect &bars) const
{
    if (!m_highlight || !m_viewport.isValid() || m_highlight->to < m_viewport.start() || m_highlight->from > m_viewport.end())
        return;
    auto xOf = [&](qint64 at) {
        const qint64 t = std::clamp(at, m_viewport.start(), m_viewport.end());
        return line.left() + int(double(t - m_viewport.start()) / m_viewport.span() * (line.width() - 1));
    };
    const int x0 = xOf(m_highlight->from);
    const int x1 = std::max(xOf(m_highlight->to), x0 + 2);
    const QRect band(x0, line.top(), x1 - x0, bars.bottom() - line.top());
    p.save();
    p.fillRect(band, QColor(245, 158, 11, 60));
    p.setPen(QPen(QColor(217, 119, 6), 1, Qt::DashLine));
    p.drawLine(band.topLeft(), band.bottomLeft());
    p.drawLine(band.topRight(), band.bottomRight());
    p.setPen(QColor(146, 64, 14));
    p.drawText(QRect(band.left() + 4, line.top() + 18, std::max(band.width(), 240), 16), Qt::AlignLeft, m_highlight->label);
    p.restore();
}

void ReadingTimeline::setPlatformTime(const PlatformTime &time)
{
    m_time = time;
    m_daily = dailyConsumption(m_cumulative, m_time);
    update();
}

QRect ReadingTimeline::linePane(const QRect &area) const
{
    const int usable = area.height() - topMargin - axisHeight - paneGap;
    const int lineHeight = usable * 62 / 100;
    return QRect(area.left() + leftMargin, area.top() + topMargin, area.width() - leftMargin - rightMargin,
                 lineHeight);
}

QRect ReadingTimeline::barPane(const QRect &area) const
{
    const QRect line = linePane(area);
    const int top = line.bottom() + paneGap;
    const int bottom = area.bottom() - axisHeight;
    return QRect(line.left(), top, line.width(), std::max(10, bottom - top));
}

void ReadingTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    render(p, rect());
}

void ReadingTimeline::render(QPainter &p, const QRect &area) const
{
    p.save();
    p.fillRect(area, Qt::white);
    p.setRenderHint(QPainter::Antialiasing, false);
    if (m_cumulative.isEmpty() || !m_viewport.isValid()) {
        p.setPen(QColor(0x6b, 0x72, 0x80));
        p.drawText(area, Qt::AlignCenter, tr("No readings in this period"));
        p.restore();
        return;
    }
    const QRect line = linePane(area);
    const QRect bars = barPane(area);
    drawLinePane(p, line);
    drawBarPane(p, bars);
    drawTimeAxis(p, QRect(line.left(), line.top(), line.width(), bars.bottom() - line.top()), bars.bottom());
    drawHighlight(p, line, bars);
    if (m_hoverX && p.device() == this) // hover belongs on screen, not in a PDF
        drawHover(p, area);
    p.restore();
}

void ReadingTimeline::drawLinePane(QPainter &p, const QRect &pane) const
{
    Extremes e = extremes(m_cumulative, m_viewport.start(), m_viewport.end());
    const auto columns = decimate(m_cumulative, m_viewport.start(), m_viewport.end(), pane.width());
    for (const auto &c : columns) { // the neighbours outside the range shape the scale too
        if (!e.valid)
            e = Extremes{c.min, c.max, true};
        e.min = std::min(e.min, c.min);
        e.max = std::max(e.max, c.max);
    }
    const auto ticks = valueTicks(e.min, e.max, pane.height(), Volume::decimals);
    p.setFont(font());
    for (const auto &t : ticks) {
        const int y = yFor(t.value, e, pane);
        p.setPen(gridColour);
        p.drawLine(pane.left(), y, pane.right(), y);
        p.setPen(QColor(0x4b, 0x55, 0x63));
        p.drawText(QRect(pane.left() - leftMargin, y - 8, leftMargin - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                   t.label);
    }
    p.setPen(QColor(0x4b, 0x55, 0x63));
    p.drawText(QRect(pane.left() + 4, pane.top(), pane.width(), 16), Qt::AlignLeft,
               tr("Cumulative reading (m³)"));

    // One vertical stroke per column (min..max) joined to its neighbours: every extreme stays visible.
    QPainterPath path;
    bool started = false;
    p.setClipRect(pane.adjusted(0, -1, 0, 1));
    for (const auto &c : columns) {
        const int x = pane.left() + c.x;
        const int yFirst = yFor(c.first, e, pane);
        if (!started) {
            path.moveTo(x, yFirst);
            started = true;
        } else {
            path.lineTo(x, yFirst);
        }
        if (c.min != c.max) {
            path.lineTo(x, yFor(c.min, e, pane));
            path.lineTo(x, yFor(c.max, e, pane));
        }
        path.lineTo(x, yFor(c.last, e, pane));
    }
    p.setPen(QPen(lineColour, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setClipping(false);
    p.setPen(QColor(0xc8, 0xcd, 0xd3));
    p.drawRect(pane.adjusted(0, 0, -1, -1));
}

void ReadingTimeline::drawBarPane(QPainter &p, const QRect &pane) const
{
    // Bars per pixel column: when more days than pixels are visible, a column shows its largest day.
    const auto columns = decimate(m_daily, m_viewport.start(), m_viewport.end(), pane.width());
    qint64 maxDay = 0;
    for (const auto &c : columns)
        maxDay = std::max(maxDay, c.max);
    const double pixelsPerDay = pane.width() * 86400.0 / double(m_viewport.span());
    const int barWidth = std::clamp(int(pixelsPerDay * 0.7), 1, 40);
    p.setPen(QColor(0x4b, 0x55, 0x63));
    p.drawText(QRect(pane.left() + 4, pane.top(), pane.width(), 16), Qt::AlignLeft,
               tr("Daily consumption (m³), largest: %1").arg(Volume::fromUnits(maxDay).format(3)));
    p.drawText(QRect(pane.left() - leftMargin, pane.bottom() - 16, leftMargin - 6, 16),
               Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    p.setClipRect(pane);
    if (maxDay > 0) {
        for (const auto &c : columns) {
            // Bars are stamped at local midnight: centre them on the day they describe.
            const int x = pane.left() + c.x + int(pixelsPerDay / 2);
            const int h = int(double(c.max) / double(maxDay) * (pane.height() - 18) + 0.5);
            p.fillRect(QRect(x - barWidth / 2, pane.bottom() - h + 1, barWidth, h), barColour);
        }
    }
    p.setClipping(false);
    p.setPen(QColor(0xc8, 0xcd, 0xd3));
    p.drawRect(pane.adjusted(0, 0, -1, -1));
}

void ReadingTimeline::drawTimeAxis(QPainter &p, const QRect &pane, int baseline) const
{
    const auto ticks = timeTicks(m_viewport.start(), m_viewport.end(), pane.width(), m_time);
    for (const auto &t : ticks) {
        const int x = pane.left() + int(double(t.value - m_viewport.start()) / m_viewport.span() * (pane.width() - 1));
        p.setPen(gridColour);
        p.drawLine(x, pane.top(), x, baseline);
        p.setPen(QColor(0x4b, 0x55, 0x63));
        p.drawText(QRect(x - 60, baseline + 3, 120, axisHeight - 4), Qt::AlignHCenter | Qt::AlignTop, t.label);
    }
}

void ReadingTimeline::drawHover(QPainter &p, const QRect &area) const
{
    const QRect pane = linePane(area);
    const qint64 t = timeAt(*m_hoverX, pane);
    qsizetype i = lowerBound(m_cumulative.times, t);
    if (i >= m_cumulative.size())
        i = m_cumulative.size() - 1;
    if (i > 0 && t - m_cumulative.times[i - 1] < m_cumulative.times[i] - t)
        --i;
    const qint64 at = m_cumulative.times[i];
    const int x = pane.left() + int(double(at - m_viewport.start()) / m_viewport.span() * (pane.width() - 1));
    p.setPen(QPen(QColor(0x9c, 0xa3, 0xaf), 1, Qt::DashLine));
    p.drawLine(x, pane.top(), x, barPane(area).bottom());

    QString text = tr("%1\nReading: %2 m³")
                       .arg(m_time.formatDateTime(at),
                            Volume::fromUnits(m_cumulative.values[i]).format(3));
    const qint64 dayStart = m_time.startOfDay(m_time.dateOf(at));
    const qsizetype d = lowerBound(m_daily.times, dayStart);
    if (d < m_daily.size() && m_daily.times[d] == dayStart)
        text += tr("\nThat day: %1 m³").arg(Volume::fromUnits(m_daily.values[d]).format(3));
    const QRect box = p.fontMetrics().boundingRect(QRect(0, 0, 400, 200), Qt::AlignLeft, text).adjusted(-6, -4, 6, 4);
    QRect placed = box.translated(x + 10 - box.left(), pane.top() + 10 - box.top());
    if (placed.right() > area.right())
        placed.moveRight(x - 10);
    p.setPen(QColor(0xc8, 0xcd, 0xd3));
    p.setBrush(QColor(255, 255, 255, 235));
    p.drawRect(placed);
    p.setPen(QColor(0x1f, 0x29, 0x37));
    p.drawText(placed.adjusted(6, 4, -6, -4), Qt::AlignLeft, text);
}

qint64 ReadingTimeline::timeAt(int x, const QRect &pane) const
{
    const double share = std::clamp(double(x - pane.left()) / std::max(1, pane.width() - 1), 0.0, 1.0);
    return m_viewport.start() + qint64(share * m_viewport.span());
}

void ReadingTimeline::wheelEvent(QWheelEvent *event)
{
    if (!m_viewport.isValid())
        return;
    const double steps = event->angleDelta().y() / 120.0;
    const qint64 anchor = timeAt(int(event->position().x()), linePane(rect()));
    m_viewport.zoom(std::pow(0.8, steps), anchor);
    update();
    notifyViewport();
    event->accept();
}

void ReadingTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_dragX = int(event->position().x());
}

void ReadingTimeline::mouseMoveEvent(QMouseEvent *event)
{
    const int x = int(event->position().x());
    if (m_dragX && m_viewport.isValid()) {
        const QRect pane = linePane(rect());
        m_viewport.pan(qint64(double(*m_dragX - x) / std::max(1, pane.width()) * m_viewport.span()));
        m_dragX = x;
        notifyViewport();
    }
    m_hoverX = linePane(rect()).contains(x, linePane(rect()).center().y()) ? std::optional<int>(x) : std::nullopt;
    update();
}

void ReadingTimeline::mouseReleaseEvent(QMouseEvent *)
{
    m_dragX.reset();
}

void ReadingTimeline::mouseDoubleClickEvent(QMouseEvent *)
{
    m_viewport.reset();
    update();
    notifyViewport();
}

void ReadingTimeline::keyPressEvent(QKeyEvent *event)
{
    const qint64 middle = m_viewport.start() + m_viewport.span() / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_viewport.zoom(0.5, middle);
        break;
    case Qt::Key_Minus:
        m_viewport.zoom(2.0, middle);
        break;
    case Qt::Key_Left:
        m_viewport.pan(-m_viewport.span() / 4);
        break;
    case Qt::Key_Right:
        m_viewport.pan(m_viewport.span() / 4);
        break;
    case Qt::Key_Home:
        m_viewport.reset();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
    notifyViewport();
}

void ReadingTimeline::leaveEvent(QEvent *)
{
    m_hoverX.reset();
    update();
}

void ReadingTimeline::notifyViewport()
{
    emit viewportChanged(m_viewport.start(), m_viewport.end());
}

} // namespace md::timeline
