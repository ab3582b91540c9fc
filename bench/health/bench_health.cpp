// SPDX-License-Identifier: GPL-3.0-or-later
// The meter-health recompute on a big database: a full pass (every meter, its lookback window) and
// the cost of recomputing one meter (what an update per upload would add).
//   bench_health --db FILE [--repeat N] [--at "yyyy-MM-dd HH:mm:ss"]
//   bench_health --generate-hourly METERS --days D --out FILE
// The generator writes hourly readings (a household profile, 1 meter in 100 leaking at night) and a
// daily status per meter, ending now, with direct prepared inserts like bench_generate_db.
#include "core/timeformat.h"
#include "health/healthengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

using namespace md;

namespace {

int generate(const QString &out, qint64 meters, int days)
{
    {
        StoreOptions o;
        o.database = QStringLiteral("sqlite:") + out;
        auto s = Store::open(o);
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().detail));
            return 1;
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("gen"));
    db.setDatabaseName(out);
    if (!db.open())
        return 1;
    QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = OFF"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = -200000"));
    const PlatformTime time; // the default platform zone, the one the health engine reads these days in
    const qint64 now = QDateTime::currentSecsSinceEpoch() / 3600 * 3600;
    const qint64 start = now - qint64(days) * 86400;
    QSqlQuery m(db), r(db), s(db);
    m.prepare(QStringLiteral("INSERT INTO meters (id, meter_no, created_at, updated_at, last_upload_at, last_meter_time, last_data_time, "
                             "last_reading, balance, valve_status, cell_voltage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1000000, '0', '3.60')"));
    r.prepare(QStringLiteral("INSERT INTO readings (meter_id, data_time, reading, received_at) VALUES (?, ?, ?, ?)"));
    s.prepare(QStringLiteral("INSERT INTO statuses (meter_id, meter_time, received_at, valve_status, cell_voltage, total_recharge_amt, "
                             "total_recharge_count) VALUES (?, ?, ?, '0', '3.60', 0, 0)"));
    static const int weight[24] = {0, 0, 0, 0, 0, 5, 40, 60, 40, 20, 20, 40, 50, 20, 10, 10, 20, 50, 70, 60, 40, 20, 10, 0};
    QElapsedTimer t;
    t.start();
    qint64 rows = 0;
    db.transaction();
    for (qint64 id = 1; id <= meters; ++id) {
        qint64 reading = 100000 + id % 5000;
        const bool leaking = id % 100 == 0;
        qint64 dayStart = time.startOfDay(time.dateOf(start));
        for (qint64 at = start; at < now; at += 3600) {
            r.bindValue(0, id);
            r.bindValue(1, at);
            r.bindValue(2, reading);
            r.bindValue(3, at);
            if (!r.exec())
                qFatal("insert: %s", qPrintable(r.lastError().text()));
            if (at >= dayStart + 86400) // the zone's calendar once a day, not once a row
                dayStart = time.startOfDay(time.dateOf(at));
            const int hour = int(qBound(qint64(0), (at - dayStart) / 3600, qint64(23))); // platform hour
            reading += weight[hour] + (leaking ? 30 : 0);
            if (hour == 0) {
                s.bindValue(0, id);
                s.bindValue(1, at);
                s.bindValue(2, at);
                if (!s.exec())
                    qFatal("insert: %s", qPrintable(s.lastError().text()));
            }
            ++rows;
        }
        m.bindValue(0, id);
        m.bindValue(1, QStringLiteral("H%1").arg(id, 11, 10, QLatin1Char('0')));
        m.bindValue(2, start);
        m.bindValue(3, now);
        m.bindValue(4, now - 600);
        m.bindValue(5, now - 600);
        m.bindValue(6, now - 3600);
        m.bindValue(7, reading);
        if (!m.exec())
            qFatal("insert: %s", qPrintable(m.lastError().text()));
        if (id % 200 == 0) {
            db.commit();
            db.transaction();
            std::fprintf(stderr, "\r%lld meters, %lld readings, %.1f s", id, rows, t.elapsed() / 1000.0);
        }
    }
    db.commit();
    QSqlQuery(db).exec(QStringLiteral("ANALYZE"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    std::printf("\ngenerated %lld meters x %d days of hourly readings (%lld rows) into %s in %.1f s\n", meters, days, rows,
                qPrintable(out), t.elapsed() / 1000.0);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("database (file or postgresql:// URL)"), QStringLiteral("db")});
    p.addOption({QStringLiteral("repeat"), QStringLiteral("full recomputes to run"), QStringLiteral("n"), QStringLiteral("2")});
    p.addOption({QStringLiteral("at"), QStringLiteral("platform time of the recompute"), QStringLiteral("yyyy-MM-dd HH:mm:ss")});
    p.addOption({QStringLiteral("generate-hourly"), QStringLiteral("generate this many meters"), QStringLiteral("n")});
    p.addOption({QStringLiteral("days"), QStringLiteral("days of hourly history to generate"), QStringLiteral("d"), QStringLiteral("60")});
    p.addOption({QStringLiteral("out"), QStringLiteral("SQLite file to create (must not exist)"), QStringLiteral("file")});
    p.process(app);
    if (p.isSet(QStringLiteral("generate-hourly"))) {
        const QString out = p.value(QStringLiteral("out"));
        if (out.isEmpty() || QFile::exists(out)) {
            std::fprintf(stderr, "--out FILE is required and must not exist\n");
            return 2;
        }
        return generate(out, p.value(QStringLiteral("generate-hourly")).toLongLong(), p.value(QStringLiteral("days")).toInt());
    }
    StoreOptions o;
    o.database = p.value(QStringLiteral("db"));
    auto store = Store::open(o);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().detail));
        return 1;
    }
    const PlatformTime time;
    qint64 now = QDateTime::currentSecsSinceEpoch();
    if (p.isSet(QStringLiteral("at")))
        now = time.parseDateTime(p.value(QStringLiteral("at"))).value_or(now);
    const HealthEngine engine(*store, HealthSettings(), time);
    for (int i = 0; i < p.value(QStringLiteral("repeat")).toInt(); ++i) {
        auto run = engine.recompute(now + i);
        if (!run) {
            std::fprintf(stderr, "recompute: %s\n", qPrintable(run.error().detail));
            return 1;
        }
        std::printf("full recompute %d: %.2f s  meters %lld  readings read %lld  statuses read %lld  findings %lld "
                    "(new %d, refreshed %d, cleared %d)\n",
                    i + 1, run->elapsedMs / 1000.0, run->meters, run->readings, run->statuses, run->findings,
                    run->saved.inserted, run->saved.updated, run->saved.cleared);
    }
    // One meter, as an update after each upload would do it.
    auto first = (*store)->registryPage(RegistryPageRequest{RegistryFilter{}, QString(), 0, 1});
    if (first && !first->isEmpty()) {
        const QString meterNo = first->first().meterNo;
        constexpr int n = 200;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < n; ++i)
            if (!engine.recompute(now + 100 + i, {meterNo}))
                return 1;
        std::printf("one-meter recompute (%s): %.2f ms each (%d runs)\n", qPrintable(meterNo), double(t.elapsed()) / n, n);
    }
    return 0;
}
