// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The registry facts the listener checks each upload against (meterNo -> id, factoryCode,
// meterType), kept between uploads so a meter that reports again is not looked up again. The
// look-up is an SQLite read on the listener's own connection that has to re-read the pages the
// writer changed since the last one (about a tenth of the listener's CPU per meterDataUp).
//
// Only registered meters are kept: an unknown meter is looked up every time, so a meter registered
// a moment ago (by anyone) is seen at once. Everything is forgotten when the registry changes:
// - this process's own registry writes: StoreNotifier::metersChanged, emitted by the writer after
//   their COMMIT, counted at once (a direct connection), so the next look-up after it starts over;
// - other processes on the same database (an import by `meterdesk-cli meters import`, a console):
//   a ChangeWatcher polling their `changes` rows every pollMs (PostgreSQL: LISTEN/NOTIFY).
// So a meter another process removes or re-types is seen by the listener at most pollMs late. The
// check was never transactional (it reads before the writer commits, which under load is tens of
// ms later); the cache widens that window for other processes' changes only.
// At most `capacity` meters are kept (about 150 bytes each); past that it starts over. A look-up
// of more than 64 meters (a batch) bypasses the cache (registrycache.cpp says why).
// Lives on one thread (the listener's): use it and call watch() there only.

#include "core/result.h"
#include "storage/registryreader.h"

#include <QHash>
#include <QStringList>

#include <atomic>
#include <memory>

class QObject;

namespace md {

class Store;

class RegistryCache
{
public:
    explicit RegistryCache(std::shared_ptr<Store> store, qsizetype capacity = 50000);

    // Clears on the store's and other processes' registry changes, delivered on `context`'s thread
    // (the watcher is a child of `context`).
    void watch(QObject *context, int pollMs);

    // As Store::lookupMeters: the registered meters among meterNos, with their identities.
    Result<QHash<QString, qint64>> lookup(const QStringList &meterNos, QHash<QString, RegisteredIdentity> *identities);

    void clear() { m_known.clear(); }
    qsizetype size() const { return m_known.size(); }

private:
    struct Known
    {
        qint64 id = 0;
        RegisteredIdentity identity;
    };
    std::shared_ptr<Store> m_store;
    qsizetype m_capacity;
    QHash<QString, Known> m_known;
    // Registry commits of this process's writer (bumped on the writer thread) and the count the
    // cache was last valid for.
    std::shared_ptr<std::atomic<quint64>> m_ownChanges = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_ownChangesSeen = 0;
};

} // namespace md
