// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// meterdesk-cli subcommands register themselves: each lives in its own cmd_<name>.cpp with
//   static md::cli::Registrar reg{"serve", "run the headless receiver", &runServe};
// so adding a subcommand touches no shared file.

#include <QStringList>

#include <functional>

namespace md::cli {

// Exit codes shared by every subcommand.
enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

// args: the arguments after the subcommand name. Returns the process exit code. The QCoreApplication
// exists already; a subcommand that needs an event loop runs app.exec() itself.
using Handler = std::function<int(const QStringList &args)>;

struct Command
{
    const char *name;
    const char *summary;
    Handler run;
};

struct Registrar
{
    Registrar(const char *name, const char *summary, Handler run);
};

const QList<Command> &commands();

} // namespace md::cli
