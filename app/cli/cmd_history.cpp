// SPDX-License-Identifier: GPL-3.0-or-later
// meterdesk-cli history readings|alarms|commands|recharges|journal [--meter NO] [--from yyyy-MM-dd]
//   [--to yyyy-MM-dd] [--format csv|json]
// CSV is UTF-8 with a BOM; instants as yyyy-MM-dd HH:mm:ss in the platform zone; money with its 4
// decimals and volumes with 3, exactly as stored (the store renders fixed-point units, no doubles).
// --from / --to are calendar days in the platform zone, both included.
#include "cmd_csv.h"
#include "cmd_storeaccess.h"

#include "core/timeformat.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace md::cli {
namespace {

// Columns the store gives as epoch seconds (and the journal's epoch milliseconds).
const QSet<QString> kEpochColumns{QStringLiteral("dataTime"),   QStringLiteral("receivedAt"), QStringLiteral("meterTime"),
                                  QStringLiteral("openedAt"),   QStringLiteral("lastSeenAt"), QStringLiteral("closedAt"),
                                  QStringLiteral("acknowledgedAt"), QStringLiteral("createdAt"), QStringLiteral("sentAt"),
                                  QStringLiteral("finishedAt"), QStringLiteral("cancelledAt")};
const QString kEpochMsColumn = QStringLiteral("atMs");

std::optional<ExportKind> kindOf(const QString &name)
{
    if (name == u"readings")
        return ExportKind::Readings;
    if (name == u"alarms")
        return ExportKind::Alarms;
    if (name == u"commands")
        return ExportKind::Commands;
    if (name == u"recharges")
        return ExportKind::Recharges;
    if (name == u"journal")
        return ExportKind::Journal;
    return std::nullopt;
}

int runHistory(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export history: readings|alarms|commands|recharges|journal"));
    addStoreOptions(parser);
    parser.addOption({QStringLiteral("meter"), QStringLiteral("one meter only"), QStringLiteral("NO")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("first day (platform zone)"), QStringLiteral("yyyy-MM-dd")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("last day, included"), QStringLiteral("yyyy-MM-dd")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("csv (UTF-8 with BOM) or json"), QStringLiteral("csv|json"),
                      QStringLiteral("csv")});
    parser.addPositionalArgument(QStringLiteral("kind"), QStringLiteral("readings|alarms|commands|recharges|journal"));
    if (const int done = parseArgs(parser, "history", args); done >= 0)
        return done;
    const QStringList positional = parser.positionalArguments();
    const std::optional<ExportKind> kind = kindOf(positional.value(0));
    const QString format = parser.value(QStringLiteral("format"));
    if (positional.size() != 1 || !kind || (format != u"csv" && format != u"json")) {
        errStream() << "usage: meterdesk-cli history readings|alarms|commands|recharges|journal [--meter NO] "
                       "[--from yyyy-MM-dd] [--to yyyy-MM-dd] [--format csv|json]" << Qt::endl;
        return ExitUsage;
    }
    std::optional<Settings> settings = loadSettings(parser, "history");
    if (!settings)
        return ExitUsage;
    const PlatformTime time(settings->platform.timeZone);

    ExportRequest request;
    request.kind = *kind;
    request.meterNo = parser.value(QStringLiteral("meter"));
    for (const char *option : {"from", "to"}) {
        const QString text = parser.value(QLatin1String(option));
        if (text.isEmpty())
            continue;
        const std::optional<QDate> day = parseIsoDate(text);
        if (!day) {
            errStream() << "meterdesk-cli history: --" << option << ": not yyyy-MM-dd: " << text << Qt::endl;
            return ExitUsage;
        }
        if (qstrcmp(option, "from") == 0)
            request.from = time.startOfDay(*day);
        else
            request.to = time.startOfDay(day->addDays(1));
    }

    std::shared_ptr<Store> store = openStore(*settings, "history", true);
    if (!store)
        return ExitFailed;
    const Result<ExportTable> table = store->exportHistory(request);
    if (!table) {
        errStream() << "meterdesk-cli history: " << table.error().detail << Qt::endl;
        return ExitFailed;
    }

    QStringList header = table->header;
    QList<int> seconds, millis;
    for (int i = 0; i < header.size(); ++i) {
        if (kEpochColumns.contains(header.at(i)))
            seconds << i;
        else if (header.at(i) == kEpochMsColumn) {
            millis << i;
            header[i] = QStringLiteral("at");
        }
    }
    auto render = [&](QStringList row) {
        for (int i : seconds) {
            const qint64 v = row.value(i).toLongLong();
            row[i] = v ? time.formatDateTime(v) : QString();
        }
        for (int i : millis) {
            const qint64 v = row.value(i).toLongLong();
            row[i] = v ? time.formatDateTime(v / 1000) : QString();
        }
        return row;
    };

    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return ExitFailed;
    if (format == u"csv") {
        out.write(utf8Bom() + csvLine(header));
        for (const QStringList &row : table->rows)
            out.write(csvLine(render(row)));
    } else {
        out.write("[");
        bool first = true;
        for (const QStringList &raw : table->rows) {
            const QStringList row = render(raw);
            QJsonObject o;
            for (int i = 0; i < header.size(); ++i)
                o.insert(header.at(i), row.value(i));
            out.write((first ? "\n" : ",\n") + QJsonDocument(o).toJson(QJsonDocument::Compact));
            first = false;
        }
        out.write("\n]\n");
    }
    out.flush();
    return ExitOk;
}

Registrar registrar{"history", "export readings, alarms, commands, recharges or the journal (CSV/JSON)", &runHistory};

} // namespace
} // namespace md::cli
