// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One upload, from request to answer, top to bottom (architecture.md, "An upload, from socket to
// row"). The socket layer (meterdesk_http's ConnectionGuard) has already refused oversize bodies.
//   1. method: POST only (405)
//   2. headers: AccessToken / Authorization / timestamp window (9001)
//   3. body: JSON object, then every field through the catalogue (9002 naming the field, 1301, 1302)
//   4. sign per signMode (9003)
//   5. every meterNo registered (1003 naming the field; a batch with one unknown meter is refused
//      whole, so nothing is half-stored)
//   6. rows from the catalogue's field names (UploadMapper, which parses and maps in one pass, a batch
//      element by element), handed to the store together with the raw journal row; 0000 only when
//      that write is committed (9998 when it cannot be)
// Every refusal is journaled first and answered when the journal row is committed. Anything
// unexpected answers 9999; nothing here may take the listener down.

#include "registrycache.h"
#include "uploadmapper.h"

#include "core/result.h"
#include "core/settings.h"
#include "core/timeformat.h"
#include "http/httpcompat.h"
#include "protocol/codec.h"
#include "protocol/security.h"

#include <QFuture>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace md {

class Store;
struct JournalEntry;
struct MessageSpec;

struct PipelineConfig
{
    Credentials credentials;
    PlatformTime time;
    int timestampToleranceSeconds = 300;
    bool strictIdentity = false; // ListenerSettings::strictIdentity: 1001/1002 instead of a review flag
    CodecOptions codec;

    static PipelineConfig from(const PlatformSettings &platform, const ListenerSettings &listener);
};

// What the listener tells the status bar about each answered request.
struct HandledRequest
{
    QString endpoint;   // canonical upload name, or the raw path
    QString returnCode;
    QString meterNo;
    int httpStatus = 200;
    qint64 at = 0;      // epoch seconds
    qint64 peerClock = 0; // an accepted upload's timestamp header (epoch): the platform's clock; 0: none
};

class UploadPipeline : public std::enable_shared_from_this<UploadPipeline>
{
public:
    using Notify = std::function<void(const HandledRequest &)>;

    UploadPipeline(std::shared_ptr<Store> store, PipelineConfig config, Notify notify = {});

    // A request on an upload route (any method): answered once its write is committed.
    http::DeferredResponse handle(const QHttpServerRequest &request, const MessageSpec &spec);
    // A request no route took: 404 with a JSON body; the journal row is written after the answer
    // (the missing handler of QHttpServer cannot answer asynchronously on 6.4).
    QHttpServerResponse handleUnknownPath(const QHttpServerRequest &request);
    // A body the socket layer refused (413): journal only, the answer has gone already.
    void journalOversize(const QString &remote, const QByteArray &head, qint64 declaredLength);

    static QHttpServerResponse reply(const Error &error, int httpStatus = 200);
    static QHttpServerResponse accepted();

private:
    struct Inbound;
    Result<UploadMapper::Mapped> check(const Inbound &in, const MessageSpec &spec) const;
    Result<void> checkMetersKnown(UploadMapper::Mapped &mapped, const QJsonObject &body, const MessageSpec &spec) const;
    static void leaveOut(UploadWrite &write, const QSet<QString> &meterNos);
    http::DeferredResponse refuse(const Inbound &in, const Error &error, int httpStatus);
    http::DeferredResponse store(const Inbound &in, UploadMapper::Mapped &&upload);
    // The answer once `future` is finished, built on the listener thread by make(future) (the
    // route's watcher calls it). Not QFuture::then(): Qt 6.4's continuations crashed here under load
    // (QPromise::start on a moved-from interface, in the writer thread).
    template<typename T, typename Make>
    static http::DeferredResponse answerWhen(const QFuture<T> &future, Make &&make);
    void notify(const Inbound &in, const QString &returnCode, int httpStatus) const;

    std::shared_ptr<Store> m_store;
    std::unique_ptr<QObject> m_context; // lives on the listener thread (the pipeline is made there)
    PipelineConfig m_config;
    MessageCodec m_codec;
    Notify m_notify;
    mutable RegistryCache m_registry; // listener thread only (like m_context)
};

} // namespace md
