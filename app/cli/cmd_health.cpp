// SPDX-License-Identifier: GPL-3.0-or-later
// meterdesk-cli health recompute [--meter NO]... [--at "yyyy-MM-dd HH:mm:ss"]
// meterdesk-cli health list [--kind KIND] [--meter NO] [--all] [--format csv|json]
// meterdesk-cli health dismiss ID --reason TEXT [--operator NAME]
// The meter-health insights for a headless server: a recompute (cron or a systemd timer once a
// day, after the night), the open flags as CSV (UTF-8 with BOM) or JSON, and a dismissal that is
// journaled like the console's. Thresholds: the [health] group of the INI (core/healthsettings.h).
#include "cmd_csv.h"
#include "cmd_storeaccess.h"

#include "core/healthsettings.h"
#include "health/healthengine.h"
#include "health/healthtables.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace md::cli {
namespace {

void printTable(const ExportTable &t, const QString &format)
{
    if (format == u"json") {
        QJsonArray rows;
        for (const QStringList &r : t.rows) {
            QJsonObject o;
            for (int i = 0; i < t.header.size(); ++i)
                o.insert(t.header[i], r.value(i));
            rows.append(o);
        }
        outStream() << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented)) << Qt::flush;
        return;
    }
    QByteArray out = utf8Bom() + csvLine(t.header);
    for (const QStringList &r : t.rows)
        out += csvLine(r);
    outStream().flush();
    fwrite(out.constData(), 1, size_t(out.size()), stdout);
    fflush(stdout);
}

int runHealth(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Meter-health insights: recompute, list, dismiss"));
    addStoreOptions(parser);
    parser.addOption({QStringLiteral("meter"), QStringLiteral("one meter (repeatable)"), QStringLiteral("NO")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("recompute as of this platform time"), QStringLiteral("yyyy-MM-dd HH:mm:ss")});
    parser.addOption({QStringLiteral("kind"), QStringLiteral("night-flow|backwards|stuck|battery|silent|spike"), QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("all"), QStringLiteral("list dismissed and cleared flags too")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("csv (UTF-8 with BOM) or json"), QStringLiteral("csv|json"),
                      QStringLiteral("csv")});
    parser.addOption({QStringLiteral("reason"), QStringLiteral("why the flag is dismissed"), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("operator"), QStringLiteral("who dismisses (default: the configured operator)"), QStringLiteral("NAME")});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("recompute|list|dismiss ID"));
    if (const int done = parseArgs(parser, "health", args); done >= 0)
        return done;
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0);
    const QString format = parser.value(QStringLiteral("format"));
    const auto kind = parser.isSet(QStringLiteral("kind")) ? healthKindFromName(parser.value(QStringLiteral("kind")))
                                                           : std::optional<HealthKind>();
    const bool badKind = parser.isSet(QStringLiteral("kind")) && !kind;
    if ((action != u"recompute" && action != u"list" && action != u"dismiss") || badKind || (format != u"csv" && format != u"json")
        || (action == u"dismiss" && (pos.size() != 2 || parser.value(QStringLiteral("reason")).trimmed().isEmpty()))) {
        errStream() << "usage: meterdesk-cli health recompute [--meter NO]... [--at \"yyyy-MM-dd HH:mm:ss\"] | list [--kind KIND] "
                       "[--meter NO] [--all] [--format csv|json] | dismiss ID --reason TEXT [--operator NAME]" << Qt::endl;
        return ExitUsage;
    }
    const auto settings = loadSettings(parser, "health");
    if (!settings)
        return ExitUsage;
    const QString configPath = parser.isSet(QStringLiteral("config")) ? parser.value(QStringLiteral("config")) : Settings::defaultConfigPath();
    const Result<HealthSettings> thresholds = HealthSettings::loadFile(configPath);
    if (!thresholds) {
        errStream() << "meterdesk-cli health: bad configuration: " << thresholds.error().path << ": " << thresholds.error().detail << Qt::endl;
        return ExitUsage;
    }
    const PlatformTime time(settings->platform.timeZone);
    auto store = openStore(*settings, "health", action == u"list");
    if (!store)
        return ExitFailed;

    if (action == u"recompute") {
        qint64 now = QDateTime::currentSecsSinceEpoch();
        if (parser.isSet(QStringLiteral("at"))) {
            const auto at = time.parseDateTime(parser.value(QStringLiteral("at")));
            if (!at) {
                errStream() << "meterdesk-cli health: --at: expected yyyy-MM-dd HH:mm:ss" << Qt::endl;
                return ExitUsage;
            }
            now = *at;
        }
        const HealthEngine engine(store, *thresholds, time);
        const auto run = engine.recompute(now, parser.values(QStringLiteral("meter")));
        if (!run) {
            errStream() << "meterdesk-cli health: " << run.error().code << " " << run.error().detail << Qt::endl;
            return ExitFailed;
        }
        const QJsonObject o{{"meters", run->meters},         {"readings", run->readings},
                            {"statuses", run->statuses},     {"findings", run->findings},
                            {"inserted", run->saved.inserted}, {"updated", run->saved.updated},
                            {"cleared", run->saved.cleared}, {"elapsedMs", run->elapsedMs}};
        outStream() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << Qt::endl;
        return ExitOk;
    }
    if (action == u"dismiss") {
        bool ok = false;
        const qint64 id = pos.value(1).toLongLong(&ok);
        if (!ok) {
            errStream() << "meterdesk-cli health dismiss: ID must be a flag id" << Qt::endl;
            return ExitUsage;
        }
        const QString who = parser.isSet(QStringLiteral("operator")) ? parser.value(QStringLiteral("operator")) : settings->effectiveOperator();
        auto f = store->dismissHealthFlag(id, who, parser.value(QStringLiteral("reason")).trimmed(), QDateTime::currentMSecsSinceEpoch());
        f.waitForFinished();
        const Result<bool> done = f.result();
        if (!done) {
            errStream() << "meterdesk-cli health: " << done.error().code << " " << done.error().detail << Qt::endl;
            return ExitFailed;
        }
        if (!*done) {
            errStream() << "meterdesk-cli health: no open flag " << id << Qt::endl;
            return ExitFailed;
        }
        return ExitOk;
    }
    HealthFlagFilter filter;
    filter.kind = kind;
    filter.meterNo = parser.value(QStringLiteral("meter"));
    filter.openOnly = !parser.isSet(QStringLiteral("all"));
    filter.limit = 1000000;
    const auto flags = store->healthFlags(filter);
    if (!flags) {
        errStream() << "meterdesk-cli health: " << flags.error().code << " " << flags.error().detail << Qt::endl;
        return ExitFailed;
    }
    printTable(healthFlagTable(*flags, time), format);
    return ExitOk;
}

