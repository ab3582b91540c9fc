// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Commands from form (or CLI, or batch) to meter and back (protocol.md section 8). A QObject that
// lives on the GUI thread: no method blocks. Store reads run on QtConcurrent workers, store writes
// resolve on the store's writer thread, the network is QNetworkAccessManager; every continuation comes
// back to this object's thread (QFuture::then(this, ...)) and every state change is announced by a
// signal.
//
// send():   fill registry fields (meterType, ...) -> validate (nothing invalid leaves the machine)
//           -> allocate commandSeq (+ tradeNo, rechargeCount, totalRechargeAmt for a recharge) and
//           PERSIST the row as `queued` -> POST -> `sent` / `accepted` / `rejected` / `unreachable`.
// results:  the listener's store transaction finishes the row (succeeded / failed); this service
//           re-reads the rows the change feed names (storage/changefeed.h: the console's feed, which
//           follows other processes on the shared database too, or one of its own for this process's
//           commits) and emits commandChanged / stateChanged.
// expiry:   a timer runs Store::expireCommands(now, ttl) for `sent` rows older than the TTL.
// cancel(): only while `queued`.  resend(): an explicit operator action on a finished attempt
//           (rejected, unreachable, expired, failed): a NEW commandSeq (the old row is terminal and keeps
//           its history), the same tradeNo for recharge / cancelRecharge, the same parameters. Nothing is
//           ever resent automatically.
// double submission: the same idempotency key (e.g. a QUuid made when the form opened) never creates a
//           second command in this process; a recharge is refused while another one for the meter is
//           queued or sent (its result would carry the same rechargeCount).

#include "commandnames.h"
#include "commandvalidation.h"
#include "requestdraft.h"

#include "storage/commandrecord.h"

#include "core/result.h"
#include "core/settings.h"

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

class QTimer;

namespace md {

class Store;
class ChangeFeed;
class PlatformClient;

struct CommandServiceOptions
{
    PlatformSettings platform;
    // TTL of a `sent` command; <= 0: platform.commandTtlHours. Seconds so tests can use tiny values.
    qint64 commandTtlSeconds = 0;
    int expiryCheckIntervalMs = 60 * 1000;
    // Refuse a recharge while another recharge of the same meter is queued or sent.
    bool refuseConcurrentRecharge = true;
};

// Error code of a refusal that is ours, not the platform's: a recharge while another recharge of
// the meter still waits for its result. No platform code fits (9005 means "the meter does not
// support this transaction"), so it has none of the spec's codes; Error::message() shows the detail.
inline const QString kRechargePendingCode = QStringLiteral("rechargePending");
// Also ours: a recharge in the unit the meter is not billed in (money on a gas-volume meter or the
// other way round), known from the meter's credited recharges.
inline const QString kRechargeUnitMismatchCode = QStringLiteral("rechargeUnitMismatch");

struct SendRequest
{
    QString name;         // /prepose/ name
    QString meterNo;
    QJsonObject params;   // plain values as strings (the operator's fields)
    QString operatorName; // empty: Settings::effectiveOperator() of the OS account
    // The same key never creates two commands (in this process): a second send() with it returns the
    // first one's future. A submission that failed (nothing stored) frees its key. Empty: no de-duplication.
    QString idempotencyKey;
    QString batchId;      // set by BatchRunner
};

class CommandService : public QObject
{
    Q_OBJECT
public:
    // feed: the changes this service follows (the console session's, which follows the receiver and
    // other consoles too); it must outlive the service. Without one the service makes its own, which
    // follows this process's commits only.
    CommandService(std::shared_ptr<Store> store, CommandServiceOptions options, ChangeFeed *feed, QObject *parent);
    CommandService(std::shared_ptr<Store> store, CommandServiceOptions options, QObject *parent = nullptr)
        : CommandService(std::move(store), std::move(options), nullptr, parent) {}
    ~CommandService() override;

    // Resolves once the command is persisted as `queued` (the row, with commandSeq / tradeNo) or with
    // the validation / store error (nothing stored, nothing sent). Later states come as signals.
    QFuture<Result<CommandRecord>> send(const SendRequest &request);
    QFuture<Result<CommandRecord>> send(const QString &name, const QString &meterNo, const QJsonObject &params,
                                        const QString &operatorName = {}, const QString &idempotencyKey = {});
    // Queued -> cancelled (9999 with a detail when the command is no longer queued).
    QFuture<Result<CommandRecord>> cancel(const QString &commandSeq, const QString &operatorName = {});
    // A new attempt of a finished command (canResend(state)); resolves with the NEW row (queued).
    QFuture<Result<CommandRecord>> resend(const QString &commandSeq, const QString &operatorName = {});
    // What send(request) would put on the wire now: the same checks, registry and ledger reads and
    // filled values (rechargeCount, totalRechargeAmt, rechargeTime in the platform's zone), built by
    // the same code, but nothing is allocated, stored or sent: commandSeq (and a recharge's tradeNo)
    // carry RequestDraft::allocatedPlaceholder(). Resolves with send()'s error when send would refuse.
    QFuture<Result<RequestDraft>> draft(const SendRequest &request);
    // What was (or will be) put on the wire for a stored command; for a resend, a new commandSeq.
    Result<RequestDraft> draft(const CommandRecord &command) const;
    // A fresh read of one row (worker thread).
    QFuture<Result<std::optional<CommandRecord>>> command(const QString &commandSeq) const;

    // Pure, synchronous: what a form calls while the operator types.
    QList<Error> validate(const QString &name, const QJsonObject &params) const;

    // Runs the expiry now (the timer does it every expiryCheckIntervalMs); resolves with the expired seqs.
    QFuture<Result<QStringList>> expireNow();
    // Re-reads these rows and emits for the ones that changed since last seen.
    void refresh(const QStringList &commandSeqs);

    int inFlight() const;          // HTTP requests waiting for an answer
    int pendingSubmissions() const; // send() calls not yet resolved
    const CommandServiceOptions &options() const { return m_options; }
    std::shared_ptr<Store> store() const { return m_store; }
    PlatformClient *platformClient() const { return m_client; }
    // Clock override for tests (epoch seconds); null: the system clock.
    void setClock(std::function<qint64()> nowEpoch);

signals:
    // Every change of a command row seen by this service (its own and other processes'), after the commit.
    void commandChanged(const md::CommandRecord &command);
    void stateChanged(const QString &commandSeq, md::CommandState state, const QString &returnCode,
                      const QString &returnMessage);
    // A send() that stopped before anything was stored (validation, registry, store).
    void sendFailed(const QString &idempotencyKey, const md::Error &error);

private:
    class Private;
    friend class Private;
    void announce(const CommandRecord &record);
    void transmit(const CommandRecord &record);
    void recordOutcome(const QString &commandSeq, const CommandUpdate &update);
    qint64 now() const;

    std::shared_ptr<Store> m_store;
    CommandServiceOptions m_options;
    PlatformClient *m_client = nullptr;
    std::unique_ptr<Private> d;
};

} // namespace md
