// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The console's main window: it only assembles. A navigation list on the left switches between the
// pages (Overview, Meters, Alarms, Commands, Journal), each a ConsoleView that owns its one job; the
// red banner for unacknowledged critical alarms sits above them; the status bar shows listener,
// platform, pending commands and active alarms. Meter details open in their own windows.

#include "ui/widgets/statuspanel.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QListWidget;
class QMenu;
class QStackedWidget;
class QSystemTrayIcon;

namespace md {

class AlarmBanner;
class FirstRunGuide;
class TableExportJob;
class AlarmsView;
class CommandsView;
class HealthView;
class ReconciliationView;
class ConsoleContext;
class ConsoleView;
class JournalView;
class MeterDetailWindow;
class MetersView;
class OverviewView;
struct AlarmRow;
struct OverviewStats;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page { OverviewPage, MetersPage, AlarmsPage, CommandsPage, JournalPage, HealthPage, ReconciliationPage, PageCount };

    explicit MainWindow(ConsoleContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    ConsoleContext *context() const { return m_context; }
    void showPage(Page page);
    Page currentPage() const;
    MeterDetailWindow *openMeter(const QString &meterNo);
    MeterDetailWindow *meterWindow(const QString &meterNo) const;

    OverviewView *overviewView() const { return m_overview; }
    MetersView *metersView() const { return m_meters; }
    AlarmsView *alarmsView() const { return m_alarms; }
    CommandsView *commandsView() const { return m_commands; }
    JournalView *journalView() const { return m_journal; }
    HealthView *healthView() const { return m_health; }
    ReconciliationView *reconciliationView() const { return m_reconciliation; }
    AlarmBanner *alarmBanner() const { return m_banner; }
    StatusPanel *statusPanel() const { return m_status; }
    QMenu *settingsMenu() const { return m_settingsMenu; }
    FirstRunGuide *firstRunGuide() const { return m_firstRun; }
    void showFirstRunGuide(); // a desk without settings: the steps to set it up

    // Writes every row matching the current page's filter to `path` off the GUI thread, with a
    // progress dialog that can cancel; the export is journaled (desk/export) with the operator.
    TableExportJob *exportCurrentTable(const QString &path);

public slots:
    void setListenerStatus(const md::ListenerStatus &status);
    void setPlatformReachability(md::PlatformReachability reachability);

signals:
    void openDatabaseRequested(const QString &path); // offline review of another database
    // Offline review of this database together with archive files (meterdesk-cli archive).
    void openArchivesRequested(const QStringList &archivePaths);
    void settingsRequested();                        // the settings dialog
    void languageRequested(const QString &code);     // "" system, "en", "zh_CN"
    void closing();                                  // before the window closes: remember its state
    void exportFinished(bool ok, qint64 rows);
    void demoRequested();                            // "Try the demo" in the first-run guide

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void retranslateUi();
    void addView(ConsoleView *view);
    void onAlarmsChanged(const QList<qint64> &newCriticalAlarmIds);
    void raiseCritical(const AlarmRow &alarm, bool notify);
    // Every active unacknowledged critical alarm onto the banner (those already there stay as they
    // are); notify: alert the operator for the ones that are new to it.
    void loadUnacknowledgedCritical(bool notify = false);
    void onStats(const OverviewStats &stats);
    void exportTable();
    void meterReport();
    void importMeters();
    void openDatabase();
    void openArchives();
    void about();

    ConsoleContext *m_context;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    AlarmBanner *m_banner;
    FirstRunGuide *m_firstRun;
    StatusPanel *m_status;
    OverviewView *m_overview;
    MetersView *m_meters;
    AlarmsView *m_alarms;
    CommandsView *m_commands;
    JournalView *m_journal;
    HealthView *m_health;
    ReconciliationView *m_reconciliation;
    QList<ConsoleView *> m_views;
    QHash<QString, QPointer<MeterDetailWindow>> m_details;
    QSystemTrayIcon *m_tray = nullptr;
    ListenerStatus m_listener;

    QMenu *m_fileMenu, *m_viewMenu, *m_settingsMenu, *m_languageMenu, *m_helpMenu;
    QAction *m_openDb, *m_openArchive, *m_import, *m_export, *m_report, *m_quit;
    QAction *m_find, *m_refresh;
    QList<QAction *> m_pageActions;
    QAction *m_settingsAction;
    QAction *m_langSystem, *m_langEnglish, *m_langChinese;
    QAction *m_aboutAction;
};

} // namespace md
