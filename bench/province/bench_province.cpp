// SPDX-License-Identifier: GPL-3.0-or-later
// The province-day benchmark's parts (bench/province/run.sh runs them):
//   bench_province post URL APPID SECRET FIRST METERS DAY [IN_FLIGHT]
//       posts meterDataUpBatch bodies of 1000 meters x 24 hourly readings of platform day DAY
//       (days after 2025-01-01) for meters FIRST..FIRST+METERS-1 to URL (127.0.0.1 only), IN_FLIGHT
//       requests at a time (default 2); prints posts, answered 0000, wall s, readings/s.
//   bench_province seed-long DB METER POINTS      POINTS hourly readings for METER through the store
//   bench_province timeline DB METER [ARCHIVE...] the meter's whole timeline read 5 times (median ms),
//       with the archives opened read-only together with DB when given.
#include "protocol/security.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QUrl>

#include <algorithm>

using namespace md;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QByteArray batchBody(qint64 first, int meters, qint64 day)
{
    const PlatformTime time;
    const qint64 start = time.parseDateTime(u"2025-01-01 00:00:00").value() + day * 86400;
    QByteArray body = "{\"meterDatas\":[";
    body.reserve(meters * 2200);
    for (int m = 0; m < meters; ++m) {
        body += (m ? ",{" : "{");
        body += "\"meterNo\":\"" + QByteArray::number(first + m) + "\",\"factoryCode\":\"QC\",\"meterType\":\"01\","
                "\"meterTime\":\"" + time.formatDateTime(start + 24 * 3600 - 1).toUtf8() + "\",\"valveStatus\":\"0\","
                "\"readingDetails\":[";
        for (int r = 0; r < 24; ++r) {
            body += (r ? ",{" : "{");
            body += "\"dataTime\":\"" + time.formatDateTime(start + r * 3600).toUtf8() + "\",\"readingNum\":\""
                    + QByteArray::number(day * 24 + 100 + r) + ".125\",\"meterBalanceAmt\":\"50.2500\"}";
        }
        body += "]}";
    }
    body += "]}";
    return body;
}

int post(const QStringList &a)
{
    const QUrl url(a.at(2) + QStringLiteral("/rest/v1/bussinessPlatform/meterDataUpBatch"));
    if (url.host() != u"127.0.0.1") {
        QTextStream(stderr) << "load goes to 127.0.0.1 only\n";
        return 2;
    }
    const Credentials secrets{a.at(3), a.at(4)};
    const qint64 first = a.at(5).toLongLong();
    const qint64 meters = a.at(6).toLongLong();
    const qint64 day = a.at(7).toLongLong();
    const int inFlight = std::max(1, a.value(8, QStringLiteral("2")).toInt());
    const qint64 posts = (meters + 999) / 1000;
    QNetworkAccessManager nam;
    qint64 next = 0, done = 0, ok = 0;
    QList<qint64> latencies;
    QElapsedTimer wall;
    wall.start();
    std::function<void()> send = [&] {
        if (next >= posts)
            return;
        const qint64 at = first + next * 1000;
        const int n = int(std::min<qint64>(1000, first + meters - at));
        ++next;
        QNetworkRequest req(url);
        const AuthHeaders h = Auth::make(secrets, PlatformTime(), QDateTime::currentSecsSinceEpoch());
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json;charset=utf-8"));
        req.setRawHeader("timestamp", h.timestamp);
        req.setRawHeader("AccessToken", h.accessToken);
        req.setRawHeader("Authorization", h.authorization);
        auto started = std::make_shared<QElapsedTimer>();
        started->start();
        QNetworkReply *reply = nam.post(req, batchBody(at, n, day));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, started] {
            latencies << started->elapsed();
            if (reply->readAll().contains("\"0000\""))
                ++ok;
            reply->deleteLater();
            if (++done == posts)
                QCoreApplication::quit();
            else
                send();
        });
    };
    for (int i = 0; i < inFlight; ++i)
        send();
    if (posts > 0)
        QCoreApplication::exec();
    const double s = wall.elapsed() / 1000.0;
    std::sort(latencies.begin(), latencies.end());
    out() << "posts " << posts << " answered0000 " << ok << " wall_s " << QString::number(s, 'f', 1) << " readings_per_s "
          << qint64(meters * 24 / std::max(0.001, s)) << " batch_p50_ms " << latencies.value(latencies.size() / 2)
          << " batch_max_ms " << (latencies.isEmpty() ? 0 : latencies.last()) << Qt::endl;
    return ok == posts ? 0 : 1;
}

int seedLong(const QStringList &a)
{
    StoreOptions o;
    o.database = a.at(2);
    auto store = Store::open(o);
    if (!store) {
        QTextStream(stderr) << "seed-long: " << store.error().detail << '\n';
        return 1;
    }
    const QString meter = a.at(3);
    const int points = a.at(4).toInt();
    MeterInfo m;
    m.meterNo = meter;
    m.meterType = QStringLiteral("01");
    (*store)->upsertMeters({m}).waitForFinished();
    const qint64 start = PlatformTime().parseDateTime(u"2016-01-01 00:00:00").value();
    for (int at = 0; at < points; at += 8760) {
        UploadWrite w;
        w.journal.at = QDateTime::currentMSecsSinceEpoch();
        w.journal.endpoint = QStringLiteral("meterDataUp");
        w.journal.meterNo = meter;
        for (int i = at; i < std::min(points, at + 8760); ++i) {
            Reading r;
            r.meterNo = meter;
            r.dataTime = start + qint64(i) * 3600;
            r.readingNum = Volume::fromUnits(1000 + i * 10);
            w.readings << r;
        }
        const WriteOutcome done = (*store)->submit(w).result();
        if (!done.ok) {
            QTextStream(stderr) << "seed-long: " << done.error.code << ' ' << done.error.detail << '\n';
            return 1;
        }
    }
    return 0;
}

int timeline(const QStringList &a)
{
    StoreOptions o;
    o.database = a.at(2);
    o.readOnly = true;
    o.archives = a.mid(4);
    auto store = Store::open(o);
    if (!store) {
        QTextStream(stderr) << store.error().detail << '\n';
        return 1;
    }
    QList<double> ms;
    qsizetype points = 0;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        auto s = (*store)->readings(a.at(3), 0, 0);
        ms << t.nsecsElapsed() / 1e6;
        points = s ? s->time.size() : -1;
    }
    std::sort(ms.begin(), ms.end());
    out() << "timeline_points " << points << " median_ms " << QString::number(ms.at(2), 'f', 1) << " archives " << o.archives.size()
          << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.value(1) == u"post" && a.size() >= 8)
        return post(a);
    if (a.value(1) == u"seed-long" && a.size() == 5)
        return seedLong(a);
    if (a.value(1) == u"timeline" && a.size() >= 4)
        return timeline(a);
    QTextStream(stderr) << "usage: bench_province post URL APPID SECRET FIRST METERS DAY [IN_FLIGHT] | seed-long DB METER POINTS | "
                           "timeline DB METER [ARCHIVE...]\n";
    return 2;
}
