// SPDX-License-Identifier: GPL-3.0-or-later
// Uploads queued together: on PostgreSQL the writer applies a run of them with one statement per
// table (uploadgroup.h). Each upload must get the outcome it would get alone (its own journal row,
// new / duplicate / conflicting readings counted, statuses), the meters' latest columns must move as
// upload by upload (a meter named twice in the group, an older upload after a newer one), and the
// group path must really run on PostgreSQL. The same checks on SQLite (no group path) pin the
// expected answers.
#include "storetesting.h"

#include <QLoggingCategory>
#include <QRegularExpression>

using namespace md;
using namespace md::testing;

namespace {

QStringList g_groupLog;
QtMessageHandler g_previous = nullptr;

void captureGroupLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QLatin1String(context.category) == QLatin1String("md.storage.group"))
        g_groupLog << message;
    else if (g_previous)
        g_previous(type, context, message);
}

// The largest group the writer reported applying.
int largestGroup()
{
    static const QRegularExpression re(QStringLiteral("(\\d+) uploads"));
    int most = 0;
    for (const QString &line : std::as_const(g_groupLog))
        if (const auto m = re.match(line); m.hasMatch())
            most = std::max(most, m.captured(1).toInt());
    return most;
}

} // namespace

class TestUploadGroup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("md.storage.group.debug=true"));
        g_previous = qInstallMessageHandler(captureGroupLog);
    }
    void cleanupTestCase() { qInstallMessageHandler(g_previous); }
    void burstMatchesOneByOne_data() { addBackendRows(); }
    void burstMatchesOneByOne();
    void sharedKeyInBurst_data() { addBackendRows(); }
    void sharedKeyInBurst();
    void batchUploadAlone_data() { addBackendRows(); }
    void batchUploadAlone();
};

void TestUploadGroup::burstMatchesOneByOne()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    const QString a = QStringLiteral("A"), b = QStringLiteral("B"), c = QStringLiteral("C");
    QVERIFY(wait(store->upsertMeters({meter(a), meter(b), meter(c)})).ok());
    const qint64 day = 86400, t0 = 1700000000;
    const UploadWrite aDay0 = meterDataUp(a, t0, 24);
    const UploadWrite cDay0 = meterDataUp(c, t0, 24);
    QVERIFY(wait(store->submit(aDay0)).ok);
    QVERIFY(wait(store->submit(cDay0)).ok);

    // A registry import ahead of the burst keeps the writer busy while the burst queues up behind it.
    QList<MeterInfo> others;
    for (int i = 0; i < 2000; ++i)
        others << meter(QStringLiteral("X%1").arg(i, 5, 10, QLatin1Char('0')));
    UploadWrite cChanged = cDay0; // same keys, other values: conflicts, the first values stay
    for (Reading &r : cChanged.readings)
        r.readingNum = Volume::fromUnits(r.readingNum.units() + 1);
    UploadWrite quoted = meterDataUp(a, t0 + 4 * day, 2);
    quoted.readings[0].commandSeq = QStringLiteral("x\"y\\z,{}");
    quoted.statuses[0].valveStatus = QStringLiteral("a \"b\" \\ {c}, NULL");
    quoted.journal.body = QByteArrayLiteral("{\"k\":\"\\u0000 ' \\\\\"}");
    const QList<UploadWrite> burst{
        aDay0,                            // 0: a re-delivery: 24 duplicates, status known
        meterDataUp(b, t0 + 1 * day, 24), // 1: new
        cChanged,                         // 2: 24 conflicts
        meterDataUp(b, t0 + 3 * day, 24, 5000), // 3: B again, newer
        meterDataUp(b, t0 + 2 * day, 24, 3000), // 4: B, older than 3: B's latest stays 3's
        meterDataUp(a, t0 + 1 * day, 24, 2000), // 5
        quoted,                           // 6: text that needs quoting in an array literal
    };
    g_groupLog.clear();
    auto import = store->upsertMeters(others);
    QList<QFuture<WriteOutcome>> futures;
    for (const UploadWrite &w : burst)
        futures << store->submit(w);
    QVERIFY(wait(import).ok());
    QList<WriteOutcome> out;
    for (auto &f : futures)
        out << wait(f);
    for (const WriteOutcome &o : std::as_const(out))
        QVERIFY2(o.ok, qPrintable(o.error.detail));
    if (backend == QLatin1String("postgresql"))
        QVERIFY2(largestGroup() >= 2, qPrintable(g_groupLog.join(QLatin1Char('\n'))));

    const int inserted[] = {0, 24, 0, 24, 24, 24, 2};
    const int duplicate[] = {24, 0, 0, 0, 0, 0, 0};
    const int conflict[] = {0, 0, 24, 0, 0, 0, 0};
    const int statuses[] = {0, 1, 0, 1, 1, 1, 1};
    QSet<qint64> journalIds;
    for (int i = 0; i < burst.size(); ++i) {
        QCOMPARE(out[i].readingsInserted, inserted[i]);
        QCOMPARE(out[i].readingsDuplicate, duplicate[i]);
        QCOMPARE(out[i].readingsConflict, conflict[i]);
        QCOMPARE(out[i].statusesInserted, statuses[i]);
        QCOMPARE(out[i].meterNos, QStringList{burst[i].journal.meterNo});
        // Its own journal row: the one with its body and meter.
        journalIds.insert(out[i].journalId);
        auto entry = store->journalEntry(out[i].journalId);
        QVERIFY(entry.ok() && entry->has_value());
        QCOMPARE((*entry)->meterNo, burst[i].journal.meterNo);
        QCOMPARE((*entry)->body, burst[i].journal.body);
        QCOMPARE((*entry)->at, burst[i].journal.at);
    }
    QCOMPARE(journalIds.size(), burst.size());

    auto rows = store->readingRows(c, 0, 0);
    QVERIFY(rows.ok());
    QCOMPARE(rows->at(0).readingNum.units(), 1000); // the first values kept
    auto flags = store->reviewFlags(true);
    QVERIFY(flags.ok());
    QCOMPARE(flags->size(), 24);
    QCOMPARE(flags->at(0).journalId, out[2].journalId);
    auto quotedRows = store->readingRows(a, t0 + 4 * day, t0 + 5 * day);
    QVERIFY(quotedRows.ok());
    QCOMPARE(quotedRows->size(), 2);
    QCOMPARE(quotedRows->at(0).commandSeq, quoted.readings[0].commandSeq);

    RegistryPageRequest page;
    page.limit = 3;
    auto registry = store->registryPage(page);
    QVERIFY(registry.ok());
    QCOMPARE(registry->size(), 3);
    QCOMPARE(registry->at(0).meterNo, a);
    QCOMPARE(registry->at(0).lastReading->units(), 1000 + 10); // quoted's newest reading (day 4)
    QCOMPARE(registry->at(0).valveStatus, quoted.statuses[0].valveStatus);
    QCOMPARE(registry->at(1).meterNo, b);
    QCOMPARE(registry->at(1).lastReading->units(), 5000 + 23 * 10); // upload 3's, not 4's
    // The meters row takes a re-delivery's values (its guard is "not older"), the readings row keeps
    // the first: as upload by upload.
    QCOMPARE(registry->at(2).lastReading->units(), 1000 + 23 * 10 + 1);
    auto counts = store->tableCounts();
    QCOMPARE(counts->value(QStringLiteral("readings")), 24 * 6 + 2);
    QCOMPARE(counts->value(QStringLiteral("statuses")), 2 + 5);
    QCOMPARE(counts->value(QStringLiteral("journal")), 2 + burst.size());
}

