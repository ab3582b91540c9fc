// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every view of one console window shares: the store (live or opened read-only for offline
// review), the settings, the platform clock, and the change feed (storage/changefeed.h: this
// process's and other processes' commits, debounced once, on the GUI thread), which views connect to
// directly. Views ask the store through query() (or a LatestQuery): the read runs on a worker (its
// own reader connection) and the answer comes back to the view's thread, so the GUI thread never
// waits on disk.
// The workers are a pool of their own (readPool()), NOT QThreadPool::globalInstance(): Qt 6.4's raster
// paint engine splits large fills into tasks on the global pool and blocks the GUI thread until they
// ran, so store reads occupying the global pool (a slow count, a full scan) froze painting as long.

#include "core/result.h"
#include "core/settings.h"
#include "core/timeformat.h"
#include "storage/store.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QThreadPool>
#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace md {

class ChangeFeed;

class ConsoleContext : public QObject
{
    Q_OBJECT
public:
    // The store must not be null. Without a feed the context makes its own that follows this
    // process's commits only; the console session passes one that follows other processes too.
    ConsoleContext(std::shared_ptr<Store> store, Settings settings, QObject *parent = nullptr);
    ConsoleContext(std::shared_ptr<Store> store, Settings settings, ChangeFeed *feed, QObject *parent);

    Store *store() const { return m_store.get(); }
    std::shared_ptr<Store> storePtr() const { return m_store; }
    bool isReadOnly() const { return !m_store || m_store->isReadOnly(); }
    ChangeFeed *changeFeed() const { return m_feed; }
    const Settings &settings() const { return m_settings; }
    void setSettings(const Settings &settings);
    const PlatformTime &time() const { return m_time; }
    QString operatorName() const { return m_settings.effectiveOperator(); }
    qint64 now() const; // epoch seconds

    // Runs fn(const Store &) on a worker thread; the store stays alive until it returns.
    template<typename Fn>
    auto query(Fn fn) const
    {
        return QtConcurrent::run(readPool(), [store = m_store, fn = std::move(fn)]() { return fn(*store); });
    }

    // The workers of query() and of every other background task of the GUI (forms, import,
    // settings): shared by every console window, never the global pool.
    static QThreadPool *readPool();

    // Writes that views may ask for; each refuses in read-only mode with 9998.
    QFuture<Result<bool>> acknowledgeAlarm(qint64 alarmId);
    // Puts something the desk did (a print, a reprint, an export) into the journal: an outbound row
    // whose endpoint is `desk/<action>`, whose headers name the operator (recorded form, account and
    // display name) and whose body is `details` as JSON.
    QFuture<Result<qint64>> journalDeskAction(const QString &action, const QJsonObject &details,
                                              const QString &meterNo = {}, const QString &commandSeq = {});
    // The row journalDeskAction writes, for callers that hold only a store (forms without a console).
    static JournalEntry deskActionEntry(const OperatorIdentity &who, const QString &action, const QJsonObject &details,
                                        const QString &meterNo = {}, const QString &commandSeq = {});
    Error readOnlyError() const;

signals:
    // An alarm acknowledged from any view of this window (banner, alarms view, detail).
    void alarmAcknowledged(qint64 alarmId);
    // Open the dialog of that command for that meter (the command launcher answers).
    void actionRequested(const QString &commandName, const QString &meterNo);
    void openMeterRequested(const QString &meterNo);

private:
    std::shared_ptr<Store> m_store;
    Settings m_settings;
    PlatformTime m_time;
    ChangeFeed *m_feed = nullptr;
};

} // namespace md
