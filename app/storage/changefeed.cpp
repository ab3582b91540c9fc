// SPDX-License-Identifier: GPL-3.0-or-later
#include "changefeed.h"

#include "changewatcher.h"
#include "store.h"
#include "storenotifier.h"

#include <QPointer>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <functional>
#include <optional>
#include <utility>

namespace md {

namespace {
constexpr int kFollowRetryMs = 5000;
const QString kMany = QStringLiteral("*");
} // namespace

class ChangeFeed::Private
{
public:
    Options options;
    QTimer debounce;
    // What arrived since the last announcement.
    bool meters = false;
    bool reviewFlags = false;
    QSet<QString> readingMeters, alarmMeters, commandSeqs;
    QList<qint64> newCriticalAlarms;
    qint64 lastJournalId = 0;
    std::optional<std::pair<qint64, qint64>> requests; // requests today, last upload at
    // The watcher and its thread (only when following other processes).
    QThread *thread = nullptr;
    ChangeWatcher *watcher = nullptr;
    std::shared_ptr<std::function<void()>> startWatcher;
};

// Adds keys to a pending set; once it holds "many", the others add nothing.
static void addKeys(QSet<QString> &set, const QStringList &keys)
{
    if (set.contains(kMany))
        return;
    if (keys.contains(kMany))
        set = {kMany};
    else
        set.unite(QSet<QString>(keys.begin(), keys.end()));
}

ChangeFeed::ChangeFeed(const Store &store, Options options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->options = options;
    d->debounce.setSingleShot(true);
    d->debounce.setInterval(qMax(0, options.debounceMs));
    connect(&d->debounce, &QTimer::timeout, this, &ChangeFeed::emitPending);

    // Both sources emit on their own threads: the lambdas below run on ours (queued, context this).
    auto onMeters = [this] {
        d->meters = true;
        schedule();
    };
    auto onReadings = [this](const QStringList &m) {
        addKeys(d->readingMeters, m);
        schedule();
    };
    auto onCommands = [this](const QStringList &seqs) {
        addKeys(d->commandSeqs, seqs);
        schedule();
    };
    auto onJournal = [this](qint64 id) {
        d->lastJournalId = qMax(d->lastJournalId, id);
        schedule();
    };
    if (StoreNotifier *n = store.notifier()) {
        connect(n, &StoreNotifier::metersChanged, this, onMeters, Qt::QueuedConnection);
        connect(n, &StoreNotifier::readingsAdded, this, onReadings, Qt::QueuedConnection);
        connect(n, &StoreNotifier::alarmsChanged, this,
                [this](const QStringList &m, const QList<qint64> &critical) {
                    addKeys(d->alarmMeters, m);
                    d->newCriticalAlarms += critical;
                    schedule();
                }, Qt::QueuedConnection);
        connect(n, &StoreNotifier::commandsChanged, this, onCommands, Qt::QueuedConnection);
        connect(n, &StoreNotifier::journalAppended, this, onJournal, Qt::QueuedConnection);
        connect(n, &StoreNotifier::reviewFlagsChanged, this, [this] {
            d->reviewFlags = true;
            schedule();
        }, Qt::QueuedConnection);
        connect(n, &StoreNotifier::requestsCounted, this, [this](qint64 today, qint64 lastUploadAt) {
            d->requests = {today, lastUploadAt};
            schedule();
        }, Qt::QueuedConnection);
        connect(n, &StoreNotifier::writeHealthChanged, this, &ChangeFeed::writeHealthChanged, Qt::QueuedConnection);
    }
    if (!options.followOtherProcesses)
        return;

    // This process's commits are rows of `changes` too: the watcher passes over those marked with
    // this store's writer id (the notifier announced them), so each reaches the views once.
    d->thread = new QThread(this);
    d->thread->setObjectName(QStringLiteral("md-change-feed"));
    // The display name parses back to the same location (a password only ever comes from the environment).
    d->watcher = new ChangeWatcher(store.databaseDisplayName(), options.pollIntervalMs,
                                   store.notifier() ? store.notifier()->writerId() : QString());
    d->watcher->moveToThread(d->thread);
    connect(d->thread, &QThread::finished, d->watcher, &QObject::deleteLater);
    connect(d->watcher, &ChangeWatcher::metersChanged, this, onMeters);
    connect(d->watcher, &ChangeWatcher::readingsAdded, this, onReadings);
    connect(d->watcher, &ChangeWatcher::alarmsChanged, this, [this](const QStringList &m) {
        addKeys(d->alarmMeters, m);
        schedule();
    });
    connect(d->watcher, &ChangeWatcher::commandsChanged, this, onCommands);
    connect(d->watcher, &ChangeWatcher::journalAppended, this, onJournal);
    d->thread->start();
    // Started on the watcher's thread: its connection belongs there. Retried while it fails.
    QPointer<ChangeFeed> self(this);
    ChangeWatcher *watcher = d->watcher;
    d->startWatcher = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> again = d->startWatcher;
    *d->startWatcher = [self, watcher, again] {
        auto started = watcher->start();
        if (started) {
            QMetaObject::invokeMethod(self, [self] {
                if (self)
                    emit self->following();
            });
            return;
        }
        const QString detail = started.error().detail;
        QMetaObject::invokeMethod(self, [self, detail] {
            if (self)
                emit self->followFailed(detail);
        });
        QTimer::singleShot(kFollowRetryMs, watcher, [again] {
            if (auto f = again.lock())
                (*f)();
        });
    };
    QMetaObject::invokeMethod(watcher, [f = d->startWatcher] { (*f)(); }, Qt::QueuedConnection);
}

ChangeFeed::~ChangeFeed()
{
    if (d->thread) {
        // The watcher stops and is deleted on its own thread (finished -> deleteLater).
        QMetaObject::invokeMethod(d->watcher, [w = d->watcher] { w->stop(); }, Qt::BlockingQueuedConnection);
        d->thread->quit();
        d->thread->wait();
    }
}

bool ChangeFeed::followsOtherProcesses() const
{
    return d->thread != nullptr;
}

bool ChangeFeed::touches(const QStringList &keys, const QString &key)
{
    return keys.contains(key) || keys.contains(kMany);
}

const QString &ChangeFeed::many()
{
    return kMany;
}

void ChangeFeed::schedule()
{
    if (!d->debounce.isActive())
        d->debounce.start();
}

void ChangeFeed::emitPending()
{
    auto sorted = [](QSet<QString> &s) {
        QStringList l(s.begin(), s.end());
        l.sort();
        s.clear();
        return l;
    };
    // Taken out before emitting: a handler may spin an event loop and let new changes in.
    const bool meters = std::exchange(d->meters, false);
    const bool reviewFlags = std::exchange(d->reviewFlags, false);
    const QStringList readings = sorted(d->readingMeters);
    const QStringList alarms = sorted(d->alarmMeters);
    const QStringList commands = sorted(d->commandSeqs);
    const QList<qint64> critical = std::exchange(d->newCriticalAlarms, {});
    const qint64 journal = std::exchange(d->lastJournalId, 0);
    const auto requests = std::exchange(d->requests, std::nullopt);
    if (meters)
        emit metersChanged();
    if (!readings.isEmpty())
        emit readingsAdded(readings);
    if (!alarms.isEmpty() || !critical.isEmpty())
        emit alarmsChanged(alarms, critical);
    if (!commands.isEmpty())
        emit commandsChanged(commands);
    if (journal)
        emit journalAppended(journal);
    if (reviewFlags)
        emit reviewFlagsChanged();
    if (requests)
        emit requestsCounted(requests->first, requests->second);
}

} // namespace md
