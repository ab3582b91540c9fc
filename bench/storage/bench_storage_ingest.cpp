// SPDX-License-Identifier: GPL-3.0-or-later
// Ingest throughput: (a) the raw ceiling, prepared INSERTs of readings rows in 10k-row transactions on
// one connection; (b) Store::submit of meterDataUp-sized writes (1 status + 24 readings + journal)
// through the group-commit writer, with many submits in flight as the listener has.
//   bench_storage_ingest [--postgres URL] [--raw-rows N] [--uploads N] [--in-flight N]
#include "storage/dialect.h"
#include "storage/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace md;

namespace {

UploadWrite upload(const QString &meterNo, qint64 start)
{
    UploadWrite w;
    w.journal.at = QDateTime::currentMSecsSinceEpoch();
    w.journal.endpoint = QStringLiteral("meterDataUp");
    w.journal.body = QByteArray(1200, 'x'); // a typical body size
    w.journal.returnCode = QStringLiteral("0000");
    w.journal.meterNo = meterNo;
    MeterStatus st;
    st.meterNo = meterNo;
    st.meterTime = start + 24 * 3600;
    st.receivedAt = st.meterTime;
    st.valveStatus = QStringLiteral("0");
    w.statuses << st;
    for (int i = 0; i < 24; ++i) {
        Reading r;
        r.meterNo = meterNo;
        r.dataTime = start + i * 3600;
        r.readingNum = Volume::fromUnits(100000 + i * 37);
        r.meterBalanceAmt = Money::fromUnits(500000 - i * 100);
        r.price = Money::fromUnits(32000);
        w.readings << r;
    }
    return w;
}

// One connection opened as the store's writer opens its own (WAL, synchronous FULL, the schema's
// search_path): the ceiling is measured under the same session settings.
QSqlDatabase rawConnection(const QString &database)
{
    auto location = parseDatabaseLocation(database);
    if (!location)
        qFatal("raw open: %s", qPrintable(location.error().detail));
    auto opened = Dialect(location->backend).openConnection(*location, QStringLiteral("raw"), Dialect::Role::Writer, 10000);
    if (!opened)
        qFatal("raw open: %s", qPrintable(opened.error().detail));
    return QSqlDatabase::database(*opened);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("postgres"), QStringLiteral("PostgreSQL URL (default: a temporary SQLite file)"), QStringLiteral("url")});
    p.addOption({QStringLiteral("raw-rows"), QStringLiteral("rows for the raw ceiling"), QStringLiteral("n"), QStringLiteral("500000")});
    p.addOption({QStringLiteral("uploads"), QStringLiteral("meterDataUp writes through Store::submit"), QStringLiteral("n"), QStringLiteral("5000")});
    p.addOption({QStringLiteral("in-flight"), QStringLiteral("submits in flight"), QStringLiteral("n"), QStringLiteral("64")});
    p.addOption({QStringLiteral("batch-items"), QStringLiteral("group commit: max items per transaction"), QStringLiteral("n"), QStringLiteral("512")});
    p.process(app);

    QTemporaryDir dir;
    const bool pg = p.isSet(QStringLiteral("postgres"));
    QString database = pg ? p.value(QStringLiteral("postgres")) : QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("bench.sqlite"));
    if (pg)
        database += QStringLiteral("?schema=bench_%1").arg(QDateTime::currentMSecsSinceEpoch());
    std::printf("backend: %s\n", pg ? "postgresql" : "sqlite (WAL, synchronous=FULL)");

    StoreOptions o;
    o.database = database;
    o.maxBatchItems = p.value(QStringLiteral("batch-items")).toInt();
    auto opened = Store::open(o);
    if (!opened) {
        std::fprintf(stderr, "open: %s\n", qPrintable(opened.error().detail));
        return 1;
    }
    auto store = *opened;
    const int meters = 1000;
    QList<MeterInfo> infos;
    for (int i = 0; i < meters; ++i) {
        MeterInfo m;
        m.meterNo = QStringLiteral("9%1").arg(i, 11, 10, QLatin1Char('0'));
        infos << m;
    }
    if (!store->upsertMeters(infos).result().ok())
        return 1;

    // (a) raw prepared inserts, 10k rows per transaction, same table and key as the store's.
    {
        QSqlDatabase raw = rawConnection(database);
        const int rows = p.value(QStringLiteral("raw-rows")).toInt();
        QSqlQuery ins(raw);
        ins.prepare(QStringLiteral("INSERT INTO readings (meter_id, data_time, reading, balance_amt, price, received_at) "
                                   "VALUES (?, ?, ?, ?, ?, ?)"));
        QElapsedTimer t;
        t.start();
        for (int done = 0; done < rows;) {
            raw.transaction();
            for (int i = 0; i < 10000 && done < rows; ++i, ++done) {
                // Meter-major like real uploads: each meter's next hours.
                ins.bindValue(0, qint64(done % meters + 1));
                ins.bindValue(1, qint64(2000000000) + qint64(done / meters) * 3600);
                ins.bindValue(2, qint64(done));
                ins.bindValue(3, qint64(500000));
                ins.bindValue(4, qint64(32000));
                ins.bindValue(5, qint64(1700000000));
                if (!ins.exec())
                    qFatal("raw insert: %s", qPrintable(ins.lastError().text()));
            }
            raw.commit();
        }
        const double s = t.elapsed() / 1000.0;
        std::printf("(a) raw prepared insert, 10k rows/transaction: %d rows in %.2f s = %.0f rows/s\n", rows, s, rows / s);
        // (a') SQLite: the same rows (new keys), 1,000 per statement bound as ONE JSON parameter
        // (json_each), as the store's writer does. QtSql spends more per bound parameter than SQLite
        // spends per row, so (a) measures QtSql's binding and (a') comes closer to SQLite's own bound.
        if (!pg) {
            QSqlQuery ins2(raw);
            ins2.prepare(QStringLiteral("INSERT INTO readings (meter_id, data_time, reading, balance_amt, price, received_at) "
                                        "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
                                        "json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]') "
                                        "FROM json_each(?)"));
            QElapsedTimer t2;
            t2.start();
            for (int done = 0; done < rows;) {
                raw.transaction();
                for (int i = 0; i < 10 && done < rows; ++i) {
                    QByteArray json("[");
                    for (int k = 0; k < 1000 && done < rows; ++k, ++done) {
                        if (k)
                            json += ',';
                        json += '[' + QByteArray::number(done % meters + 1) + ','
                                + QByteArray::number(qint64(2100000000) + qint64(done / meters) * 3600) + ','
                                + QByteArray::number(done) + ",500000,32000,1700000000]";
                    }
                    json += ']';
                    ins2.bindValue(0, QString::fromLatin1(json));
                    if (!ins2.exec())
                        qFatal("raw json insert: %s", qPrintable(ins2.lastError().text()));
                }
                raw.commit();
            }
            const double s2 = t2.elapsed() / 1000.0;
            std::printf("(a') raw insert, 1000 rows per statement as one JSON parameter: %d rows in %.2f s = %.0f rows/s\n",
                        rows, s2, rows / s2);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));

    // (b) Store::submit with many writes in flight (the listener's situation).
    {
        const int uploads = p.value(QStringLiteral("uploads")).toInt();
        const int inFlight = p.value(QStringLiteral("in-flight")).toInt();
        QList<QFuture<WriteOutcome>> pending;
        QElapsedTimer t;
        t.start();
        int failed = 0;
        qint64 rows = 0;
        for (int i = 0; i < uploads; ++i) {
            pending << store->submit(upload(infos[i % meters].meterNo, 1500000000 + qint64(i / meters) * 86400));
            if (pending.size() >= inFlight) {
                const WriteOutcome r = pending.takeFirst().result();
                failed += r.ok ? 0 : 1;
                rows += r.readingsInserted;
            }
        }
        for (auto &f : pending) {
            const WriteOutcome r = f.result();
            failed += r.ok ? 0 : 1;
            rows += r.readingsInserted;
        }
        const double s = t.elapsed() / 1000.0;
        std::printf("(b) Store::submit meterDataUp (24 readings + status + journal), %d in flight: %d uploads in %.2f s = "
                    "%.0f uploads/s = %.0f reading rows/s (%d failed)\n",
                    inFlight, uploads, s, uploads / s, rows / s, failed);
        // One at a time: the latency a single sender sees (one commit per upload).
        QElapsedTimer t1;
        t1.start();
        const int serial = 200;
        for (int i = 0; i < serial; ++i)
            (void)store->submit(upload(infos[i % meters].meterNo, 1400000000 + qint64(i / meters) * 86400)).result();
        std::printf("(b') one upload at a time: %.2f ms per upload (commit latency)\n", t1.elapsed() / double(serial));
    }
    return 0;
}
