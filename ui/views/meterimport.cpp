// SPDX-License-Identifier: GPL-3.0-or-later
#include "meterimport.h"

#include "core/textdecode.h"
#include "core/whendone.h"
#include "ui/models/consolecontext.h"
#include "ui/models/csvexport.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QSet>

#include <memory>

namespace md::MeterImport {

namespace {

QString canonicalColumn(const QString &header)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("meterno"), QStringLiteral("meterNo")}, {QStringLiteral("表具编号"), QStringLiteral("meterNo")},
        {QStringLiteral("metertype"), QStringLiteral("meterType")}, {QStringLiteral("表具型号"), QStringLiteral("meterType")},
        {QStringLiteral("factorycode"), QStringLiteral("factoryCode")}, {QStringLiteral("表厂编号"), QStringLiteral("factoryCode")},
        {QStringLiteral("userno"), QStringLiteral("userNo")}, {QStringLiteral("用户编号"), QStringLiteral("userNo")},
        {QStringLiteral("username"), QStringLiteral("userName")}, {QStringLiteral("用户名称"), QStringLiteral("userName")},
        {QStringLiteral("用户名"), QStringLiteral("userName")},
        {QStringLiteral("addrdes"), QStringLiteral("addrDes")}, {QStringLiteral("地址"), QStringLiteral("addrDes")},
        {QStringLiteral("安装地址"), QStringLiteral("addrDes")},
        {QStringLiteral("devno"), QStringLiteral("devNo")}, {QStringLiteral("companyno"), QStringLiteral("companyNo")},
        {QStringLiteral("setuptime"), QStringLiteral("setUpTime")}, {QStringLiteral("安装时间"), QStringLiteral("setUpTime")},
        {QStringLiteral("enablemeterreading"), QStringLiteral("enableMeterReading")},
        {QStringLiteral("启用读数"), QStringLiteral("enableMeterReading")},
        {QStringLiteral("表底数"), QStringLiteral("enableMeterReading")},
        {QStringLiteral("billingunit"), QStringLiteral("billingUnit")}, {QStringLiteral("计费方式"), QStringLiteral("billingUnit")},
    };
    return names.value(header.trimmed().toLower());
}

} // namespace

Parsed parse(const QString &text, const PlatformTime &time)
{
    Parsed out;
    const QList<QStringList> records = csv::parse(text);
    if (records.isEmpty()) {
        out.errors.append({1, {}, QCoreApplication::translate("md::MeterImport", "The file is empty.")});
        return out;
    }
    QHash<QString, int> column;
    for (int i = 0; i < records[0].size(); ++i) {
        const QString c = canonicalColumn(records[0][i]);
        if (!c.isEmpty())
            column.insert(c, i);
    }
    if (!column.contains(QStringLiteral("meterNo"))) {
        out.errors.append({1, {}, QCoreApplication::translate("md::MeterImport", "The header has no meterNo (表具编号) column.")});
        return out;
    }
    QSet<QString> seen;
    for (int r = 1; r < records.size(); ++r) {
        const QStringList &rec = records[r];
        const int line = r + 1;
        auto get = [&](const char *name) {
            const int i = column.value(QLatin1String(name), -1);
            QString v = i >= 0 ? rec.value(i).trimmed() : QString();
            if (v.startsWith(QLatin1String("=\"")) && v.endsWith(u'"')) // our own CSV export's text guard
                v = v.mid(2, v.size() - 3);
            return v;
        };
        MeterInfo m;
        m.meterNo = get("meterNo");
        if (m.meterNo.isEmpty()) {
            out.errors.append({line, {}, QCoreApplication::translate("md::MeterImport", "meterNo is empty")});
            continue;
        }
        if (m.meterNo.size() > 32) {
            out.errors.append({line, m.meterNo, QCoreApplication::translate("md::MeterImport", "meterNo is longer than 32 characters")});
            continue;
        }
        if (seen.contains(m.meterNo)) {
            out.errors.append({line, m.meterNo, QCoreApplication::translate("md::MeterImport", "meterNo appears twice in the file (first one kept)")});
            continue;
        }
        m.meterType = get("meterType");
        m.factoryCode = get("factoryCode");
        m.userNo = get("userNo");
        m.userName = get("userName");
        m.addrDes = get("addrDes");
        m.devNo = get("devNo");
        m.companyNo = get("companyNo");
        const QString setUp = get("setUpTime");
        if (!setUp.isEmpty()) {
            const auto t = time.parseDateTime(setUp);
            if (!t) {
                out.errors.append({line, m.meterNo, QCoreApplication::translate("md::MeterImport", "setUpTime is not yyyy-MM-dd HH:mm:ss")});
                continue;
            }
            m.setUpTime = *t;
        }
        const QString enable = get("enableMeterReading");
        if (!enable.isEmpty()) {
            const auto v = Volume::parse(enable);
            if (!v) {
                out.errors.append({line, m.meterNo, QCoreApplication::translate("md::MeterImport", "enableMeterReading is not a volume with up to 3 decimals")});
                continue;
            }
            m.enableMeterReading = *v;
        }
        const auto unit = parseBillingUnit(get("billingUnit"));
        if (!unit) {
            out.errors.append({line, m.meterNo, QCoreApplication::translate("md::MeterImport", "billingUnit is not money (金额表) or volume (气量表)")});
            continue;
        }
        m.billingUnit = *unit;
        seen.insert(m.meterNo);
        out.meters.append(m);
        out.lines.append(line);
    }
    return out;
}

