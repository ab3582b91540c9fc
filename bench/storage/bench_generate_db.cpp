// SPDX-License-Identifier: GPL-3.0-or-later
// Fills a database for the GUI / query benchmarks quickly: the store creates the schema, then direct
// prepared inserts (50k rows per transaction, synchronous=OFF while generating) write meters with
// their "latest" columns, readings, and a few alarms.
//   bench_generate_db --meters 1000000 --readings-per-meter 10 --out FILE [--long-meter]
// --long-meter adds meter "LONG0000001" with 87,600 hourly readings
// (10 years) for the timeline benchmark.
#include "storage/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

using namespace md;

namespace {

const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"};
const char *const given[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"};
const char *const streets[] = {"人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "长江路", "黄河路"};

void check(QSqlQuery &q)
{
    if (!q.exec())
        qFatal("insert: %s", qPrintable(q.lastError().text()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("meters"), QStringLiteral("meter count"), QStringLiteral("n"), QStringLiteral("1000000")});
    p.addOption({QStringLiteral("readings-per-meter"), QStringLiteral("hourly readings per meter"), QStringLiteral("n"), QStringLiteral("10")});
    p.addOption({QStringLiteral("out"), QStringLiteral("SQLite file to create (must not exist)"), QStringLiteral("file")});
    p.addOption({QStringLiteral("long-meter"), QStringLiteral("add meter LONG0000001 with 87,600 hourly readings")});
    p.process(app);
    const QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty() || QFile::exists(out)) {
        std::fprintf(stderr, "--out FILE is required and must not exist\n");
        return 2;
    }
    const qint64 meters = p.value(QStringLiteral("meters")).toLongLong();
    const int perMeter = p.value(QStringLiteral("readings-per-meter")).toInt();
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
    QElapsedTimer t;
    t.start();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 start = (now / 3600 - perMeter) * 3600;
    QSqlQuery m(db), r(db), a(db);
    m.prepare(QStringLiteral("INSERT INTO meters (id, meter_no, meter_type, user_no, user_name, addr_des, created_at, updated_at, "
                             "last_upload_at, last_meter_time, last_data_time, last_reading, balance, valve_status, cell_voltage, "
                             "signal, active_alarms, critical_alarms) VALUES (?, ?, '1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    r.prepare(QStringLiteral("INSERT INTO readings (meter_id, data_time, reading, balance_amt, price, received_at) VALUES (?, ?, ?, ?, ?, ?)"));
    a.prepare(QStringLiteral("INSERT INTO alarms (meter_id, alarm_type, critical, active, opened_at, last_seen_at) VALUES (?, ?, ?, 1, ?, ?)"));
    qint64 readings = 0;
    db.transaction();
    for (qint64 id = 1; id <= meters; ++id) {
        const bool alarming = id % 997 == 0;
        const bool critical = id % 9973 == 0;
        const bool silent = id % 50 == 0;
        const qint64 lastReading = 100000 + id % 5000 + perMeter * 120;
        const qint64 balance = id % 40 == 0 ? -2000 : 1000000 - (id % 700) * 1000;
        m.bindValue(0, id);
        m.bindValue(1, QStringLiteral("3%1").arg(id, 11, 10, QLatin1Char('0')));
        m.bindValue(2, QStringLiteral("U%1").arg(id * 7919 % 100000000, 8, 10, QLatin1Char('0')));
        m.bindValue(3, QString::fromUtf8(surnames[id % 16]) + QString::fromUtf8(given[(id / 16) % 16]) + QString::fromUtf8(given[(id / 256) % 16]));
        m.bindValue(4, QString::fromUtf8(streets[id % 8]) + QStringLiteral("%1号").arg(id % 3000));
        m.bindValue(5, now);
        m.bindValue(6, now);
        m.bindValue(7, silent ? now - 10 * 86400 : now - 3600);
        m.bindValue(8, now - 3600);
        m.bindValue(9, start + (perMeter - 1) * 3600);
        m.bindValue(10, lastReading);
        m.bindValue(11, balance);
        m.bindValue(12, id % 100 == 0 ? QStringLiteral("1") : QStringLiteral("0"));
        m.bindValue(13, QStringLiteral("3.6"));
        m.bindValue(14, QStringLiteral("22"));
        m.bindValue(15, alarming || critical ? 1 : 0);
        m.bindValue(16, critical ? 1 : 0);
        check(m);
        for (int i = 0; i < perMeter; ++i) {
            r.bindValue(0, id);
            r.bindValue(1, start + i * 3600);
            r.bindValue(2, lastReading - (perMeter - 1 - i) * 120);
            r.bindValue(3, balance);
            r.bindValue(4, qint64(32000));
            r.bindValue(5, now);
            check(r);
            ++readings;
        }
        if (alarming || critical) {
            a.bindValue(0, id);
            a.bindValue(1, critical ? QStringLiteral("1002") : QStringLiteral("1007"));
            a.bindValue(2, critical ? 1 : 0);
            a.bindValue(3, now - 7200);
            a.bindValue(4, now - 7200);
            check(a);
        }
        if (id % 50000 == 0) {
            db.commit();
            db.transaction();
            std::fprintf(stderr, "\r%lld meters, %lld readings, %.1f s", id, readings, t.elapsed() / 1000.0);
        }
    }
    if (p.isSet(QStringLiteral("long-meter"))) {
        const qint64 id = meters + 1;
        const int n = 87600;
        const qint64 first = (now / 3600 - n) * 3600;
        m.bindValue(0, id);
        m.bindValue(1, QStringLiteral("LONG0000001"));
        m.bindValue(2, QStringLiteral("ULONG"));
        m.bindValue(3, QStringLiteral("长期用户"));
        m.bindValue(4, QStringLiteral("测试路1号"));
        m.bindValue(9, first + (n - 1) * 3600);
        m.bindValue(10, qint64(n) * 50);
        m.bindValue(15, 0);
        m.bindValue(16, 0);
        check(m);
        for (int i = 0; i < n; ++i) {
            r.bindValue(0, id);
            r.bindValue(1, first + qint64(i) * 3600);
            r.bindValue(2, qint64(i) * 50);
            r.bindValue(3, qint64(1000000 - i));
            r.bindValue(4, qint64(32000));
            r.bindValue(5, now);
            check(r);
            ++readings;
        }
    }
    db.commit();
    QSqlQuery(db).exec(QStringLiteral("ANALYZE"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    std::fprintf(stderr, "\n");
    std::printf("generated %lld meters, %lld readings into %s in %.1f s (%.0f rows/s)\n", meters, readings, qPrintable(out),
                t.elapsed() / 1000.0, (meters + readings) / (t.elapsed() / 1000.0));
    return 0;
}
