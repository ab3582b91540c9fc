// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The same command to many meters (CSV batch, "close every valve in this street"): at most
// maxInFlight submissions at a time through CommandService, per-meter state, progress signals,
// cancellable. A batch is "finished" when every meter has left `queued` for a first outcome
// (sent, accepted, rejected, unreachable, invalid, cancelled); results that arrive later
// (succeeded / failed / expired) still update the rows while the runner exists.

#include "storage/commandrecord.h"

#include "core/result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace md {

class CommandService;

struct BatchItem
{
    QString meterNo;
    QJsonObject params; // per-meter values (empty: the batch's common params)
};

struct BatchItemResult
{
    QString meterNo;
    QString commandSeq;   // empty until persisted (and for invalid items)
    QString tradeNo;
    CommandState state = CommandState::Queued;
    bool started = false; // handed to the service
    bool invalid = false; // validation / registry error: nothing stored or sent (see error)
    bool settled = false; // reached a first outcome (see class comment)
    QString returnCode;
    QString returnMessage;
    Error error;
};

struct BatchSummary
{
    int total = 0;
    int settled = 0;
    int invalid = 0;
    QHash<CommandState, int> byState; // over items that were stored
    qint64 elapsedMs = 0;
    bool cancelled = false;
    double commandsPerSecond() const { return elapsedMs > 0 ? settled * 1000.0 / elapsedMs : 0.0; }
};

class BatchRunner : public QObject
{
    Q_OBJECT
public:
    explicit BatchRunner(CommandService *service, QObject *parent = nullptr);
    ~BatchRunner() override;

    void setMaxInFlight(int n); // default 8
    int maxInFlight() const { return m_maxInFlight; }

    // Starts; false when a batch is already running or `items` is empty. params of an item override
    // the common ones key by key. batchId: empty -> a new UUID-based id.
    bool start(const QString &name, const QList<BatchItem> &items, const QJsonObject &commonParams,
               const QString &operatorName = {}, const QString &batchId = {});
    bool start(const QString &name, const QStringList &meterNos, const QJsonObject &params,
               const QString &operatorName = {});
    // Items not yet handed to the service become cancelled (nothing stored); submitted ones that are still
    // queued are cancelled through the service; sent ones are not recalled.
    void cancel();

    bool isRunning() const { return m_running; }
    QString batchId() const { return m_batchId; }
    QString commandName() const { return m_name; }
    const QList<BatchItemResult> &results() const { return m_results; }
    BatchSummary summary() const;

    // CSV of the per-meter results: header + one line per meter (RFC 4180 quoting, UTF-8).
    static QStringList csvHeader();
    QByteArray toCsv() const;

signals:
    void itemChanged(int index, const md::BatchItemResult &result);
    void progress(int settled, int total);
    void finished(const md::BatchSummary &summary);

private:
    void pump();
    void onSubmitted(int index, const Result<CommandRecord> &result);
    void onCommandChanged(const CommandRecord &record);
    void settle(int index);

    CommandService *m_service = nullptr;
    int m_maxInFlight = 8;
    bool m_running = false;
    bool m_cancelled = false;
    QString m_name;
    QString m_batchId;
    QString m_operator;
    QJsonObject m_common;
    QList<BatchItem> m_items;
    QList<BatchItemResult> m_results;
    QHash<QString, int> m_indexBySeq;
    QHash<QString, CommandRecord> m_early; // changes seen before send() resolved with the seq
    int m_next = 0;
    int m_inFlight = 0;
    int m_settled = 0;
    QElapsedTimer m_clock;
    qint64 m_elapsedMs = 0;
};

} // namespace md
