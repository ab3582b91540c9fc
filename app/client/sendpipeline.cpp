// SPDX-License-Identifier: GPL-3.0-or-later
// The steps of one submission: validate -> read registry and ledger (worker) -> fill and re-validate ->
// allocate commandSeq / tradeNo (writer) -> build the body once as a check -> persist `queued` (writer)
// -> hand over to CommandService::transmit. Every continuation runs on the service's thread.
#include "commandservice_p.h"

#include "commandnames.h"
#include "commandvalidation.h"
#include "platformclient.h"

#include "core/settings.h"
#include "core/whendone.h"
#include "storage/store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace md {

namespace {

QString str(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString();
}

void setIfEmpty(QJsonObject &o, const QString &key, const QString &value)
{
    if (str(o, key).isEmpty() && !value.isEmpty())
        o.insert(key, value);
}

} // namespace

QFuture<Result<CommandRecord>> CommandService::Private::start(SendRequest request, bool isResend, QJsonObject resendValues)
{
    const QString key = request.idempotencyKey;
    if (!key.isEmpty()) {
        const auto it = byIdempotencyKey.constFind(key);
        if (it != byIdempotencyKey.constEnd())
            return *it; // the same submission: the same command, never a second one
    }
    auto job = std::make_shared<SendJob>();
    job->request = std::move(request);
    job->isResend = isResend;
    job->resendValues = std::move(resendValues);
    job->promise = std::make_shared<QPromise<Result<CommandRecord>>>();
    job->promise->start();
    QFuture<Result<CommandRecord>> future = job->promise->future();
    if (!key.isEmpty())
        byIdempotencyKey.insert(key, future);
    ++pending;

    if (check(job))
        prepare(job);
    return future;
}

QFuture<Result<RequestDraft>> CommandService::Private::startDraft(SendRequest request)
{
    auto job = std::make_shared<SendJob>();
    job->request = std::move(request);
    job->draftPromise = std::make_shared<QPromise<Result<RequestDraft>>>();
    job->draftPromise->start();
    QFuture<Result<RequestDraft>> future = job->draftPromise->future();
    if (check(job))
        prepare(job);
    return future;
}

bool CommandService::Private::check(const std::shared_ptr<SendJob> &job)
{
    if (job->request.operatorName.isEmpty())
        job->request.operatorName = Settings().effectiveOperator();
    if (!CommandNames::isKnown(job->request.name)) {
        fail(job, makeError(QStringLiteral("9002"), QStringLiteral("name"),
                            QStringLiteral("unknown command '%1'").arg(job->request.name)));
        return false;
    }
    if (job->request.meterNo.trimmed().isEmpty()) {
        fail(job, makeError(QStringLiteral("9002"), QStringLiteral("meterNo"), QStringLiteral("required")));
        return false;
    }
    job->values = job->isResend ? job->resendValues : job->request.params;
    job->values.remove(QStringLiteral("commandSeq")); // always ours
    if (!job->isResend && job->request.name == u"recharge")
        job->values.remove(QStringLiteral("tradeNo")); // allocated here; only a resend reuses one
    const QString given = str(job->values, QStringLiteral("meterNo"));
    if (!given.isEmpty() && given != job->request.meterNo) {
        fail(job, makeError(QStringLiteral("9002"), QStringLiteral("meterNo"), QStringLiteral("differs from the target meter")));
        return false;
    }
    job->values.insert(QStringLiteral("meterNo"), job->request.meterNo);

    // Nothing invalid leaves the machine: the operator's values are checked before any I/O.
    const QList<Error> errors = q->validate(job->request.name, job->values);
    if (!errors.isEmpty()) {
        fail(job, errors.first());
        return false;
    }
    return true;
}

