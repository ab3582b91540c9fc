// SPDX-License-Identifier: GPL-3.0-or-later
// The console program behind app/gui/main.cpp: reads the settings, opens the database (a demo one
// with --demo, created on first use), sets the language, and opens one ConsoleSession per database
// (the live one with the embedded listener; File > Open database adds read-only review sessions).

#include "consoleapp.h"
#include "consolesession.h"

#include "storage/dialect.h"
#include "storage/store.h"
#include "tools/demo/demodata.h"
#include "ui/i18n/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/models/consolecontext.h"
#include "ui/views/overviewview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QMutex>
#include <QProcess>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace md;

Q_LOGGING_CATEGORY(lcConsole, "md.console")

namespace {

QList<ConsoleSession *> g_sessions;

// MD_LOG_FILE: the log lines are also appended to that file. A GUI program on Windows has no
// stderr to read them from (Qt sends them to the debugger); scripts wait on them, e.g. the Windows
// screenshot on "console ready". No secret is ever logged, so the file holds none either.
QMutex g_logMutex;
QFile *g_logFile = nullptr;
QtMessageHandler g_nextHandler = nullptr;

void logToFile(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_logFile->write(qFormatLogMessage(type, context, message).toUtf8() + '\n');
        g_logFile->flush();
    }
    g_nextHandler(type, context, message);
}

void openLogFile()
{
    const QString path = qEnvironmentVariable("MD_LOG_FILE");
    if (path.isEmpty())
        return;
    g_logFile = new QFile(path);
    if (!g_logFile->open(QIODevice::WriteOnly | QIODevice::Append)) {
        delete g_logFile;
        g_logFile = nullptr;
        return;
    }
    g_nextHandler = qInstallMessageHandler(logToFile);
}

void openSession(std::shared_ptr<Store> store, const Settings &settings, bool live, const QString &configPath = {});

// archives: archive files (meterdesk-cli archive) read together with the database as one history.
void openReview(const QString &path, const Settings &settings, const QStringList &archives = {})
{
    StoreOptions options;
    options.database = path;
    options.readOnly = true;
    options.runMigrations = false;
    options.archives = archives;
    // Opening reads the schema (and the archives' manifests): on the read pool, never the GUI thread.
    QtConcurrent::run(ConsoleContext::readPool(), [options] { return Store::open(options); })
        .then(qApp, [path, settings](Result<std::shared_ptr<Store>> store) {
            if (!store.ok()) {
                QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Open database"),
                                     QCoreApplication::translate("main", "Cannot open %1 for review: %2")
                                         .arg(path, store.error().detail.isEmpty() ? store.error().code : store.error().detail));
                return;
            }
            openSession(*store, settings, false);
        });
}

void openSession(std::shared_ptr<Store> store, const Settings &settings, bool live, const QString &configPath)
{
    auto *session = new ConsoleSession(std::move(store), settings, live, configPath);
    g_sessions.append(session);
    QObject::connect(session, &ConsoleSession::openDatabaseRequested, session,
                     [settings](const QString &path) { openReview(path, settings); });
    QObject::connect(session, &ConsoleSession::openArchivesRequested, session,
                     [settings, database = session->context()->store()->databaseDisplayName()](const QStringList &archives) {
                         openReview(database, settings, archives);
                     });
    QObject::connect(session->window(), &MainWindow::demoRequested, session, [] {
        // The demo is its own database and settings-free run: a second console, ours untouched.
        QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("--demo"), QStringLiteral("--no-listener")});
    });
    // One line once the first overview is on screen (the database read back): scripts wait for
    // it, e.g. the Windows screenshot of the demo world, instead of guessing a time.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = QObject::connect(session->window()->overviewView(), &OverviewView::statsUpdated, session,
                             [once](const OverviewStats &stats) {
                                 QObject::disconnect(*once);
                                 // After the repaint that the new figures queued.
                                 QTimer::singleShot(0, [meters = stats.meterCount] {
                                     qCInfo(lcConsole, "console ready: the overview shows %lld meters", meters);
                                 });
                             });
    QObject::connect(session, &ConsoleSession::closed, session, [session] {
        g_sessions.removeAll(session);
        session->deleteLater();
    });
}

} // namespace

