// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchrunner.h"

#include "commandservice.h"

namespace md {

BatchRunner::BatchRunner(CommandService *service, QObject *parent) : QObject(parent), m_service(service) {}
BatchRunner::~BatchRunner() = default;
void BatchRunner::setMaxInFlight(int n) { m_maxInFlight = qMax(1, n); }
bool BatchRunner::start(const QString &, const QList<BatchItem> &, const QJsonObject &, const QString &,
                        const QString &)
{
    return false;
}
bool BatchRunner::start(const QString &name, const QStringList &meterNos, const QJsonObject &params,
                        const QString &operatorName)
{
    QList<BatchItem> items;
    for (const auto &m : meterNos)
        items.append(BatchItem{m, {}});
    return start(name, items, params, operatorName);
}
void BatchRunner::cancel() {}
BatchSummary BatchRunner::summary() const { return {}; }
QStringList BatchRunner::csvHeader() { return {}; }
QByteArray BatchRunner::toCsv() const { return {}; }
void BatchRunner::pump() {}
void BatchRunner::onSubmitted(int, const Result<CommandRecord> &) {}
void BatchRunner::onCommandChanged(const CommandRecord &) {}
void BatchRunner::settle(int) {}

} // namespace md
