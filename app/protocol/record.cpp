// SPDX-License-Identifier: GPL-3.0-or-later
#include "record.h"

namespace md {

QString Record::text(const QString &name) const
{
    const auto it = fields.constFind(name);
    return it == fields.constEnd() ? QString() : it->text;
}

std::optional<Money> Record::money(const QString &name) const
{
    const auto it = fields.constFind(name);
    if (it == fields.constEnd() || it->type != FieldType::Money)
        return std::nullopt;
    return Money::fromUnits(it->number);
}

std::optional<Volume> Record::volume(const QString &name) const
{
    const auto it = fields.constFind(name);
    if (it == fields.constEnd() || it->type != FieldType::Volume)
        return std::nullopt;
    return Volume::fromUnits(it->number);
}

std::optional<qint64> Record::integer(const QString &name) const
{
    const auto it = fields.constFind(name);
    if (it == fields.constEnd() || it->type != FieldType::Integer)
        return std::nullopt;
    return it->number;
}

std::optional<qint64> Record::epoch(const QString &name) const
{
    const auto it = fields.constFind(name);
    if (it == fields.constEnd() || it->type != FieldType::DateTime)
        return std::nullopt;
    return it->number;
}

std::optional<QDate> Record::date(const QString &name) const
{
    const auto it = fields.constFind(name);
    if (it == fields.constEnd() || (it->type != FieldType::Date && it->type != FieldType::YyMMdd))
        return std::nullopt;
    return QDate::fromJulianDay(it->number);
}

const QList<Record> &Record::list(const QString &name) const
{
    static const QList<Record> empty;
    const auto it = lists.constFind(name);
    return it == lists.constEnd() ? empty : *it;
}

} // namespace md
