// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the subcommands that read the configuration and open the store (serve, send, meters,
// history, health): the common options, the exit codes of clicommand.h, and error lines that name the key.

#include "clicommand.h"

#include "core/settings.h"
#include "storage/store.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <memory>
#include <optional>

namespace md::cli {

inline QTextStream &errStream()
{
    static QTextStream err(stderr);
    return err;
}

inline QTextStream &outStream()
{
    static QTextStream out(stdout);
    return out;
}

inline void addStoreOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("config"), QStringLiteral("INI file (default: the per-user one)"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("database"), QStringLiteral("database path or postgresql:// URL"), QStringLiteral("PATH")});
}

// Parses `args` (after the subcommand name). Returns the exit code when the command is done
// already (--help: ExitOk, bad usage: ExitUsage, printed), or -1 to go on.
inline int parseArgs(QCommandLineParser &parser, const char *command, const QStringList &args)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("meterdesk-cli %1").arg(QLatin1String(command))} + args)) {
        errStream() << "meterdesk-cli " << command << ": " << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        outStream() << parser.helpText() << Qt::flush;
        return ExitOk;
    }
    return -1;
}

// Loads the settings (--config or the per-user file). Prints "<command>: <key>: <detail>".
inline std::optional<Settings> loadSettings(const QCommandLineParser &parser, const char *command)
{
    const QString path = parser.isSet(QStringLiteral("config")) ? parser.value(QStringLiteral("config"))
                                                                : Settings::defaultConfigPath();
    if (parser.isSet(QStringLiteral("config")) && !QFileInfo::exists(path)) {
        errStream() << "meterdesk-cli " << command << ": --config: no such file: " << path << Qt::endl;
        return std::nullopt;
    }
    Result<Settings> loaded = Settings::load(path);
    if (!loaded) {
        errStream() << "meterdesk-cli " << command << ": bad configuration " << path << ": " << loaded.error().path
                    << ": " << loaded.error().detail << Qt::endl;
        return std::nullopt;
    }
    Settings settings = loaded.value();
    if (parser.isSet(QStringLiteral("database")))
        settings.storage.database = parser.value(QStringLiteral("database"));
    return settings;
}

inline std::shared_ptr<Store> openStore(const Settings &settings, const char *command, bool readOnly = false)
{
    StoreOptions options;
    options.database = settings.databaseOrDefault();
    options.readOnly = readOnly;
    options.timeZone = settings.platform.timeZone;
    Result<std::shared_ptr<Store>> opened = Store::open(options);
    if (!opened) {
        errStream() << "meterdesk-cli " << command << ": cannot open the database " << options.database << ": "
                    << opened.error().detail << Qt::endl;
        return nullptr;
    }
    return opened.value();
}

} // namespace md::cli
