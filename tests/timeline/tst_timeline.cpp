// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline widgets: decimation keeps every extreme, daily bars come from the cumulative reading,
// zoom and pan stay inside the data, and a known series renders with its extremes where they belong.
#include "ui/timeline/alarmtimeline.h"
#include "ui/timeline/readingtimeline.h"
#include "ui/timeline/seriesdecimator.h"
#include "ui/timeline/timeviewport.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace md::timeline;

namespace {

constexpr qint64 t2024 = 1704038400; // 2024-01-01 00:00:00 +08:00

// Hourly cumulative readings growing by `perHour` units, with one hour's jump of `spike`.
Series hourly(int hours, qint64 perHour, int spikeAt = -1, qint64 spike = 0)
{
    Series s;
    qint64 v = 0;
    for (int h = 0; h < hours; ++h) {
        v += perHour + (h == spikeAt ? spike : 0);
        s.times.append(t2024 + h * 3600);
        s.values.append(v);
    }
    return s;
}

bool isLineColour(QRgb c)
{
    return qBlue(c) > 150 && qRed(c) < 120 && qGreen(c) < 160; // the reading line's blue
}

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT
private slots:
    void decimationKeepsExtremes_data()
    {
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("width");
        QTest::newRow("fewer points than pixels") << 200 << 800;
        QTest::newRow("ten years hourly") << 87600 << 1500;
        QTest::newRow("one pixel") << 5000 << 1;
    }
    void decimationKeepsExtremes()
    {
        QFETCH(int, points);
        QFETCH(int, width);
        Series s;
        for (int i = 0; i < points; ++i) { // a saw with one deep dip and one high peak
            s.times.append(t2024 + i * 3600);
            s.values.append((i % 97) * 10 + (i == points / 3 ? 100000 : 0) - (i == points / 2 ? 50000 : 0));
        }
        const auto columns = decimate(s, s.times.first(), s.times.last(), width);
        QVERIFY(columns.size() <= width + 2);
        qint64 mn = columns.first().min, mx = columns.first().max;
        for (const auto &c : columns) {
            mn = std::min(mn, c.min);
            mx = std::max(mx, c.max);
            QVERIFY(c.x >= 0 && c.x < width);
        }
        const Extremes e = extremes(s, s.times.first(), s.times.last());
        QCOMPARE(mn, e.min);
        QCOMPARE(mx, e.max);
        QCOMPARE(e.max, qint64(((points / 3) % 97) * 10 + 100000)); // the peak survives
        QVERIFY(e.min <= -50000 + 960);                               // and so does the dip
    }

    void dailyConsumptionFromCumulative()
    {
        // Three days of hourly readings at 1 unit/hour: first day has no previous day, so two bars.
        const Series s = hourly(72, 1000);
        const Series days = dailyConsumption(s, md::PlatformTime());
        QCOMPARE(days.size(), 2);
        QCOMPARE(days.values[0], qint64(24 * 1000));
        QCOMPARE(days.values[1], qint64(24 * 1000));
        QCOMPARE(days.times[0], t2024 + 86400); // local midnight of the second day
    }

    void dailyConsumptionIgnoresMeterReset()
    {
        Series s = hourly(48, 1000);
        for (int h = 30; h < 48; ++h)
            s.values[h] -= 40000; // meter replaced: the cumulative reading falls
        QCOMPARE(dailyConsumption(s, md::PlatformTime()).size(), 0);
    }

    void viewportZoomAndPanStayInside()
    {
        TimeViewport v;
        v.setBounds(0, 1000000);
        v.zoom(0.5, 250000);
        QCOMPARE(v.span(), qint64(500000));
        QCOMPARE(v.start(), qint64(125000));
        v.pan(-10000000);
        QCOMPARE(v.start(), qint64(0));
        QCOMPARE(v.span(), qint64(500000));
        v.zoom(1e-9, 100);
        QCOMPARE(v.span(), TimeViewport::minimumSpan);
        v.zoom(1000, 0);
        QCOMPARE(v.start(), qint64(0));
        QCOMPARE(v.end(), qint64(1000000));
    }

