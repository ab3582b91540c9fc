// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadpipeline.h"

#include "uploadmapper.h"
#include "http/httpcompat.h"
#include "protocol/catalog.h"
#include "protocol/codecsettings.h"
#include "storage/store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>

#ifdef __GLIBC__
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcListener, "md.listener")
Q_LOGGING_CATEGORY(lcListenerTiming, "md.listener.timing", QtWarningMsg)

namespace md {

namespace {

const QString kOk = QStringLiteral("0000");
const QString kFormat = QStringLiteral("9002");
const QString kUnexpected = QStringLiteral("9999");

// The request headers kept in the journal; AccessToken is masked (it is as good as a password for
// its timestamp window).
QByteArray journalHeaders(const QHttpServerRequest &request)
{
    static const QSet<QByteArray> kept{"timestamp", "accesstoken", "authorization", "content-type",
                                       "content-length", "transfer-encoding", "expect", "user-agent",
                                       "host", "x-forwarded-for", "x-real-ip"};
    QJsonObject headers;
    for (const auto &[name, value] : http::headerList(request)) {
        const QByteArray lower = name.toLower();
        if (!kept.contains(lower))
            continue;
        QString text = QString::fromLatin1(value);
        if (lower == "accesstoken")
            text = text.left(4) + QStringLiteral("****");
        headers.insert(QString::fromLatin1(name), text);
    }
    return QJsonDocument(headers).toJson(QJsonDocument::Compact);
}

// Best effort for rows that never parsed: the meterNo / commandSeq the body claims, for searching.
QString claimed(const QJsonObject &body, const QString &key)
{
    const QJsonValue v = body.value(key);
    return v.isString() ? v.toString().left(64) : QString();
}

// After a big upload (a 1,000-meter batch parses into tens of MB of short-lived objects), hand the
// freed pages back: glibc keeps them in the listener's and the writer's arenas otherwise, and the
// receiver's resident size would ratchet up batch after batch.
void releaseFreedMemory(qsizetype bodyBytes)
{
#ifdef __GLIBC__
    if (bodyBytes > 512 * 1024)
        malloc_trim(0);
#else
    Q_UNUSED(bodyBytes);
#endif
}

// How late the listener may see another process's registry change (RegistryCache).
constexpr int kRegistryPollMs = 200;

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

struct UploadPipeline::Inbound
{
    QString endpoint;
    QString remote;
    QByteArray headers;
    QByteArray body;
    QByteArray accessToken, authorization, timestamp;
    QJsonObject json; // set once the body parsed as an object
    qint64 atMs = 0;
    QElapsedTimer timer;
    QString meterNo;
    QString commandSeq;

    static Inbound capture(const QHttpServerRequest &request, const QString &endpoint)
    {
        Inbound in;
        in.timer.start();
        in.atMs = QDateTime::currentMSecsSinceEpoch();
        in.endpoint = endpoint;
        in.remote = request.remoteAddress().toString();
        in.headers = journalHeaders(request);
        in.body = request.body();
        in.accessToken = http::headerValue(request, "AccessToken");
        in.authorization = http::headerValue(request, "Authorization");
        in.timestamp = http::headerValue(request, "timestamp");
        return in;
    }

