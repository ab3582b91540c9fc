// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers shared by the codec tests: options with the vector keys, and paths into example bodies.

#include "protocol/codec.h"
#include "protocol/examples.h"
#include "protocol/security.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace md::testing {

inline const QByteArray kKey = "s3cr3t-KEY-01234";
inline const QString kSecret = QStringLiteral("s3cr3t-KEY-0123456789");

inline CodecOptions options(SignMode mode = SignMode::Off)
{
    CodecOptions o;
    o.aesKey = kKey;
    o.appSecret = kSecret;
    o.signMode = mode;
    return o;
}

inline const MessageSpec *anySpec(const QString &name)
{
    const MessageSpec *s = Catalog::instance().upload(name);
    return s ? s : Catalog::instance().command(name);
}

// A step of a path into a body: a key, and for lists the element index.
struct Step
{
    QString key;
    int index = -1;
};
using Path = QList<Step>;

inline QString pathText(const Path &path)
{
    QString out;
    for (const Step &s : path) {
        if (!out.isEmpty())
            out += u'.';
        out += s.key;
        if (s.index >= 0)
            out += QStringLiteral("[%1]").arg(s.index);
    }
    return out;
}

// Replaces (or with nullopt removes) the value at `path`.
inline QJsonObject edited(QJsonObject body, const Path &path, const std::optional<QJsonValue> &value, int depth = 0)
{
    const Step &s = path[depth];
    if (depth == path.size() - 1) {
        if (value)
            body.insert(s.key, *value);
        else
            body.remove(s.key);
        return body;
    }
    QJsonArray list = body.value(s.key).toArray();
    list[s.index] = edited(list[s.index].toObject(), path, value, depth + 1);
    body.insert(s.key, list);
    return body;
}

using FieldPaths = QList<std::pair<Path, const FieldSpec *>>;

// Every field of a message, list items included (through element 1 of each list).
inline void collect(const QList<FieldSpec> &fields, const Path &prefix, FieldPaths &out)
{
    for (const FieldSpec &f : fields) {
        Path p = prefix;
        p.append({f.name, -1});
        out.append({p, &f});
        if (f.type == FieldType::List) {
            p.last().index = 1;
            collect(f.items, p, out);
        }
    }
}

inline Path findPath(const MessageSpec &spec, const QString &text)
{
    FieldPaths fields;
    collect(spec.fields, {}, fields);
    for (const auto &[p, f] : fields)
        if (pathText(p) == text)
            return p;
    return {};
}

inline QString malformedValue(const FieldSpec &f)
{
    switch (f.type) {
    case FieldType::String:
        return f.isEnum() ? QStringLiteral("ZZ") : QString();
    case FieldType::Integer:
        return QStringLiteral("12a");
    case FieldType::Money:
        return QStringLiteral("3.20001");
    case FieldType::Volume:
        return QStringLiteral("1.0001");
    case FieldType::DateTime:
        return QStringLiteral("2024-02-30 08:00:00");
    case FieldType::Date:
        return QStringLiteral("2024-02-30");
    case FieldType::YyMMdd:
        return QStringLiteral("20241103");
    case FieldType::List:
        break;
    }
    return QString();
}

inline Error parseError(const MessageSpec &spec, const QJsonObject &body, const CodecOptions &o = options())
{
    const auto r = MessageCodec(o).parse(spec, body);
    return r.ok() ? Error{QStringLiteral("ok"), {}, {}} : r.error();
}

inline QJsonObject rechargeUpBody()
{
    return Examples::validPlainBody(*Catalog::instance().upload(u"rechargeUp"));
}

inline void forEveryMessage(const std::function<void(const MessageSpec &)> &fn)
{
    for (const auto &m : Catalog::instance().uploads())
        fn(m);
    for (const auto &m : Catalog::instance().commands())
        fn(m);
}

} // namespace md::testing
