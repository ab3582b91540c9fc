// SPDX-License-Identifier: GPL-3.0-or-later
// Registry substring ("match anywhere") search from the trigram index (FTS5 on SQLite, pg_trgm on
// PostgreSQL) and, for 1-2 characters, the bigram index: every search returns exactly the meters a
// plain ASCII-case-insensitive "contains" over the four text columns finds, through both plans (the
// index candidates joined and sorted, and the dense walk in meter_no order), page by page; the
// indexes follow inserts, renames and removals, and an existing database gets them filled by the
// migrations.
#include "storetesting.h"
#include "storage/connection.h"
#include "storage/substringsearch.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace md;
using namespace md::testing;

namespace {

// ~400 meters with text that shares trigrams across columns and case variants.
QList<MeterInfo> sampleMeters()
{
    const QStringList names{QStringLiteral("王伟"), QStringLiteral("张三丰"), QStringLiteral("李四"), QStringLiteral("Rose Miller"),
                            QStringLiteral("王伟东")};
    const QStringList streets{QStringLiteral("解放路%1号"), QStringLiteral("人民路%1号"), QStringLiteral("Rose Garden %1"),
                              QStringLiteral("GARDEN lane %1")};
    QList<MeterInfo> list;
    for (int i = 0; i < 400; ++i) {
        MeterInfo m = meter(QStringLiteral("3000%1").arg(i * 37 % 1000, 8, 10, QLatin1Char('0')), names.at(i % names.size()),
                            streets.at(i % streets.size()).arg(i % 150));
        list << m;
    }
    return list;
}

bool asciiContains(const QString &hay, const QString &needle)
{
    return hay.toLower().contains(needle.toLower()); // test data: ASCII letters and CJK (no case)
}

QStringList expected(const QList<MeterInfo> &meters, const QString &text)
{
    QStringList out;
    for (const MeterInfo &m : meters) {
        for (const QString &v : {m.meterNo, m.userNo, m.userName, m.addrDes}) {
            if (asciiContains(v, text)) {
                out << m.meterNo;
                break;
            }
        }
    }
    out.sort();
    return out;
}

std::shared_ptr<Store> openWith(const QString &database, int indexedMax)
{
    StoreOptions o;
    o.database = database;
    o.substringIndexedMax = indexedMax;
    auto s = Store::open(o);
    return s ? *s : nullptr;
}

// A raw connection to the test database (to look at the schema behind the store's back).
QSqlDatabase rawConnection(const QString &database, const QString &name)
{
    auto location = parseDatabaseLocation(database);
    if (!location)
        return {};
    auto opened = Dialect(location->backend).openConnection(*location, name, Dialect::Role::Writer, 10000);
    return opened ? QSqlDatabase::database(*opened) : QSqlDatabase();
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestStoreSearch : public QObject
{
    Q_OBJECT
private slots:
    void matchesPlainContains_data();
    void matchesPlainContains();
    void indexFollowsChanges_data() { addBackendRows(); }
    void indexFollowsChanges();
    void migrationFillsExistingMeters();
};

void TestStoreSearch::matchesPlainContains_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("indexedMax");
    for (const char *backend : {"sqlite", "postgresql"}) {
        for (int indexedMax : {10000, 5}) // 5: most searches take the dense walk
            QTest::addRow("%s/max%d", backend, indexedMax) << QString::fromLatin1(backend) << indexedMax;
    }
}

void TestStoreSearch::matchesPlainContains()
{
    MD_FRESH_DATABASE(db);
    QFETCH(int, indexedMax);
    auto store = openWith(db, indexedMax);
    QVERIFY(store);
    const QList<MeterInfo> meters = sampleMeters();
    QVERIFY(wait(store->upsertMeters(meters)).ok());
    const QStringList texts{QStringLiteral("garden"), QStringLiteral("Rose"),  QStringLiteral("000037"), QStringLiteral("解放路1"),
                            QStringLiteral("伟东"),  QStringLiteral("王伟"),  QStringLiteral("王"),     QStringLiteral("30"),
                            QStringLiteral("ane 14"), QStringLiteral("100%"), QStringLiteral("a_b"),    QStringLiteral("\"x\""),
                            QStringLiteral("no such text"),
                            // 1-2 characters: the bigram index (in the middle, at the end, across
                            // case, a letter and a digit), and text it cannot answer (scanned).
                            QStringLiteral("丰"),     QStringLiteral("号"),   QStringLiteral("路1"),    QStringLiteral("四"),
                            QStringLiteral("GA"),     QStringLiteral("n1"),  QStringLiteral("-1"),    QStringLiteral("%"),
                            QStringLiteral("东路"),   QStringLiteral("7")};
    for (const QString &text : texts) {
        const QStringList want = expected(meters, text);
        RegistryPageRequest page;
        page.filter.text = text;
        page.filter.contains = true;
        page.limit = 7;
        QStringList got;
        for (int guard = 0; guard < 200; ++guard) {
            auto p = store->registryPage(page);
            QVERIFY2(p.ok(), qPrintable(text));
            for (const RegistryRow &r : *p)
                got << r.meterNo;
            if (p->size() < page.limit)
                break;
            page.afterMeterNo = p->last().meterNo;
        }
        QVERIFY2(got == want, qPrintable(QStringLiteral("%1: %2 rows, expected %3").arg(text).arg(got.size()).arg(want.size())));
        auto count = store->registryCount(page.filter);
        QVERIFY2(count.ok() && count->count == want.size(), qPrintable(text));
    }
}

void TestStoreSearch::indexFollowsChanges()
{
    MD_FRESH_DATABASE(db);
    auto store = openWith(db, 10000);
    QVERIFY(store);
    auto find = [&](const QString &text) {
        RegistryPageRequest r;
        r.filter.text = text;
        r.filter.contains = true;
        const auto page = store->registryPage(r);
        QStringList out;
        for (const RegistryRow &row : *page)
            out << row.meterNo;
        return out;
    };
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"), QStringLiteral("Alice Stone"), QStringLiteral("Oak street 5")),
                                      meter(QStringLiteral("M2"), QStringLiteral("Bob Stone"), QStringLiteral("Elm street 9"))}))
                .ok());
    QCOMPARE(find(QStringLiteral("stone")), (QStringList{QStringLiteral("M1"), QStringLiteral("M2")}));
    // An upload updates the meter's "latest" columns: the text stays findable.
    QVERIFY(wait(store->submit(meterDataUp(QStringLiteral("M1"), 1700000000, 2))).ok);
    QCOMPARE(find(QStringLiteral("oak st")), QStringList{QStringLiteral("M1")});
    // A rename moves the meter from the old text to the new.
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("M1"), QStringLiteral("Alice Brook"), QStringLiteral("Pine road 5"))})).ok());
    QCOMPARE(find(QStringLiteral("stone")), QStringList{QStringLiteral("M2")});
    QCOMPARE(find(QStringLiteral("brook")), QStringList{QStringLiteral("M1")});
    QCOMPARE(find(QStringLiteral("oak st")), QStringList{});
    QCOMPARE(find(QStringLiteral("oo")), QStringList{QStringLiteral("M1")}); // bigram index
    QCOMPARE(find(QStringLiteral("aK")), QStringList{}); // only in the old address
    // A removed meter is not found.
    QVERIFY(*wait(store->removeMeter(QStringLiteral("M2"))));
    QCOMPARE(find(QStringLiteral("stone")), QStringList{});

    // The index exists (a missing one would make every answer above come from the scan).
    QSqlDatabase raw = rawConnection(db, QStringLiteral("raw-follow"));
    QVERIFY(raw.isOpen());
    const qint64 n = backend == QLatin1String("sqlite")
        ? scalar(raw, QStringLiteral("SELECT COUNT(*) FROM meters_fts WHERE meters_fts MATCH '\"brook\"'"))
        : scalar(raw, QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname LIKE 'meters_%_trgm' AND schemaname = current_schema()"));
    const qint64 bigrams = backend == QLatin1String("sqlite")
        ? scalar(raw, QStringLiteral("SELECT COUNT(*) FROM meters_bigrams WHERE meters_bigrams MATCH '\"oo\"'"))
        : scalar(raw, QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'meters_bigrams' AND schemaname = current_schema()"));
    QCOMPARE(bigrams, 1);
    raw.close();
    raw = {};
    QSqlDatabase::removeDatabase(QStringLiteral("raw-follow"));
    QCOMPARE(n, backend == QLatin1String("sqlite") ? 1 : 4);
}

void TestStoreSearch::migrationFillsExistingMeters()
{
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("old.sqlite"));
    {
        auto store = openWith(db, 10000);
        QVERIFY(store);
        QVERIFY(wait(store->upsertMeters(sampleMeters())).ok());
    }
    {
        // Back to meters without the index, then the migration's step on that database.
        QSqlDatabase raw = rawConnection(db, QStringLiteral("raw-old"));
        QSqlQuery q(raw);
        for (const char *sql : {"DROP TRIGGER meters_fts_insert", "DROP TRIGGER meters_fts_update", "DROP TRIGGER meters_fts_delete",
                                "DROP TABLE meters_fts", "DROP TRIGGER meters_bigrams_insert", "DROP TRIGGER meters_bigrams_update",
                                "DROP TRIGGER meters_bigrams_delete", "DROP TABLE meters_bigrams", "DROP TABLE search_positions"})
            QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
        q = QSqlQuery();
        raw = {};
        Db step(QStringLiteral("raw-old"), Dialect(Backend::Sqlite));
        QVERIFY(step.exec(QStringLiteral("BEGIN IMMEDIATE")));
        auto created = createSubstringIndex(step);
        QVERIFY(created.ok());
        QVERIFY(*created);
        auto bigrams = createShortSubstringIndex(step);
        QVERIFY(bigrams.ok());
        QVERIFY(*bigrams);
        QVERIFY(step.exec(QStringLiteral("COMMIT")));
    }
    auto store = openWith(db, 10000);
    QVERIFY(store);
    RegistryFilter f;
    f.text = QStringLiteral("解放路1");
    f.contains = true;
    QCOMPARE(store->registryCount(f)->count, qint64(expected(sampleMeters(), f.text).size()));
    QVERIFY(expected(sampleMeters(), f.text).size() > 10);
    f.text = QStringLiteral("丰");
    QCOMPARE(store->registryCount(f)->count, qint64(expected(sampleMeters(), f.text).size()));
    QVERIFY(expected(sampleMeters(), f.text).size() > 10);
}

QTEST_GUILESS_MAIN(TestStoreSearch)
#include "tst_storesearch.moc"
