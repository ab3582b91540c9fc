// SPDX-License-Identifier: GPL-3.0-or-later
// meterdesk-cli send NAME [--meter NO] [key=value ...] [--wait SECONDS] [--config FILE] [--database PATH]
//   [--operator NAME] [--resend SEQ]
// Sends one command through the same CommandService the console uses (validation, persisted
// commandSeq / tradeNo, journal) and prints ONE JSON object on stdout:
//   {"commandSeq": ..., "tradeNo": ... (recharges), "state": ..., "returnCode": ..., "returnMessage": ...}
// --wait: follows the command (polling the database, where the receiver records results) until it is
// terminal or the time is up. Exit 0: sent / accepted / succeeded; 1: rejected / failed / expired /
// unreachable or a store failure; 2: usage or validation error (stderr names the field and the code).
#include "cmd_storeaccess.h"

#include "client/commandservice.h"
#include "client/commandvalidation.h"
#include "core/settings.h"
#include "storage/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

namespace md::cli {
namespace {

int fail(int code, const QString &text)
{
    errStream() << "meterdesk-cli send: " << text << Qt::endl;
    return code;
}

QString describe(const Error &e)
{
    return e.path.isEmpty() ? QStringLiteral("%1 %2 (%3)").arg(e.code, e.message(), e.detail)
                            : QStringLiteral("%1: %2 %3 (%4)").arg(e.path, e.code, e.message(), e.detail);
}

int exitCodeFor(CommandState s)
{
    switch (s) {
    case CommandState::Queued:
    case CommandState::Sent:
    case CommandState::Accepted:
    case CommandState::Succeeded:
        return ExitOk;
    default:
        return ExitFailed;
    }
}

void print(const CommandRecord &c, bool waitTimedOut)
{
    QJsonObject o{{QStringLiteral("commandSeq"), c.commandSeq},
                  {QStringLiteral("state"), commandStateName(c.state)},
                  {QStringLiteral("returnCode"), c.returnCode},
                  {QStringLiteral("returnMessage"), c.returnMessage}};
    if (!c.tradeNo.isEmpty())
        o.insert(QStringLiteral("tradeNo"), c.tradeNo);
    if (!c.resultCode.isEmpty())
        o.insert(QStringLiteral("resultCode"), c.resultCode);
    if (waitTimedOut)
        o.insert(QStringLiteral("waitTimedOut"), true);
    QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
}

// Waits (running the event loop) until `done` says so or `ms` pass. Returns done().
bool spin(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    while (!done() && (ms < 0 || t.elapsed() < ms))
        loop.processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

int runSend(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Send one command to the platform and print its outcome as JSON."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("valveOperate, recharge, changeprice, ..."));
    parser.addPositionalArgument(QStringLiteral("key=value"), QStringLiteral("command fields (plain values)"), QStringLiteral("[key=value ...]"));
    parser.addOption({QStringLiteral("meter"), QStringLiteral("meter number"), QStringLiteral("NO")});
    parser.addOption({QStringLiteral("wait"), QStringLiteral("follow the command until it finishes, at most SECONDS"), QStringLiteral("SECONDS")});
    addStoreOptions(parser);
    parser.addOption({QStringLiteral("operator"), QStringLiteral("operator name recorded with the command"), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("resend"), QStringLiteral("resend the finished command SEQ (a recharge keeps its tradeNo)"), QStringLiteral("SEQ")});
    if (!parser.parse(QStringList{QStringLiteral("meterdesk-cli send")} + args))
        return fail(ExitUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText() << Qt::flush;
        return ExitOk;
    }

    const bool resend = parser.isSet(QStringLiteral("resend"));
    QStringList positional = parser.positionalArguments();
    if (!resend && positional.isEmpty())
        return fail(ExitUsage, QStringLiteral("missing command name (%1)").arg(CommandNames::all().join(u", ")));
    const QString name = resend ? QString() : positional.takeFirst();
    if (!resend && !CommandNames::isKnown(name))
        return fail(ExitUsage, QStringLiteral("name: 9002 unknown command '%1' (%2)").arg(name, CommandNames::all().join(u", ")));
    QJsonObject params;
    for (const QString &kv : positional) {
        const qsizetype eq = kv.indexOf(u'=');
        if (eq <= 0)
            return fail(ExitUsage, QStringLiteral("expected key=value, got '%1'").arg(kv));
        params.insert(kv.left(eq), kv.mid(eq + 1));
    }
    QString meterNo = parser.value(QStringLiteral("meter"));
    if (meterNo.isEmpty())
        meterNo = params.value(QStringLiteral("meterNo")).toString();
    int waitSeconds = 0;
    if (parser.isSet(QStringLiteral("wait"))) {
        bool ok = false;
        waitSeconds = parser.value(QStringLiteral("wait")).toInt(&ok);
        if (!ok || waitSeconds < 0)
            return fail(ExitUsage, QStringLiteral("--wait: expected whole seconds"));
    }

    std::optional<Settings> loaded = loadSettings(parser, "send");
    if (!loaded)
        return ExitUsage;
    Settings settings = *loaded;
    if (parser.isSet(QStringLiteral("operator")))
        settings.operatorName = parser.value(QStringLiteral("operator"));

    // The operator's values are checked before anything is opened (database, network).
    if (!resend) {
        QJsonObject withMeter = params;
        if (!meterNo.isEmpty())
            withMeter.insert(QStringLiteral("meterNo"), meterNo);
        ValidationContext context;
        context.time = PlatformTime(settings.platform.timeZone);
        const QList<Error> errors = CommandValidation::validate(name, withMeter, context);
        if (!errors.isEmpty())
            return fail(ExitUsage, describe(errors.first()));
    }

    std::shared_ptr<Store> store = openStore(settings, "send");
    if (!store)
        return ExitFailed;

    CommandServiceOptions options;
    options.platform = settings.platform;
    CommandService service(store, options);

    QFuture<Result<CommandRecord>> submitted =
        resend ? service.resend(parser.value(QStringLiteral("resend")), settings.effectiveOperator())
               : service.send(SendRequest{name, meterNo, params, settings.effectiveOperator(), QString(), QString()});
    spin([&] { return submitted.isFinished(); }, -1);
    const Result<CommandRecord> queued = submitted.result();
    if (!queued) {
        const QString code = queued.error().code;
        const bool storeTrouble = code == u"9998" || code == u"9999";
        return fail(storeTrouble ? ExitFailed : ExitUsage, describe(queued.error()));
    }

    // The first outcome (sent / accepted / rejected / unreachable) always comes: the transfer timeout bounds it.
    CommandRecord latest = *queued;
    QObject::connect(&service, &CommandService::commandChanged, &service, [&](const CommandRecord &c) {
        if (c.commandSeq == latest.commandSeq && c.changeId >= latest.changeId)
            latest = c;
    });
    spin([&] { return latest.state != CommandState::Queued; }, -1);

    bool waitTimedOut = false;
    if (waitSeconds > 0 && !isTerminal(latest.state)) {
        // The receiver (this console's listener or the headless one) records the result in the
        // database; poll it. Reads on this thread are fine: a CLI has no GUI to keep responsive.
        QElapsedTimer clock;
        clock.start();
        while (!isTerminal(latest.state) && clock.elapsed() < waitSeconds * 1000LL) {
            spin([] { return false; }, 250);
            if (auto row = store->commandBySeq(latest.commandSeq); row && *row)
                latest = **row;
            if (!isTerminal(latest.state))
                (void)service.expireNow();
        }
        waitTimedOut = !isTerminal(latest.state);
    }
    print(latest, waitTimedOut);
    return exitCodeFor(latest.state);
}

Registrar registrar{"send", "send one command to the platform (JSON outcome)", &runSend};

} // namespace
} // namespace md::cli
