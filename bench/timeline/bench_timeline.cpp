// SPDX-License-Identifier: GPL-3.0-or-later
// Time to draw a reading timeline of 87,600 points (ten years of hourly readings) at 1600x400, whole
// range and zoomed, into a QImage (the same render() the widget's paintEvent calls). Prints numbers.
//   bench_timeline [points] [iterations]
#include "ui/timeline/readingtimeline.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTextStream>

#include <algorithm>

using namespace md::timeline;

static double medianMs(QList<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    return ns[ns.size() / 2] / 1e6;
}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int points = argc > 1 ? atoi(argv[1]) : 87600;
    const int iterations = argc > 2 ? atoi(argv[2]) : 60;

    Series s;
    s.times.reserve(points);
    s.values.reserve(points);
    qint64 v = 0;
    const qint64 t0 = 1420041600; // 2015-01-01 +08:00
    for (int i = 0; i < points; ++i) {
        const int hour = i % 24;
        v += (hour == 7 || hour == 19) ? 420 : (hour > 6 && hour < 23 ? 60 : 5);
        s.times.append(t0 + qint64(i) * 3600);
        s.values.append(v);
    }
    ReadingTimeline w;
    QElapsedTimer timer;
    timer.start();
    w.setSeries(s);
    const double setMs = timer.nsecsElapsed() / 1e6;

    QImage image(1600, 400, QImage::Format_ARGB32_Premultiplied);
    auto drawOnce = [&] {
        QPainter p(&image);
        QElapsedTimer t;
        t.start();
        w.render(p, image.rect());
        return t.nsecsElapsed();
    };
    QList<qint64> whole, zoomed;
    for (int i = 0; i < iterations; ++i)
        whole.append(drawOnce());
    w.viewport().zoom(0.05, s.times[points / 2]);
    for (int i = 0; i < iterations; ++i)
        zoomed.append(drawOnce());

    QTextStream out(stdout);
    out << "points=" << points << " size=1600x400 iterations=" << iterations << "\n";
    out << "setSeries (daily bars) ms=" << QString::number(setMs, 'f', 2) << "\n";
    out << "draw whole range median ms=" << QString::number(medianMs(whole), 'f', 2)
        << " max ms=" << QString::number(*std::max_element(whole.begin(), whole.end()) / 1e6, 'f', 2) << "\n";
    out << "draw zoomed 5% median ms=" << QString::number(medianMs(zoomed), 'f', 2) << "\n";
    out << "target: < 16 ms per draw\n";
    return 0;
}