int runReconcile(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The recharge ledger against the meters' totals, per day"));
    addStoreOptions(parser);
    parser.addOption({QStringLiteral("from"), QStringLiteral("first day (platform zone)"), QStringLiteral("yyyy-MM-dd")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("last day, included (default: --from)"), QStringLiteral("yyyy-MM-dd")});
    parser.addOption({QStringLiteral("days"), QStringLiteral("print the per-day summary instead of the disagreeing meters")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("csv (UTF-8 with BOM) or json"), QStringLiteral("csv|json"),
                      QStringLiteral("csv")});
    if (const int done = parseArgs(parser, "reconcile", args); done >= 0)
        return done;
    const auto from = parseIsoDate(parser.value(QStringLiteral("from")));
    const auto to = parser.isSet(QStringLiteral("to")) ? parseIsoDate(parser.value(QStringLiteral("to"))) : from;
    const QString format = parser.value(QStringLiteral("format"));
    if (!from || !to || *to < *from || (format != u"csv" && format != u"json")) {
        errStream() << "usage: meterdesk-cli reconcile --from yyyy-MM-dd [--to yyyy-MM-dd] [--days] [--format csv|json]" << Qt::endl;
        return ExitUsage;
    }
    const auto settings = loadSettings(parser, "reconcile");
    if (!settings)
        return ExitUsage;
    auto store = openStore(*settings, "reconcile", true);
    if (!store)
        return ExitFailed;
    const auto report = store->reconciliation(ReconciliationRequest{*from, *to}, PlatformTime(settings->platform.timeZone));
    if (!report) {
        errStream() << "meterdesk-cli reconcile: " << report.error().code << " " << report.error().detail << Qt::endl;
        return ExitFailed;
    }
    printTable(parser.isSet(QStringLiteral("days")) ? reconciliationDayTable(*report) : reconciliationMeterTable(*report), format);
    // Exit 1 when something disagrees, so a cron job can mail the supervisor.
    return report->mismatches.isEmpty() ? ExitOk : ExitFailed;
}

Registrar healthReg{"health", "meter-health insights: recompute, list, dismiss", &runHealth};
Registrar reconcileReg{"reconcile", "the recharge ledger against the meters' totals, per day", &runReconcile};

} // namespace
} // namespace md::cli
