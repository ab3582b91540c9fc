// SPDX-License-Identifier: GPL-3.0-or-later
// meterdesk-cli meters import FILE.csv | meters list [--format csv|json]
// Import: a header row of meterInfo field names (meterNo, meterType, userNo, addrDes required;
// factoryCode, userName, devNo, companyNo, setUpTime, enableMeterReading optional), UTF-8 with or
// without BOM. Every refused row is reported as FILE:LINE: FIELD: reason; the good rows are stored.
// Exit 0 when every row went in, 1 when some were refused, 2 on bad usage or configuration.
#include "cmd_csv.h"
#include "core/textdecode.h"
#include "cmd_storeaccess.h"

#include "core/timeformat.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace md::cli {
namespace {

const QStringList kRequired{QStringLiteral("meterNo"), QStringLiteral("meterType"), QStringLiteral("userNo"),
                            QStringLiteral("addrDes")};
const QStringList kOptional{QStringLiteral("factoryCode"), QStringLiteral("userName"), QStringLiteral("devNo"),
                            QStringLiteral("companyNo"), QStringLiteral("setUpTime"), QStringLiteral("enableMeterReading"),
                            QStringLiteral("billingUnit")};

struct RowError
{
    int line;
    QString field;
    QString reason;
};

int importMeters(const Settings &settings, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errStream() << "meterdesk-cli meters import: " << path << ": " << file.errorString() << Qt::endl;
        return ExitUsage;
    }
    // UTF-8 (BOM or not), UTF-16 with BOM, or GB18030 from a Chinese Excel: core/textdecode.h.
    const auto decoded = decodeDeskText(file.readAll());
    if (!decoded.ok()) {
        errStream() << path << ": " << decoded.error().detail << Qt::endl;
        return ExitFailed;
    }
    const QString &text = decoded->text;
    const QList<CsvRecord> records = parseCsv(text);
    if (records.isEmpty()) {
        errStream() << path << ": empty file" << Qt::endl;
        return ExitFailed;
    }
    QHash<QString, int> column;
    const QStringList header = records.first().fields;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        if (!kRequired.contains(name) && !kOptional.contains(name)) {
            errStream() << path << ":" << records.first().line << ": " << name << ": unknown column (expected "
                        << (kRequired + kOptional).join(QStringLiteral(", ")) << ")" << Qt::endl;
            return ExitFailed;
        }
        column.insert(name, i);
    }
    for (const QString &name : kRequired) {
        if (!column.contains(name)) {
            errStream() << path << ":" << records.first().line << ": " << name << ": required column missing" << Qt::endl;
            return ExitFailed;
        }
    }

    const PlatformTime time(settings.platform.timeZone);
    QList<MeterInfo> meters;
    QList<int> lines;
    QList<RowError> errors;
    QSet<QString> seen;
    for (qsizetype r = 1; r < records.size(); ++r) {
        const CsvRecord &record = records.at(r);
        auto value = [&](const QString &name) {
            return column.contains(name) ? record.fields.value(column.value(name)).trimmed() : QString();
        };
        auto refuse = [&](const QString &field, const QString &reason) { errors << RowError{record.line, field, reason}; };
        if (record.fields.size() != header.size()) {
            refuse(QStringLiteral("*"), QStringLiteral("%1 fields, the header has %2").arg(record.fields.size()).arg(header.size()));
            continue;
        }
        MeterInfo m;
        m.meterNo = value(QStringLiteral("meterNo"));
        m.meterType = value(QStringLiteral("meterType"));
        m.userNo = value(QStringLiteral("userNo"));
        m.addrDes = value(QStringLiteral("addrDes"));
        m.factoryCode = value(QStringLiteral("factoryCode"));
        m.userName = value(QStringLiteral("userName"));
        m.devNo = value(QStringLiteral("devNo"));
        m.companyNo = value(QStringLiteral("companyNo"));
        bool bad = false;
        for (const QString &name : kRequired) {
            if (value(name).isEmpty()) {
                refuse(name, QStringLiteral("required, empty"));
                bad = true;
                break;
            }
        }
        if (bad)
            continue;
        if (m.meterNo.size() > 32 || m.meterNo.contains(QLatin1Char(' '))) {
            refuse(QStringLiteral("meterNo"), QStringLiteral("at most 32 characters, no spaces"));
            continue;
        }
        if (seen.contains(m.meterNo)) {
            refuse(QStringLiteral("meterNo"), QStringLiteral("%1 appears twice in the file").arg(m.meterNo));
            continue;
        }
        if (const QString t = value(QStringLiteral("setUpTime")); !t.isEmpty()) {
            m.setUpTime = time.parseDateTime(t);
            if (!m.setUpTime) {
                refuse(QStringLiteral("setUpTime"), QStringLiteral("not yyyy-MM-dd HH:mm:ss: %1").arg(t));
                continue;
            }
        }
        if (const QString v = value(QStringLiteral("enableMeterReading")); !v.isEmpty()) {
            m.enableMeterReading = Volume::parse(v);
            if (!m.enableMeterReading) {
                refuse(QStringLiteral("enableMeterReading"), QStringLiteral("not a volume with at most 3 decimals: %1").arg(v));
                continue;
            }
        }
        // money / volume (or 金额表 / 气量表, 1 / 2): recharges in the other unit are refused locally.
        const auto unit = parseBillingUnit(value(QStringLiteral("billingUnit")));
        if (!unit) {
            refuse(QStringLiteral("billingUnit"), QStringLiteral("money or volume (金额表 or 气量表): %1").arg(value(QStringLiteral("billingUnit"))));
            continue;
        }
        m.billingUnit = *unit;
        seen.insert(m.meterNo);
        meters << m;
        lines << record.line;
    }

    int inserted = 0;
    int updated = 0;
    if (!meters.isEmpty()) {
        std::shared_ptr<Store> store = openStore(settings, "meters import");
        if (!store)
            return ExitFailed;
        QFuture<Result<QList<MeterUpsertResult>>> written = store->upsertMeters(meters);
        written.waitForFinished();
        const Result<QList<MeterUpsertResult>> result = written.result();
        if (!result) {
            errStream() << "meterdesk-cli meters import: nothing stored: " << result.error().code << " "
                        << result.error().detail << Qt::endl;
            return ExitFailed;
        }
        for (qsizetype i = 0; i < result->size(); ++i) {
            const MeterUpsertResult &row = result->at(i);
            if (!row.error.code.isEmpty())
                errors << RowError{lines.value(i), row.error.path.isEmpty() ? QStringLiteral("meterNo") : row.error.path,
                                   row.error.detail.isEmpty() ? row.error.message() : row.error.detail};
            else if (row.inserted)
                ++inserted;
            else
                ++updated;
        }
    }
    std::sort(errors.begin(), errors.end(), [](const RowError &a, const RowError &b) { return a.line < b.line; });
    for (const RowError &e : errors)
        errStream() << path << ":" << e.line << ": " << e.field << ": " << e.reason << Qt::endl;
    outStream() << "imported " << (inserted + updated) << " meters (" << inserted << " new, " << updated
                << " updated); " << errors.size() << " rows refused" << Qt::endl;
    return errors.isEmpty() ? ExitOk : ExitFailed;
}

