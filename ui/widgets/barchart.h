// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small bar chart (uploads per day on the overview), painted with QPainter.

#include <QDate>
#include <QList>
#include <QPair>
#include <QWidget>

namespace md {

class BarChart : public QWidget
{
    Q_OBJECT
public:
    explicit BarChart(QWidget *parent = nullptr);
    void setData(QList<QPair<QDate, qint64>> values);
    void setTitle(const QString &title);
    QSize sizeHint() const override { return {520, 220}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<QPair<QDate, qint64>> m_values;
    QString m_title;
};

} // namespace md
