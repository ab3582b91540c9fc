// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CSV import of meters (File > Import): parsed on a worker thread, written in chunks through
// Store::upsertMeters with a progress dialog, then a report of every row that failed and why.
// Header names (English or the spec's Chinese): meterNo/表具编号 (required), meterType/表具型号,
// factoryCode/表厂编号, userNo/用户编号, userName/用户名称, addrDes/地址, devNo, companyNo,
// setUpTime/安装时间 (yyyy-MM-dd HH:mm:ss), enableMeterReading/表底数 (m3; 启用读数 also read).
// The file may be UTF-8 (BOM or not) or GB18030 from a Chinese Excel (core/textdecode.h).

#include "core/records.h"
#include "core/timeformat.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QWidget;

namespace md {

class ConsoleContext;

} // namespace md

namespace md::MeterImport {

struct RowError
{
    int line = 0; // 1-based line of the CSV file
    QString meterNo;
    QString message;
};

struct Parsed
{
    QList<MeterInfo> meters;
    QList<int> lines; // line of each meter
    QList<RowError> errors;
};

Parsed parse(const QString &text, const PlatformTime &time);
// The file's bytes: decoded first (UTF-8, UTF-16 with BOM or GB18030), else one error on line 1.
Parsed parseBytes(const QByteArray &bytes, const PlatformTime &time);
void start(QWidget *parent, ConsoleContext *context, const QString &path);

} // namespace md::MeterImport
