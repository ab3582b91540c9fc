// SPDX-License-Identifier: GPL-3.0-or-later
// Concurrency and access: commandSeq unique across two stores on one database (= two processes),
// readers not blocked by a long write transaction (SQLite WAL), read-only mode, registry filters
// and paging, the cross-process change watcher.
#include "storetesting.h"

#include "storage/changewatcher.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtConcurrent>

using namespace md;
using namespace md::testing;

class TestStoreAccess : public QObject
{
    Q_OBJECT

private slots:
    void commandSeqUniqueAcrossStores_data() { addBackendRows(); }
    void commandSeqUniqueAcrossStores();
    void commandStateRules_data() { addBackendRows(); }
    void commandStateRules();
    void readersNotBlockedByWriter();
    void readOnlyRefusesWrites_data() { addBackendRows(); }
    void readOnlyRefusesWrites();
    void registryFilters_data() { addBackendRows(); }
    void registryFilters();
    void watcherSeesOtherStore_data() { addBackendRows(); }
    void watcherSeesOtherStore();
};

void TestStoreAccess::commandSeqUniqueAcrossStores()
{
    MD_FRESH_DATABASE(db);
    auto a = openStore(db);
    auto b = openStore(db);
    QVERIFY(a && b);
    const qint64 now = 1700000000;
    auto allocate = [now](std::shared_ptr<Store> s, int n) {
        QStringList seqs;
        for (int i = 0; i < n; ++i) {
            auto r = wait(i % 5 ? s->allocateCommandSeq(now) : s->allocateTradeNo(now));
            if (!r.ok())
                return QStringList{QStringLiteral("error: ") + r.error().detail};
            seqs << (r->startsWith(QLatin1Char('R')) ? r->mid(1) : *r);
        }
        return seqs;
    };
    auto fa = QtConcurrent::run(allocate, a, 150);
    auto fb = QtConcurrent::run(allocate, b, 150);
    auto fc = QtConcurrent::run(allocate, a, 150);
    const QStringList all = fa.result() + fb.result() + fc.result();
    QSet<QString> unique;
    for (const QString &s : all) {
        QVERIFY2(s.size() == 20, qPrintable(s));
        unique.insert(s);
    }
    QCOMPARE(unique.size(), 450);
    QVERIFY(fa.result().first().startsWith(QLatin1String("20231115061320"))); // 1700000000 in Asia/Shanghai
    // Each caller sees its own sequence strictly increasing.
    for (const QStringList &l : {fa.result(), fb.result()})
        for (int i = 1; i < l.size(); ++i)
            QVERIFY(l[i - 1] < l[i]);
    // A clock that goes back never reuses a number.
    auto back = wait(a->allocateCommandSeq(now - 3600));
    QVERIFY(back.ok());
    QVERIFY(!unique.contains(*back));
    QVERIFY(*back > *std::max_element(all.begin(), all.end()));
}

void TestStoreAccess::commandStateRules()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    auto seq = wait(store->allocateCommandSeq(1700000000));
    CommandRecord c;
    c.commandSeq = *seq;
    c.name = QStringLiteral("getParameter");
    c.meterNo = QStringLiteral("M1");
    c.operatorName = QStringLiteral("alice");
    c.batchId = QStringLiteral("b1");
    auto inserted = wait(store->insertCommand(c));
    QVERIFY(inserted.ok());
    QVERIFY(!wait(store->insertCommand(c)).ok()); // one row per commandSeq
    CommandUpdate sent;
    sent.state = CommandState::Sent;
    sent.sentAt = 1000;
    sent.incrementAttempts = true;
    QVERIFY(wait(store->updateCommandState(*seq, sent)).ok());
    auto expired = wait(store->expireCommands(1000 + 72 * 3600 + 1, 72 * 3600));
    QVERIFY(expired.ok());
    QCOMPARE(*expired, QStringList{*seq});
    auto row = store->commandBySeq(*seq);
    QCOMPARE((*row)->state, CommandState::Expired);
    QCOMPARE((*row)->attempts, 1);
    CommandUpdate late;
    late.state = CommandState::Succeeded;
    QVERIFY(!wait(store->updateCommandState(*seq, late)).ok());
    CommandFilter f;
    f.states = {CommandState::Expired};
    f.meterNo = QStringLiteral("M1");
    auto page = store->commands(f);
    QVERIFY(page.ok());
    QCOMPARE(page->total, 1);
    QCOMPARE(page->rows.first().operatorName, QStringLiteral("alice"));
    f.states = {CommandState::Queued};
    QCOMPARE(store->commands(f)->total, 0);
}

void TestStoreAccess::readersNotBlockedByWriter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("wal.sqlite"));
    auto store = openStore(QStringLiteral("sqlite:") + path);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    {
        // Another process's long write transaction, holding SQLite's write lock.
        auto holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        holder.setDatabaseName(path);
        QVERIFY(holder.open());
        QSqlQuery q(holder);
        QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(q.exec(QStringLiteral("UPDATE meters SET user_name = 'uncommitted'")));
        QElapsedTimer t;
        t.start();
        auto page = QtConcurrent::run([store] { return store->registryPage({}); }).result();
        QVERIFY(page.ok());
        QVERIFY2(t.elapsed() < 1000, "a reader waited for the writer");
        QCOMPARE(page->first().userName, QStringLiteral("User M1")); // the committed snapshot
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("holder"));
}

