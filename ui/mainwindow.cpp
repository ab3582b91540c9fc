// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: its pages, the critical-alarm banner, the status bar and the meter windows. The
// menus and what their actions do are in mainwindowmenus.cpp.
#include "mainwindow.h"

#include "ui/firstrun/firstrunguide.h"
#include "ui/models/consolecontext.h"
#include "storage/changefeed.h"
#include "ui/models/display.h"
#include "ui/views/alarmsview.h"
#include "ui/views/commandsview.h"
#include "ui/views/healthview.h"
#include "ui/views/reconciliationview.h"
#include "ui/views/journalview.h"
#include "ui/views/meterdetailwindow.h"
#include "ui/views/metersview.h"
#include "ui/views/overviewview.h"
#include "ui/widgets/alarmbanner.h"

#include "core/dictionary.h"
#include "core/whendone.h"
#include "storage/commandrecord.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace md {

MainWindow::MainWindow(ConsoleContext *context, QWidget *parent) : QMainWindow(parent), m_context(context)
{
    resize(1400, 860);
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_banner = new AlarmBanner(central);
    m_banner->setAcknowledgeEnabled(!context->isReadOnly());
    outer->addWidget(m_banner);
    m_firstRun = new FirstRunGuide(central);
    m_firstRun->setVisible(false);
    outer->addWidget(m_firstRun);

    auto *body = new QHBoxLayout;
    body->setContentsMargins(6, 6, 6, 6);
    m_nav = new QListWidget(central);
    m_nav->setFixedWidth(150);
    m_nav->setSpacing(2);
    QFont navFont = m_nav->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.15);
    m_nav->setFont(navFont);
    m_stack = new QStackedWidget(central);
    body->addWidget(m_nav);
    body->addWidget(m_stack, 1);
    outer->addLayout(body, 1);
    setCentralWidget(central);

    m_overview = new OverviewView(context, m_stack);
    m_meters = new MetersView(context, m_stack);
    m_alarms = new AlarmsView(context, m_stack);
    m_commands = new CommandsView(context, m_stack);
    m_journal = new JournalView(context, m_stack);
    m_health = new HealthView(context, m_stack);
    m_reconciliation = new ReconciliationView(context, m_stack);
    for (ConsoleView *v :
         std::initializer_list<ConsoleView *>{m_overview, m_meters, m_alarms, m_commands, m_journal, m_health, m_reconciliation})
        addView(v);
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_views.size())
            return;
        m_stack->setCurrentIndex(row);
        m_views[row]->activate();
    });

    m_status = new StatusPanel(this);
    m_status->setReadOnly(context->isReadOnly());
    m_status->setOperator(context->settings().operatorIdentity());
    statusBar()->addPermanentWidget(m_status);

    connect(context->changeFeed(), &ChangeFeed::writeHealthChanged, this, [this](bool ok, const QString &detail) {
        m_status->setDatabaseProblem(ok ? QString() : (detail.isEmpty() ? tr("unknown error") : detail));
    });
    connect(m_overview, &OverviewView::statsUpdated, this, &MainWindow::onStats);
    connect(context, &ConsoleContext::openMeterRequested, this, [this](const QString &m) { openMeter(m); });
    connect(m_health, &HealthView::evidenceRequested, this, [this](const QString &m, qint64 from, qint64 to, const QString &label) {
        if (MeterDetailWindow *w = openMeter(m))
            w->showEvidence(from, to, label);
    });
    connect(context->changeFeed(), &ChangeFeed::alarmsChanged, this, [this](const QStringList &meters, const QList<qint64> &ids) {
        if (!ids.isEmpty())
            onAlarmsChanged(ids);
        else if (!meters.isEmpty())
            loadUnacknowledgedCritical(true); // another process's alarms come without ids: look
    });
    connect(context, &ConsoleContext::alarmAcknowledged, this, [this](qint64 id) { m_banner->removeAlarm(id); });
    connect(m_banner, &AlarmBanner::openMeterRequested, this, [this](const QString &m) { openMeter(m); });
    connect(m_banner, &AlarmBanner::acknowledgeRequested, this, [this](qint64 id) {
        m_context->acknowledgeAlarm(id).then(this, [this](Result<bool> r) {
            if (!r.ok())
                statusBar()->showMessage(tr("Could not acknowledge: %1").arg(r.error().detail), 8000);
        });
    });
    connect(m_meters, &MetersView::importRequested, this, &MainWindow::importMeters);
    connect(m_firstRun, &FirstRunGuide::connectRequested, this, &MainWindow::settingsRequested);
    connect(m_firstRun, &FirstRunGuide::portSettingsRequested, this, &MainWindow::settingsRequested);
    connect(m_firstRun, &FirstRunGuide::importRequested, this, &MainWindow::importMeters);
    connect(m_firstRun, &FirstRunGuide::demoRequested, this, &MainWindow::demoRequested);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning), this);
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }

    buildMenus();
    retranslateUi();
    m_nav->setCurrentRow(OverviewPage);
    m_meters->activate(); // the registry's first page loads in the background right away
    loadUnacknowledgedCritical();
}

