// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What changed, announced after the commit. In-process: StoreNotifier lives with the store and emits
// on the writer thread (connect with Qt::QueuedConnection). Across processes: ChangeWatcher
// (changewatcher.h) polls the `changes` table (SQLite) or LISTENs (PostgreSQL) and emits the same
// kind of signals.

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUuid>

namespace md {

class StoreNotifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The id this store's writer puts on its `changes` rows: unique per opened store (so per
    // process), so a change feed can skip the rows whose announcements came from here already.
    const QString &writerId() const { return m_writerId; }

signals:
    void metersChanged();                         // registry rows added / changed / removed
    void readingsAdded(const QStringList &meterNos); // new readings or status for these meters
    void alarmsChanged(const QStringList &meterNos, const QList<qint64> &newCriticalAlarmIds);
    void commandsChanged(const QStringList &commandSeqs);
    void journalAppended(qint64 lastJournalId);
    void reviewFlagsChanged();
    // Writing stopped working (ok false: disk full, database locked or unreachable; detail says why,
    // never a password) or works again (ok true). Emitted on the writer thread when the state flips.
    void writeHealthChanged(bool ok, const QString &detail);
    // The listener of this process handled a request (accepted or refused): its counters of the
    // platform day. Emitted on the listener's or the writer's thread; not a row of `changes` (the
    // counters live in the listening process only).
    void requestsCounted(qint64 requestsToday, qint64 lastUploadAt);

private:
    const QString m_writerId = QUuid::createUuid().toString(QUuid::Id128);
};

} // namespace md
