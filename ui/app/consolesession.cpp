// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolesession.h"

#include "client/commandservice.h"
#include "client/platformclient.h"
#include "server/uploadlistener.h"
#include "storage/changefeed.h"
#include "storage/store.h"
#include "ui/firstrun/firstrunguide.h"
#include "ui/firstrun/listenererrors.h"
#include "ui/forms/commandlauncher.h"
#include "ui/views/commandsview.h"
#include "ui/views/healthview.h"
#include "ui/mainwindow.h"
#include "ui/models/consolecontext.h"

#include <QDateTime>
#include <QScreen>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>
#include <QStatusBar>

namespace md {

namespace {

// The main window's own size is larger than many counters' screens (1366x768, 1280x800): there it
// starts maximised, or its status bar would lie under the taskbar or off the screen. A saved
// geometry, restored after this, wins.
void fitToScreen(QWidget *window)
{
    const QScreen *screen = window->screen();
    if (!screen)
        return;
    // The frame is unknown before the window is shown: room for a caption and borders.
    const QSize room = screen->availableGeometry().size() - QSize(16, 40);
    if (window->width() > room.width() || window->height() > room.height())
        window->setWindowState(window->windowState() | Qt::WindowMaximized);
}

} // namespace

ConsoleSession::ConsoleSession(std::shared_ptr<Store> store, Settings settings, bool live, QString configPath,
                               QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_settings(std::move(settings)), m_configPath(std::move(configPath))
{
    // One feed of changes for every view of this window: this process's commits and those of the
    // receiver, other consoles and CLI sends on the same database (offline review follows them too).
    m_feed = new ChangeFeed(*m_store, ChangeFeed::Options{}, this);
    connect(m_feed, &ChangeFeed::followFailed, this, [](const QString &detail) {
        qWarning("console: cannot follow other writers yet (retrying): %s", qPrintable(detail));
    });
    m_context = new ConsoleContext(m_store, m_settings, m_feed, this);
    m_window = new MainWindow(m_context);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &QObject::destroyed, this, &ConsoleSession::closed);
    connect(m_window, &MainWindow::openDatabaseRequested, this, &ConsoleSession::openDatabaseRequested);
    connect(m_window, &MainWindow::openArchivesRequested, this, &ConsoleSession::openArchivesRequested);
    if (!m_configPath.isEmpty())
        m_window->healthView()->setConfigPath(m_configPath);
    fitToScreen(m_window);

    if (live && !m_configPath.isEmpty())
        rememberWindowState();

    if (live && !m_store->isReadOnly()) {
        CommandServiceOptions options;
        options.platform = m_settings.platform;
        // Follows the window's feed: results written by the receiver (or a CLI send) finish the
        // commands this console shows.
        m_commands = new CommandService(m_store, options, m_feed, this);
        // The platform is reachable as long as commands get an HTTP answer.
        connect(m_commands, &CommandService::stateChanged, m_window,
                [w = m_window](const QString &, CommandState state, const QString &, const QString &) {
                    if (state == CommandState::Unreachable)
                        w->setPlatformReachability(PlatformReachability::Unreachable);
                    else if (state == CommandState::Sent || state == CommandState::Rejected || state == CommandState::Accepted)
                        w->setPlatformReachability(PlatformReachability::Reachable);
                });
        // The forms: the detail's buttons (actionRequested), cancel / resend in the Commands view,
        // the settings dialog.
        m_launcher = new CommandLauncher(FormContext{m_commands, m_store, m_settings.effectiveOperator(), m_context}, m_window,
                                         m_context, this);
        m_launcher->attachCommandsView(m_window->commandsView());
        connect(m_window, &MainWindow::settingsRequested, this,
                [this] { m_launcher->openSettings(m_settings, m_configPath); });
        connect(m_launcher, &CommandLauncher::settingsChanged, this, [this](const Settings &s) {
            m_settings = s;
            m_context->setSettings(s);
            // A new display name is recorded from the next command on, and shown at once.
            FormContext ctx = m_launcher->context();
            ctx.operatorName = s.effectiveOperator();
            m_launcher->setContext(ctx);
            m_window->statusPanel()->setOperator(s.operatorIdentity());
        });
        connect(m_launcher, &CommandLauncher::message, m_window,
                [w = m_window](const QString &m) { w->statusBar()->showMessage(m, 8000); });
        if (m_settings.listener.enabled)
            startListener();
    }
    m_window->show();
}

void ConsoleSession::rememberWindowState()
{
    // Geometry, the last page and the language live in the desk's INI ([ui]), next to the settings.
    QSettings ini(m_configPath, QSettings::IniFormat);
    if (const QByteArray geometry = ini.value(QStringLiteral("ui/geometry")).toByteArray(); !geometry.isEmpty())
        m_window->restoreGeometry(geometry);
    const int page = ini.value(QStringLiteral("ui/lastView"), int(MainWindow::OverviewPage)).toInt();
    if (page >= 0 && page < MainWindow::PageCount)
        m_window->showPage(MainWindow::Page(page));
    // Written on the read pool, never on the GUI thread (the pool finishes its tasks before exit).
    const auto write = [path = m_configPath](QList<QPair<QString, QVariant>> values) {
        QtConcurrent::run(ConsoleContext::readPool(), [path, values] {
            QSettings ini(path, QSettings::IniFormat);
            for (const auto &[key, value] : values)
                ini.setValue(key, value);
        });
    };
    connect(m_window, &MainWindow::closing, this, [this, write] {
        write({{QStringLiteral("ui/geometry"), m_window->saveGeometry()},
               {QStringLiteral("ui/lastView"), int(m_window->currentPage())}});
    });
    connect(m_window, &MainWindow::languageRequested, this, [this, write](const QString &code) {
        m_settings.language = code;
        m_context->setSettings(m_settings);
        write({{QStringLiteral("ui/language"), code}});
    });
}

ConsoleSession::~ConsoleSession()
{
    if (m_window)
        delete m_window.data();
}

void ConsoleSession::startListener()
{
    m_listener = new UploadListener(m_store, this);
    auto status = std::make_shared<ListenerStatus>();
    status->enabled = true;
    auto push = [this, status] {
        if (m_window)
            m_window->setListenerStatus(*status);
    };
    connect(m_listener, &UploadListener::listening, this, [status, push](const QString &address, quint16 port) {
        status->listening = true;
        status->error.clear();
        status->address = QStringLiteral("%1:%2").arg(address).arg(port);
        push();
    });
    connect(m_listener, &UploadListener::failed, this, [status, push](const QString &error) {
        status->listening = false;
        status->error = error;
        push();
    });
    connect(m_listener, &UploadListener::stopped, this, [status, push] {
        status->listening = false;
        push();
    });
    // The counters come with the other changes, from the feed (debounced: a burst repaints once).
    connect(m_feed, &ChangeFeed::requestsCounted, this, [status, push](qint64 today, qint64 last) {
        status->requestsToday = today;
        status->lastUploadAt = last;
        push();
    });
    // The platform's clock as seen in uploads: warned about in the status bar, and carried by every
    // command's timestamp so a desk clock minutes off is not refused.
    connect(m_listener, &UploadListener::clockSkewObserved, this, [this, status, push](qint64 skew) {
        if (m_commands)
            m_commands->platformClient()->setClockOffset(skew);
        if (status->clockSkew != skew) {
            status->clockSkew = skew;
            push();
        }
    });
    push();
    m_listener->start(m_settings.listener, m_settings.platform).then(this, [this, status, push](Result<ListenerAddress> r) {
        if (r.ok()) {
            status->listening = true;
            status->address = QStringLiteral("%1:%2").arg(r->host).arg(r->port);
        } else {
            // Our words in the operator's language; the system's text goes to the log only.
            qWarning("listener: %s: %s", qPrintable(r.error().path), qPrintable(r.error().detail));
            status->listening = false;
            status->error = ListenerErrors::describe(r.error(), m_settings.listener);
            if (m_window)
                m_window->firstRunGuide()->setListenerProblem(status->error,
                                                              ListenerErrors::advice(r.error(), m_settings.listener));
        }
        push();
    });
}

} // namespace md