void CommandService::Private::prepare(std::shared_ptr<SendJob> job)
{
    std::shared_ptr<Store> store = q->m_store;
    const QString name = job->request.name;
    const QString meterNo = job->request.meterNo;
    const QString tradeNo = str(job->values, QStringLiteral("tradeNo"));
    const QString amountText = str(job->values, QStringLiteral("rechargeNum"));
    const bool byVolume = str(job->values, QStringLiteral("rechargeType")) == u"2";
    const bool checkPending = q->m_options.refuseConcurrentRecharge;
    whenDone(QtConcurrent::run(commandReadPool(), [store, name, meterNo, tradeNo, amountText, byVolume, checkPending] {
        SendPreparation prep;
        auto summary = store->meterSummary(meterNo);
        if (!summary) {
            prep.error = summary.error();
            return prep;
        }
        if (*summary)
            prep.meter = (*summary)->info;
        if (name == u"setParameter") {
            // The alarm thresholds and the overdraft are in the meter's billing unit.
            if (auto numbers = store->nextRechargeNumbers(meterNo, Money()); numbers)
                prep.billedByVolume = numbers->billedByVolume;
        }
        if (name == u"recharge") {
            auto numbers = store->nextRechargeNumbers(meterNo, Money());
            if (!numbers) {
                prep.error = numbers.error();
                return prep;
            }
            prep.pendingRecharges = checkPending ? numbers->pendingCount : 0;
            prep.rechargeCount = numbers->rechargeCount;
            prep.billedByVolume = numbers->billedByVolume;
            // totalRechargeAmt carries the cumulative total in the recharge's own unit (protocol.md
            // section 8): money recharges add up in yuan, volume recharges in m3, never together.
            if (byVolume) {
                if (const auto v = Volume::parse(amountText))
                    prep.totalRechargeAmt = (numbers->creditedVolume + *v).toString();
            } else if (const auto m = Money::parse(amountText)) {
                prep.totalRechargeAmt = (numbers->creditedTotal + *m).toString();
            }
            if (!tradeNo.isEmpty()) {
                auto credited = store->isTradeNoCredited(tradeNo);
                if (!credited) {
                    prep.error = credited.error();
                    return prep;
                }
                prep.tradeNoCredited = *credited;
            }
        }
        return prep;
    }), q, [this, job](const SendPreparation &prep) { fill(job, prep); });
}

void CommandService::Private::fill(std::shared_ptr<SendJob> job, const SendPreparation &prep)
{
    if (prep.error) {
        fail(job, *prep.error);
        return;
    }
    const QString &name = job->request.name;
    QJsonObject &v = job->values;
    if (!prep.meter && name != u"meterInfo") {
        // A command to a meter we do not know could never be matched with its result (the listener
        // answers such uploads 1003): refuse it here with the same code.
        fail(job, makeError(QStringLiteral("1003"), QStringLiteral("meterNo"), QStringLiteral("not in the registry")));
        return;
    }
    if (prep.meter) {
        setIfEmpty(v, QStringLiteral("meterType"), prep.meter->meterType);
        if (name == u"meterInfo") {
            setIfEmpty(v, QStringLiteral("userNo"), prep.meter->userNo);
            setIfEmpty(v, QStringLiteral("userName"), prep.meter->userName);
            setIfEmpty(v, QStringLiteral("addrDes"), prep.meter->addrDes);
            setIfEmpty(v, QStringLiteral("devNo"), prep.meter->devNo);
            setIfEmpty(v, QStringLiteral("companyNo"), prep.meter->companyNo);
            const PlatformTime time(q->m_options.platform.timeZone);
            if (prep.meter->setUpTime)
                setIfEmpty(v, QStringLiteral("setUpTime"), time.formatDateTime(*prep.meter->setUpTime));
            if (prep.meter->enableMeterReading)
                setIfEmpty(v, QStringLiteral("enableMeterReading"), prep.meter->enableMeterReading->toString());
        }
    }
    if (name == u"setParameter") {
        // alarmOne, alarmTwo and overdraft are sent in the spec's canonical form, not as typed:
        // amounts with 4 decimals ("10" -> "10.0000"), or volumes with 3 for a meter billed by
        // gas volume. A value that is neither is left for validation to refuse with its field.
        const bool volume = prep.billedByVolume.value_or(false);
        for (const char *key : {"alarmOne", "alarmTwo", "overdraft"}) {
            const QString k = QString::fromLatin1(key);
            const QString typed = str(v, k).trimmed();
            if (typed.isEmpty())
                continue;
            if (volume) {
                if (const auto q = Volume::parse(typed))
                    v.insert(k, q->toString());
            } else if (const auto m = Money::parse(typed)) {
                v.insert(k, m->toString());
            }
        }
    }
    if (name == u"recharge") {
        if (prep.tradeNoCredited) {
            fail(job, makeError(QStringLiteral("1201"), QStringLiteral("tradeNo"),
                                QStringLiteral("%1 is already credited").arg(str(v, QStringLiteral("tradeNo")))));
            return;
        }
        // A second recharge while one is on its way would carry the same rechargeCount: refused
        // locally (kRechargePendingCode, no platform code) until the first one finishes.
        if (prep.pendingRecharges > 0) {
            fail(job, makeError(kRechargePendingCode, QStringLiteral("meterNo"),
                                QStringLiteral("another recharge of this meter is still waiting for its result")));
            return;
        }
        // A meter is billed either in money (金额表) or in gas (气量表): once its credited recharges
        // say which, a recharge in the other unit is refused before anything is sent (a local
        // refusal, no platform code).
        const bool byVolume = str(v, QStringLiteral("rechargeType")) == u"2";
        if (!job->isResend && prep.billedByVolume && *prep.billedByVolume != byVolume) {
            fail(job, makeError(kRechargeUnitMismatchCode, QStringLiteral("rechargeType"),
                                *prep.billedByVolume ? QStringLiteral("this meter is billed by gas volume (m³): recharge by volume")
                                                     : QStringLiteral("this meter is billed in money (yuan): recharge by amount")));
            return;
        }
        if (!job->isResend) {
            if (prep.rechargeCount)
                v.insert(QStringLiteral("rechargeCount"), QString::number(*prep.rechargeCount));
            if (!prep.totalRechargeAmt.isEmpty())
                v.insert(QStringLiteral("totalRechargeAmt"), prep.totalRechargeAmt);
            setIfEmpty(v, QStringLiteral("rechargeTime"),
                       PlatformTime(q->m_options.platform.timeZone).formatDateTime(q->now()));
        }
    }
    // The filled values are checked like the operator's (a registry meterType, the ledger's numbers).
    const QList<Error> errors = q->validate(name, v);
    if (!errors.isEmpty()) {
        fail(job, errors.first());
        return;
    }
    if (job->draftPromise)
        finishDraft(job);
    else
        allocate(job);
}