namespace md {

int runConsole(int argc, char *argv[])
{
    QApplication app(argc, argv);
    openLogFile();
    QApplication::setOrganizationName(QStringLiteral("MeterDesk"));
    QApplication::setApplicationName(QStringLiteral("meterdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("MeterDesk"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("MeterDesk console for Qinchuan V3.0 IoT gas meters"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Open a populated demo database (created on first use)."));
    const QCommandLineOption dbOption(QStringLiteral("database"), QStringLiteral("Database file or postgresql:// URL."), QStringLiteral("db"));
    const QCommandLineOption readOnlyOption(QStringLiteral("read-only"), QStringLiteral("Offline review: no listener, nothing sent."));
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("Settings file (INI)."), QStringLiteral("ini"));
    const QCommandLineOption langOption(QStringLiteral("language"), QStringLiteral("en or zh_CN (default: the system's)."), QStringLiteral("code"));
    const QCommandLineOption noListenerOption(QStringLiteral("no-listener"), QStringLiteral("Do not start the embedded listener."));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Listener port (overrides the settings)."), QStringLiteral("port"));
    parser.addOptions({demoOption, dbOption, readOnlyOption, configOption, langOption, noListenerOption, portOption});
    parser.process(app);

    const QString configPath = parser.isSet(configOption) ? parser.value(configOption) : Settings::defaultConfigPath();
    const bool firstRun = !QFileInfo::exists(configPath);
    auto loaded = Settings::load(configPath);
    if (!loaded.ok()) {
        QMessageBox::critical(nullptr, QStringLiteral("MeterDesk"),
                              QStringLiteral("%1: %2 (%3)").arg(configPath, loaded.error().path, loaded.error().detail));
        return 2;
    }
    Settings settings = *loaded;
    for (const QString &notice : settings.secretNotices)
        qWarning().noquote() << notice;
    LanguageManager::instance()->setLanguage(parser.isSet(langOption) ? parser.value(langOption) : settings.language);
    if (parser.isSet(noListenerOption))
        settings.listener.enabled = false;
    if (parser.isSet(portOption))
        settings.listener.port = quint16(parser.value(portOption).toUInt());

    const bool demo = parser.isSet(demoOption);
    QString database = parser.isSet(dbOption) ? parser.value(dbOption) : settings.databaseOrDefault();
    if (demo && !parser.isSet(dbOption))
        database = QFileInfo(Settings::defaultDatabasePath()).absolutePath() + QStringLiteral("/meterdesk-demo.sqlite");
    const bool readOnly = parser.isSet(readOnlyOption);
    // A new SQLite file gets the demo world (Store::open creates the file and its folder).
    const auto location = parseDatabaseLocation(database);
    const bool fresh = location && location->backend == Backend::Sqlite && !QFileInfo::exists(location->path);

    StoreOptions options;
    options.database = database;
    options.readOnly = readOnly;
    options.timeZone = settings.platform.timeZone;
    auto store = Store::open(options);
    if (!store.ok()) {
        QMessageBox::critical(nullptr, QStringLiteral("MeterDesk"),
                              QCoreApplication::translate("main", "Cannot open the database %1: %2")
                                  .arg(database, store.error().detail.isEmpty() ? store.error().code : store.error().detail));
        return 1;
    }

    if (demo && fresh && !readOnly) {
        // Generate the demo world on a worker; the GUI shows progress and stays responsive.
        auto *progress = new QProgressDialog(QCoreApplication::translate("main", "Creating the demo database…"), QString(), 0, 100);
        progress->setMinimumDuration(0);
        progress->setAutoClose(false);
        progress->show();
        std::shared_ptr<Store> s = *store;
        const PlatformTime zone(settings.platform.timeZone);
        QtConcurrent::run(ConsoleContext::readPool(), [s, progress, zone] {
            DemoOptions o;
            if (zone.isValid())
                o.time = zone;
            return generateDemoData(*s, o, [progress](int done, int total) {
                QMetaObject::invokeMethod(progress, [progress, done, total] { progress->setValue(done * 100 / qMax(1, total)); });
            });
        }).then(&app, [s, settings, progress, readOnly, configPath](Result<DemoSummary> r) {
            progress->deleteLater();
            if (!r.ok())
                QMessageBox::warning(nullptr, QStringLiteral("MeterDesk"),
                                     QCoreApplication::translate("main", "The demo data could not be written: %1").arg(r.error().detail));
            openSession(s, settings, !readOnly, configPath);
        });
    } else {
        openSession(*store, settings, !readOnly, configPath);
        if (firstRun && !demo && !g_sessions.isEmpty())
            g_sessions.last()->window()->showFirstRunGuide();
    }
    const int rc = app.exec();
    qDeleteAll(g_sessions);
    return rc;
}

} // namespace md
