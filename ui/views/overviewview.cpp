// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewview.h"

#include "ui/models/consolecontext.h"
#include "ui/models/display.h"
#include "ui/widgets/barchart.h"

#include "core/dictionary.h"
#include "storage/changefeed.h"
#include "storage/commandrecord.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QMessageBox>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

namespace md {

namespace {
QFrame *tile(QWidget *parent, QLabel *&caption, QLabel *&value)
{
    auto *frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *l = new QVBoxLayout(frame);
    caption = new QLabel(frame);
    value = new QLabel(frame);
    value->setTextFormat(Qt::RichText);
    QFont f = value->font();
    f.setPointSizeF(f.pointSizeF() * 1.9);
    f.setBold(true);
    value->setFont(f);
    l->addWidget(caption);
    l->addWidget(value);
    return frame;
}
} // namespace

OverviewView::OverviewView(ConsoleContext *context, QWidget *parent) : ConsoleView(context, parent)
{
    auto *grid = new QGridLayout(this);
    grid->addWidget(tile(this, m_meterCaption, m_meterValue), 0, 0);
    grid->addWidget(tile(this, m_uploadCaption, m_uploadValue), 0, 1);
    grid->addWidget(tile(this, m_silentCaption, m_silentValue), 0, 2);
    grid->addWidget(tile(this, m_commandCaption, m_commandValue), 0, 3);
    m_commandValue->setFont(m_meterCaption->font());
    m_commandValue->setWordWrap(true);

    auto *alarmFrame = new QFrame(this);
    alarmFrame->setFrameShape(QFrame::StyledPanel);
    auto *al = new QVBoxLayout(alarmFrame);
    m_alarmCaption = new QLabel(alarmFrame);
    QFont bold = m_alarmCaption->font();
    bold.setBold(true);
    m_alarmCaption->setFont(bold);
    m_alarmList = new QLabel(alarmFrame);
    m_alarmList->setTextFormat(Qt::RichText);
    m_alarmList->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    al->addWidget(m_alarmCaption);
    al->addWidget(m_alarmList, 1);
    grid->addWidget(alarmFrame, 1, 0, 1, 1);

    m_chart = new BarChart(this);
    grid->addWidget(m_chart, 1, 1, 1, 3);

    auto *options = new QHBoxLayout;
    m_silentDaysLabel = new QLabel(this);
    m_silentDays = new QSpinBox(this);
    m_silentDays->setRange(1, 365);
    m_silentDays->setValue(3);
    m_silentDaysLabel->setBuddy(m_silentDays);
    options->addWidget(m_silentDaysLabel);
    options->addWidget(m_silentDays);
    options->addStretch(1);
    m_quarantine = new QPushButton(this);
    m_quarantine->setObjectName(QStringLiteral("quarantineButton"));
    m_quarantine->setVisible(false);
    connect(m_quarantine, &QPushButton::clicked, this, &OverviewView::showQuarantine);
    options->addWidget(m_quarantine);
    grid->addLayout(options, 2, 0, 1, 4);
    grid->setRowStretch(1, 1);
    connect(m_silentDays, &QSpinBox::valueChanged, this, [this] {
        m_query.drop(); // a new question
        refresh();
    });

    m_clock.setInterval(30 * 1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_clock.start();
    // Every change refreshes the counts (the status bar shows them even while the page is hidden).
    // The feed has debounced a burst of uploads; while a slow count runs, LatestQuery lets one more
    // wait, never more.
    ChangeFeed *feed = context->changeFeed();
    connect(feed, &ChangeFeed::metersChanged, this, &OverviewView::refresh);
    connect(feed, &ChangeFeed::journalAppended, this, &OverviewView::refresh);
    connect(feed, &ChangeFeed::alarmsChanged, this, &OverviewView::refresh);
    connect(feed, &ChangeFeed::commandsChanged, this, &OverviewView::refresh);
    connect(context, &ConsoleContext::alarmAcknowledged, this, &OverviewView::refresh);
    retranslateUi();
}

void OverviewView::refresh()
{
    OverviewRequest req;
    req.now = m_context->now();
    req.time = m_context->time();
    req.silentDays = m_silentDays->value();
    req.days = 14;
    m_query.run([req](const Store &s) { return s.overview(req); }, [this](Result<OverviewStats> r) {
        if (!r.ok()) {
            emit statusMessage(tr("Overview not available: %1").arg(r.error().detail));
            return;
        }
        m_stats = *r;
        m_loaded = true;
        showStats();
        emit statsUpdated(m_stats);
    });
}

void OverviewView::retranslateUi()
{
    m_meterCaption->setText(tr("Meters"));
    m_uploadCaption->setText(tr("Uploads today"));
    m_silentCaption->setText(tr("Silent meters"));
    m_commandCaption->setText(tr("Commands"));
    m_alarmCaption->setText(tr("Active alarms by type"));
    m_silentDaysLabel->setText(tr("A meter is &silent after this many days without an upload:"));
    m_silentDays->setSuffix(tr(" days"));
    m_chart->setTitle(tr("Uploads per day (last 14 days)"));
    showStats();
}

void OverviewView::showStats()
{
    const QLocale locale;
    if (!m_loaded) {
        for (QLabel *l : {m_meterValue, m_uploadValue, m_silentValue})
            l->setText(QStringLiteral("…"));
        m_commandValue->setText(QStringLiteral("…"));
        m_alarmList->setText(QStringLiteral("…"));
        return;
    }
    m_meterValue->setText(locale.toString(m_stats.meterCount));
    m_uploadValue->setText(locale.toString(m_stats.uploadsToday));
    m_silentValue->setText(locale.toString(m_stats.silentMeters));
    m_silentCaption->setText(tr("Silent > %n day(s)", nullptr, m_silentDays->value()));

    auto stateCount = [this](CommandState s) { return m_stats.commandsByState.value(commandStateName(s)); };
    const qint64 pending = stateCount(CommandState::Queued) + stateCount(CommandState::Sent);
    const qint64 expired = stateCount(CommandState::Expired);
    const qint64 failed = stateCount(CommandState::Failed) + stateCount(CommandState::Rejected)
        + stateCount(CommandState::Unreachable);
    m_commandValue->setText(tr("<b>%1</b> pending<br><b>%2</b> expired<br><b>%3</b> failed or rejected")
                                .arg(locale.toString(pending), locale.toString(expired), locale.toString(failed)));

    if (m_stats.activeAlarmsByType.isEmpty()) {
        m_alarmList->setText(tr("No active alarms."));
    } else {
        QString html = QStringLiteral("<table cellspacing='4'>");
        for (auto it = m_stats.activeAlarmsByType.cbegin(); it != m_stats.activeAlarmsByType.cend(); ++it) {
            const bool critical = Dictionary::isCriticalAlarm(it.key());
            html += QStringLiteral("<tr><td%1>%2 %3</td><td align='right'><b>%4</b></td></tr>")
                        .arg(critical ? QStringLiteral(" style='color:#c62828;font-weight:bold'") : QString(),
                             it.key(), Dictionary::alarmDisplayName(it.key()).toHtmlEscaped(),
                             locale.toString(it.value()));
        }
        html += QStringLiteral("</table>");
        m_alarmList->setText(html);
    }
    m_chart->setData(m_stats.uploadsPerDay);
    // Uploads of meters the registry does not know yet wait in quarantine until they are
    // registered (then the listener replays them): shown only while there are some.
    m_quarantine->setText(tr("%n upload(s) from unregistered meters", nullptr, int(m_stats.quarantinedUploads)));
    m_quarantine->setVisible(m_stats.quarantinedUploads > 0);
}

void OverviewView::showQuarantine()
{
    m_context->query([](const Store &s) { return s.quarantineWaiting(1000); })
        .then(this, [this](Result<QList<QuarantinedRecord>> r) {
            if (!r.ok()) {
                emit statusMessage(tr("Quarantine not available: %1").arg(r.error().detail));
                return;
            }
            QStringList lines;
            for (const QuarantinedRecord &q : r.value())
                lines << QStringLiteral("%1  %2  %3").arg(display::dateTime(m_context->time(), q.receivedAt), q.meterNo, q.uploadName);
            auto *box = new QMessageBox(QMessageBox::Information, tr("Uploads from unregistered meters"),
                                        tr("%n upload(s) wait for their meter to be registered. Import or register "
                                           "the meters and their readings are added to their history automatically.",
                                           nullptr, int(r.value().size())),
                                        QMessageBox::Close, this);
            box->setObjectName(QStringLiteral("quarantineView"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setDetailedText(lines.join(u'\n'));
            box->open();
        });
}

} // namespace md
