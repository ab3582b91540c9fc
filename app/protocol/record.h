// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A parsed message: typed values keyed by the catalogue's canonical field names (aliases resolved),
// sensitive values decrypted. Produced by MessageParser, consumed by the listener and the simulator.

#include "catalog.h"
#include "fieldmap.h"
#include "core/fixeddecimal.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace md {

struct FieldValue
{
    FieldType type = FieldType::String;
    QString text;       // canonical text (decrypted; money/volume as received, e.g. "3.2")
    qint64 number = 0;  // Money/Volume units, Integer value, DateTime epoch seconds, Date julian day
    bool wasEncrypted = false;
    bool flagged = false; // an optional String value outside its codes or "format": kept, marked for review
};

class Record
{
public:
    // Keyed by canonical field name, in catalogue order. FieldMap has QHash's API (see fieldmap.h).
    FieldMap<FieldValue> fields;
    FieldMap<QList<Record>> lists;

    bool has(const QString &name) const { return fields.contains(name); }
    QString text(const QString &name) const;
    std::optional<Money> money(const QString &name) const;
    std::optional<Volume> volume(const QString &name) const;
    std::optional<qint64> integer(const QString &name) const;
    std::optional<qint64> epoch(const QString &name) const; // DateTime fields
    std::optional<QDate> date(const QString &name) const;   // Date and YyMMdd fields
    const QList<Record> &list(const QString &name) const;   // empty when absent
};

struct ParsedMessage
{
    const MessageSpec *spec = nullptr;
    Record record;
    QStringList flags; // paths with unknown enumeration values etc.: stored, and marked for review
};

} // namespace md
