// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolecontext.h"

#include <QTimer>

#include "storage/changefeed.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QThread>

namespace md {

namespace {
struct ReadPool : QThreadPool
{
    ReadPool()
    {
        setObjectName(QStringLiteral("md-store-reads"));
        setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
    }
};
Q_GLOBAL_STATIC(ReadPool, readPoolInstance)
} // namespace

QThreadPool *ConsoleContext::readPool()
{
    return readPoolInstance();
}

ConsoleContext::ConsoleContext(std::shared_ptr<Store> store, Settings settings, QObject *parent)
    : ConsoleContext(std::move(store), std::move(settings), nullptr, parent)
{
}

ConsoleContext::ConsoleContext(std::shared_ptr<Store> store, Settings settings, ChangeFeed *feed, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_settings(std::move(settings)),
      m_time(m_settings.platform.timeZone), m_feed(feed)
{
    if (!m_time.isValid())
        m_time = PlatformTime();
    if (!m_feed && m_store)
        m_feed = new ChangeFeed(*m_store, ChangeFeed::Options{.followOtherProcesses = false}, this);
    if (m_store && !m_store->isReadOnly()) {
        // An empty write every few seconds: the writer notices a database that went away while the
        // console sat idle (and reconnects), so the status bar says so before anyone clicks "send".
        auto *probe = new QTimer(this);
        probe->setInterval(5000);
        connect(probe, &QTimer::timeout, this, [this] { m_store->flush(); });
        probe->start();
    }
}

void ConsoleContext::setSettings(const Settings &settings)
{
    m_settings = settings;
    PlatformTime t(settings.platform.timeZone);
    if (t.isValid())
        m_time = t;
}

qint64 ConsoleContext::now() const
{
    return QDateTime::currentSecsSinceEpoch();
}

Error ConsoleContext::readOnlyError() const
{
    return makeError(QStringLiteral("9998"), {}, tr("This database is open read-only (offline review)."));
}

QFuture<Result<bool>> ConsoleContext::acknowledgeAlarm(qint64 alarmId)
{
    if (isReadOnly())
        return QtFuture::makeReadyFuture(Result<bool>(readOnlyError()));
    return m_store->acknowledgeAlarm(alarmId, operatorName(), now()).then(this, [this, alarmId](Result<bool> r) {
        if (r.ok())
            emit alarmAcknowledged(alarmId);
        return r;
    });
}

QFuture<Result<qint64>> ConsoleContext::journalDeskAction(const QString &action, const QJsonObject &details,
                                                          const QString &meterNo, const QString &commandSeq)
{
    if (isReadOnly())
        return QtFuture::makeReadyFuture(Result<qint64>(readOnlyError()));
    return m_store->journal(deskActionEntry(m_settings.operatorIdentity(), action, details, meterNo, commandSeq));
}

JournalEntry ConsoleContext::deskActionEntry(const OperatorIdentity &who, const QString &action, const QJsonObject &details,
                                             const QString &meterNo, const QString &commandSeq)
{
    JournalEntry e;
    e.at = QDateTime::currentMSecsSinceEpoch();
    e.direction = JournalDirection::Outbound;
    e.endpoint = QStringLiteral("desk/") + action;
    e.headers = QJsonDocument(QJsonObject{{QStringLiteral("operator"), who.recorded()},
                                          {QStringLiteral("login"), who.login},
                                          {QStringLiteral("displayName"), who.displayName}})
                    .toJson(QJsonDocument::Compact);
    e.body = QJsonDocument(details).toJson(QJsonDocument::Compact);
    e.meterNo = meterNo;
    e.commandSeq = commandSeq;
    return e;
}

} // namespace md
