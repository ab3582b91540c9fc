// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchrunner.h"

#include "commandservice.h"

#include <QUuid>

namespace md {

BatchRunner::BatchRunner(CommandService *service, QObject *parent) : QObject(parent), m_service(service)
{
    connect(m_service, &CommandService::commandChanged, this, &BatchRunner::onCommandChanged);
}

BatchRunner::~BatchRunner() = default;

void BatchRunner::setMaxInFlight(int n)
{
    m_maxInFlight = qMax(1, n);
}

bool BatchRunner::start(const QString &name, const QList<BatchItem> &items, const QJsonObject &commonParams,
                        const QString &operatorName, const QString &batchId)
{
    if (m_running || items.isEmpty())
        return false;
    m_name = name;
    m_batchId = batchId.isEmpty() ? QStringLiteral("B") + QUuid::createUuid().toString(QUuid::Id128).left(16) : batchId;
    m_operator = operatorName;
    m_common = commonParams;
    m_items = items;
    m_results.clear();
    m_results.reserve(items.size());
    for (const auto &item : items) {
        BatchItemResult r;
        r.meterNo = item.meterNo;
        m_results.append(r);
    }
    m_indexBySeq.clear();
    m_early.clear();
    m_next = m_inFlight = m_settled = 0;
    m_cancelled = false;
    m_running = true;
    m_elapsedMs = 0;
    m_clock.start();
    emit progress(0, int(m_results.size()));
    pump();
    return true;
}

bool BatchRunner::start(const QString &name, const QStringList &meterNos, const QJsonObject &params,
                        const QString &operatorName)
{
    QList<BatchItem> items;
    items.reserve(meterNos.size());
    for (const auto &m : meterNos)
        items.append(BatchItem{m, {}});
    return start(name, items, params, operatorName);
}

void BatchRunner::pump()
{
    while (m_running && !m_cancelled && m_inFlight < m_maxInFlight && m_next < m_items.size()) {
        const int index = m_next++;
        ++m_inFlight;
        m_results[index].started = true;
        QJsonObject params = m_common;
        const QJsonObject &own = m_items[index].params;
        for (auto it = own.begin(); it != own.end(); ++it)
            params.insert(it.key(), it.value());
        SendRequest request{m_name, m_items[index].meterNo, params, m_operator,
                            m_batchId + u':' + QString::number(index), m_batchId};
        m_service->send(request).then(this, [this, index](const Result<CommandRecord> &r) { onSubmitted(index, r); });
    }
}

void BatchRunner::onSubmitted(int index, const Result<CommandRecord> &result)
{
    BatchItemResult &item = m_results[index];
    if (!result) {
        item.invalid = true;
        item.error = result.error();
        item.returnCode = result.error().code;
        item.returnMessage = result.error().message();
        emit itemChanged(index, item);
        settle(index);
        return;
    }
    item.commandSeq = result->commandSeq;
    item.tradeNo = result->tradeNo;
    item.state = result->state;
    m_indexBySeq.insert(item.commandSeq, index);
    if (const auto early = m_early.take(item.commandSeq); !early.commandSeq.isEmpty() && early.changeId >= result->changeId)
        onCommandChanged(early);
    else
        emit itemChanged(index, item);
    if (m_cancelled && item.state == CommandState::Queued)
        (void)m_service->cancel(item.commandSeq);
}

void BatchRunner::onCommandChanged(const CommandRecord &record)
{
    if (m_batchId.isEmpty() || record.batchId != m_batchId)
        return;
    const auto it = m_indexBySeq.constFind(record.commandSeq);
    if (it == m_indexBySeq.constEnd()) {
        m_early.insert(record.commandSeq, record);
        return;
    }
    BatchItemResult &item = m_results[*it];
    item.state = record.state;
    item.tradeNo = record.tradeNo;
    item.returnCode = record.returnCode;
    item.returnMessage = record.returnMessage;
    emit itemChanged(*it, item);
    if (record.state != CommandState::Queued && !item.settled)
        settle(*it);
}

void BatchRunner::settle(int index)
{
    BatchItemResult &item = m_results[index];
    if (item.settled)
        return;
    item.settled = true;
    ++m_settled;
    if (item.started)
        --m_inFlight;
    emit progress(m_settled, int(m_results.size()));
    if (m_settled == m_results.size()) {
        if (m_running) {
            m_running = false;
            m_elapsedMs = m_clock.elapsed();
            emit finished(summary());
        }
        return;
    }
    pump();
}

void BatchRunner::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    for (int i = 0; i < m_results.size(); ++i) {
        BatchItemResult &item = m_results[i];
        if (!item.started) {
            item.state = CommandState::Cancelled;
            emit itemChanged(i, item);
            settle(i);
        } else if (!item.settled && !item.commandSeq.isEmpty() && item.state == CommandState::Queued) {
            (void)m_service->cancel(item.commandSeq);
        }
    }
}

BatchSummary BatchRunner::summary() const
{
    BatchSummary s;
    s.total = int(m_results.size());
    s.settled = m_settled;
    s.cancelled = m_cancelled;
    s.elapsedMs = m_running ? m_clock.elapsed() : m_elapsedMs;
    for (const auto &r : m_results) {
        if (r.invalid)
            ++s.invalid;
        else if (!r.commandSeq.isEmpty() || r.state == CommandState::Cancelled)
            ++s.byState[r.state];
    }
    return s;
}

QStringList BatchRunner::csvHeader()
{
    return {QStringLiteral("meterNo"),    QStringLiteral("commandSeq"),    QStringLiteral("tradeNo"),
            QStringLiteral("state"),      QStringLiteral("returnCode"),    QStringLiteral("returnMessage"),
            QStringLiteral("errorField"), QStringLiteral("errorDetail")};
}

static QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QByteArray BatchRunner::toCsv() const
{
    QString out = csvHeader().join(u',') + QStringLiteral("\r\n");
    for (const auto &r : m_results) {
        const QString state = r.invalid ? QStringLiteral("invalid") : commandStateName(r.state);
        const QStringList fields{r.meterNo,     r.commandSeq,     r.tradeNo,        state,
                                 r.returnCode,  r.returnMessage,  r.error.path,     r.error.detail};
        QStringList quoted;
        for (const auto &f : fields)
            quoted << csvField(f);
        out += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace md
