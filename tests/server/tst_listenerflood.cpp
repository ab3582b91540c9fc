// SPDX-License-Identifier: GPL-3.0-or-later
// Idle and slow peers against the real listener on 127.0.0.1: 1,000 idle TCP connections and 100
// bodies dripping in a byte at a time do not keep a normal upload from being answered within 1 s;
// the connection cap (listener/maxConnections) closes idle connections to make room, and the read
// timeout (listener/readTimeoutSeconds, 2 s here) closes the drippers and the idle ones.
#include "uploadfixture.h"

#include <QElapsedTimer>
#include <QTcpSocket>

#include <sys/resource.h>

#include <memory>
#include <vector>

using namespace md;
using namespace md::testing;

class TestListenerFlood : public QObject
{
    Q_OBJECT
    UploadFixture f;

    qint64 timedUpload(QString *code)
    {
        QElapsedTimer t;
        t.start();
        const rawhttp::Reply r = f.post(QStringLiteral("meterDataUp"), f.validWire(QStringLiteral("meterDataUp")));
        *code = r.returnCode();
        return t.elapsed();
    }

private slots:
    void initTestCase()
    {
        // Both ends of 1,100 connections live in this process.
        rlimit lim{};
        getrlimit(RLIMIT_NOFILE, &lim);
        lim.rlim_cur = std::min<rlim_t>(lim.rlim_max, 8192);
        setrlimit(RLIMIT_NOFILE, &lim);
        getrlimit(RLIMIT_NOFILE, &lim);
        if (lim.rlim_cur < 2600)
            QSKIP("needs 2,600 file descriptors");
        f.listenerSettings.readTimeoutSeconds = 2;
        f.listenerSettings.maxConnections = 600;
        QVERIFY(f.openStore());
        QVERIFY(f.registerMeters({QStringLiteral("20240001")}));
        QVERIFY(f.startListener());
    }
    void cleanupTestCase() { f.stopAll(); }

    void idleAndSlowPeersDoNotBlockAnUpload()
    {
        std::vector<std::unique_ptr<QTcpSocket>> idle, drip;
        for (int i = 0; i < 1000; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QHostAddress::LocalHost, f.port);
            QVERIFY(s->waitForConnected(5000));
            idle.push_back(std::move(s));
        }
        for (int i = 0; i < 100; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QHostAddress::LocalHost, f.port);
            QVERIFY(s->waitForConnected(5000));
            s->write(rawhttp::request("POST", f.path(QStringLiteral("meterDataUp")), f.headers(), QByteArray(1000, ' ')).left(300));
            s->waitForBytesWritten(1000);
            drip.push_back(std::move(s));
        }
        QString code;
        qint64 ms = timedUpload(&code);
        QCOMPARE(code, QStringLiteral("0000"));
        QVERIFY2(ms < 1000, qPrintable(QStringLiteral("%1 ms with 1,000 idle and 100 dripping").arg(ms)));

        // A byte now and then from every dripper; uploads keep being answered meanwhile.
        QElapsedTimer clock;
        clock.start();
        qint64 worst = 0;
        while (clock.elapsed() < 3000) {
            for (auto &s : drip)
                if (s->state() == QAbstractSocket::ConnectedState) {
                    s->write(" ", 1);
                    s->flush();
                }
            ms = timedUpload(&code);
            QCOMPARE(code, QStringLiteral("0000"));
            worst = std::max(worst, ms);
            QTest::qWait(250);
        }
        QVERIFY2(worst < 1000, qPrintable(QStringLiteral("worst %1 ms").arg(worst)));
        qInfo("worst upload latency under the flood: %lld ms", worst);

        // The read timeout closed every dripper (no whole request within 2 s) and every idle socket.
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(drip.begin(), drip.end(), [](const auto &s) {
                                     s->waitForReadyRead(0);
                                     return s->state() == QAbstractSocket::UnconnectedState;
                                 }),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(idle.begin(), idle.end(), [](const auto &s) {
                                     s->waitForReadyRead(0);
                                     return s->state() == QAbstractSocket::UnconnectedState;
                                 }),
                                 10000);
    }

    void capClosesIdleConnectionsToMakeRoom()
    {
        // Its own listener with a read timeout far away: only the cap can close anything here.
        UploadFixture g;
        g.listenerSettings.readTimeoutSeconds = 600;
        g.listenerSettings.maxConnections = 600;
        QVERIFY(g.openStore());
        QVERIFY(g.registerMeters({QStringLiteral("20240001")}));
        QVERIFY(g.startListener());
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 700; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QHostAddress::LocalHost, g.port);
            QVERIFY(s->waitForConnected(5000));
            idle.push_back(std::move(s));
        }
        const rawhttp::Reply r = g.post(QStringLiteral("meterDataUp"), g.validWire(QStringLiteral("meterDataUp")));
        QCOMPARE(r.returnCode(), QStringLiteral("0000"));
        auto closed = [&] {
            return std::count_if(idle.begin(), idle.end(), [](const auto &s) {
                s->waitForReadyRead(0);
                return s->state() == QAbstractSocket::UnconnectedState;
            });
        };
        // 701 connections against a cap of 600: the 101 idle the longest were closed, the newest kept.
        QTRY_COMPARE_WITH_TIMEOUT(closed(), 101, 5000);
        QVERIFY(idle.back()->state() == QAbstractSocket::ConnectedState);
        QVERIFY(idle.front()->state() == QAbstractSocket::UnconnectedState);
        g.stopAll();
    }
};

QTEST_GUILESS_MAIN(TestListenerFlood)
#include "tst_listenerflood.moc"
