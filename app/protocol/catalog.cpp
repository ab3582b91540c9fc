// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

// The resource lives in a static library: its initialiser must be referenced explicitly or a
// linker may drop it. Q_INIT_RESOURCE has to be expanded outside any namespace.
static void initProtocolCatalogResource()
{
    Q_INIT_RESOURCE(protocol_catalog);
}

namespace md {
namespace {

std::optional<FieldType> parseFieldType(const QString &t)
{
    static const QHash<QString, FieldType> types{
        {QStringLiteral("string"), FieldType::String},     {QStringLiteral("integer"), FieldType::Integer},
        {QStringLiteral("money"), FieldType::Money},       {QStringLiteral("volume"), FieldType::Volume},
        {QStringLiteral("datetime"), FieldType::DateTime}, {QStringLiteral("date"), FieldType::Date},
        {QStringLiteral("yymmdd"), FieldType::YyMMdd},     {QStringLiteral("list"), FieldType::List},
    };
    const auto it = types.constFind(t);
    if (it == types.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<TextFormat> parseTextFormat(const QString &t)
{
    static const QHash<QString, TextFormat> formats{
        {QString(), TextFormat::Free},                   {QStringLiteral("integer"), TextFormat::Integer},
        {QStringLiteral("money"), TextFormat::Money},    {QStringLiteral("volume"), TextFormat::Volume},
        {QStringLiteral("ipv4"), TextFormat::Ipv4},
    };
    const auto it = formats.constFind(t);
    if (it == formats.constEnd())
        return std::nullopt;
    return *it;
}

QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    for (const auto &e : v.toArray())
        out << e.toString();
    return out;
}

QMap<QString, QString> toStringMap(const QJsonObject &o)
{
    QMap<QString, QString> out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

struct Loader
{
    QMap<QString, QString> alarmTypes; // code -> "中文 / english"
    QString error;

    bool fields(const QJsonArray &array, QList<FieldSpec> &out, const QString &where)
    {
        for (const auto &fv : array) {
            const QJsonObject f = fv.toObject();
            FieldSpec spec;
            spec.name = f.value(u"name").toString();
            if (spec.name.isEmpty()) {
                error = where + QStringLiteral(": field without a name");
                return false;
            }
            const auto type = parseFieldType(f.value(u"type").toString());
            if (!type) {
                error = where + u'.' + spec.name + QStringLiteral(": unknown type ") + f.value(u"type").toString();
                return false;
            }
            spec.type = *type;
            spec.required = f.value(u"required").toBool();
            spec.sensitive = f.value(u"sensitive").toBool();
            spec.aliases = toStringList(f.value(u"aliases"));
            spec.values = toStringMap(f.value(u"values").toObject());
            spec.description = f.value(u"desc").toString();
            spec.negative = f.value(u"negative").toBool();
            const auto format = parseTextFormat(f.value(u"format").toString());
            if (!format || (*format != TextFormat::Free && spec.type != FieldType::String)) {
                error = where + u'.' + spec.name + QStringLiteral(": bad format ") + f.value(u"format").toString();
                return false;
            }
            spec.textFormat = *format;
            const QJsonObject typeBy = f.value(u"typeBy").toObject();
            spec.typeByField = typeBy.value(u"field").toString();
            const QJsonObject types = typeBy.value(u"types").toObject();
            for (auto it = types.begin(); it != types.end(); ++it) {
                const auto byType = parseFieldType(it.value().toString());
                if (!byType || *byType == FieldType::List) {
                    error = where + u'.' + spec.name + QStringLiteral(": bad typeBy type ") + it.value().toString();
                    return false;
                }
                spec.typeByCode.insert(it.key(), *byType);
            }
            // The two alarm fields carry their own return codes (protocol.md section 6); alarmType's
            // codes are the catalogue's alarm dictionary (spec section 8.2).
            if (spec.name == u"alarmTime") {
                spec.invalidCode = QStringLiteral("1301");
            } else if (spec.name == u"alarmType") {
                spec.invalidCode = QStringLiteral("1302");
                if (spec.values.isEmpty())
                    spec.values = alarmTypes;
            }
            if (spec.type == FieldType::List
                && !fields(f.value(u"items").toArray(), spec.items, where + u'.' + spec.name))
                return false;
            out << spec;
        }
        return true;
    }

    bool messages(const QJsonArray &array, MessageDirection direction, QList<MessageSpec> &out)
    {
        for (const auto &mv : array) {
            const QJsonObject m = mv.toObject();
            MessageSpec spec;
            spec.name = m.value(u"name").toString();
            spec.direction = direction;
            spec.section = m.value(u"section").toString();
            spec.aliases = toStringList(m.value(u"aliases"));
            spec.resultOf = m.value(u"result_of").toString();
            spec.resultUploads = toStringList(m.value(u"result_upload"));
            if (spec.name.isEmpty()) {
                error = QStringLiteral("message without a name");
                return false;
            }
            if (!fields(m.value(u"fields").toArray(), spec.fields, spec.name))
                return false;
            out << spec;
        }
        return true;
    }
};

bool anySensitive(const QList<FieldSpec> &fields)
{
    for (const auto &f : fields)
        if (f.sensitive || anySensitive(f.items))
            return true;
    return false;
}

} // namespace

bool FieldSpec::matches(QStringView key) const
{
    if (key == name)
        return true;
    for (const auto &a : aliases)
        if (key == a)
            return true;
    return false;
}

const FieldSpec *MessageSpec::field(QStringView nameOrAlias) const
{
    for (const auto &f : fields)
        if (f.matches(nameOrAlias))
            return &f;
    return nullptr;
}

bool MessageSpec::hasSensitiveFields() const
{
    return anySensitive(fields);
}

const Catalog &Catalog::instance()
{
    static const Catalog catalog = [] {
        initProtocolCatalogResource();
        QFile file(QStringLiteral(":/meterdesk/protocol/catalog.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("meterdesk: the protocol catalogue resource is missing");
        QString error;
        Catalog c = fromJson(file.readAll(), &error);
        if (!error.isEmpty())
            qFatal("meterdesk: bad protocol catalogue: %s", qPrintable(error));
        return c;
    }();
    return catalog;
}

Catalog Catalog::fromJson(const QByteArray &json, QString *error)
{
    Catalog c;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    Loader loader;
    if (!doc.isObject()) {
        loader.error = QStringLiteral("not a JSON object: ") + parseError.errorString();
    } else {
        const QJsonObject root = doc.object();
        const QJsonObject alarms = root.value(u"alarmTypes").toObject();
        for (auto it = alarms.begin(); it != alarms.end(); ++it) {
            const QJsonArray texts = it.value().toArray();
            loader.alarmTypes.insert(it.key(), texts.at(0).toString() + QStringLiteral(" / ") + texts.at(1).toString());
        }
        if (loader.messages(root.value(u"uploads").toObject().value(u"messages").toArray(), MessageDirection::Upload,
                            c.m_uploads))
            loader.messages(root.value(u"commands").toObject().value(u"messages").toArray(), MessageDirection::Command,
                            c.m_commands);
    }
    if (error)
        *error = loader.error;
    if (!loader.error.isEmpty())
        return Catalog();
    return c;
}

const MessageSpec *Catalog::upload(QStringView nameOrAlias) const
{
    for (const auto &m : m_uploads) {
        if (m.name == nameOrAlias)
            return &m;
        for (const auto &a : m.aliases)
            if (a == nameOrAlias)
                return &m;
    }
    return nullptr;
}

const MessageSpec *Catalog::command(QStringView name) const
{
    for (const auto &m : m_commands)
        if (m.name == name)
            return &m;
    return nullptr;
}

QStringList Catalog::uploadRouteNames() const
{
    QStringList names;
    for (const auto &m : m_uploads) {
        names << m.name;
        names << m.aliases;
    }
    return names;
}

QString fieldTypeName(FieldType t)
{
    switch (t) {
    case FieldType::String:
        return QStringLiteral("string");
    case FieldType::Integer:
        return QStringLiteral("integer");
    case FieldType::Money:
        return QStringLiteral("money");
    case FieldType::Volume:
        return QStringLiteral("volume");
    case FieldType::DateTime:
        return QStringLiteral("datetime");
    case FieldType::Date:
        return QStringLiteral("date");
    case FieldType::YyMMdd:
        return QStringLiteral("yymmdd");
    case FieldType::List:
        break;
    }
    return QStringLiteral("list");
}

} // namespace md