    JournalEntry journal(const QString &returnCode, int httpStatus) const
    {
        JournalEntry j;
        j.at = atMs;
        j.direction = JournalDirection::Inbound;
        j.endpoint = endpoint;
        j.remote = remote;
        j.headers = headers;
        j.body = body;
        j.returnCode = returnCode;
        j.httpStatus = httpStatus;
        j.meterNo = meterNo.isEmpty() ? claimed(json, QStringLiteral("meterNo")) : meterNo;
        j.commandSeq = commandSeq.isEmpty() ? claimed(json, QStringLiteral("commandSeq")) : commandSeq;
        j.durationMs = timer.elapsed();
        return j;
    }
};

PipelineConfig PipelineConfig::from(const PlatformSettings &platform, const ListenerSettings &listener)
{
    PipelineConfig c;
    c.credentials = Credentials{platform.appId, platform.appSecret};
    c.time = PlatformTime(platform.timeZone);
    c.timestampToleranceSeconds = listener.timestampToleranceSeconds;
    c.codec = codecOptionsFor(platform);
    c.strictIdentity = listener.strictIdentity;
    return c;
}

UploadPipeline::UploadPipeline(std::shared_ptr<Store> store, PipelineConfig config, Notify notify)
    : m_store(std::move(store)), m_context(std::make_unique<QObject>()), m_config(std::move(config)),
      m_codec(m_config.codec), m_notify(std::move(notify)), m_registry(m_store)
{
    m_registry.watch(m_context.get(), kRegistryPollMs);
}

template<typename T, typename Make>
http::DeferredResponse UploadPipeline::answerWhen(const QFuture<T> &future, Make &&make)
{
    return {QFuture<void>(future), [future, make = std::forward<Make>(make)]() mutable { return make(future); }};
}

QHttpServerResponse UploadPipeline::reply(const Error &error, int httpStatus)
{
    return http::jsonResponse(QJsonObject{{QStringLiteral("returnCode"), error.code},
                                          {QStringLiteral("returnMessage"), error.message()}},
                              httpStatus);
}

QHttpServerResponse UploadPipeline::accepted()
{
    return reply(Error{kOk, {}, {}});
}

http::DeferredResponse UploadPipeline::handle(const QHttpServerRequest &request, const MessageSpec &spec)
{
    Inbound in = Inbound::capture(request, spec.name);
    try {
        if (request.method() != QHttpServerRequest::Method::Post)
            return refuse(in, makeError(kFormat, QStringLiteral("method"), QStringLiteral("POST only")), 405);

        QJsonParseError jsonError;
        const QJsonDocument doc = QJsonDocument::fromJson(in.body, &jsonError);
        if (jsonError.error == QJsonParseError::NoError && doc.isObject())
            in.json = doc.object();

        const qint64 parsedJsonMs = in.timer.elapsed();
        Result<UploadMapper::Mapped> checked = check(in, spec);
        if (!checked)
            return refuse(in, checked.error(), 200);
        const qint64 checkedMs = in.timer.elapsed();
        in.json = QJsonObject(); // not needed any more: do not keep the tree alive while the writer works
        http::DeferredResponse answer = store(in, std::move(checked.value()));
        qCDebug(lcListenerTiming) << spec.name << in.body.size() << "bytes: json" << parsedJsonMs
                                  << "ms, checks and rows" << checkedMs - parsedJsonMs << "ms, queued"
                                  << in.timer.elapsed() - checkedMs << "ms";
        return answer;
    } catch (const std::exception &e) {
        qCCritical(lcListener) << "unexpected failure on" << spec.name << e.what();
    } catch (...) {
        qCCritical(lcListener) << "unexpected failure on" << spec.name;
    }
    return refuse(in, makeError(kUnexpected), 200);
}

Result<UploadMapper::Mapped> UploadPipeline::check(const Inbound &in, const MessageSpec &spec) const
{
    // Headers first: an unauthenticated caller learns nothing about its body.
    Result<void> auth = Auth::verify(m_config.credentials, in.accessToken, in.authorization, in.timestamp,
                                     m_config.time, nowSeconds(), m_config.timestampToleranceSeconds);
    if (!auth)
        return auth.error();

    if (in.json.isEmpty() && !in.body.trimmed().startsWith('{'))
        return makeError(kFormat, {}, QStringLiteral("the body is not a JSON object"));
    if (in.json.isEmpty()) {
        QJsonParseError jsonError;
        QJsonDocument::fromJson(in.body, &jsonError);
        if (jsonError.error != QJsonParseError::NoError)
            return makeError(kFormat, {}, QStringLiteral("the body is not JSON: %1").arg(jsonError.errorString()));
    }
    // Authentication before the body (codec.h): a body whose sign is wrong was tampered with or
    // signed with another secret, so it answers 9003 even when a value in it is also malformed.
    Result<void> signature = m_codec.checkSignature(in.json);
    if (!signature)
        return signature.error();

    // Every field through the catalogue (9002 naming it, 1301, 1302), straight into rows.
    Result<UploadMapper::Mapped> mapped = UploadMapper::parse(m_codec, spec, in.json, nowSeconds());
    if (!mapped)
        return mapped;

    Result<void> known = checkMetersKnown(mapped.value(), in.json, spec);
    if (!known)
        return known.error();
    return mapped;
}

// 1003 for a meter the registry lacks; 1001 / 1002 when the upload's factoryCode / meterType
// contradicts what the registry records for the meter (checked only when both sides have one: a
// registry imported without factory codes refuses nothing). Whether a contradiction refuses the
// upload (strict) or is stored and flagged for review (default) is PipelineConfig::strictIdentity.
//
// A meter the registry does not know yet is not refused (protocol.md section 7: meters are installed
// before the desk knows them): its record (the body, or its element of a batch, as received) goes
// to the quarantine table in the upload's transaction and its rows are left out; the registered
// meters' rows are stored as usual. The answer is 0000, since everything received is on disk; the
// overview counts what waits, and the listener replays it once the meter is registered
// (QuarantineReplay). A registry read that fails is still 9998 / 9999.
Result<void> UploadPipeline::checkMetersKnown(UploadMapper::Mapped &mapped, const QJsonObject &body,
                                              const MessageSpec &spec) const
{
    const QList<UploadMapper::MeterRef> &refs = mapped.meters;
    if (refs.isEmpty())
        return {};
    QStringList names;
    names.reserve(refs.size());
    for (const auto &ref : refs)
        names.append(ref.meterNo);
    names.removeDuplicates();
    // Meters seen before come from the cache; the others are a read on this thread's own connection
    // (WAL: never waits for the writer).
    QHash<QString, RegisteredIdentity> identities;
    Result<QHash<QString, qint64>> found = m_registry.lookup(names, &identities);
    if (!found)
        return found.error();
    QSet<QString> unknown;
    for (const auto &ref : refs) {
        if (!found.value().contains(ref.meterNo)) {
            unknown.insert(ref.meterNo);
            const QJsonObject record = ref.list.isEmpty() ? body : body.value(ref.list).toArray().at(ref.index).toObject();
            QuarantinedRecord q;
            q.meterNo = ref.meterNo;
            q.uploadName = spec.name;
            q.record = QJsonDocument(record).toJson(QJsonDocument::Compact);
            mapped.write.quarantined.append(q);
            continue;
        }
        const RegisteredIdentity registered = identities.value(ref.meterNo);
        const QString prefix = ref.path.chopped(QStringLiteral("meterNo").size());
        const struct
        {
            const char *code;
            const char *field;
            QString registered;
            QString stated;
        } checks[] = {{"1001", "factoryCode", registered.factoryCode, ref.factoryCode},
                      {"1002", "meterType", registered.meterType, ref.meterType}};
        for (const auto &c : checks) {
            if (c.registered.isEmpty() || c.stated.isEmpty() || c.registered == c.stated)
                continue;
            const QString path = prefix + QLatin1String(c.field);
            if (m_config.strictIdentity)
                return makeError(QString::fromLatin1(c.code), path,
                                 QStringLiteral("%1 (registry: %2)").arg(c.stated, c.registered));
            mapped.write.reviewNotes.append({ref.meterNo, path, c.stated,
                                             QStringLiteral("%1-mismatch").arg(QLatin1String(c.field))});
        }
    }
    if (!unknown.isEmpty())
        leaveOut(mapped.write, unknown);
    return {};
}

// The rows of quarantined meters are not stored now (their records wait in quarantine).
void UploadPipeline::leaveOut(UploadWrite &w, const QSet<QString> &meterNos)
{
    auto ofThem = [&](const auto &row) { return meterNos.contains(row.meterNo); };
    w.statuses.removeIf(ofThem);
    w.readings.removeIf(ofThem);
    w.alarms.removeIf(ofThem);
    w.reviewNotes.removeIf(ofThem);
    if (w.result && meterNos.contains(w.result->meterNo))
        w.result.reset();
    if (w.recharge && meterNos.contains(w.recharge->meterNo))
        w.recharge.reset();
    if (w.parameters && meterNos.contains(w.parameters->meterNo))
        w.parameters.reset();
}

http::DeferredResponse UploadPipeline::refuse(const Inbound &in, const Error &error, int httpStatus)
{
    qCInfo(lcListener).noquote() << in.endpoint << "from" << in.remote << "refused" << error.code << error.path
                                 << error.detail;
    notify(in, error.code, httpStatus);
    const QJsonObject body{{QStringLiteral("returnCode"), error.code},
                           {QStringLiteral("returnMessage"), error.message()}};
    // Answered once the journal row is committed. A store that cannot write does not change the
    // verdict on a bad request: it still gets its own code.
    return answerWhen(m_store->journal(in.journal(error.code, httpStatus)),
                      [body, httpStatus](const QFuture<Result<qint64>> &done) {
                          if (done.resultCount() == 0 || !done.result())
                              qCWarning(lcListener) << "journal write failed";
                          return http::jsonResponse(body, httpStatus);
                      });
}

http::DeferredResponse UploadPipeline::store(const Inbound &inbound, UploadMapper::Mapped &&upload)
{
    Inbound in = inbound;
    in.meterNo = upload.meterNo;
    in.commandSeq = upload.commandSeq;
    UploadWrite write = std::move(upload.write);
    write.journal = in.journal(kOk, 200);

    // The journal row rides in the same transaction: if it rolls back, so does the answer 0000.
    std::weak_ptr<UploadPipeline> weak = weak_from_this();
    std::shared_ptr<Store> store = m_store;
    return answerWhen(m_store->submit(std::move(write)), [weak, store, in](const QFuture<WriteOutcome> &done) {
        const WriteOutcome outcome = done.resultCount() > 0 ? done.result() : WriteOutcome{};
        auto self = weak.lock();
        qCDebug(lcListenerTiming) << in.endpoint << "committed after" << in.timer.elapsed() << "ms";
        releaseFreedMemory(in.body.size());
        if (outcome.ok) {
            if (self)
                self->notify(in, kOk, 200);
            return accepted();
        }
        const Error error = outcome.error.code.isEmpty() ? makeError(QStringLiteral("9998")) : outcome.error;
        qCWarning(lcListener).noquote() << in.endpoint << "not stored:" << error.code << error.detail;
        // The upload's own journal row rolled back with it; record the refusal on its own (best
        // effort: a store that cannot write will most likely refuse this too).
        store->journal(in.journal(error.code, 200));
        if (self)
            self->notify(in, error.code, 200);
        return reply(error);
    });
}

QHttpServerResponse UploadPipeline::handleUnknownPath(const QHttpServerRequest &request)
{
    Inbound in = Inbound::capture(request, request.url().path());
    const Error error = makeError(kFormat, request.url().path(), QStringLiteral("no such upload"));
    notify(in, error.code, 404);
    m_store->journal(in.journal(error.code, 404));
    return reply(error, 404);
}

void UploadPipeline::journalOversize(const QString &remote, const QByteArray &head, qint64 declaredLength)
{
    JournalEntry j;
    j.at = QDateTime::currentMSecsSinceEpoch();
    j.direction = JournalDirection::Inbound;
    const QByteArray requestLine = head.left(head.indexOf("\r\n"));
    j.endpoint = QString::fromLatin1(requestLine.split(' ').value(1)).left(256);
    j.remote = remote;
    QJsonObject headers{{QStringLiteral("request"), QString::fromLatin1(requestLine.left(512))},
                        {QStringLiteral("content-length"), QString::number(declaredLength)}};
    j.headers = QJsonDocument(headers).toJson(QJsonDocument::Compact);
    j.returnCode = kFormat;
    j.httpStatus = 413;
    m_store->journal(j);
    if (m_notify)
        m_notify(HandledRequest{j.endpoint, kFormat, {}, 413, j.at / 1000});
}

void UploadPipeline::notify(const Inbound &in, const QString &returnCode, int httpStatus) const
{
    if (!m_notify)
        return;
    HandledRequest handled{in.endpoint, returnCode, in.meterNo, httpStatus, in.atMs / 1000};
    // The platform's clock, from the signed timestamp of an upload that was taken or refused only
    // for the clock window (9001 with a matching token): the console warns about the skew and stamps
    // commands with the platform's time.
    if (returnCode == kOk || returnCode == u"9001")
        handled.peerClock = Auth::signedTime(m_config.credentials, in.accessToken, in.authorization, m_config.time).value_or(0);
    m_notify(handled);
}

} // namespace md
