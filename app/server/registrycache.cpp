// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrycache.h"

#include "storage/changewatcher.h"
#include "storage/store.h"
#include "storage/storenotifier.h"

#include <QLoggingCategory>
#include <QObject>

Q_DECLARE_LOGGING_CATEGORY(lcListener)

namespace md {

namespace {
constexpr qsizetype kBatchLookup = 64;
} // namespace

RegistryCache::RegistryCache(std::shared_ptr<Store> store, qsizetype capacity)
    : m_store(std::move(store)), m_capacity(capacity)
{
}

void RegistryCache::watch(QObject *context, int pollMs)
{
    if (StoreNotifier *notifier = m_store->notifier())
        QObject::connect(notifier, &StoreNotifier::metersChanged, context,
                         [changes = m_ownChanges] { changes->fetch_add(1); }, Qt::DirectConnection);
    auto *watcher = new ChangeWatcher(m_store->databaseDisplayName(), pollMs,
                                      m_store->notifier() ? m_store->notifier()->writerId() : QString(), context);
    QObject::connect(watcher, &ChangeWatcher::metersChanged, context, [this] { clear(); });
    if (Result<void> started = watcher->start(); !started) {
        // Without a watch another process's registry change could go unseen: keep nothing.
        qCWarning(lcListener).noquote() << "registry changes of other processes not watched:" << started.error().detail;
        m_capacity = 0;
        delete watcher;
    }
}

Result<QHash<QString, qint64>> RegistryCache::lookup(const QStringList &meterNos,
                                                     QHash<QString, RegisteredIdentity> *identities)
{
    // Read before the look-up below: a registry commit that lands after it is counted after it too,
    // so what the look-up may have read before that commit is dropped next time.
    if (const quint64 changes = m_ownChanges->load(); changes != m_ownChangesSeen) {
        m_known.clear();
        m_ownChangesSeen = changes;
    }
    // A batch (more meters than one look-up statement takes) is looked up as it is: one statement
    // per 64 meters costs it little, and keeping a thousand meters per batch in the cache cost the
    // listener more than it saved (its entries among the batch's short-lived parse trees).
    if (meterNos.size() > kBatchLookup)
        return m_store->lookupMeters(meterNos, identities);
    QHash<QString, qint64> found;
    QStringList missing;
    for (const QString &no : meterNos) {
        const auto hit = m_known.constFind(no);
        if (hit == m_known.constEnd()) {
            missing.append(no);
            continue;
        }
        found.insert(no, hit->id);
        if (identities)
            identities->insert(no, hit->identity);
    }
    if (missing.isEmpty())
        return found;
    QHash<QString, RegisteredIdentity> missingIdentities;
    Result<QHash<QString, qint64>> looked = m_store->lookupMeters(missing, &missingIdentities);
    if (!looked)
        return looked;
    if (m_known.size() + looked->size() > m_capacity)
        m_known.clear();
    for (auto it = looked->constBegin(); it != looked->constEnd(); ++it) {
        const RegisteredIdentity identity = missingIdentities.value(it.key());
        found.insert(it.key(), it.value());
        if (identities)
            identities->insert(it.key(), identity);
        if (m_known.size() < m_capacity)
            m_known.insert(it.key(), {it.value(), identity});
    }
    return found;
}

} // namespace md
