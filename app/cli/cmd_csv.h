// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RFC 4180 CSV for the CLI's import and exports: quoted fields with commas, quotes and line breaks;
// each record remembers the line it starts on (error reports name it). Exports are UTF-8 with a BOM
// and CRLF, which is what Excel on a Chinese Windows needs to show 中文 correctly.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace md::cli {

struct CsvRecord
{
    int line = 0; // 1-based line where the record starts
    QStringList fields;
};

inline QList<CsvRecord> parseCsv(QStringView text)
{
    QList<CsvRecord> records;
    CsvRecord current;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    current.line = 1;
    auto endField = [&] {
        current.fields << field;
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        if (!(current.fields.size() == 1 && current.fields.first().isEmpty()))
            records << current;
        current = CsvRecord{};
        current.line = line;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
                continue; // a line break inside a field is stored as "\n", whatever the file used
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            ++line;
            endRecord();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty() || !current.fields.isEmpty())
        endRecord();
    return records;
}

inline QByteArray csvLine(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &f : fields) {
        if (f.contains(u',') || f.contains(u'"') || f.contains(u'\n') || f.contains(u'\r'))
            out << u'"' + QString(f).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
        else
            out << f;
    }
    return out.join(u',').toUtf8() + "\r\n";
}

inline QByteArray utf8Bom()
{
    return QByteArrayLiteral("\xEF\xBB\xBF");
}

} // namespace md::cli
