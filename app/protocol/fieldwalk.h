// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internals of MessageCodec: one reader and one writer walk a message's FieldSpecs; there is no
// per-message code. Paths for error messages ("meterDatas[3].readingDetails[0].dataTime") are only
// assembled when something is wrong: a 24,000-reading batch must not pay for a string per field.

#include "catalog.h"
#include "codec.h"
#include "fieldformat.h"
#include "record.h"
#include "security.h"

#include <QJsonObject>
#include <QVarLengthArray>

#include <optional>

namespace md::detail {

class FieldPath
{
public:
    void push(const QString &key, qsizetype index) { m_frames.append({&key, index}); }
    void pop() { m_frames.removeLast(); }
    QString with(const QString &leaf) const; // "a[1].b[2]." + leaf
    QString current() const;                 // "a[1].b[2]"

private:
    struct Frame
    {
        const QString *key;
        qsizetype index;
    };
    QVarLengthArray<Frame, 4> m_frames;
};

// The value under the field's name or one of its aliases; `usedKey` is set to whichever matched.
QJsonValue lookup(const QJsonObject &object, const FieldSpec &field, const QString **usedKey);
bool isAbsent(const QJsonValue &v); // missing, null or "": all treated as absent

class FieldReader
{
public:
    FieldReader(const CodecOptions &options, QStringList &flags);
    std::optional<Error> read(const QList<FieldSpec> &fields, const QJsonObject &object, Record &out);

private:
    std::optional<Error> scalar(const FieldSpec &field, const QString &key, const QJsonValue &value,
                                const QJsonObject &siblings, FieldValue &out);
    std::optional<Error> list(const FieldSpec &field, const QString &key, const QJsonValue &value, Record &out);
    Error fail(const FieldSpec &field, const QString &key, const QString &detail) const;
    Error at(Error error, const QString &key) const; // the error with the full path to `key`

    const CodecOptions &m_options;
    AesEcb m_aes;
    QStringList &m_flags;
    FieldPath m_path;
};

class FieldWriter
{
public:
    explicit FieldWriter(const CodecOptions &options);
    std::optional<Error> write(const QList<FieldSpec> &fields, const QJsonObject &plain, QJsonObject &out);

private:
    std::optional<Error> scalar(const FieldSpec &field, const QString &key, const QJsonValue &value,
                                const QJsonObject &siblings, QJsonValue &out);
    Error at(Error error, const QString &key) const; // the error with the full path to `key`

    const CodecOptions &m_options;
    AesEcb m_aes;
    FieldPath m_path;
};

} // namespace md::detail