Parsed parseBytes(const QByteArray &bytes, const PlatformTime &time)
{
    const auto decoded = decodeDeskText(bytes);
    if (!decoded.ok()) {
        Parsed out;
        out.errors.append({1, {}, QCoreApplication::translate("md::MeterImport",
                                                              "The file is not text in UTF-8 or GB18030: save it from "
                                                              "Excel as CSV (comma separated) or CSV UTF-8.")});
        return out;
    }
    return parse(decoded->text, time);
}

namespace {

struct ImportState
{
    Parsed parsed;
    int next = 0;
    int inserted = 0;
    int updated = 0;
    bool cancelled = false;
    QString storeError;
};

constexpr int chunkSize = 2000;

void showReport(QWidget *parent, const ImportState &s, const QString &path)
{
    QString summary = QCoreApplication::translate("md::MeterImport", "%1: %2 new, %3 updated, %4 rejected.")
                          .arg(path)
                          .arg(s.inserted)
                          .arg(s.updated)
                          .arg(s.parsed.errors.size());
    if (s.cancelled)
        summary += QLatin1Char('\n') + QCoreApplication::translate("md::MeterImport", "Cancelled: the rows after the last written chunk were not imported.");
    if (!s.storeError.isEmpty())
        summary += QLatin1Char('\n') + QCoreApplication::translate("md::MeterImport", "The database refused the write: %1").arg(s.storeError);
    QMessageBox box(s.parsed.errors.isEmpty() && s.storeError.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                    QCoreApplication::translate("md::MeterImport", "Import meters"), summary, QMessageBox::Ok, parent);
    if (!s.parsed.errors.isEmpty()) {
        QStringList lines;
        for (const auto &e : s.parsed.errors)
            lines.append(QCoreApplication::translate("md::MeterImport", "line %1 %2: %3").arg(e.line).arg(e.meterNo, e.message));
        box.setDetailedText(lines.join(QLatin1Char('\n')));
    }
    box.exec();
}

void writeNextChunk(QPointer<QWidget> parent, ConsoleContext *context, std::shared_ptr<ImportState> s,
                    QPointer<QProgressDialog> progress, QString path)
{
    if (progress && progress->wasCanceled())
        s->cancelled = true;
    if (s->cancelled || s->next >= s->parsed.meters.size() || !s->storeError.isEmpty()) {
        if (progress)
            progress->close();
        if (parent)
            showReport(parent, *s, path);
        return;
    }
    const int from = s->next;
    const QList<MeterInfo> chunk = s->parsed.meters.mid(from, chunkSize);
    s->next += int(chunk.size());
    whenDone(context->store()->upsertMeters(chunk), context, [=](Result<QList<MeterUpsertResult>> r) {
        if (!r.ok()) {
            s->storeError = r.error().detail.isEmpty() ? r.error().code : r.error().detail;
        } else {
            for (int i = 0; i < r->size(); ++i) {
                const auto &row = r->at(i);
                if (!row.error.code.isEmpty())
                    s->parsed.errors.append({s->parsed.lines.value(from + i), row.meterNo,
                                             row.error.detail.isEmpty() ? row.error.message() : row.error.detail});
                else if (row.inserted)
                    ++s->inserted;
                else
                    ++s->updated;
            }
        }
        if (progress)
            progress->setValue(s->next);
        writeNextChunk(parent, context, s, progress, path);
    });
}

} // namespace

void start(QWidget *parent, ConsoleContext *context, const QString &path)
{
    if (context->isReadOnly()) {
        QMessageBox::warning(parent, QCoreApplication::translate("md::MeterImport", "Import meters"), context->readOnlyError().detail);
        return;
    }
    auto *progress = new QProgressDialog(QCoreApplication::translate("md::MeterImport", "Reading %1…").arg(path), QCoreApplication::translate("md::MeterImport", "Cancel"), 0, 0, parent);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->show();
    const PlatformTime time = context->time();
    QPointer<QWidget> guardParent(parent);
    QPointer<QProgressDialog> guardProgress(progress);
    whenDone(QtConcurrent::run(ConsoleContext::readPool(), [path, time]() -> std::pair<QString, Parsed> {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {f.errorString(), {}};
        return {QString(), parseBytes(f.readAll(), time)};
    }), context, [=](std::pair<QString, Parsed> result) {
        if (!result.first.isEmpty()) {
            if (guardProgress)
                guardProgress->close();
            QMessageBox::warning(guardParent, QCoreApplication::translate("md::MeterImport", "Import meters"), QCoreApplication::translate("md::MeterImport", "Cannot read %1: %2").arg(path, result.first));
            return;
        }
        auto state = std::make_shared<ImportState>();
        state->parsed = std::move(result.second);
        if (guardProgress) {
            guardProgress->setLabelText(QCoreApplication::translate("md::MeterImport", "Writing %n meter(s)…", nullptr, int(state->parsed.meters.size())));
            guardProgress->setRange(0, int(state->parsed.meters.size()));
        }
        writeNextChunk(guardParent, context, state, guardProgress, path);
    });
}

} // namespace md::MeterImport
