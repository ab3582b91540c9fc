// SPDX-License-Identifier: GPL-3.0-or-later
#include "barchart.h"

#include <QLocale>
#include <QPainter>

namespace md {

BarChart::BarChart(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void BarChart::setData(QList<QPair<QDate, qint64>> values)
{
    m_values = std::move(values);
    update();
}

void BarChart::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void BarChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QRect r = rect().adjusted(8, 8, -8, -8);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    p.setPen(palette().color(QPalette::Text));
    p.drawText(r.left(), r.top() + fm.ascent(), m_title);
    const QRect plot = r.adjusted(0, fm.height() + 6, 0, -(fm.height() + 4));
    if (m_values.isEmpty() || plot.width() < 10 || plot.height() < 10) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("No uploads yet"));
        return;
    }
    qint64 maxValue = 1;
    for (const auto &v : m_values)
        maxValue = qMax(maxValue, v.second);
    const int n = int(m_values.size());
    const double slot = double(plot.width()) / n;
    const int barWidth = qMax(2, int(slot * 0.7));
    const QLocale locale;
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    for (int i = 0; i < n; ++i) {
        const auto &[date, value] = m_values[i];
        const int h = int(double(value) / double(maxValue) * (plot.height() - fm.height()));
        const int x = plot.left() + int(i * slot + (slot - barWidth) / 2);
        const QRect bar(x, plot.bottom() - h, barWidth, h);
        p.fillRect(bar, QColor(0x2f, 0x6f, 0xb3));
        p.setPen(palette().color(QPalette::Text));
        if (slot > fm.horizontalAdvance(QStringLiteral("00000")) || i == n - 1 || i % 2 == 0) {
            const QString label = locale.toString(value);
            p.drawText(QRect(x - 20, bar.top() - fm.height(), barWidth + 40, fm.height()), Qt::AlignCenter, label);
        }
        if (slot > fm.horizontalAdvance(QStringLiteral("00-00")) || i % 3 == 0 || i == n - 1)
            p.drawText(QRect(x - 20, plot.bottom() + 2, barWidth + 40, fm.height()), Qt::AlignCenter,
                       date.toString(QStringLiteral("MM-dd")));
    }
}

} // namespace md
