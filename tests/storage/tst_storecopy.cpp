// SPDX-License-Identifier: GPL-3.0-or-later
// copyDatabase (meterdesk-cli migrate): every table copied without loss, ids continue after the
// copied ones, the copy is usable by a Store, a non-empty target is refused.
#include "storetesting.h"

#include "storage/copydatabase.h"

using namespace md;
using namespace md::testing;

class TestStoreCopy : public QObject
{
    Q_OBJECT

private slots:
    void copySqliteTo_data() { addBackendRows(); }
    void copySqliteTo();
};

void TestStoreCopy::copySqliteTo()
{
    MD_FRESH_DATABASE(target);
    const QString source = QStringLiteral("sqlite:") + tmpDir__.filePath(QStringLiteral("source.sqlite"));
    QString seq;
    {
        auto s = openStore(source);
        QVERIFY(s);
        QVERIFY(wait(s->upsertMeters({meter(QStringLiteral("M1")), meter(QStringLiteral("M2"), QStringLiteral("李四"))})).ok());
        UploadWrite w = meterDataUp(QStringLiteral("M1"), 1700000000, 24);
        w.journal.body = QByteArray("{\"x\":\"\xe4\xb8\xad\"}\0binary", 20);
        w.alarms << AlarmEvent{QStringLiteral("M1"), 1700000000, QStringLiteral("1002"), true};
        QVERIFY(wait(s->submit(w)).ok);
        seq = *wait(s->allocateCommandSeq(1700000000));
        CommandRecord c;
        c.commandSeq = seq;
        c.name = QStringLiteral("valveOperate");
        c.meterNo = QStringLiteral("M1");
        QVERIFY(wait(s->insertCommand(c)).ok());
    }
    auto report = copyDatabase(source, target);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().detail));
    QVERIFY(report->countsMatch);
    QCOMPARE(report->targetCounts.value(QStringLiteral("readings")), 24);
    QCOMPARE(report->targetCounts.value(QStringLiteral("journal")), 1);

    auto t = openStore(target);
    QVERIFY(t);
    QCOMPARE(t->readings(QStringLiteral("M1"), 0, 0)->time.size(), 24);
    QCOMPARE((*t->journalEntry(1))->body, QByteArray("{\"x\":\"\xe4\xb8\xad\"}\0binary", 20));
    QCOMPARE(t->registryPage({})->at(1).userName, QStringLiteral("李四"));
    QCOMPARE(t->registryPage({})->at(0).activeAlarmCount, 1);
    // Identities and counters continue: new rows get new ids, commandSeqs are never reused.
    QVERIFY(wait(t->upsertMeters({meter(QStringLiteral("M3"))})).ok());
    QCOMPARE(t->lookupMeters({QStringLiteral("M3")})->value(QStringLiteral("M3")), 3);
    auto next = wait(t->allocateCommandSeq(1700000000));
    QVERIFY(next.ok());
    QVERIFY(*next > seq);
    // A second copy into the now non-empty target is refused.
    QVERIFY(!copyDatabase(source, target).ok());
}

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "tst_storecopy.moc"
