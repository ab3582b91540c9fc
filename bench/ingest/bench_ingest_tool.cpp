// SPDX-License-Identifier: GPL-3.0-or-later
// Inputs for bench/ingest/run.sh:
//   bench_ingest_tool headers APPID SECRET            three lines: timestamp, AccessToken, Authorization (now)
//   bench_ingest_tool meters FIRST COUNT               meter registry CSV (header + COUNT rows)
//   bench_ingest_tool batch METERS READINGS FIRST DAY  a meterDataUpBatch body (no sign), readings from DAY
#include "protocol/security.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    QTextStream out(stdout);
    if (a.value(1) == u"headers" && a.size() == 4) {
        const md::AuthHeaders h = md::Auth::make({a.at(2), a.at(3)}, md::PlatformTime(), QDateTime::currentSecsSinceEpoch());
        out << h.timestamp << '\n' << h.accessToken << '\n' << h.authorization << '\n';
        return 0;
    }
    if (a.value(1) == u"meters" && a.size() == 4) {
        const qint64 first = a.at(2).toLongLong();
        const qint64 count = a.at(3).toLongLong();
        out << "meterNo,meterType,userNo,addrDes\n";
        for (qint64 i = 0; i < count; ++i)
            out << (first + i) << ",01,U" << (first + i) << ",Bench road " << i << '\n';
        return 0;
    }
    if (a.value(1) == u"batch" && a.size() == 6) {
        const int meters = a.at(2).toInt();
        const int readings = a.at(3).toInt();
        const qint64 first = a.at(4).toLongLong();
        const md::PlatformTime time;
        const qint64 start = time.parseDateTime(u"2025-01-01 00:00:00").value() + a.at(5).toLongLong() * 86400;
        QByteArray body = "{\"meterDatas\":[";
        for (int m = 0; m < meters; ++m) {
            body += (m ? ",{" : "{");
            body += "\"meterNo\":\"" + QByteArray::number(first + m) + "\",\"factoryCode\":\"QC\",\"meterType\":\"01\","
                    "\"meterTime\":\"" + time.formatDateTime(start + readings * 3600).toUtf8() + "\",\"valveStatus\":\"0\","
                    "\"readingDetails\":[";
            for (int r = 0; r < readings; ++r) {
                body += (r ? ",{" : "{");
                body += "\"dataTime\":\"" + time.formatDateTime(start + r * 3600).toUtf8() + "\",\"readingNum\":\""
                        + QByteArray::number(100 + r) + ".125\",\"meterBalanceAmt\":\"50.2500\"}";
            }
            body += "]}";
        }
        body += "]}";
        fwrite(body.constData(), 1, size_t(body.size()), stdout);
        return 0;
    }
    QTextStream(stderr) << "usage: bench_ingest_tool headers APPID SECRET | meters FIRST COUNT | batch METERS READINGS FIRST DAY\n";
    return 2;
}
