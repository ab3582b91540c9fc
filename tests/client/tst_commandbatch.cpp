// SPDX-License-Identifier: GPL-3.0-or-later
// A batch of 1,000 meters through BatchRunner (8 in flight) to the simulator, with every meter's state
// recorded and every result matched through the real listener. Prints the throughput:
//   QT_QPA_PLATFORM=offscreen build/<dir>/tests/client/tst_commandbatch
// (MD_BATCH_METERS and MD_BATCH_IN_FLIGHT change the size and the concurrency.)
#include "flowfixture.h"

#include "client/batchrunner.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace md;
using namespace md::testing;

class TestCommandBatch : public FlowFixture
{
    Q_OBJECT
private slots:
    void init() { setUpFixture(); }
    void cleanup() { tearDownFixture(); }
    void thousandMeters();
    void cancelStopsTheRest();
};

void TestCommandBatch::thousandMeters()
{
    const int n = qEnvironmentVariableIntValue("MD_BATCH_METERS") > 0 ? qEnvironmentVariableIntValue("MD_BATCH_METERS") : 1000;
    const int inFlight = qEnvironmentVariableIntValue("MD_BATCH_IN_FLIGHT") > 0 ? qEnvironmentVariableIntValue("MD_BATCH_IN_FLIGHT") : 8;
    setUpWorld(n);
    QElapsedTimer sinceStart;
    sinceStart.start();
    BatchRunner batch(m_service);
    batch.setMaxInFlight(inFlight);
    QSignalSpy finished(&batch, &BatchRunner::finished);
    QVERIFY(batch.start(QStringLiteral("valveOperate"), m_sim->world().meterNos(), obj({{"valveOperate", "1"}}), QStringLiteral("batch")));
    QVERIFY(QTest::qWaitFor([&] { return finished.size() == 1; }, 25000));
    const BatchSummary s = batch.summary();
    QCOMPARE(s.total, n);
    QCOMPARE(s.settled, n);
    QCOMPARE(s.invalid, 0);
    for (const auto &r : batch.results()) {
        QVERIFY(!r.commandSeq.isEmpty());
        QVERIFY2(r.state == CommandState::Sent || r.state == CommandState::Succeeded, qPrintable(r.meterNo));
    }
    const double rate = s.commandsPerSecond();
    qInfo("batch: %d valveOperate commands to the simulator in %lld ms = %.0f commands/s (%d in flight)", n, s.elapsedMs, rate, inFlight);
    // Every meter's state is in the database; the results keep arriving through the listener.
    CommandFilter cf;
    cf.batchId = batch.batchId();
    cf.limit = 1;
    QCOMPARE(m_store->commands(cf).value().total, n);
    const QByteArray csv = batch.toCsv();
    QCOMPARE(csv.count('\n'), n + 1);
    QVERIFY(QTest::qWaitFor([&] {
        int done = 0;
        for (const auto &r : batch.results())
            done += r.state == CommandState::Succeeded;
        return done == n;
    }, 20000));
    qInfo("batch: all %d results matched %lld ms after the start", n, sinceStart.elapsed());
}

void TestCommandBatch::cancelStopsTheRest()
{
    setUpWorld(200);
    BatchRunner batch(m_service);
    batch.setMaxInFlight(4);
    QSignalSpy finished(&batch, &BatchRunner::finished);
    QVERIFY(batch.start(QStringLiteral("getParameter"), m_sim->world().meterNos(), QJsonObject()));
    QVERIFY(QTest::qWaitFor([&] { return batch.summary().settled >= 10; }, 10000));
    batch.cancel();
    QVERIFY(QTest::qWaitFor([&] { return finished.size() == 1; }, 10000));
    const BatchSummary s = batch.summary();
    QVERIFY(s.cancelled);
    QCOMPARE(s.settled, 200);
    const int cancelled = s.byState.value(CommandState::Cancelled);
    QVERIFY2(cancelled > 100, qPrintable(QString::number(cancelled)));
    // Cancelled items never reached the platform: those not yet handed over were never stored, those
    // stored but not yet on the wire ended `cancelled` in the table.
    qint64 stored = 0, reachedPlatform = 0;
    for (const auto &r : batch.results()) {
        stored += !r.commandSeq.isEmpty();
        reachedPlatform += r.state != CommandState::Cancelled;
    }
    CommandFilter cf;
    cf.batchId = batch.batchId();
    QCOMPARE(m_store->commands(cf).value().total, stored);
    QVERIFY(QTest::qWaitFor([&] { return handledCount(*m_sim) == reachedPlatform; }, 3000));
    QTest::qWait(200);
    QCOMPARE(handledCount(*m_sim), reachedPlatform);
    const QList<QByteArray> lines = batch.toCsv().split('\n');
    QCOMPARE(lines.first().trimmed(), BatchRunner::csvHeader().join(u',').toUtf8());
}

QTEST_GUILESS_MAIN(TestCommandBatch)
#include "tst_commandbatch.moc"