void TestStoreAccess::readOnlyRefusesWrites()
{
    MD_FRESH_DATABASE(db);
    if (backend == QLatin1String("sqlite")) {
        const QString missing = db + QStringLiteral(".missing");
        StoreOptions o;
        o.database = missing;
        o.readOnly = true;
        QVERIFY(!Store::open(o).ok());
        QVERIFY(!QFile::exists(missing.mid(7))); // nothing created
    }
    {
        auto rw = openStore(db);
        QVERIFY(rw);
        QVERIFY(wait(rw->upsertMeters({meter(QStringLiteral("M1"))})).ok());
        QVERIFY(wait(rw->submit(meterDataUp(QStringLiteral("M1"), 1700000000, 2))).ok);
    }
    auto ro = openStore(db, true);
    QVERIFY(ro);
    QVERIFY(ro->isReadOnly());
    const WriteOutcome o = wait(ro->submit(meterDataUp(QStringLiteral("M1"), 1800000000, 2)));
    QVERIFY(!o.ok);
    QCOMPARE(o.error.code, QStringLiteral("9998"));
    QCOMPARE(wait(ro->journal(inbound(QStringLiteral("x")))).error().code, QStringLiteral("9998"));
    QVERIFY(!wait(ro->allocateCommandSeq(1)).ok());
    QVERIFY(!wait(ro->upsertMeters({meter(QStringLiteral("M2"))})).ok());
    QCOMPARE(ro->readings(QStringLiteral("M1"), 0, 0)->time.size(), 2);
    QCOMPARE(ro->tableCounts()->value(QStringLiteral("meters")), 1);
}

void TestStoreAccess::registryFilters()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QList<MeterInfo> meters;
    for (int i = 0; i < 60; ++i)
        meters << meter(QStringLiteral("1%1").arg(i, 5, 10, QLatin1Char('0')), i < 3 ? QStringLiteral("张三%1").arg(i) : QString(),
                        i == 7 ? QStringLiteral("Rose Garden 7") : QString());
    auto up = wait(store->upsertMeters(meters));
    QVERIFY(up.ok());
    QVERIFY(wait(store->submit(meterDataUp(QStringLiteral("100001"), 1700000000, 3))).ok);
    UploadWrite low = meterDataUp(QStringLiteral("100002"), 1700000000, 1);
    low.readings[0].meterBalanceAmt = Money::fromUnits(-5000);
    low.statuses[0].valveStatus = QStringLiteral("1");
    QVERIFY(wait(store->submit(low)).ok);

    auto count = [&](RegistryFilter f) { return store->registryCount(f)->count; };
    auto rows = [&](RegistryFilter f, int limit = 100) {
        RegistryPageRequest r;
        r.filter = f;
        r.limit = limit;
        return *store->registryPage(r);
    };
    QCOMPARE(count({}), 60);
    RegistryFilter f;
    f.text = QStringLiteral("10001"); // prefix of meterNo 100010..100019
    QCOMPARE(count(f), 10);
    QCOMPARE(rows(f).first().meterNo, QStringLiteral("100010"));
    f.text = QStringLiteral("张三");
    QCOMPARE(count(f), 3);
    f.text = QStringLiteral("U10005"); // userNo prefix
    QCOMPARE(count(f), 10);
    f.text = QStringLiteral("garden");
    QCOMPARE(count(f), 0);         // prefix: no
    f.contains = true;
    QCOMPARE(count(f), 1);         // substring, case-insensitive ASCII
    f.text = QStringLiteral("100%");
    QCOMPARE(count(f), 0);         // LIKE wildcards are escaped
    RegistryFilter closed;
    closed.valve = ValveFilter::Closed;
    QCOMPARE(rows(closed).size(), 1);
    RegistryFilter balance;
    balance.balanceBelow = Money::fromUnits(0);
    QCOMPARE(rows(balance).first().meterNo, QStringLiteral("100002"));
    RegistryFilter silent;
    silent.silentDays = 3;
    QCOMPARE(count(silent), 58); // two meters spoke just now

    // Keyset paging walks everything exactly once.
    RegistryPageRequest page;
    page.limit = 25;
    QStringList seen;
    for (;;) {
        auto p = store->registryPage(page);
        QVERIFY(p.ok());
        if (p->isEmpty())
            break;
        for (const auto &r : *p)
            seen << r.meterNo;
        page.afterMeterNo = p->last().meterNo;
    }
    QCOMPARE(seen.size(), 60);
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 60);

    QVERIFY(*wait(store->removeMeter(QStringLiteral("100000"))));
    QCOMPARE(count({}), 59);
    QCOMPARE(store->lookupMeters({QStringLiteral("100000"), QStringLiteral("100001")})->size(), 1);
    QVERIFY(!*wait(store->removeMeter(QStringLiteral("100000"))));
}

void TestStoreAccess::watcherSeesOtherStore()
{
    MD_FRESH_DATABASE(db);
    auto writerStore = openStore(db);
    QVERIFY(writerStore);
    ChangeWatcher watcher(db, 100);
    QVERIFY(watcher.start().ok());
    QSignalSpy meters(&watcher, &ChangeWatcher::metersChanged);
    QSignalSpy commands(&watcher, &ChangeWatcher::commandsChanged);
    QVERIFY(wait(writerStore->upsertMeters({meter(QStringLiteral("M1"))})).ok());
    auto seq = wait(writerStore->allocateCommandSeq(1700000000));
    CommandRecord c;
    c.commandSeq = *seq;
    c.name = QStringLiteral("meterInfo");
    QVERIFY(wait(writerStore->insertCommand(c)).ok());
    QTRY_VERIFY_WITH_TIMEOUT(meters.count() >= 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(commands.count() >= 1, 5000);
    QCOMPARE(commands.first().first().toStringList(), QStringList{*seq});
}

QTEST_GUILESS_MAIN(TestStoreAccess)
#include "tst_storeaccess.moc"
