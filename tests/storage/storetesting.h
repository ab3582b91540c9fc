// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the storage tests: a fresh database per test on `sqlite` (a file in a QTemporaryDir)
// and, when MD_TEST_PG_URL is set (scripts/with-postgres.sh), on `postgresql` (a fresh schema).

#include "storage/store.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace md::testing {

inline void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

// A database string for a fresh, empty database of `backend`; empty when the backend is not
// available (the caller QSKIPs).
inline QString freshDatabase(const QString &backend, QTemporaryDir &dir)
{
    if (backend == QLatin1String("sqlite"))
        return QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("t%1.sqlite").arg(QRandomGenerator::global()->generate()));
    const QString url = qEnvironmentVariable("MD_TEST_PG_URL");
    if (url.isEmpty())
        return {};
    return url + QStringLiteral("?schema=t_%1_%2").arg(QDateTime::currentMSecsSinceEpoch()).arg(QRandomGenerator::global()->generate());
}

#define MD_FRESH_DATABASE(var)                                                                                         \
    QFETCH(QString, backend);                                                                                          \
    QTemporaryDir tmpDir__;                                                                                            \
    QVERIFY(tmpDir__.isValid());                                                                                       \
    const QString var = md::testing::freshDatabase(backend, tmpDir__);                                                 \
    if (var.isEmpty())                                                                                                 \
        QSKIP("MD_TEST_PG_URL not set (run under scripts/with-postgres.sh)");

inline std::shared_ptr<Store> openStore(const QString &database, bool readOnly = false)
{
    StoreOptions o;
    o.database = database;
    o.readOnly = readOnly;
    auto s = Store::open(o);
    if (!s) {
        qWarning() << "open failed:" << s.error().code << s.error().path << s.error().detail;
        return {};
    }
    return *s;
}

inline MeterInfo meter(const QString &no, const QString &userName = {}, const QString &addr = {})
{
    MeterInfo m;
    m.meterNo = no;
    m.userNo = QStringLiteral("U") + no;
    m.userName = userName.isEmpty() ? QStringLiteral("User ") + no : userName;
    m.addrDes = addr.isEmpty() ? QStringLiteral("Street ") + no : addr;
    m.meterType = QStringLiteral("1");
    return m;
}

inline JournalEntry inbound(const QString &endpoint, const QString &meterNo = {})
{
    JournalEntry j;
    j.at = QDateTime::currentMSecsSinceEpoch();
    j.endpoint = endpoint;
    j.remote = QStringLiteral("127.0.0.1");
    j.body = QByteArrayLiteral("{}");
    j.returnCode = QStringLiteral("0000");
    j.httpStatus = 200;
    j.meterNo = meterNo;
    return j;
}

inline Reading reading(const QString &meterNo, qint64 dataTime, qint64 readingUnits, std::optional<qint64> balance = 50000)
{
    Reading r;
    r.meterNo = meterNo;
    r.dataTime = dataTime;
    r.readingNum = Volume::fromUnits(readingUnits);
    if (balance)
        r.meterBalanceAmt = Money::fromUnits(*balance);
    return r;
}

// meterDataUp-sized: one status and `n` hourly readings.
inline UploadWrite meterDataUp(const QString &meterNo, qint64 start, int n, qint64 firstReading = 1000)
{
    UploadWrite w;
    w.journal = inbound(QStringLiteral("meterDataUp"), meterNo);
    MeterStatus st;
    st.meterNo = meterNo;
    st.meterTime = start + n * 3600;
    st.receivedAt = st.meterTime;
    st.valveStatus = QStringLiteral("0");
    st.cellVoltage = QStringLiteral("3.6");
    st.signalStrength = QStringLiteral("20");
    w.statuses << st;
    for (int i = 0; i < n; ++i)
        w.readings << reading(meterNo, start + i * 3600, firstReading + i * 10);
    return w;
}

template<typename T>
T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

} // namespace md::testing