void CommandService::Private::allocate(std::shared_ptr<SendJob> job)
{
    std::shared_ptr<Store> store = q->m_store;
    const qint64 at = q->now();
    whenDone(store->allocateCommandSeq(at), q, [this, job, store, at](const Result<QString> &seq) {
        if (!seq) {
            fail(job, seq.error());
            return;
        }
        job->record.commandSeq = *seq;
        const bool needsTradeNo = job->request.name == u"recharge" && str(job->values, QStringLiteral("tradeNo")).isEmpty();
        if (!needsTradeNo) {
            persist(job);
            return;
        }
        whenDone(store->allocateTradeNo(at), q, [this, job](const Result<QString> &tradeNo) {
            if (!tradeNo) {
                fail(job, tradeNo.error());
                return;
            }
            job->values.insert(QStringLiteral("tradeNo"), *tradeNo);
            persist(job);
        });
    });
}

void CommandService::Private::persist(std::shared_ptr<SendJob> job)
{
    CommandRecord &r = job->record;
    r.name = job->request.name;
    r.meterNo = job->request.meterNo;
    r.tradeNo = str(job->values, QStringLiteral("tradeNo"));
    r.state = CommandState::Queued;
    r.operatorName = job->request.operatorName;
    r.params = job->values;
    r.createdAt = q->now();
    r.batchId = job->request.batchId;

    // The body must be buildable before the row exists: a queued row is a promise to send.
    PlatformRequest probe{r.name, r.commandSeq, r.meterNo, job->values};
    if (CommandNames::carriesCommandSeq(r.name))
        probe.plainValues.insert(QStringLiteral("commandSeq"), r.commandSeq);
    if (auto body = q->m_client->buildBody(probe); !body) {
        fail(job, body.error());
        return;
    }
    whenDone(q->m_store->insertCommand(r), q, [this, job](const Result<CommandRecord> &stored) {
        if (!stored) {
            fail(job, stored.error());
            return;
        }
        --pending;
        job->promise->addResult(stored);
        job->promise->finish();
        q->announce(*stored);
        q->transmit(*stored);
    });
}

void CommandService::Private::finishDraft(std::shared_ptr<SendJob> job)
{
    const QString &name = job->request.name;
    PlatformRequest request{name, RequestDraft::allocatedPlaceholder(), job->request.meterNo, job->values};
    if (CommandNames::carriesCommandSeq(name))
        request.plainValues.insert(QStringLiteral("commandSeq"), RequestDraft::allocatedPlaceholder());
    if (name == u"recharge")
        setIfEmpty(request.plainValues, QStringLiteral("tradeNo"), RequestDraft::allocatedPlaceholder());
    job->draftPromise->addResult(q->m_client->draft(request));
    job->draftPromise->finish();
}

void CommandService::Private::fail(std::shared_ptr<SendJob> job, const Error &error)
{
    if (job->draftPromise) {
        job->draftPromise->addResult(Result<RequestDraft>(error));
        job->draftPromise->finish();
        return;
    }
    --pending;
    // Nothing was created: the same form, corrected, may be submitted again with its key.
    if (!job->request.idempotencyKey.isEmpty())
        byIdempotencyKey.remove(job->request.idempotencyKey);
    job->promise->addResult(Result<CommandRecord>(error));
    job->promise->finish();
    emit q->sendFailed(job->request.idempotencyKey, error);
}

} // namespace md
