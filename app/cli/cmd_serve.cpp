// SPDX-License-Identifier: GPL-3.0-or-later
// meterdesk-cli serve: the headless receiver. Prints exactly one line "listening on http://HOST:PORT"
// on stdout when ready; logs (md.listener, md.http.guard, ...) go to stderr. SIGINT / SIGTERM (Ctrl+C
// or closing the console on Windows) stop it cleanly: no new connections, what is queued commits,
// answers in flight go out, then exit 0. Exit 2: bad configuration (the key is named); 1: other
// fatal errors (port in use, database).
#include "cmd_storeaccess.h"

#include "core/whendone.h"
#include "server/uploadlistener.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <atomic>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcServe, "md.serve")

namespace md::cli {
namespace {

// Turns the asynchronous stop request (a signal handler may do almost nothing) into an event.
class StopRequest
{
public:
    static void install(std::function<void()> onStop)
    {
        s_onStop = std::move(onStop);
#ifdef Q_OS_WIN
        s_finished = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        SetConsoleCtrlHandler(&StopRequest::consoleHandler, TRUE);
#else
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_pipe) != 0)
            return;
        auto *notifier = new QSocketNotifier(s_pipe[1], QSocketNotifier::Read, qApp);
        QObject::connect(notifier, &QSocketNotifier::activated, qApp, [notifier] {
            char c;
            [[maybe_unused]] const auto n = ::read(s_pipe[1], &c, 1);
            notifier->setEnabled(false);
            fire();
        });
        struct sigaction action = {};
        action.sa_handler = &StopRequest::signalHandler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
#endif
    }

    // Drops the callback (and whatever it holds) before statics are torn down.
    static void clear() { s_onStop = nullptr; }

    // The database is closed: a console-close handler waiting for that may return now.
    static void finished()
    {
#ifdef Q_OS_WIN
        if (s_finished)
            SetEvent(s_finished);
#endif
    }

private:
    static void fire()
    {
        if (!s_fired.exchange(true) && s_onStop)
            s_onStop();
    }
#ifdef Q_OS_WIN
    // Runs on a thread Windows creates for the event. For Ctrl+C the process lives on after the
    // handler returns; for a closed console window Windows ends the process as soon as the handler
    // returns (or after about 5 s), so that handler waits for the clean stop to finish.
    static BOOL WINAPI consoleHandler(DWORD type)
    {
        if (type == CTRL_C_EVENT || type == CTRL_BREAK_EVENT || type == CTRL_CLOSE_EVENT) {
            QMetaObject::invokeMethod(qApp, [] { fire(); }, Qt::QueuedConnection);
            if (type == CTRL_CLOSE_EVENT && s_finished)
                WaitForSingleObject(s_finished, 4500);
            return TRUE;
        }
        return FALSE;
    }
    static inline HANDLE s_finished = nullptr;
#else
    static void signalHandler(int)
    {
        const char c = 1;
        [[maybe_unused]] const auto n = ::write(s_pipe[0], &c, 1);
    }
    static inline int s_pipe[2] = {-1, -1};
#endif
    static inline std::function<void()> s_onStop;
    static inline std::atomic<bool> s_fired{false};
};

// "HOST:PORT", "[::1]:PORT", ":PORT" or "PORT".
bool parseListen(const QString &text, ListenerSettings &listener)
{
    QString host;
    QString port = text;
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0) {
        host = text.left(colon);
        port = text.mid(colon + 1);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    listener.port = quint16(number);
    if (!host.isEmpty())
        listener.host = host;
    return true;
}

int runServe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Receive the platform's uploads (headless)."));
    addStoreOptions(parser);
    parser.addOption({QStringLiteral("listen"), QStringLiteral("address to listen on (overrides [listener])"),
                      QStringLiteral("HOST:PORT")});
    if (const int done = parseArgs(parser, "serve", args); done >= 0)
        return done;
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz} %{category} %{type}: %{message}"));

    std::optional<Settings> settings = loadSettings(parser, "serve");
    if (!settings)
        return ExitUsage;
    if (parser.isSet(QStringLiteral("listen")) && !parseListen(parser.value(QStringLiteral("listen")), settings->listener)) {
        errStream() << "meterdesk-cli serve: --listen: expected HOST:PORT, got " << parser.value(QStringLiteral("listen")) << Qt::endl;
        return ExitUsage;
    }
    for (const QString &notice : settings->secretNotices)
        qCWarning(lcServe).noquote() << notice;
    if (settings->platform.appId.isEmpty() || settings->platform.appSecret.isEmpty()) {
        errStream() << "meterdesk-cli serve: bad configuration: "
                    << (settings->platform.appId.isEmpty() ? "platform/appId" : "platform/appSecret")
                    << ": required to authenticate uploads" << Qt::endl;
        return ExitUsage;
    }
    std::shared_ptr<Store> store = openStore(*settings, "serve");
    if (!store)
        return ExitFailed;

    int exitCode = ExitOk;
    {
        UploadListener listener(store);
        QFuture<Result<ListenerAddress>> started = listener.start(settings->listener, settings->platform);
        started.waitForFinished(); // no event loop yet: the listener thread answers
        const Result<ListenerAddress> address = started.result();
        if (!address) {
            const Error &e = address.error();
            const bool config = e.path != QLatin1String("listener/port");
            errStream() << "meterdesk-cli serve: " << (config ? "bad configuration: " : "") << e.path << ": " << e.detail
                        << Qt::endl;
            return config ? ExitUsage : ExitFailed;
        }
        outStream() << "listening on " << address->url() << Qt::endl; // Qt::endl flushes

        // The callback outlives this scope (a static); it must not own the store, whose last
        // reference has to go before main() returns (the SQL driver's globals die with statics).
        std::weak_ptr<Store> weakStore = store;
        StopRequest::install([&listener, weakStore] {
            qCInfo(lcServe) << "stopping: finishing requests in flight";
            whenFinished(listener.stop(), qApp, [weakStore](const QFuture<void> &) {
                if (auto s = weakStore.lock())
                    whenFinished(s->flush(), qApp, [](const QFuture<void> &) { QCoreApplication::quit(); });
                else
                    QCoreApplication::quit();
            });
        });
        exitCode = QCoreApplication::exec();
        StopRequest::clear();
    }
    store->flush().waitForFinished();
    store.reset(); // closes the database after the last commit
    StopRequest::finished();
    return exitCode;
}

Registrar registrar{"serve", "run the headless receiver for the platform's uploads", &runServe};

} // namespace
} // namespace md::cli
