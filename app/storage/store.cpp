// SPDX-License-Identifier: GPL-3.0-or-later
// TEMPORARY stub so dependants build; replaced by the real store.
#include "store.h"
#include "storenotifier.h"
#include <QFuture>

namespace md {

class Store::Private {};

namespace { Error notYet() { return makeError(QStringLiteral("9999"), {}, QStringLiteral("store not implemented yet")); } }

Result<std::shared_ptr<Store>> Store::open(StoreOptions) { return notYet(); }
Store::Store(std::unique_ptr<Private> p) : d(std::move(p)) {}
Store::~Store() = default;
bool Store::isPostgres() const { return false; }
bool Store::isReadOnly() const { return false; }
QString Store::databaseDisplayName() const { return {}; }
int Store::schemaVersion() const { return 0; }
QFuture<WriteOutcome> Store::submit(UploadWrite ) { WriteOutcome o; o.error = notYet(); return QtFuture::makeReadyFuture(o); }
QFuture<Result<qint64>> Store::journal(JournalEntry ) { return QtFuture::makeReadyFuture(Result<qint64>(notYet())); }
QFuture<Result<QList<MeterUpsertResult>>> Store::upsertMeters(QList<MeterInfo> ) { return QtFuture::makeReadyFuture(Result<QList<MeterUpsertResult>>(notYet())); }
QFuture<Result<bool>> Store::removeMeter(QString ) { return QtFuture::makeReadyFuture(Result<bool>(notYet())); }
QFuture<Result<QString>> Store::allocateCommandSeq(qint64 ) { return QtFuture::makeReadyFuture(Result<QString>(notYet())); }
QFuture<Result<QString>> Store::allocateTradeNo(qint64 ) { return QtFuture::makeReadyFuture(Result<QString>(notYet())); }
QFuture<Result<CommandRecord>> Store::insertCommand(CommandRecord ) { return QtFuture::makeReadyFuture(Result<CommandRecord>(notYet())); }
QFuture<Result<CommandRecord>> Store::updateCommandState(QString , CommandUpdate ) { return QtFuture::makeReadyFuture(Result<CommandRecord>(notYet())); }
QFuture<Result<QStringList>> Store::expireCommands(qint64 , qint64 ) { return QtFuture::makeReadyFuture(Result<QStringList>(notYet())); }
QFuture<Result<bool>> Store::acknowledgeAlarm(qint64 , QString , qint64 ) { return QtFuture::makeReadyFuture(Result<bool>(notYet())); }
QFuture<Result<bool>> Store::resolveReviewFlag(qint64 , QString , qint64 ) { return QtFuture::makeReadyFuture(Result<bool>(notYet())); }
QFuture<Result<qint64>> Store::purgeBefore(qint64 , bool ) { return QtFuture::makeReadyFuture(Result<qint64>(notYet())); }
QFuture<void> Store::flush() { return QtFuture::makeReadyFuture(); }
Result<QHash<QString, qint64>> Store::lookupMeters(const QStringList &) const { return notYet(); }
Result<QList<RegistryRow>> Store::registryPage(const RegistryPageRequest &) const { return notYet(); }
Result<RegistryCount> Store::registryCount(const RegistryFilter &) const { return notYet(); }
Result<std::optional<MeterSummary>> Store::meterSummary(const QString &) const { return notYet(); }
Result<ReadingSeries> Store::readings(const QString &, qint64 , qint64 ) const { return notYet(); }
Result<QList<Reading>> Store::readingRows(const QString &, qint64 , qint64 , int ) const { return notYet(); }
Result<QList<StatusRow>> Store::statusHistory(const QString &, qint64 , qint64 , int ) const { return notYet(); }
Result<QList<AlarmRow>> Store::alarms(const AlarmFilter &) const { return notYet(); }
Result<std::optional<AlarmRow>> Store::alarm(qint64 ) const { return notYet(); }
Result<JournalPage> Store::journalPage(const JournalFilter &) const { return notYet(); }
Result<std::optional<JournalEntry>> Store::journalEntry(qint64 ) const { return notYet(); }
Result<QList<ReviewFlag>> Store::reviewFlags(bool , int ) const { return notYet(); }
Result<OverviewStats> Store::overview(const OverviewRequest &) const { return notYet(); }
Result<ExportTable> Store::exportHistory(const ExportRequest &) const { return notYet(); }
Result<std::optional<CommandRecord>> Store::commandBySeq(const QString &) const { return notYet(); }
Result<CommandPage> Store::commands(const CommandFilter &) const { return notYet(); }
Result<QList<CommandRecord>> Store::changedCommandsSince(qint64 , int ) const { return notYet(); }
Result<QList<RechargeLedgerEntry>> Store::rechargeLedger(const QString &) const { return notYet(); }
Result<RechargeNumbers> Store::nextRechargeNumbers(const QString &, Money ) const { return notYet(); }
Result<bool> Store::isTradeNoCredited(const QString &) const { return notYet(); }
Result<QList<ParameterSet>> Store::parameterHistory(const QString &, int ) const { return notYet(); }
Result<QMap<QString, qint64>> Store::tableCounts() const { return notYet(); }

} // namespace md
