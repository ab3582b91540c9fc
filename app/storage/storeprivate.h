// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Store internals shared by the files that implement its methods (store.cpp: open and writes;
// registryqueries.cpp, historyqueries.cpp, commandqueries.cpp: reads).

#include "connection.h"
#include "historysources.h"
#include "store.h"
#include "storenotifier.h"
#include "writer.h"

#include <QMutex>

#include <memory>

namespace md {

// One reader connection per (store, thread), created on first use in that thread and closed when
// the thread ends (thread pools recycle threads) or when the store goes away.
class ReaderRegistry : public std::enable_shared_from_this<ReaderRegistry>
{
public:
    // attach: archive files (archive.h) every connection ATTACHes read-only (SQLite only).
    ReaderRegistry(DatabaseLocation loc, Dialect dialect, Dialect::Role role, int busyTimeoutMs, QStringList attach = {});
    ~ReaderRegistry();
    Result<Db *> forCurrentThread();
    void dropThread(quint64 threadKey);

private:
    DatabaseLocation m_loc;
    Dialect m_dialect;
    Dialect::Role m_role;
    int m_busyTimeoutMs;
    QStringList m_attach;
    quint64 m_id;
    QMutex m_mutex;
    QHash<quint64, Db *> m_dbs;
};

class Store::Private
{
public:
    StoreOptions options;
    DatabaseLocation location;
    Dialect dialect{Backend::Sqlite};
    int schemaVersion = 0;
    std::unique_ptr<StoreNotifier> notifier;
    std::unique_ptr<Writer> writer; // null when read-only
    std::shared_ptr<ReaderRegistry> readers;
    // PostgreSQL with archives: in-memory SQLite readers with the archives attached (on SQLite the
    // live readers attach them).
    std::shared_ptr<ReaderRegistry> archiveReaders;

    // Reads run their prepared statements on this thread's reader; a read returns its error when
    // there is none.
    Result<Db *> reader() const { return readers->forCurrentThread(); }
    Error readOnlyError() const;
    // A history select over the live database and the archives opened with it (historysources.h).
    Result<bool> history(const HistorySelect &select, const HistoryVisitor &visit) const;

    template<typename T>
    QFuture<T> post(std::function<T(WriteContext &)> fn, int weight = 1)
    {
        if (!writer)
            return QtFuture::makeReadyFuture(FailureOf<T>::make(readOnlyError()));
        return writer->post<T>(std::move(fn), weight);
    }
};

} // namespace md
