// SPDX-License-Identifier: GPL-3.0-or-later
#include "meterreport.h"

#include "meterdetailwindow.h"

#include "ui/models/display.h"
#include "ui/timeline/alarmtimeline.h"
#include "ui/timeline/readingtimeline.h"

#include "core/dictionary.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace md {

namespace {

class PageWriter
{
public:
    PageWriter(QPdfWriter &writer, QPainter &painter) : m_writer(writer), m_p(painter)
    {
        m_width = m_p.viewport().width();
        m_height = m_p.viewport().height();
    }
    int width() const { return m_width; }
    void need(int h)
    {
        if (m_y + h > m_height) {
            m_writer.newPage();
            m_y = 0;
        }
    }
    void heading(const QString &text)
    {
        QFont f = m_p.font();
        f.setPointSizeF(13);
        f.setBold(true);
        need(40);
        m_y += 10;
        m_p.save();
        m_p.setFont(f);
        m_p.drawText(QRect(0, m_y, m_width, 24), Qt::AlignLeft | Qt::AlignVCenter, text);
        m_p.restore();
        m_y += 28;
    }
    void row(const QStringList &cells, const QList<int> &widths, bool bold = false)
    {
        need(18);
        m_p.save();
        QFont f = m_p.font();
        f.setPointSizeF(8.5);
        f.setBold(bold);
        m_p.setFont(f);
        int x = 0;
        for (int i = 0; i < cells.size() && i < widths.size(); ++i) {
            const int w = widths[i] * m_width / 100;
            m_p.drawText(QRect(x, m_y, w - 4, 16), Qt::AlignLeft | Qt::AlignVCenter,
                         m_p.fontMetrics().elidedText(cells[i], Qt::ElideRight, w - 4));
            x += w;
        }
        m_p.restore();
        m_y += 17;
    }
    QRect block(int h)
    {
        need(h);
        QRect r(0, m_y, m_width, h);
        m_y += h + 8;
        return r;
    }

private:
    QPdfWriter &m_writer;
    QPainter &m_p;
    int m_y = 0;
    int m_width = 0;
    int m_height = 0;
};

} // namespace

bool MeterReport::write(const MeterDetailWindow &window, const PlatformTime &time, const QString &path, QString *error)
{
    const MeterDetailData &d = window.data();
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(96);
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setTitle(QCoreApplication::translate("md::MeterReport", "Meter report %1").arg(d.meterNo));
    writer.setCreator(QStringLiteral("MeterDesk"));
    QPainter p;
    if (!p.begin(&writer)) {
        if (error)
            *error = QCoreApplication::translate("md::MeterReport", "cannot create the PDF file");
        return false;
    }
    PageWriter page(writer, p);
    QFont title = p.font();
    title.setPointSizeF(18);
    title.setBold(true);
    p.setFont(title);
    p.drawText(QRect(0, 0, page.width(), 34), Qt::AlignLeft | Qt::AlignVCenter, QCoreApplication::translate("md::MeterReport", "Meter report %1").arg(d.meterNo));
    QFont normal = p.font();
    normal.setPointSizeF(9);
    normal.setBold(false);
    p.setFont(normal);
    page.block(34);
    p.drawText(page.block(16), Qt::AlignLeft,
               QCoreApplication::translate("md::MeterReport", "Printed %1").arg(time.formatDateTime(QDateTime::currentSecsSinceEpoch())));

    page.heading(QCoreApplication::translate("md::MeterReport", "Summary"));
    const QList<int> kv{25, 75};
    if (d.summary) {
        const auto &r = d.summary->row;
        page.row({QCoreApplication::translate("md::MeterReport", "User"), QStringLiteral("%1 %2").arg(r.userNo, r.userName)}, kv);
        page.row({QCoreApplication::translate("md::MeterReport", "Address"), r.addrDes}, kv);
        page.row({QCoreApplication::translate("md::MeterReport", "Meter type"), r.meterType}, kv);
        page.row({QCoreApplication::translate("md::MeterReport", "Valve"), window.valveText()}, kv);
        page.row({QCoreApplication::translate("md::MeterReport", "Balance (yuan)"), display::money(r.balance)}, kv);
        page.row({QCoreApplication::translate("md::MeterReport", "Reading (m³)"), display::volume(r.lastReading)}, kv);
        page.row({QCoreApplication::translate("md::MeterReport", "Last upload"), display::dateTime(time, r.lastUploadAt)}, kv);
        page.row({QCoreApplication::translate("md::MeterReport", "Battery"), display::battery(r.cellVoltage)}, kv);
        page.row({QCoreApplication::translate("md::MeterReport", "Signal"), r.signalStrength}, kv);
        page.row({QCoreApplication::translate("md::MeterReport", "Active alarms"), window.alarmText()}, kv);
    } else {
        page.row({QCoreApplication::translate("md::MeterReport", "This meter is not registered.")}, {100});
    }

    page.heading(QCoreApplication::translate("md::MeterReport", "Readings"));
    window.readingTimeline()->render(p, page.block(300));
    page.heading(QCoreApplication::translate("md::MeterReport", "Alarm timeline"));
    window.alarmTimeline()->render(p, page.block(qMax(90, 40 + 26 * int(window.alarmTimeline()->lanes().size()))));

    page.heading(QCoreApplication::translate("md::MeterReport", "Alarms"));
    const QList<int> aw{20, 30, 20, 15, 15};
    page.row({QCoreApplication::translate("md::MeterReport", "Raised at"), QCoreApplication::translate("md::MeterReport", "Alarm"), QCoreApplication::translate("md::MeterReport", "Cleared at"), QCoreApplication::translate("md::MeterReport", "Acknowledged by"), QCoreApplication::translate("md::MeterReport", "Acknowledged at")}, aw, true);
    for (const auto &a : d.alarms)
        page.row({display::dateTime(time, a.openedAt), QStringLiteral("%1 %2").arg(a.alarmType, Dictionary::alarmDisplayName(a.alarmType)),
                  a.active ? QCoreApplication::translate("md::MeterReport", "active") : display::dateTime(time, a.closedAt), a.acknowledgedBy,
                  display::dateTime(time, a.acknowledgedAt)}, aw);
    if (d.alarms.isEmpty())
        page.row({QCoreApplication::translate("md::MeterReport", "none")}, {100});

    page.heading(QCoreApplication::translate("md::MeterReport", "Recharges"));
    const QList<int> rw{25, 15, 15, 22, 23};
    page.row({QCoreApplication::translate("md::MeterReport", "Trade No."), QCoreApplication::translate("md::MeterReport", "Recharge quantity"), QCoreApplication::translate("md::MeterReport", "State"), QCoreApplication::translate("md::MeterReport", "Created"), QCoreApplication::translate("md::MeterReport", "Credited")}, rw, true);
    for (const auto &e : d.ledger)
        page.row({e.tradeNo, e.byVolume() ? e.volume.format(3) + QStringLiteral(" m³") : QStringLiteral("¥") + e.amount.format(2), e.cancelled ? QCoreApplication::translate("md::MeterReport", "cancelled") : e.state,
                  display::dateTime(time, e.createdAt), display::dateTime(time, e.creditedAt)}, rw);
    if (d.ledger.isEmpty())
        page.row({QCoreApplication::translate("md::MeterReport", "none")}, {100});
    p.end();
    if (!QFile::exists(path)) {
        if (error)
            *error = QCoreApplication::translate("md::MeterReport", "the PDF file was not written");
        return false;
    }
    return true;
}

} // namespace md
