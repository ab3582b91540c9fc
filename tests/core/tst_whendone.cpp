// SPDX-License-Identifier: GPL-3.0-or-later
// md::whenDone hands a worker's result to the context's thread exactly once, also when the worker
// finishes while the handler is being attached (the window in which Qt 6.4's QFuture::then(context)
// runs a continuation twice and crashes); never after the context is gone or for a cancelled future.

#include "core/whendone.h"

#include <QPromise>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <numeric>

class TestWhenDone : public QObject
{
    Q_OBJECT

private slots:
    void eachResultArrivesOnceOnTheContextsThread()
    {
        // Trivial tasks on several workers finish around the moment the handler is attached.
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        QObject context;
        const int n = 20000;
        QList<int> calls(n, 0);
        bool offThread = false;
        for (int i = 0; i < n; ++i) {
            whenDoneOf(QtConcurrent::run(&pool, [i] { return i; }), &context, calls, offThread);
            if (i % 64 == 0)
                QCoreApplication::processEvents(); // some finish before, some after, some during
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::accumulate(calls.begin(), calls.end(), 0) >= n, 30000);
        QTest::qWait(20); // a second call would come now
        for (int i = 0; i < n; ++i)
            QVERIFY2(calls[i] == 1, qPrintable(QStringLiteral("result %1 handled %2 times").arg(i).arg(calls[i])));
        QVERIFY(!offThread);
    }

    void nothingAfterTheContextIsGone()
    {
        QPromise<int> promise;
        promise.start();
        int calls = 0;
        auto context = std::make_unique<QObject>();
        md::whenDone(promise.future(), context.get(), [&calls](int) { ++calls; });
        context.reset();
        promise.addResult(1);
        promise.finish();
        QTest::qWait(20);
        QCOMPARE(calls, 0);
    }

    void nothingForACancelledFuture()
    {
        int calls = 0;
        QObject context;
        {
            QPromise<int> promise;
            promise.start();
            md::whenDone(promise.future(), &context, [&calls](int) { ++calls; });
        } // destroyed unfinished: cancelled
        QTest::qWait(20);
        QCOMPARE(calls, 0);
    }

private:
    static void whenDoneOf(const QFuture<int> &f, QObject *context, QList<int> &calls, bool &offThread)
    {
        md::whenDone(f, context, [&calls, &offThread, context](int i) {
            offThread = offThread || QThread::currentThread() != context->thread();
            ++calls[i];
        });
    }
};

QTEST_GUILESS_MAIN(TestWhenDone)
#include "tst_whendone.moc"
