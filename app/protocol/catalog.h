// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Qinchuan V3.0 messages described once, as data. The catalogue is catalog.json (the shared
// protocol description) compiled into the binary as a resource; parsing, validation, building and
// the UI's forms and tables are all driven by it.

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace md {

enum class FieldType { String, Integer, Money, Volume, DateTime, Date, YyMMdd, List };
// What the text of a String field must look like when the spec types it String but means a number
// or an address (catalog.json "format": setParameter's port is digits, alarmOne an amount).
enum class TextFormat { Free, Integer, Money, Volume, Ipv4 };
enum class MessageDirection { Upload, Command };

struct FieldSpec
{
    QString name;
    FieldType type = FieldType::String;
    bool required = false;
    bool sensitive = false;           // AES-128-ECB when encryption is on
    QStringList aliases;              // readingDetails <-> meterReadingDetails
    QMap<QString, QString> values;    // enumeration: code -> "english 中文"
    QList<FieldSpec> items;           // for lists: the fields of each element
    QString description;              // "meter number 表具编号(表钢号)"
    TextFormat textFormat = TextFormat::Free; // "format", String fields only
    // "typeBy": the type follows a sibling's code (recharge.rechargeNum: rechargeType 2 -> Volume);
    // a code not listed keeps `type`. See FieldFormat::typeOf.
    QString typeByField;
    QMap<QString, FieldType> typeByCode;
    bool negative = false;            // "negative": an amount that may be below zero (a balance)
    // Return code for a present but malformed or unknown value: 9002, except alarmTime (1301) and
    // alarmType (1302, whose `values` are the catalogue's alarm dictionary).
    QString invalidCode = QStringLiteral("9002");

    bool isEnum() const { return !values.isEmpty(); }
    bool matches(QStringView key) const; // name or an alias
};

struct MessageSpec
{
    QString name;          // canonical: meterDataUp, openVResult, valveOperate, changeprice ...
    MessageDirection direction = MessageDirection::Upload;
    QString section;       // spec section, "6.1"
    QStringList aliases;   // openVResutl, chargePriceResutl
    QString resultOf;      // uploads: the command this upload answers (recharge, valveOperate ...)
    QStringList resultUploads; // commands: the uploads that answer it (empty: ends at accepted)
    QList<FieldSpec> fields;

    const FieldSpec *field(QStringView nameOrAlias) const;
    bool hasSensitiveFields() const;
};

class Catalog
{
public:
    static const Catalog &instance(); // loaded once from :/meterdesk/protocol/catalog.json

    const MessageSpec *upload(QStringView nameOrAlias) const;
    const MessageSpec *command(QStringView name) const;
    const QList<MessageSpec> &uploads() const { return m_uploads; }
    const QList<MessageSpec> &commands() const { return m_commands; }
    // Every upload route name, aliases included (what the listener serves).
    QStringList uploadRouteNames() const;

    // Loads from JSON text; used by instance() and by tests.
    static Catalog fromJson(const QByteArray &json, QString *error = nullptr);

private:
    QList<MessageSpec> m_uploads;
    QList<MessageSpec> m_commands;
};

QString fieldTypeName(FieldType t);

} // namespace md
