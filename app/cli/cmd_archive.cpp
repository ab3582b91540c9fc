// SPDX-License-Identifier: GPL-3.0-or-later
// meterdesk-cli archive --before yyyy-MM-dd --out FILE [--config INI] [--database DB] [--chunk ROWS]
// Moves the history older than a platform day (readings, statuses, alarm events, closed alarms,
// journal) into a self-contained SQLite archive file (storage/archive.h: atomic per chunk and
// resumable: after a kill, the same command finishes the job). Prints one line per table.
#include "cmd_storeaccess.h"

#include "storage/archive.h"

namespace md::cli {
namespace {

int runArchive(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Move history older than a platform day into an SQLite archive file."));
    addStoreOptions(parser);
    parser.addOption({QStringLiteral("before"), QStringLiteral("first platform day that stays live"), QStringLiteral("yyyy-MM-dd")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("archive file (SQLite; extended when it exists)"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("chunk"), QStringLiteral("rows per committed chunk (default 5000)"), QStringLiteral("ROWS"),
                      QStringLiteral("5000")});
    if (const int done = parseArgs(parser, "archive", args); done >= 0)
        return done;
    const QDate before = QDate::fromString(parser.value(QStringLiteral("before")), QStringLiteral("yyyy-MM-dd"));
    const int chunk = parser.value(QStringLiteral("chunk")).toInt();
    if (!before.isValid() || parser.value(QStringLiteral("out")).isEmpty() || chunk < 1) {
        errStream() << "usage: meterdesk-cli archive --before yyyy-MM-dd --out FILE [--database DB] [--chunk ROWS]" << Qt::endl;
        return ExitUsage;
    }
    const auto settings = loadSettings(parser, "archive");
    if (!settings)
        return ExitUsage;

    ArchiveRequest request;
    request.source = settings->databaseOrDefault();
    request.archivePath = parser.value(QStringLiteral("out"));
    request.before = before;
    request.timeZone = settings->platform.timeZone;
    request.chunkRows = chunk;
    request.progress = [last = QString()](const QString &table, const char *stage, qint64 moved) mutable {
        if (qstrcmp(stage, "deleted") != 0 || (table == last && moved % 100000 >= 5000))
            return;
        last = table;
        errStream() << "  " << table << ": " << moved << " rows moved\r" << Qt::flush;
    };
    auto report = archiveHistory(request);
    errStream() << Qt::endl;
    if (!report) {
        errStream() << "meterdesk-cli archive: " << report.error().code << ' ' << report.error().path << ": "
                    << report.error().detail << Qt::endl;
        return ExitFailed;
    }
    for (const QString &table : archivedTables())
        outStream() << table.leftJustified(14) << ' ' << report->moved.value(table) << " moved, "
                    << report->archiveCounts.value(table) << " in the archive\n";
    outStream() << "history before " << before.toString(Qt::ISODate) << " (platform day) is in " << request.archivePath
                << Qt::endl;
    return ExitOk;
}

const Registrar reg{"archive", "move history older than a day into an SQLite archive file", &runArchive};

} // namespace
} // namespace md::cli