MainWindow::~MainWindow()
{
    for (const auto &w : std::as_const(m_details))
        if (w)
            w->close();
}

void MainWindow::addView(ConsoleView *view)
{
    m_views.append(view);
    m_stack->addWidget(view);
    m_nav->addItem(QString());
    connect(view, &ConsoleView::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
}

void MainWindow::showFirstRunGuide()
{
    m_firstRun->setVisible(true);
    m_firstRun->connectButton()->setFocus();
}

void MainWindow::showPage(Page page)
{
    m_nav->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_stack->currentIndex());
}

MeterDetailWindow *MainWindow::meterWindow(const QString &meterNo) const
{
    return m_details.value(meterNo);
}

MeterDetailWindow *MainWindow::openMeter(const QString &meterNo)
{
    if (meterNo.isEmpty())
        return nullptr;
    QPointer<MeterDetailWindow> w = m_details.value(meterNo);
    if (!w) {
        w = new MeterDetailWindow(m_context, meterNo, this);
        m_details.insert(meterNo, w);
    }
    w->show();
    w->raise();
    w->activateWindow();
    return w;
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    emit closing();
    for (const auto &w : std::as_const(m_details))
        if (w)
            w->close();
    QMainWindow::closeEvent(event);
}

void MainWindow::setListenerStatus(const ListenerStatus &status)
{
    m_listener = status;
    m_status->setListener(status, display::dateTime(m_context->time(), status.lastUploadAt));
}

void MainWindow::setPlatformReachability(PlatformReachability reachability)
{
    m_status->setPlatform(reachability);
}

void MainWindow::onStats(const OverviewStats &stats)
{
    qint64 alarms = 0, critical = 0;
    for (auto it = stats.activeAlarmsByType.cbegin(); it != stats.activeAlarmsByType.cend(); ++it) {
        alarms += it.value();
        if (Dictionary::isCriticalAlarm(it.key()))
            critical += it.value();
    }
    m_status->setActiveAlarms(alarms, critical);
    m_status->setPendingCommands(stats.commandsByState.value(commandStateName(CommandState::Queued))
                                 + stats.commandsByState.value(commandStateName(CommandState::Sent)));
}

void MainWindow::loadUnacknowledgedCritical(bool notify)
{
    AlarmFilter f;
    f.activeOnly = true;
    f.criticalOnly = true;
    f.unacknowledgedOnly = true;
    f.limit = 50;
    whenDone(m_context->query([f](const Store &s) { return s.alarms(f); }), this, [this, notify](Result<QList<AlarmRow>> r) {
        if (!r.ok())
            return;
        auto rows = *r;
        std::sort(rows.begin(), rows.end(), [](const AlarmRow &a, const AlarmRow &b) { return a.openedAt < b.openedAt; });
        for (const auto &a : rows)
            raiseCritical(a, notify);
    });
}

void MainWindow::onAlarmsChanged(const QList<qint64> &newCriticalAlarmIds)
{
    if (newCriticalAlarmIds.isEmpty())
        return;
    const QList<qint64> ids = newCriticalAlarmIds;
    whenDone(m_context->query([ids](const Store &s) {
        QList<AlarmRow> rows;
        for (qint64 id : ids)
            if (auto r = s.alarm(id); r.ok() && r->has_value())
                rows.append(**r);
        return rows;
    }), this, [this](QList<AlarmRow> rows) {
        for (const auto &a : rows)
            if (a.active && a.acknowledgedAt == 0)
                raiseCritical(a, true);
    });
}

void MainWindow::raiseCritical(const AlarmRow &alarm, bool notify)
{
    if (m_banner->contains(alarm.id))
        return;
    m_banner->addAlarm(alarm, display::dateTime(m_context->time(), alarm.openedAt));
    if (!notify)
        return;
    QApplication::alert(this);
    if (m_tray)
        m_tray->showMessage(tr("%1 at meter %2").arg(Dictionary::alarmDisplayName(alarm.alarmType), alarm.meterNo),
                            tr("Raised %1. Open MeterDesk and acknowledge it.")
                                .arg(display::dateTime(m_context->time(), alarm.openedAt)),
                            QSystemTrayIcon::Critical, 0);
}

} // namespace md
