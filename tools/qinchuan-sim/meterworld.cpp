// SPDX-License-Identifier: GPL-3.0-or-later
#include "meterworld.h"

#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>

namespace md::sim {

quint32 seedFor(const QString &meterNo)
{
    // FNV-1a over the meter number: the same meter behaves the same in every run.
    quint32 h = 2166136261u;
    for (const QChar c : meterNo) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return h ? h : 1;
}

SimulatedMeter *MeterWorld::find(const QString &meterNo)
{
    return m_byNo.value(meterNo, nullptr);
}

SimulatedMeter &MeterWorld::add(const MeterIdentity &identity, qint64 originEpoch)
{
    if (SimulatedMeter *existing = find(identity.meterNo)) {
        existing->id = identity;
        return *existing;
    }
    m_storage.emplace_back(identity, seedFor(identity.meterNo), originEpoch, m_time);
    SimulatedMeter *m = &m_storage.back();
    m_order.push_back(m);
    m_byNo.insert(identity.meterNo, m);
    return *m;
}

bool MeterWorld::remove(const QString &meterNo)
{
    SimulatedMeter *m = m_byNo.take(meterNo);
    if (!m)
        return false;
    // The deque slot stays (addresses must not move); the meter only leaves the index.
    m_order.erase(std::remove(m_order.begin(), m_order.end(), m), m_order.end());
    return true;
}

QStringList MeterWorld::meterNos() const
{
    QStringList out;
    out.reserve(int(m_order.size()));
    for (const SimulatedMeter *m : m_order)
        out << m->id.meterNo;
    return out;
}

void MeterWorld::generate(int count, qint64 originEpoch)
{
    for (int i = 1; i <= count; ++i) {
        MeterIdentity id;
        id.meterNo = QStringLiteral("SIM%1").arg(i, 6, 10, QLatin1Char('0'));
        id.userNo = QStringLiteral("U%1").arg(i, 8, 10, QLatin1Char('0'));
        id.userName = QStringLiteral("User %1").arg(i);
        id.addrDes = QStringLiteral("Test street %1").arg(i);
        add(id, originEpoch);
    }
}

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')))
        return value;
    QString v = value;
    v.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QStringList parseCsvLine(const QString &line)
{
    QStringList out;
    QString cur;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                cur += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            out << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    out << cur;
    return out;
}

Result<int> MeterWorld::loadCsv(const QString &path, qint64 originEpoch)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(QStringLiteral("9999"), path, f.errorString());
    QTextStream in(&f);
    in.setEncoding(QStringConverter::Utf8);
    QStringList header;
    int lineNo = 0;
    int added = 0;
    while (!in.atEnd()) {
        QString line = in.readLine();
        ++lineNo;
        if (lineNo == 1 && line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        if (line.trimmed().isEmpty())
            continue;
        const QStringList cells = parseCsvLine(line);
        if (header.isEmpty()) {
            header = cells;
            if (!header.contains(QStringLiteral("meterNo")))
                return makeError(QStringLiteral("9002"), QStringLiteral("%1:%2").arg(path).arg(lineNo),
                                 QStringLiteral("header without meterNo"));
            continue;
        }
        auto cell = [&](const QString &name) {
            const qsizetype i = header.indexOf(name);
            return i >= 0 && i < cells.size() ? cells.at(i).trimmed() : QString();
        };
        MeterIdentity id;
        id.meterNo = cell(QStringLiteral("meterNo"));
        if (id.meterNo.isEmpty())
            return makeError(QStringLiteral("9002"), QStringLiteral("%1:%2").arg(path).arg(lineNo),
                             QStringLiteral("empty meterNo"));
        if (!cell(QStringLiteral("meterType")).isEmpty())
            id.meterType = cell(QStringLiteral("meterType"));
        if (!cell(QStringLiteral("factoryCode")).isEmpty())
            id.factoryCode = cell(QStringLiteral("factoryCode"));
        id.userNo = cell(QStringLiteral("userNo"));
        id.userName = cell(QStringLiteral("userName"));
        id.addrDes = cell(QStringLiteral("addrDes"));
        add(id, originEpoch);
        ++added;
    }
    return added;
}

Result<void> MeterWorld::writeCsv(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
        return makeError(QStringLiteral("9999"), path, f.errorString());
    QTextStream out(&f);
    out.setEncoding(QStringConverter::Utf8);
    out << "meterNo,meterType,userNo,addrDes,factoryCode,userName\n";
    for (const SimulatedMeter *m : m_order) {
        const MeterIdentity &id = m->id;
        out << csvField(id.meterNo) << ',' << csvField(id.meterType) << ',' << csvField(id.userNo) << ','
            << csvField(id.addrDes) << ',' << csvField(id.factoryCode) << ',' << csvField(id.userName)
            << '\n';
    }
    out.flush();
    if (!f.commit())
        return makeError(QStringLiteral("9999"), path, f.errorString());
    return {};
}

} // namespace md::sim
