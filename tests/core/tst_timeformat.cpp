// SPDX-License-Identifier: GPL-3.0-or-later
// The spec's time formats and the platform zone (Asia/Shanghai fast path, a DST zone slow path).
#include "core/timeformat.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace md;

namespace {

QJsonObject timeVectors()
{
    QFile f(QStringLiteral(MD_TEST_DATA_DIR "/vectors.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open vectors.json");
    return QJsonDocument::fromJson(f.readAll()).object().value(u"datetime").toObject();
}

qint64 utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toSecsSinceEpoch();
}

} // namespace

class TestTimeFormat : public QObject
{
    Q_OBJECT
private slots:
    void dateTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        const QJsonObject v = timeVectors();
        for (const auto &e : v.value(u"valid").toArray())
            QTest::addRow("%s", qPrintable(e.toString())) << e.toString() << true;
        for (const auto &e : v.value(u"invalid").toArray())
            QTest::addRow("bad '%s'", qPrintable(e.toString())) << e.toString() << false;
        QTest::newRow("midnight") << "2024-01-01 00:00:00" << true;
        QTest::newRow("year 2000 leap") << "2000-02-29 12:00:00" << true;
        QTest::newRow("1900 not leap") << "1900-02-29 12:00:00" << false;
        QTest::newRow("minute 60") << "2024-01-01 00:60:00" << false;
        QTest::newRow("second 60") << "2024-01-01 00:00:60" << false;
        QTest::newRow("day 0") << "2024-01-00 00:00:00" << false;
        QTest::newRow("month 0") << "2024-00-10 00:00:00" << false;
        QTest::newRow("year 0") << "0000-01-01 00:00:00" << false;
        QTest::newRow("april 31") << "2024-04-31 00:00:00" << false;
        QTest::newRow("single digit") << "2024-1-01 00:00:00" << false;
        QTest::newRow("trailing") << "2024-01-01 00:00:00Z" << false;
        QTest::newRow("fullwidth") << "２024-01-01 00:00:00" << false;
        QTest::newRow("signed") << "2024-01-01 +0:00:00" << false;
    }
    void dateTime()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(parseLocalDateTime(text).has_value(), valid);
        const PlatformTime shanghai;
        QCOMPARE(shanghai.parseDateTime(text).has_value(), valid);
    }

    void shanghaiOffset()
    {
        const PlatformTime t;
        QVERIFY(t.isValid());
        QCOMPARE(t.zoneId(), QByteArray("Asia/Shanghai"));
        QCOMPARE(*t.parseDateTime(u"2024-11-03 08:15:00"), utc(2024, 11, 3, 0, 15, 0));
        QCOMPARE(*t.parseDateTime(u"2024-01-01 07:59:59"), utc(2023, 12, 31, 23, 59, 59));
        QCOMPARE(t.formatDateTime(utc(2024, 11, 3, 0, 15, 0)), QStringLiteral("2024-11-03 08:15:00"));
        QCOMPARE(t.formatCompact(utc(2024, 11, 3, 0, 15, 0)), QStringLiteral("20241103081500"));
        QCOMPARE(t.dateOf(utc(2024, 11, 2, 16, 0, 0)), QDate(2024, 11, 3));
        QCOMPARE(t.startOfDay(QDate(2024, 11, 3)), utc(2024, 11, 2, 16, 0, 0));
    }

    void epochRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::newRow("Shanghai") << QByteArray("Asia/Shanghai");
        QTest::newRow("UTC") << QByteArray("UTC");
        QTest::newRow("Berlin (DST)") << QByteArray("Europe/Berlin");
    }
    void epochRoundTrip()
    {
        QFETCH(QByteArray, zone);
        const PlatformTime t(zone);
        QVERIFY(t.isValid());
        // Every 7 hours and 13 minutes over four years, through leap days and DST changes.
        for (qint64 e = utc(2023, 1, 1, 0, 0, 0); e < utc(2027, 1, 1, 0, 0, 0); e += 7 * 3600 + 13 * 60) {
            const QString text = t.formatDateTime(e);
            const auto back = t.parseDateTime(text);
            QVERIFY2(back.has_value(), qPrintable(text));
            // A wall time repeated by a DST fall-back may map to either instant: compare the text.
            QCOMPARE(t.formatDateTime(*back), text);
            const auto compact = parseCompactTimestamp(t.formatCompact(e));
            QVERIFY(compact.has_value());
            QCOMPARE(t.toEpoch(*compact).has_value(), true);
        }
    }

    void dstGap()
    {
        const PlatformTime berlin(QByteArrayLiteral("Europe/Berlin"));
        // 2024-03-31 02:30 does not exist in Berlin. Whatever Qt answers, it must not crash and a
        // value it gives must format back to a real wall time.
        const auto e = berlin.parseDateTime(u"2024-03-31 02:30:00");
        if (e)
            QVERIFY(!berlin.formatDateTime(*e).isEmpty());
        QCOMPARE(*berlin.parseDateTime(u"2024-07-01 12:00:00"), utc(2024, 7, 1, 10, 0, 0));
    }

    void invalidZone()
    {
        const PlatformTime t(QByteArrayLiteral("Mars/Olympus"));
        QVERIFY(!t.isValid());
    }

    // Platform days: the date, day number, midnight and wall clock of an instant come from the
    // platform zone alone (Shanghai takes the fixed-offset path, New York the QTimeZone one).
    void platformDays_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<qint64>("epoch");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("wall");
        QTest::newRow("Shanghai, before midnight") << QByteArray("Asia/Shanghai") << utc(2026, 11, 30, 15, 59, 59)
                                                   << QDate(2026, 11, 30) << "2026-11-30 23:59:59";
        QTest::newRow("Shanghai, at midnight") << QByteArray("Asia/Shanghai") << utc(2026, 11, 30, 16, 0, 0)
                                               << QDate(2026, 12, 1) << "2026-12-01 00:00:00";
        QTest::newRow("Shanghai, before 1970") << QByteArray("Asia/Shanghai") << utc(1969, 12, 31, 15, 0, 0)
                                               << QDate(1969, 12, 31) << "1969-12-31 23:00:00";
        QTest::newRow("New York, summer") << QByteArray("America/New_York") << utc(2026, 7, 1, 3, 59, 0)
                                          << QDate(2026, 6, 30) << "2026-06-30 23:59:00";
        QTest::newRow("New York, winter") << QByteArray("America/New_York") << utc(2026, 12, 1, 5, 0, 0)
                                          << QDate(2026, 12, 1) << "2026-12-01 00:00:00";
    }
    void platformDays()
    {
        QFETCH(QByteArray, zone);
        QFETCH(qint64, epoch);
        QFETCH(QDate, date);
        QFETCH(QString, wall);
        const PlatformTime t(zone);
        QVERIFY(t.isValid());
        QCOMPARE(t.dateOf(epoch), date);
        QCOMPARE(t.dayNumber(epoch), QDate(1970, 1, 1).daysTo(date));
        QCOMPARE(PlatformTime::dateOfDayNumber(t.dayNumber(epoch)), date);
        QCOMPARE(t.wallClock(epoch).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), wall);
        QCOMPARE(t.formatDateTime(epoch), wall);
        QVERIFY(t.startOfDay(date) <= epoch && epoch < t.startOfDay(date.addDays(1)));
        QCOMPARE(t.dayNumber(t.startOfDay(date) - 1), t.dayNumber(epoch) - 1);
    }

    void isoDate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("expect");
        QTest::newRow("ok") << "2024-12-01" << QDate(2024, 12, 1);
        QTest::newRow("leap") << "2024-02-29" << QDate(2024, 2, 29);
        QTest::newRow("not leap") << "2023-02-29" << QDate();
        QTest::newRow("datetime") << "2024-12-01 00:00:00" << QDate();
        QTest::newRow("slashes") << "2024/12/01" << QDate();
        QTest::newRow("empty") << "" << QDate();
    }
    void isoDate()
    {
        QFETCH(QString, text);
        QFETCH(QDate, expect);
        QCOMPARE(parseIsoDate(text).value_or(QDate()), expect);
    }

    void yymmdd_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("expect");
        const QJsonObject y = timeVectors().value(u"yymmdd").toObject();
        for (const auto &e : y.value(u"valid").toArray())
            QTest::addRow("%s", qPrintable(e.toString())) << e.toString()
                                                          << QDate::fromString(QStringLiteral("20") + e.toString(), QStringLiteral("yyyyMMdd"));
        for (const auto &e : y.value(u"invalid").toArray())
            QTest::addRow("bad %s", qPrintable(e.toString())) << e.toString() << QDate();
        QTest::newRow("000101") << "000101" << QDate(2000, 1, 1);
        QTest::newRow("991231") << "991231" << QDate(2099, 12, 31);
        QTest::newRow("letters") << "24ab03" << QDate();
    }
    void yymmdd()
    {
        QFETCH(QString, text);
        QFETCH(QDate, expect);
        QCOMPARE(parseYyMMdd(text).value_or(QDate()), expect);
        if (expect.isValid())
            QCOMPARE(formatYyMMdd(expect), text);
    }

    void compactTimestamp_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << "20241103081500" << true;
        QTest::newRow("end of day") << "20241231235959" << true;
        QTest::newRow("hour 24") << "20241103240000" << false;
        QTest::newRow("short") << "2024110308150" << false;
        QTest::newRow("long") << "202411030815000" << false;
        QTest::newRow("dashes") << "2024-11-03 08:15" << false;
        QTest::newRow("feb 30") << "20240230000000" << false;
    }
    void compactTimestamp()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(parseCompactTimestamp(text).has_value(), valid);
    }
};

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
