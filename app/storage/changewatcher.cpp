// SPDX-License-Identifier: GPL-3.0-or-later
#include "changewatcher.h"

#include "connection.h"

#include <QAtomicInteger>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>

namespace md {

namespace {
QAtomicInteger<quint64> watcherIds{1};
QString S(const char *s) { return QString::fromLatin1(s); }
} // namespace

class ChangeWatcher::Private
{
public:
    QString database;
    QString ownWriterId;
    int intervalMs = 1000;
    std::unique_ptr<Db> db;
    QTimer *timer = nullptr; // a child: it moves with the watcher to another thread
    qint64 cursor = 0;
};

ChangeWatcher::ChangeWatcher(QString database, int intervalMs, QString ownWriterId, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->database = std::move(database);
    d->ownWriterId = std::move(ownWriterId);
    d->intervalMs = intervalMs;
    d->timer = new QTimer(this);
    connect(d->timer, &QTimer::timeout, this, &ChangeWatcher::poll);
}

ChangeWatcher::~ChangeWatcher()
{
    stop();
}

Result<void> ChangeWatcher::start()
{
    stop();
    auto loc = parseDatabaseLocation(d->database);
    if (!loc)
        return loc.error();
    const Dialect dialect(loc->backend);
    auto opened = dialect.openConnection(*loc, S("md-watcher-%1").arg(watcherIds.fetchAndAddRelaxed(1)), Dialect::Role::Reader, 2000);
    if (!opened)
        return opened.error();
    d->db = std::make_unique<Db>(std::move(opened).value(), dialect);
    auto last = d->db->scalar(S("SELECT COALESCE(MAX(id), 0) FROM changes"));
    if (!last)
        return d->db->lastError();
    d->cursor = last->toLongLong();
    int interval = d->intervalMs;
    if (dialect.isPostgres()) {
        QSqlDriver *driver = d->db->database().driver();
        if (driver->subscribeToNotification(QLatin1String(Dialect::notifyChannel))) {
            connect(driver, &QSqlDriver::notification, this, [this] { poll(); });
            interval = std::max(interval, 10000); // LISTEN does the work; the timer is a safety net
        }
    }
    d->timer->start(interval);
    return {};
}

void ChangeWatcher::stop()
{
    d->timer->stop();
    if (d->db && d->db->dialect().isPostgres())
        d->db->database().driver()->unsubscribeFromNotification(QLatin1String(Dialect::notifyChannel));
    d->db.reset();
}

qint64 ChangeWatcher::cursor() const
{
    return d->cursor;
}

void ChangeWatcher::poll()
{
    if (!d->db)
        return;
    QSqlQuery *q = d->db->run(S("SELECT id, kind, keys, writer FROM changes WHERE id > ? ORDER BY id LIMIT 1000"), {d->cursor});
    if (!q)
        return; // the next tick retries
    struct Change
    {
        QString kind, keys;
    };
    QList<Change> changes;
    while (q->next()) {
        d->cursor = q->value(0).toLongLong();
        if (!d->ownWriterId.isEmpty() && q->value(3).toString() == d->ownWriterId)
            continue; // this process's own commit
        changes.append({q->value(1).toString(), q->value(2).toString()});
    }
    q->finish();
    for (const Change &c : std::as_const(changes)) {
        const QStringList keys = c.keys.isEmpty() ? QStringList() : c.keys.split(QLatin1Char(','));
        if (c.kind == QLatin1String("meters"))
            emit metersChanged();
        else if (c.kind == QLatin1String("readings"))
            emit readingsAdded(keys);
        else if (c.kind == QLatin1String("alarms"))
            emit alarmsChanged(keys);
        else if (c.kind == QLatin1String("commands"))
            emit commandsChanged(keys);
        else if (c.kind == QLatin1String("journal"))
            emit journalAppended(c.keys.toLongLong());
    }
}

} // namespace md
