// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Notices changes made by OTHER processes on the same database (a CLI `send`, a second console, the
// headless receiver) and re-emits them as StoreNotifier-like signals. SQLite: polls the `changes`
// table every intervalMs on its own connection. PostgreSQL: LISTEN meterdesk_changes
// (QSqlDriver::subscribeToNotification) plus a slow poll as a safety net.
// Lives in the thread that creates it or is moved to (needs an event loop); start() opens its own
// connection there. ChangeFeed (changefeed.h) runs one on a thread of its own.

#include "core/result.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace md {

class ChangeWatcher : public QObject
{
    Q_OBJECT
public:
    // database: as StoreOptions::database. ownWriterId: rows written under this id
    // (StoreNotifier::writerId() of this process's store) are passed over: the notifier announced them.
    explicit ChangeWatcher(QString database, int intervalMs = 1000, QString ownWriterId = {}, QObject *parent = nullptr);
    ~ChangeWatcher() override;

    // Opens the connection and starts from the current end of `changes` (older changes are not
    // re-announced).
    Result<void> start();
    void stop();
    qint64 cursor() const;

signals:
    void metersChanged();
    void readingsAdded(const QStringList &meterNos);
    void alarmsChanged(const QStringList &meterNos);
    void commandsChanged(const QStringList &commandSeqs);
    void journalAppended(qint64 lastJournalId);

private:
    void poll();
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace md
