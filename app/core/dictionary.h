// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The dictionaries of the spec (protocol.md section 8, catalog.json): return codes, alarm types and
// the small enumerations. Each entry has the spec's Chinese text (what goes on the wire in
// returnMessage) and an English name marked for translation: the UI shows
// QCoreApplication::translate("md::Dictionary", englishName), which the zh_CN catalogue maps back to
// the spec's own terms.

#include <QList>
#include <QString>

namespace md {

enum class Severity { Info, Warning, Critical };

struct DictEntry
{
    const char *code;
    const char *wireText;    // the spec's Chinese text, UTF-8
    const char *englishName; // source string for tr()
};

struct AlarmTypeInfo
{
    const char *code;
    const char *wireText;
    const char *englishName;
    Severity severity;
    bool closesValve;
};

} // namespace md

namespace md::Dictionary {

// Return codes: 0000, 1001..1302, 9001..9999.
const QList<DictEntry> &returnCodes();
QString returnCodeText(const QString &code); // wire (Chinese) text; empty when unknown
bool isKnownReturnCode(const QString &code);

const QList<AlarmTypeInfo> &alarmTypes();
const AlarmTypeInfo *alarmType(const QString &code); // nullptr when unknown
bool isCriticalAlarm(const QString &code);

const QList<DictEntry> &valveStatuses();  // 0 open .. 4 ordinary close
const QList<DictEntry> &valveOperations(); // command: 0 open, 1 close, 2 ordinary close
const QList<DictEntry> &powerTypes();
const QList<DictEntry> &resultCodes();    // 00 success, 01 failure
const QList<DictEntry> &rechargeTypes();  // 1 amount, 2 volume
const QList<DictEntry> &meterOperations(); // register, modify, remove

const DictEntry *find(const QList<DictEntry> &list, const QString &code);
// The translated display name ("Gas leak" / "燃气泄露"); falls back to the raw code.
QString displayName(const QList<DictEntry> &list, const QString &code);
QString alarmDisplayName(const QString &code);

} // namespace md::Dictionary
