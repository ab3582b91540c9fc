// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CSV that Excel on Chinese Windows opens correctly: UTF-8 with a BOM, CRLF line ends, every field
// quoted when it holds a comma, quote, newline, or could be taken for a formula or a number that
// Excel would mangle (long meter numbers would turn into 1.23E+19).

#include <QByteArray>
#include <QString>
#include <QStringList>

class QAbstractItemModel;
class QIODevice;

namespace md::csv {

QByteArray bom();
QByteArray line(const QStringList &fields);  // one CRLF-terminated record
QString field(const QString &value);          // quoted / protected as needed
// The model's header and every row (DisplayRole, already formatted for display).
QByteArray fromModel(const QAbstractItemModel &model);
bool writeModel(const QAbstractItemModel &model, const QString &path, QString *error = nullptr);
// Parses one CSV text (RFC 4180, optional BOM) into records.
QList<QStringList> parse(const QString &text);

} // namespace md::csv
