// SPDX-License-Identifier: GPL-3.0-or-later
// meterdesk-cli: the console program (headless receiver, registry, history, commands, migration).
#include "clicommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>

#ifdef Q_OS_WIN
#include <windows.h>

#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#endif

namespace md::cli {

static QList<Command> &registry()
{
    static QList<Command> list;
    return list;
}

Registrar::Registrar(const char *name, const char *summary, Handler run)
{
    registry().append(Command{name, summary, std::move(run)});
}

const QList<Command> &commands()
{
    return registry();
}

} // namespace md::cli

static void printUsage(QTextStream &out)
{
    out << "usage: meterdesk-cli <command> [options]\n\ncommands:\n";
    auto list = md::cli::commands();
    std::sort(list.begin(), list.end(),
              [](const auto &a, const auto &b) { return qstrcmp(a.name, b.name) < 0; });
    for (const auto &c : list)
        out << "  " << QString::fromLatin1(c.name).leftJustified(10) << ' ' << c.summary << '\n';
    out << "\n  --version  print the version\n  --help     this text\n";
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
#ifdef Q_OS_WIN
    // Output is UTF-8 (QTextStream's default): say so to the console, whose code page is the OEM one
    // (936 on a Chinese desk), or Chinese names and messages print as garbage. Redirected output
    // is unaffected.
    SetConsoleOutputCP(CP_UTF8);
    // Binary stdout: the C runtime's text mode turns every "\n" into "\r\n", so a CSV's own
    // "\r\n" row ends left as "\r\r\n" and lines differed from the Linux build's.
    _setmode(_fileno(stdout), _O_BINARY);
#endif
    QCoreApplication::setOrganizationName(QStringLiteral("MeterDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("MeterDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MD_VERSION));

    QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
        printUsage(args.isEmpty() ? err : out);
        return args.isEmpty() ? md::cli::ExitUsage : md::cli::ExitOk;
    }
    if (args.first() == u"--version") {
        out << "meterdesk-cli " << MD_VERSION << '\n';
        return md::cli::ExitOk;
    }
    const QString name = args.takeFirst();
    for (const auto &c : md::cli::commands()) {
        if (name == QLatin1String(c.name))
            return c.run(args);
    }
    err << "meterdesk-cli: unknown command '" << name << "'\n";
    printUsage(err);
    return md::cli::ExitUsage;
}
