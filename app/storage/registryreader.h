// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading the meter registry: pages of meters with their latest state, counts, one meter's summary,
// meterNo lookups for the listener, and the records quarantined until their meter is registered.
// Store implements it (registryqueries.cpp, quarantinequeries.cpp); a view or test that only lists
// meters can take a fake. Reads block: call them from a worker thread, never the GUI thread.

#include "core/fixeddecimal.h"
#include "core/records.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace md {

// Counts over big tables stop at this many (the UI shows "100000+").
inline constexpr qint64 countCap = 100000;

enum class ValveFilter { Any, Open, Closed }; // Closed: any valveStatus other than 0

struct RegistryFilter
{
    // Matched against meterNo, userNo, userName, addrDes: as a prefix (index range scans), or, when
    // `contains` is set, as a substring of any length (substringsearch.h: trigram index for 3+
    // characters, bigram index for 1-2, such as a two-character name or street).
    QString text;
    bool contains = false;
    ValveFilter valve = ValveFilter::Any;
    bool activeAlarmOnly = false;
    bool criticalAlarmOnly = false;
    int silentDays = 0;                    // > 0: last upload older than now - silentDays (or never)
    std::optional<Money> balanceBelow;     // last meterBalanceAmt < value
    qint64 now = 0;                        // for silentDays; 0: the current time
};

// Keyset paging: pass the last row's meterNo of the previous page as afterMeterNo (fast at any
// depth); offset is for random access (scroll bar jumps) and costs O(offset).
struct RegistryPageRequest
{
    RegistryFilter filter;
    QString afterMeterNo;
    int offset = 0;
    int limit = 200;
};

struct RegistryRow
{
    qint64 meterId = 0;
    QString meterNo;
    QString userNo;
    QString userName;
    QString addrDes;
    QString meterType;
    qint64 lastUploadAt = 0;           // 0: never
    std::optional<Volume> lastReading;
    QString valveStatus;
    std::optional<Money> balance;
    QString cellVoltage;
    QString signalStrength;
    int activeAlarmCount = 0;
    bool hasCriticalAlarm = false;
};

struct RegistryCount
{
    qint64 count = 0;
    bool capped = false; // true: at least `count` (stopped at countCap)
};

struct MeterSummary
{
    RegistryRow row;
    MeterInfo info;
    qint64 lastMeterTime = 0;
    QString powerType;
    QString temperature;
    QString pressure;
    std::optional<Money> totalRechargeAmt;
    std::optional<qint64> totalRechargeCount;
    std::optional<Volume> meterBalanceQty;
    std::optional<Money> price;
    qint64 readingCount = 0;
    qint64 firstReadingAt = 0;
    qint64 lastReadingAt = 0;
    QMap<QString, QString> parameters; // the last parameterUp
    qint64 parametersAt = 0;
};

// What the registry says a meter is (empty: not recorded).
struct RegisteredIdentity
{
    QString factoryCode;
    QString meterType;
};

class RegistryReader
{
public:
    virtual ~RegistryReader() = default;

    // meterNo -> id of the registered ones; with `identities`, also their factoryCode and meterType
    // (for the listener's 1001 / 1002 check).
    virtual Result<QHash<QString, qint64>> lookupMeters(const QStringList &meterNos,
                                                        QHash<QString, RegisteredIdentity> *identities = nullptr) const = 0;
    virtual Result<QList<RegistryRow>> registryPage(const RegistryPageRequest &request) const = 0;
    virtual Result<RegistryCount> registryCount(const RegistryFilter &filter) const = 0;
    virtual Result<std::optional<MeterSummary>> meterSummary(const QString &meterNo) const = 0;
    // Quarantine: records of meters that are registered now and not replayed yet (oldest first),
    // and those still waiting for their meter (the overview's one-click view).
    virtual Result<QList<QuarantinedRecord>> quarantineReady(int limit) const = 0;
    virtual Result<QList<QuarantinedRecord>> quarantineWaiting(int limit) const = 0;
};

} // namespace md
