// SPDX-License-Identifier: GPL-3.0-or-later
#include "examples.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace md::Examples {
namespace {

QString stringExample(const FieldSpec &field, int index)
{
    if (field.name == u"alarmType")
        return QStringLiteral("1002"); // a real alarm (the first dictionary code, 0000, means none)
    if (field.isEnum())
        return field.values.firstKey();
    const QString &n = field.name;
    if (n == u"meterNo")
        return QString::number(20240001 + index);
    if (n == u"commandSeq")
        return QStringLiteral("20241103081500%1").arg(index + 1, 6, 10, QLatin1Char('0'));
    if (n == u"tradeNo")
        return QStringLiteral("R20241103081500%1").arg(index + 1, 6, 10, QLatin1Char('0'));
    if (n == u"factoryCode")
        return QStringLiteral("QC");
    if (n == u"meterType")
        return QStringLiteral("QC-G4");
    if (n == u"ip")
        return QStringLiteral("10.0.0.1");
    if (n == u"port")
        return QStringLiteral("9000");
    if (n == u"userName")
        return QStringLiteral("张三");
    if (n == u"addrDes")
        return QStringLiteral("成都市高新区天府大道1号");
    switch (field.textFormat) {
    case TextFormat::Integer:
        return QStringLiteral("1");
    case TextFormat::Money:
        return QStringLiteral("12.3400");
    case TextFormat::Volume:
        return QStringLiteral("100.100");
    case TextFormat::Ipv4:
        return QStringLiteral("10.0.0.1");
    case TextFormat::Free:
        break;
    }
    return n + QStringLiteral("-1");
}

} // namespace

QJsonValue validPlainValue(const FieldSpec &field, int index)
{
    switch (field.type) {
    case FieldType::String:
        return stringExample(field, index);
    case FieldType::Integer:
        return QStringLiteral("1");
    case FieldType::Money:
        return QStringLiteral("12.3400");
    case FieldType::Volume:
        return QStringLiteral("%1.100").arg(100 + index);
    case FieldType::DateTime:
        return QStringLiteral("2024-11-%1 08:15:00").arg(3 + index, 2, 10, QLatin1Char('0'));
    case FieldType::Date:
        return QStringLiteral("2024-12-01");
    case FieldType::YyMMdd:
        return QStringLiteral("2411%1").arg(1 + index, 2, 10, QLatin1Char('0'));
    case FieldType::List: {
        QJsonArray items;
        for (int i = 0; i < 2; ++i) {
            QJsonObject item;
            for (const auto &f : field.items)
                item.insert(f.name, validPlainValue(f, i));
            items.append(item);
        }
        return items;
    }
    }
    return QString();
}

QJsonObject validPlainBody(const MessageSpec &spec)
{
    QJsonObject body;
    for (const auto &f : spec.fields)
        body.insert(f.name, validPlainValue(f));
    return body;
}

QByteArray meterDataUpBatchBody(int meters, int readingsPerMeter, int firstMeterNo)
{
    // Written as text: building a QJsonDocument of 24,000 readings would dominate a benchmark.
    QByteArray out;
    out.reserve(qsizetype(meters) * (200 + readingsPerMeter * 110));
    out += "{\"meterDatas\":[";
    for (int m = 0; m < meters; ++m) {
        if (m)
            out += ',';
        out += "{\"meterNo\":\"" + QByteArray::number(firstMeterNo + m)
            + "\",\"factoryCode\":\"QC\",\"meterType\":\"QC-G4\",\"meterTime\":\"2024-11-04 00:05:00\","
              "\"valveStatus\":\"0\",\"signalStrength\":\"25\",\"readingDetails\":[";
        for (int r = 0; r < readingsPerMeter; ++r) {
            if (r)
                out += ',';
            char line[160];
            const int n = std::snprintf(line, sizeof line,
                                        "{\"dataTime\":\"2024-11-%02d %02d:00:00\",\"readingNum\":\"%d.%03d\","
                                        "\"meterBalanceAmt\":\"%d.%04d\"}",
                                        3 + (r / 24) % 25, r % 24, 1000 + r, (m * 7 + r) % 1000, 500 - r, (m + r) % 10000);
            out.append(line, n);
        }
        out += "]}";
    }
    out += "]}";
    return out;
}

} // namespace md::Examples
