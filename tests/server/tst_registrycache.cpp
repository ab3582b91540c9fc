// SPDX-License-Identifier: GPL-3.0-or-later
// The listener keeps the registry facts of meters it has seen (RegistryCache); a registry change
// must reach it: a meter removed here, or by another store on the same database (another process,
// as far as the change rows say), is quarantined on its next upload instead of stored, and a
// re-typed meter is checked against its new type. Real listener, real SQLite file, real HTTP.
#include "uploadfixture.h"

#include "storage/storenotifier.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace md;
using namespace md::testing;

class TestRegistryCache : public QObject
{
    Q_OBJECT

private:
    UploadFixture f;
    int m_day = 0;
    // meterDataUp of `meterNo` with two readings on a day of 2033 no other upload used; its first
    // dataTime's day in *from.
    QString postReadings(const QString &meterNo, qint64 *from, const QString &meterType = {});
    bool quarantined(const QString &meterNo) const;

private Q_SLOTS:
    void initTestCase();
    void removedMetersAreQuarantined_data();
    void removedMetersAreQuarantined();
    void retypedMetersAreCheckedAgainstTheNewType();
    void cleanupTestCase();
};

QString TestRegistryCache::postReadings(const QString &meterNo, qint64 *from, const QString &meterType)
{
    const QDate day = QDate(2033, 1, 1).addDays(m_day++);
    QJsonObject plain = Examples::validPlainBody(*Catalog::instance().upload(u"meterDataUp"));
    plain.insert(QStringLiteral("meterNo"), meterNo);
    if (!meterType.isEmpty())
        plain.insert(QStringLiteral("meterType"), meterType);
    QJsonArray details = plain.value(QStringLiteral("meterReadingDetails")).toArray();
    for (int i = 0; i < details.size(); ++i) {
        QJsonObject d = details.at(i).toObject();
        d.insert(QStringLiteral("dataTime"), day.toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" 0%1:00:00").arg(i));
        details.replace(i, d);
    }
    plain.insert(QStringLiteral("meterReadingDetails"), details);
    if (from)
        *from = QDateTime(day, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - 86400;
    return f.post(QStringLiteral("meterDataUp"), f.wire(QStringLiteral("meterDataUp"), plain)).returnCode();
}

bool TestRegistryCache::quarantined(const QString &meterNo) const
{
    const auto waiting = f.store->quarantineWaiting(1000);
    if (!waiting)
        return false;
    for (const QuarantinedRecord &r : waiting.value())
        if (r.meterNo == meterNo)
            return true;
    return false;
}

void TestRegistryCache::initTestCase()
{
    QVERIFY(f.dir.isValid());
    QVERIFY(f.openStore());
    QVERIFY(f.registerMeters({QStringLiteral("55550001"), QStringLiteral("55550002"), QStringLiteral("55550003")}));
    QVERIFY(f.startListener());
}

void TestRegistryCache::removedMetersAreQuarantined_data()
{
    QTest::addColumn<QString>("meterNo");
    QTest::addColumn<bool>("otherStore");
    QTest::newRow("removed by this store") << "55550001" << false;
    QTest::newRow("removed by another store") << "55550002" << true;
}

void TestRegistryCache::removedMetersAreQuarantined()
{
    QFETCH(QString, meterNo);
    QFETCH(bool, otherStore);
    qint64 from = 0;
    // Known and stored: the listener has looked it up, and keeps it.
    QCOMPARE(postReadings(meterNo, &from), QStringLiteral("0000"));
    QCOMPARE(f.store->readingRows(meterNo, from, from + 3 * 86400)->size(), 2);
    QVERIFY(!quarantined(meterNo));

    if (!otherStore) {
        // The writer counts the change for the listener when it announces it, just after the
        // commit that resolves removeMeter: wait for the announcement.
        QSignalSpy announced(f.store->notifier(), &StoreNotifier::metersChanged);
        QVERIFY(f.store->removeMeter(meterNo).result().value());
        QVERIFY(announced.count() > 0 || announced.wait(5000));
        QCOMPARE(postReadings(meterNo, &from), QStringLiteral("0000"));
        QVERIFY(quarantined(meterNo));
        QCOMPARE(f.store->readingRows(meterNo, from, from + 3 * 86400)->size(), 0);
        return;
    }
    StoreOptions options;
    options.database = f.databasePath();
    auto other = Store::open(options);
    QVERIFY(other);
    QVERIFY(other.value()->removeMeter(meterNo).result().value());
    // Seen within the listener's poll of other writers' change rows (200 ms): every upload until
    // then is still answered 0000, and the first one after it is quarantined.
    QTRY_VERIFY_WITH_TIMEOUT(postReadings(meterNo, nullptr) == u"0000" && quarantined(meterNo), 5000);
}

// A meter re-typed by another store: an upload stating the new type raises no contradiction, one
// stating the old type does (a review flag under the default, non-strict check).
void TestRegistryCache::retypedMetersAreCheckedAgainstTheNewType()
{
    const QString meterNo = QStringLiteral("55550003");
    QCOMPARE(postReadings(meterNo, nullptr), QStringLiteral("0000")); // cached with type QC-G4
    StoreOptions options;
    options.database = f.databasePath();
    auto other = Store::open(options);
    QVERIFY(other);
    MeterInfo m;
    m.meterNo = meterNo;
    m.meterType = QStringLiteral("QC-G6");
    m.factoryCode = QStringLiteral("QC");
    QVERIFY(other.value()->upsertMeters({m}).result().ok());
    auto mismatches = [this, &meterNo] {
        const auto flags = f.store->reviewFlags(true);
        int n = 0;
        for (const ReviewFlag &flag : flags.value())
            n += flag.kind == u"meterType-mismatch" && flag.meterNo == meterNo ? 1 : 0;
        return n;
    };
    // Until the listener sees the change, an upload stating QC-G6 contradicts the cached QC-G4 and
    // is flagged; once it has seen it, such an upload raises no flag.
    auto noNewFlag = [&] {
        const int was = mismatches();
        return postReadings(meterNo, nullptr, QStringLiteral("QC-G6")) == u"0000" && mismatches() == was;
    };
    QTRY_VERIFY_WITH_TIMEOUT(noNewFlag(), 5000);
    const int before = mismatches();
    QCOMPARE(postReadings(meterNo, nullptr, QStringLiteral("QC-G6")), QStringLiteral("0000"));
    QCOMPARE(mismatches(), before);
    QCOMPARE(postReadings(meterNo, nullptr, QStringLiteral("QC-G4")), QStringLiteral("0000"));
    QCOMPARE(mismatches(), before + 1);
}

void TestRegistryCache::cleanupTestCase()
{
    f.stopAll();
}

QTEST_GUILESS_MAIN(TestRegistryCache)
#include "tst_registrycache.moc"
