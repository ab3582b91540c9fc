// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one feed of "what changed" a console listens to. It merges this process's commits (the
// writer's StoreNotifier) with other processes' commits on the same database (a headless receiver,
// another console, a CLI send: ChangeWatcher, LISTEN/NOTIFY on PostgreSQL, polling `changes` on
// SQLite) and hands them out debounced once: everything that arrived within debounceMs is announced
// together, each kind at most once, with the keys merged. The watcher runs on a thread of its own,
// so the thread that owns the feed (the GUI thread) never waits on the database.
//
// A batch of more than 200 keys is written as `*` ("many", writer.cpp): it is passed on as it is,
// and touches() treats it as touching every key.

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace md {

class Store;

class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int debounceMs = 150;
        // Follow other processes' writes (a ChangeWatcher on the store's database). Off: this
        // process's commits only.
        bool followOtherProcesses = true;
        int pollIntervalMs = 500; // SQLite polling; PostgreSQL is told by NOTIFY and polls slowly
    };

    // The store must outlive the feed (hold its shared_ptr next to the feed).
    ChangeFeed(const Store &store, Options options, QObject *parent = nullptr);
    explicit ChangeFeed(const Store &store, QObject *parent = nullptr) : ChangeFeed(store, Options{}, parent) {}
    ~ChangeFeed() override;

    bool followsOtherProcesses() const;
    // Whether an announcement's keys name `key` (or are "many").
    static bool touches(const QStringList &keys, const QString &key);
    static const QString &many();

signals:
    void metersChanged();
    void readingsAdded(const QStringList &meterNos);
    // newCriticalAlarmIds: known for this process's commits only (another process's alarms come
    // with their meters).
    void alarmsChanged(const QStringList &meterNos, const QList<qint64> &newCriticalAlarmIds);
    void commandsChanged(const QStringList &commandSeqs);
    void journalAppended(qint64 lastJournalId);
    void reviewFlagsChanged();
    // This process's listener counters (StoreNotifier::requestsCounted), the newest of the round.
    void requestsCounted(qint64 requestsToday, qint64 lastUploadAt);
    // Not debounced: writing stopped working or works again (this process's writer).
    void writeHealthChanged(bool ok, const QString &detail);
    // Other processes' changes are followed from now on (announced once, after the start).
    void following();
    // Following other processes failed to start (e.g. the database is unreachable); retried.
    void followFailed(const QString &detail);

private:
    void schedule();
    void emitPending();
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace md