// Two uploads of one burst with the same reading key: stored once, the second counted as a
// duplicate, as upload by upload (the group steps aside for them).
void TestUploadGroup::sharedKeyInBurst()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QVERIFY(wait(store->upsertMeters({meter(QStringLiteral("A"))})).ok());
    const UploadWrite w = meterDataUp(QStringLiteral("A"), 1700000000, 24);
    auto first = store->submit(w);
    auto second = store->submit(w);
    const WriteOutcome f = wait(first), s = wait(second);
    QVERIFY(f.ok && s.ok);
    QCOMPARE(f.readingsInserted, 24);
    QCOMPARE(s.readingsInserted, 0);
    QCOMPARE(s.readingsDuplicate, 24);
    QCOMPARE(store->tableCounts()->value(QStringLiteral("readings")), 24);
}

// A meterDataUpBatch-sized upload on its own (30 meters): on PostgreSQL the group statements take
// it alone (one UPDATE for its 30 meters rather than 30), with the answers of the usual path.
void TestUploadGroup::batchUploadAlone()
{
    MD_FRESH_DATABASE(db);
    auto store = openStore(db);
    QVERIFY(store);
    QList<MeterInfo> meters;
    UploadWrite batch;
    for (int m = 0; m < 30; ++m) {
        const QString no = QStringLiteral("B%1").arg(m, 3, 10, QLatin1Char('0'));
        meters << meter(no);
        const UploadWrite one = meterDataUp(no, 1700000000, 4, 1000 * (m + 1));
        if (m == 0)
            batch.journal = one.journal;
        batch.statuses += one.statuses;
        batch.readings += one.readings;
    }
    QVERIFY(wait(store->upsertMeters(meters)).ok());
    g_groupLog.clear();
    const WriteOutcome first = wait(store->submit(batch));
    QVERIFY2(first.ok, qPrintable(first.error.detail));
    if (backend == QLatin1String("postgresql"))
        QVERIFY2(g_groupLog.contains(QStringLiteral("applied a group of 1 uploads")), qPrintable(g_groupLog.join(QLatin1Char('\n'))));
    QCOMPARE(first.readingsInserted, 120);
    QCOMPARE(first.statusesInserted, 30);
    QCOMPARE(first.meterNos.size(), 30);
    const WriteOutcome again = wait(store->submit(batch));
    QVERIFY(again.ok);
    QCOMPARE(again.readingsInserted, 0);
    QCOMPARE(again.readingsDuplicate, 120);
    QVERIFY(again.journalId > first.journalId);
    RegistryPageRequest page;
    page.limit = 30;
    auto registry = store->registryPage(page);
    QVERIFY(registry.ok());
    QCOMPARE(registry->size(), 30);
    for (int m = 0; m < 30; ++m)
        QCOMPARE(registry->at(m).lastReading->units(), 1000 * (m + 1) + 30);
}

QTEST_GUILESS_MAIN(TestUploadGroup)
#include "tst_uploadgroup.moc"
