// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The alarm timeline of a meter: one lane per alarm type, active spans as bars (open spans run to
// "now"), single events as ticks, a colour per type and the dictionary name on hover. Critical
// types (gas leak) are drawn in red whatever their lane.

#include "timeviewport.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

#include <optional>

namespace md::timeline {

struct AlarmSpan
{
    QString type;         // "1002"
    qint64 start = 0;     // raised at
    qint64 end = 0;       // cancelled at; 0 while still active
    bool critical = false;
    bool acknowledged = false;
};

class AlarmTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit AlarmTimeline(QWidget *parent = nullptr);

    void setSpans(QList<AlarmSpan> spans, qint64 now);
    void setPlatformTime(const PlatformTime &time) { m_time = time; update(); }
    // Follows another timeline's zoom and pan (the reading timeline above it).
    void setVisibleRange(qint64 start, qint64 end);
    TimeViewport &viewport() { return m_viewport; }
    QStringList lanes() const { return m_lanes; }

    void render(QPainter &painter, const QRect &area) const;
    static QColor colourFor(const QString &type, bool critical);

    QSize sizeHint() const override { return {900, 40 + 26 * int(qMax<qsizetype>(2, m_lanes.size()))}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QRect lanesRect(const QRect &area) const;
    int xFor(qint64 t, const QRect &r) const;
    std::optional<qsizetype> spanAt(const QPoint &pos) const;

    QList<AlarmSpan> m_spans;
    QStringList m_lanes;
    qint64 m_now = 0;
    TimeViewport m_viewport;
    PlatformTime m_time;
};

} // namespace md::timeline