    void valueTicksUseRoundSteps()
    {
        const auto ticks = valueTicks(0, 10000, 400, 3); // 0..10 m3
        QVERIFY(ticks.size() >= 2);
        QCOMPARE(ticks.first().label, QStringLiteral("0"));
        for (const auto &t : ticks)
            QVERIFY(t.value % 1000 == 0 || t.value % 500 == 0 || t.value % 200 == 0);
    }

    void readingTimelineRendersExtremesAtPaneEdges()
    {
        ReadingTimeline w;
        // A month of hourly readings; the cumulative line runs from its minimum (first point) to its
        // maximum (last point): those must touch the line pane's bottom and top edges.
        w.setSeries(hourly(24 * 30, 500, 24 * 15, 200000));
        QImage image(1000, 400, QImage::Format_RGB32);
        QPainter painter(&image);
        const QRect area = image.rect();
        w.render(painter, area);
        painter.end();
        const QRect pane = w.linePane(area);
        int top = INT_MAX, bottom = -1, xAtTop = -1;
        for (int y = pane.top(); y <= pane.bottom(); ++y)
            for (int x = pane.left() + 1; x < pane.right(); ++x)
                if (isLineColour(image.pixel(x, y))) {
                    if (y < top) {
                        top = y;
                        xAtTop = x;
                    }
                    bottom = std::max(bottom, y);
                }
        QVERIFY2(top != INT_MAX, "the reading line was not drawn");
        QVERIFY2(qAbs(top - pane.top()) <= 2, qPrintable(QString::number(top - pane.top())));
        QVERIFY2(qAbs(bottom - pane.bottom()) <= 2, qPrintable(QString::number(bottom - pane.bottom())));
        // The maximum is the last point: the line reaches the top only at the right end (within the
        // last few hours, which share the top pixel rows).
        QVERIFY2(xAtTop > pane.right() - pane.width() / 20,
                 qPrintable(QStringLiteral("top at x %1, pane %2..%3").arg(xAtTop).arg(pane.left()).arg(pane.right())));
        // The spike day shows as the tallest bar near the middle of the bar pane.
        const QRect bars = w.barPane(area);
        int tallestX = -1, tallest = 0;
        for (int x = bars.left() + 1; x < bars.right(); ++x) {
            int h = 0;
            for (int y = bars.bottom() - 1; y > bars.top() && qGreen(image.pixel(x, y)) > 140
                                               && qRed(image.pixel(x, y)) < 100;
                 --y)
                ++h;
            if (h > tallest) {
                tallest = h;
                tallestX = x;
            }
        }
        QVERIFY(tallest > bars.height() / 2);
        QVERIFY2(qAbs(tallestX - (bars.left() + bars.width() / 2)) < bars.width() / 10,
                 qPrintable(QString::number(tallestX)));
    }

    void emptyTimelineSaysSo()
    {
        ReadingTimeline w;
        QImage image(400, 200, QImage::Format_RGB32);
        QPainter painter(&image);
        w.render(painter, image.rect());
        painter.end();
        bool anyDark = false;
        for (int y = 0; y < image.height() && !anyDark; ++y)
            for (int x = 0; x < image.width(); ++x)
                anyDark |= qGray(image.pixel(x, y)) < 160;
        QVERIFY(anyDark); // the "no readings" text
    }

    void alarmTimelineLanesAndCriticalColour()
    {
        AlarmTimeline w;
        w.setSpans({{QStringLiteral("3001"), t2024, t2024 + 86400, false, false},
                    {QStringLiteral("1002"), t2024 + 3 * 86400, 0, true, false},
                    {QStringLiteral("3001"), t2024 + 5 * 86400, 0, false, false}},
                   t2024 + 6 * 86400);
        QCOMPARE(w.lanes(), QStringList({QStringLiteral("1002"), QStringLiteral("3001")}));
        QCOMPARE(AlarmTimeline::colourFor(QStringLiteral("1002"), false), QColor(0xd3, 0x2f, 0x2f));
        QImage image(900, 120, QImage::Format_RGB32);
        QPainter painter(&image);
        w.render(painter, image.rect());
        painter.end();
        int red = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                red += image.pixel(x, y) == QColor(0xd3, 0x2f, 0x2f).rgb();
        QVERIFY(red > 100); // the open gas-leak span, from day 3 to now
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
