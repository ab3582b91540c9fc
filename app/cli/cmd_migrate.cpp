// SPDX-License-Identifier: GPL-3.0-or-later
// meterdesk-cli migrate --from sqlite:PATH --to postgresql://user@host:port/db
// Copies every table into an empty target (created and migrated first) and compares row counts.
// The PostgreSQL password comes from MD_PG_PASSWORD or PGPASSWORD, never from the command line.
#include "clicommand.h"

#include "storage/copydatabase.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace md::cli {
namespace {

int runMigrate(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Copy a MeterDesk database into another, empty one and check the counts."));
    p.addHelpOption();
    p.addOption({QStringLiteral("from"), QStringLiteral("source: FILE, sqlite:FILE or postgresql://user@host:port/db"), QStringLiteral("db")});
    p.addOption({QStringLiteral("to"), QStringLiteral("target (must be empty): sqlite:FILE or postgresql://..."), QStringLiteral("db")});
    if (!p.parse(QStringList{QStringLiteral("meterdesk-cli migrate")} + args)) {
        err << p.errorText() << '\n';
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out << p.helpText();
        return ExitOk;
    }
    const QString from = p.value(QStringLiteral("from"));
    const QString to = p.value(QStringLiteral("to"));
    if (from.isEmpty() || to.isEmpty()) {
        err << "migrate: --from and --to are required\n";
        return ExitUsage;
    }
    auto report = copyDatabase(from, to, [&](const QString &table, qint64 rows) {
        err << "  " << table << ": " << rows << " rows\r";
        err.flush();
    });
    err << '\n';
    if (!report) {
        err << "migrate failed: " << report.error().code << ' ' << report.error().path << ' ' << report.error().detail << '\n';
        return ExitFailed;
    }
    for (auto it = report->sourceCounts.constBegin(); it != report->sourceCounts.constEnd(); ++it)
        out << it.key().leftJustified(16) << ' ' << it.value() << " -> " << report->targetCounts.value(it.key())
            << (it.value() == report->targetCounts.value(it.key()) ? "" : "  MISMATCH") << '\n';
    out << (report->countsMatch ? "all tables copied, counts match\n" : "COUNTS DIFFER\n");
    return report->countsMatch ? ExitOk : ExitFailed;
}

const Registrar reg{"migrate", "copy a database (e.g. SQLite -> PostgreSQL) and check counts", &runMigrate};

} // namespace
} // namespace md::cli