int listMeters(const Settings &settings, const QString &format)
{
    std::shared_ptr<Store> store = openStore(settings, "meters list", true);
    if (!store)
        return ExitFailed;
    const PlatformTime time(settings.platform.timeZone);
    const QStringList header{QStringLiteral("meterNo"), QStringLiteral("meterType"), QStringLiteral("userNo"),
                             QStringLiteral("userName"), QStringLiteral("addrDes"), QStringLiteral("lastUploadAt"),
                             QStringLiteral("lastReading"), QStringLiteral("valveStatus"), QStringLiteral("balance"),
                             QStringLiteral("activeAlarms")};
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return ExitFailed;
    const bool csv = format == u"csv";
    if (csv)
        out.write(utf8Bom() + csvLine(header));
    else
        out.write("[");
    RegistryPageRequest request;
    request.limit = 2000;
    bool first = true;
    for (;;) {
        Result<QList<RegistryRow>> page = store->registryPage(request);
        if (!page) {
            errStream() << "meterdesk-cli meters list: " << page.error().detail << Qt::endl;
            return ExitFailed;
        }
        for (const RegistryRow &row : page.value()) {
            const QStringList values{row.meterNo, row.meterType, row.userNo, row.userName, row.addrDes,
                                     row.lastUploadAt ? time.formatDateTime(row.lastUploadAt) : QString(),
                                     row.lastReading ? row.lastReading->toString() : QString(), row.valveStatus,
                                     row.balance ? row.balance->toString() : QString(), QString::number(row.activeAlarmCount)};
            if (csv) {
                out.write(csvLine(values));
            } else {
                QJsonObject o;
                for (int i = 0; i < header.size(); ++i)
                    o.insert(header.at(i), values.at(i));
                out.write((first ? "\n" : ",\n") + QJsonDocument(o).toJson(QJsonDocument::Compact));
                first = false;
            }
        }
        if (page->size() < request.limit)
            break;
        request.afterMeterNo = page->last().meterNo;
    }
    if (!csv)
        out.write("\n]\n");
    out.flush();
    return ExitOk;
}

int runMeters(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Meter registry: import FILE.csv | list"));
    addStoreOptions(parser);
    parser.addOption({QStringLiteral("format"), QStringLiteral("list output: csv (UTF-8 with BOM) or json"),
                      QStringLiteral("csv|json"), QStringLiteral("csv")});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("import FILE.csv | list"));
    if (const int done = parseArgs(parser, "meters", args); done >= 0)
        return done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString format = parser.value(QStringLiteral("format"));
    if ((action != u"import" && action != u"list") || (action == u"import" && positional.size() != 2)
        || (action == u"list" && positional.size() != 1) || (format != u"csv" && format != u"json")) {
        errStream() << "usage: meterdesk-cli meters import FILE.csv | meters list [--format csv|json] "
                       "[--config FILE] [--database PATH]" << Qt::endl;
        return ExitUsage;
    }
    std::optional<Settings> settings = loadSettings(parser, "meters");
    if (!settings)
        return ExitUsage;
    return action == u"import" ? importMeters(*settings, positional.at(1)) : listMeters(*settings, format);
}

Registrar registrar{"meters", "import the meter registry from CSV, or list it", &runMeters};

} // namespace
} // namespace md::cli
