// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The reading timeline of a meter: the cumulative reading as a line (top pane) and the daily
// consumption as bars (bottom pane) over one time axis. Wheel zooms around the cursor, drag pans,
// double-click (or Home) shows everything, hovering shows the values. Drawn with QPainter from
// min/max-decimated columns, so 87,600 hourly points cost no more than the pixels they cover.

#include "seriesdecimator.h"
#include "timeviewport.h"

#include <QWidget>

#include <optional>

namespace md::timeline {

class ReadingTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit ReadingTimeline(QWidget *parent = nullptr);

    // Cumulative readings in Volume units (0.001 m3). The daily bars are derived from them.
    void setSeries(Series cumulative);
    void setPlatformTime(const PlatformTime &time); // days and labels in the platform zone
    const Series &series() const { return m_cumulative; }
    const Series &daily() const { return m_daily; }
    TimeViewport &viewport() { return m_viewport; }
    // A marked period (a health insight's evidence): a shaded band with its label over both panes,
    // and the view zoomed to it with a margin either side. An empty range clears it.
    void setHighlight(qint64 from, qint64 to, const QString &label);
    struct Highlight
    {
        qint64 from = 0, to = 0;
        QString label;
    };
    const std::optional<Highlight> &highlight() const { return m_highlight; }

    // Paints the whole timeline into `area` of any paint device (the widget, a QImage, a PDF page).
    void render(QPainter &painter, const QRect &area) const;
    // Where the line pane lies inside `area` (for tests that read pixels back).
    QRect linePane(const QRect &area) const;
    QRect barPane(const QRect &area) const;

    QSize sizeHint() const override { return {900, 360}; }
    QSize minimumSizeHint() const override { return {320, 180}; }

signals:
    void viewportChanged(qint64 start, qint64 end);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    qint64 timeAt(int x, const QRect &pane) const;
    void drawLinePane(QPainter &p, const QRect &pane) const;
    void drawBarPane(QPainter &p, const QRect &pane) const;
    void drawTimeAxis(QPainter &p, const QRect &pane, int baseline) const;
    void drawHover(QPainter &p, const QRect &area) const;
    void drawHighlight(QPainter &p, const QRect &line, const QRect &bars) const;
    void showHighlight();
    void notifyViewport();

    Series m_cumulative;
    Series m_daily;
    TimeViewport m_viewport;
    PlatformTime m_time;
    std::optional<int> m_hoverX;
    std::optional<Highlight> m_highlight;
    std::optional<int> m_dragX;
};

} // namespace md::timeline
