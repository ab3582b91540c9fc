// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvexport.h"

#include <QAbstractItemModel>
#include <QSaveFile>

namespace md::csv {

QByteArray bom()
{
    return QByteArrayLiteral("\xEF\xBB\xBF");
}

QString field(const QString &value)
{
    QString v = value;
    // Long digit strings (meter numbers, commandSeq) would become numbers in scientific notation:
    // ="..." keeps them as text. Leading = + - @ would be formulas.
    bool allDigits = v.size() >= 11;
    for (QChar c : v)
        if (!c.isDigit()) {
            allDigits = false;
            break;
        }
    if (allDigits)
        return QStringLiteral("=\"%1\"").arg(v);
    if (!v.isEmpty() && (v[0] == u'=' || v[0] == u'+' || v[0] == u'@'))
        v.prepend(u'\'');
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r')) {
        v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + v + u'"';
    }
    return v;
}

QByteArray line(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &f : fields)
        out.append(field(f));
    return out.join(u',').toUtf8() + "\r\n";
}

QByteArray fromModel(const QAbstractItemModel &model)
{
    QByteArray data = bom();
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header.append(model.headerData(c, Qt::Horizontal).toString());
    data += line(header);
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model.columnCount(); ++c)
            row.append(model.index(r, c).data().toString());
        data += line(row);
    }
    return data;
}

bool writeModel(const QAbstractItemModel &model, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(fromModel(model)) < 0 || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

QList<QStringList> parse(const QString &input)
{
    QString text = input;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> records;
    QStringList record;
    QString cur;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    cur += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
                continue; // a line break inside a field is stored as "\n", whatever the file used
            } else {
                cur += c;
            }
            continue;
        }
        if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == u',') {
            record.append(cur);
            cur.clear();
            any = true;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            if (any || !cur.isEmpty()) {
                record.append(cur);
                records.append(record);
            }
            record.clear();
            cur.clear();
            any = false;
        } else {
            cur += c;
            any = true;
        }
    }
    if (any || !cur.isEmpty()) {
        record.append(cur);
        records.append(record);
    }
    return records;
}

} // namespace md::csv
