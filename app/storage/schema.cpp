// SPDX-License-Identifier: GPL-3.0-or-later
// Storage layout and why (1,000,000 meters x 24 readings a day):
// - Integer meter ids and integer UTC epoch seconds everywhere; money/volume as INTEGER units.
// - readings: PRIMARY KEY (meter_id, data_time), WITHOUT ROWID on SQLite: the key is the clustered
//   order, so a re-delivery check is one b-tree probe, a meter's timeline is one contiguous range,
//   and each meter's hourly inserts append at the end of its own run (~420k rows/s measured with a
//   key in this order, against 67k for a TEXT meterNo key).
// - meters carries the per-meter "latest" columns (last reading, balance, valve, alarms) updated at
//   ingest, so the 1M-row registry view never joins readings.
// - Retention: readings grow by 24M rows a day at full scale (~1 GB/day on SQLite). SQLite stays one
//   file; Store::purgeBefore() deletes readings/statuses (and optionally journal bodies) older than
//   a cut-off (`meterdesk-cli migrate` copies a database to PostgreSQL for larger deployments). On
//   PostgreSQL the intended layout is declarative range partitioning of readings by month
//   (DROP PARTITION instead of DELETE); this version keeps one table there too (documented gap).
#include "schema.h"

#include "substringsearch.h"

#include <QDateTime>

namespace md {

namespace {

struct Migration
{
    int version;
    QStringList statements;
    // Backend-specific work after the statements (same transaction); may itself decide to do nothing.
    Result<bool> (*step)(Db &) = nullptr;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
         {
             QStringLiteral("CREATE TABLE meters (id ${ID}, meter_no ${KEY} NOT NULL UNIQUE, meter_type TEXT, "
                            "factory_code TEXT, user_no ${KEY}, user_name ${KEY}, addr_des ${KEY}, dev_no TEXT, "
                            "company_no TEXT, set_up_time ${INT}, enable_reading ${INT}, created_at ${INT} NOT NULL, "
                            "updated_at ${INT} NOT NULL, removed_at ${INT}, "
                            "last_upload_at ${INT}, last_meter_time ${INT}, last_data_time ${INT}, last_reading ${INT}, "
                            "balance ${INT}, balance_qty ${INT}, price ${INT}, valve_status TEXT, cell_voltage TEXT, "
                            "signal TEXT, power_type TEXT, temperature TEXT, pressure TEXT, total_recharge_amt ${INT}, "
                            "total_recharge_count ${INT}, active_alarms ${INT} NOT NULL DEFAULT 0, "
                            "critical_alarms ${INT} NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX meters_user_no ON meters (user_no)"),
             QStringLiteral("CREATE INDEX meters_user_name ON meters (user_name)"),
             QStringLiteral("CREATE INDEX meters_addr_des ON meters (addr_des)"),
             QStringLiteral("CREATE INDEX meters_last_upload ON meters (last_upload_at)"),
             QStringLiteral("CREATE INDEX meters_balance ON meters (balance)"),
             QStringLiteral("CREATE INDEX meters_alarming ON meters (meter_no) WHERE active_alarms > 0"),
             QStringLiteral("CREATE TABLE readings (meter_id ${INT} NOT NULL, data_time ${INT} NOT NULL, "
                            "reading ${INT} NOT NULL, standard_num ${INT}, work_num ${INT}, balance_amt ${INT}, "
                            "total_use_amt ${INT}, balance_qty ${INT}, price ${INT}, ladder_qty ${INT}, "
                            "command_seq TEXT, journal_id ${INT}, received_at ${INT} NOT NULL, "
                            "PRIMARY KEY (meter_id, data_time))${WITHOUT_ROWID}"),
             QStringLiteral("CREATE TABLE statuses (meter_id ${INT} NOT NULL, meter_time ${INT} NOT NULL, "
                            "received_at ${INT} NOT NULL, valve_status TEXT, signal TEXT, power_type TEXT, "
                            "cell_voltage TEXT, temperature TEXT, pressure TEXT, total_recharge_amt ${INT}, "
                            "total_recharge_count ${INT}, total_recharge_qty ${INT}, journal_id ${INT}, "
                            "PRIMARY KEY (meter_id, meter_time))${WITHOUT_ROWID}"),
             QStringLiteral("CREATE TABLE alarm_events (meter_id ${INT} NOT NULL, alarm_type TEXT NOT NULL, "
                            "alarm_time ${INT} NOT NULL, raised ${INT} NOT NULL, journal_id ${INT}, "
                            "PRIMARY KEY (meter_id, alarm_type, alarm_time, raised))${WITHOUT_ROWID}"),
             QStringLiteral("CREATE TABLE alarms (id ${ID}, meter_id ${INT} NOT NULL, alarm_type TEXT NOT NULL, "
                            "critical ${INT} NOT NULL, active ${INT} NOT NULL, opened_at ${INT} NOT NULL, "
                            "last_seen_at ${INT} NOT NULL, closed_at ${INT}, closed_by TEXT, ack_at ${INT}, "
                            "ack_by TEXT, raise_count ${INT} NOT NULL DEFAULT 1, journal_id ${INT})"),
             QStringLiteral("CREATE UNIQUE INDEX alarms_one_active ON alarms (meter_id, alarm_type) WHERE active = 1"),
             QStringLiteral("CREATE INDEX alarms_meter ON alarms (meter_id, id)"),
             QStringLiteral("CREATE INDEX alarms_active ON alarms (id) WHERE active = 1"),
             QStringLiteral("CREATE TABLE commands (id ${ID}, command_seq ${KEY} NOT NULL UNIQUE, name TEXT NOT NULL, "
                            "meter_no ${KEY}, trade_no ${KEY}, state TEXT NOT NULL, operator TEXT, params TEXT, "
                            "created_at ${INT} NOT NULL, sent_at ${INT}, finished_at ${INT}, return_code TEXT, "
                            "return_message TEXT, result_code TEXT, attempts ${INT} NOT NULL DEFAULT 0, batch_id TEXT, "
                            "change_id ${INT} NOT NULL)"),
             QStringLiteral("CREATE INDEX commands_state ON commands (state, created_at)"),
             QStringLiteral("CREATE INDEX commands_meter ON commands (meter_no, created_at)"),
             QStringLiteral("CREATE INDEX commands_trade ON commands (trade_no)"),
             QStringLiteral("CREATE INDEX commands_created ON commands (created_at)"),
             QStringLiteral("CREATE UNIQUE INDEX commands_change ON commands (change_id)"),
             QStringLiteral("CREATE TABLE command_results (id ${ID}, command_seq ${KEY} NOT NULL, "
                            "upload_name TEXT NOT NULL, meter_no ${KEY}, result_code TEXT, values_json TEXT, "
                            "received_at ${INT} NOT NULL, journal_id ${INT}, matched ${INT} NOT NULL, "
                            "UNIQUE (command_seq, upload_name))"),
             QStringLiteral("CREATE TABLE recharges (trade_no ${KEY} PRIMARY KEY, meter_no ${KEY}, command_seq TEXT, "
                            "recharge_num ${INT} NOT NULL, result_code TEXT, credited ${INT} NOT NULL, "
                            "received_at ${INT} NOT NULL, total_recharge_amt ${INT}, total_recharge_qty ${INT}, "
                            "balance_amt ${INT}, balance_qty ${INT}, journal_id ${INT}, cancelled ${INT} NOT NULL DEFAULT 0, "
                            "cancelled_at ${INT}, cancel_seq TEXT, cancel_journal_id ${INT})"),
             QStringLiteral("CREATE INDEX recharges_meter ON recharges (meter_no)"),
             QStringLiteral("CREATE TABLE parameters (id ${ID}, meter_no ${KEY} NOT NULL, command_seq TEXT, "
                            "reported ${INT} NOT NULL, values_json TEXT NOT NULL, received_at ${INT} NOT NULL, "
                            "journal_id ${INT})"),
             QStringLiteral("CREATE INDEX parameters_meter ON parameters (meter_no, id)"),
             QStringLiteral("CREATE TABLE journal (id ${ID}, at ${INT} NOT NULL, direction ${INT} NOT NULL, "
                            "endpoint TEXT NOT NULL, remote TEXT, headers ${BLOB}, body ${BLOB}, return_code TEXT, "
                            "http_status ${INT}, meter_no ${KEY}, command_seq ${KEY}, duration_ms ${INT})"),
             QStringLiteral("CREATE INDEX journal_at ON journal (at)"),
             QStringLiteral("CREATE INDEX journal_meter ON journal (meter_no, id)"),
             QStringLiteral("CREATE INDEX journal_seq ON journal (command_seq)"),
             QStringLiteral("CREATE INDEX journal_endpoint ON journal (endpoint, id)"),
             QStringLiteral("CREATE TABLE review_flags (id ${ID}, at ${INT} NOT NULL, kind TEXT NOT NULL, "
                            "meter_no ${KEY}, item_key TEXT, detail TEXT, journal_id ${INT}, "
                            "resolved ${INT} NOT NULL DEFAULT 0, resolved_by TEXT, resolved_at ${INT})"),
             QStringLiteral("CREATE INDEX review_open ON review_flags (id) WHERE resolved = 0"),
             QStringLiteral("CREATE TABLE counters (name TEXT PRIMARY KEY, stamp ${INT} NOT NULL, value ${INT} NOT NULL)"),
             QStringLiteral("INSERT INTO counters (name, stamp, value) VALUES ('commandSeq', 0, 0)"),
             QStringLiteral("INSERT INTO counters (name, stamp, value) VALUES ('commandChange', 0, 0)"),
             QStringLiteral("CREATE TABLE upload_days (day ${INT} PRIMARY KEY, uploads ${INT} NOT NULL, "
                            "readings ${INT} NOT NULL)"),
             QStringLiteral("CREATE TABLE changes (id ${ID}, at ${INT} NOT NULL, kind TEXT NOT NULL, keys TEXT)"),
         }},
        // 2: registry filters answer from indexes at 1M meters (bench_storage_queries): "never
        // uploaded" is last_upload_at = 0 (not NULL) so "silent" is one range; counts are covered
        // by (column, removed_at) indexes; partial indexes for closed valves and critical alarms.
        {2,
         {
             QStringLiteral("UPDATE meters SET last_upload_at = 0 WHERE last_upload_at IS NULL"),
             QStringLiteral("DROP INDEX meters_last_upload"),
             QStringLiteral("DROP INDEX meters_balance"),
             QStringLiteral("CREATE INDEX meters_last_upload ON meters (last_upload_at, removed_at)"),
             QStringLiteral("CREATE INDEX meters_balance ON meters (balance, removed_at)"),
             QStringLiteral("CREATE INDEX meters_removed ON meters (removed_at) WHERE removed_at IS NOT NULL"),
             QStringLiteral("CREATE INDEX meters_critical ON meters (meter_no) WHERE critical_alarms > 0"),
             QStringLiteral("CREATE INDEX meters_valve_closed ON meters (meter_no) WHERE valve_status <> '0'"),
         }},
        // 3: the flag indexes also carry removed_at, so counts never visit the table rows.
        {3,
         {
             QStringLiteral("DROP INDEX meters_valve_closed"),
             QStringLiteral("DROP INDEX meters_critical"),
             QStringLiteral("DROP INDEX meters_alarming"),
             QStringLiteral("CREATE INDEX meters_valve_closed ON meters (meter_no, removed_at) WHERE valve_status <> '0'"),
             QStringLiteral("CREATE INDEX meters_critical ON meters (meter_no, removed_at) WHERE critical_alarms > 0"),
             QStringLiteral("CREATE INDEX meters_alarming ON meters (meter_no, removed_at) WHERE active_alarms > 0"),
         }},
        // 4: meter-health flags (app/health) and the ledger by day for the reconciliation. One row per episode of one kind on one meter; a
        // recompute refreshes the row of an episode it finds again (health_episode) instead of
        // adding one, clears state kinds it no longer sees, and never touches the dismissal.
        {4,
         {
             QStringLiteral("CREATE TABLE health_flags (id ${ID}, meter_id ${INT} NOT NULL, kind TEXT NOT NULL, "
                            "episode_start ${INT} NOT NULL, episode_end ${INT} NOT NULL, value ${INT} NOT NULL, "
                            "evidence TEXT NOT NULL, first_seen ${INT} NOT NULL, last_seen ${INT} NOT NULL, "
                            "cleared_at ${INT}, dismissed_at ${INT}, dismissed_by TEXT, dismiss_reason TEXT, "
                            "dismiss_journal_id ${INT})"),
             QStringLiteral("CREATE INDEX health_episode ON health_flags (meter_id, kind, episode_end)"),
             QStringLiteral("CREATE INDEX health_open ON health_flags (kind, id) WHERE cleared_at IS NULL AND dismissed_at IS NULL"),
             // The daily reconciliation reads the ledger by day.
             QStringLiteral("CREATE INDEX recharges_received ON recharges (received_at)"),
             QStringLiteral("CREATE INDEX recharges_cancelled ON recharges (cancelled_at) WHERE cancelled = 1"),
         }},
        // 5: uploads from meters the registry does not know yet wait here (the meter's record as
        // received, wire form) until the meter is registered and the listener replays them.
        {5,
         {
             QStringLiteral("CREATE TABLE quarantine (id ${ID}, meter_no ${KEY} NOT NULL, upload_name TEXT NOT NULL, "
                            "record TEXT NOT NULL, received_at ${INT} NOT NULL, journal_id ${INT}, replayed_at ${INT})"),
             QStringLiteral("CREATE INDEX quarantine_waiting ON quarantine (meter_no) WHERE replayed_at IS NULL"),
         }},
        // 6: substring ("match anywhere") search from an index: FTS5 trigram on SQLite, pg_trgm GIN on
        // PostgreSQL, where the backend has them (substringsearch.h).
        {6, {}, &createSubstringIndex},
        // 7: how a meter is billed when the registry says so (billingunit.h: 1 money / 金额表,
        // 2 volume / 气量表, NULL unknown).
        {7, {QStringLiteral("ALTER TABLE meters ADD COLUMN billing_unit ${INT}")}},
        // 8: which process wrote a `changes` row (StoreNotifier::writerId()), so a change feed skips
        // its own rows: its process's notifier announced them already. NULL: an older build.
        {8, {QStringLiteral("ALTER TABLE changes ADD COLUMN writer TEXT")}},
        // 9: substring search of 1-2 characters (a two-character name or street) from a bigram
        // index: FTS5 meters_bigrams on SQLite, a GIN index on md_bigrams() on PostgreSQL.
        {9, {}, &createShortSubstringIndex},
    };
    return list;
}

} // namespace

int latestSchemaVersion()
{
    return migrations().constLast().version;
}

const QStringList &dataTables()
{
    static const QStringList t = {QStringLiteral("meters"),       QStringLiteral("readings"),
                                  QStringLiteral("statuses"),     QStringLiteral("alarm_events"),
                                  QStringLiteral("alarms"),       QStringLiteral("commands"),
                                  QStringLiteral("command_results"), QStringLiteral("recharges"),
                                  QStringLiteral("parameters"),   QStringLiteral("journal"),
                                  QStringLiteral("review_flags"), QStringLiteral("counters"),
                                  QStringLiteral("upload_days"),  QStringLiteral("changes"),
                                  QStringLiteral("health_flags"), QStringLiteral("quarantine")};
    return t;
}

Result<int> currentSchemaVersion(Db &db)
{
    const auto exists = db.scalar(db.dialect().isPostgres()
                                      ? QStringLiteral("SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 ELSE 1 END")
                                      : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"));
    if (!exists)
        return db.lastError();
    if (exists->toInt() == 0)
        return 0;
    auto v = db.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!v)
        return db.lastError();
    return v->isNull() ? 0 : v->toInt();
}

Result<int> migrate(Db &db)
{
    auto current = currentSchemaVersion(db);
    if (!current)
        return current.error();
    int version = *current;
    if (version > latestSchemaVersion())
        return makeError(QStringLiteral("9999"), QStringLiteral("schema_version"),
                         QStringLiteral("database schema %1 is newer than this build (%2)").arg(version).arg(latestSchemaVersion()));
    for (const Migration &m : migrations()) {
        if (m.version <= version)
            continue;
        if (!db.exec(db.dialect().beginWrite()))
            return db.lastError();
        // Another process may have migrated while we waited for the write lock: look again inside
        // the transaction (PostgreSQL: an advisory lock serialises concurrent migrations).
        if (db.dialect().isPostgres() && !db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7340001)"))) {
            const Error e = db.lastError();
            db.exec(QStringLiteral("ROLLBACK"));
            return e;
        }
        auto again = currentSchemaVersion(db);
        if (!again || *again >= m.version) {
            db.exec(QStringLiteral("ROLLBACK"));
            if (!again)
                return again.error();
            version = *again;
            continue;
        }
        QStringList statements = m.statements;
        if (version == 0)
            statements.prepend(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version ${INT} NOT NULL, applied_at ${INT} NOT NULL)"));
        statements << QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (%1, %2)")
                          .arg(m.version)
                          .arg(QDateTime::currentSecsSinceEpoch());
        for (const QString &s : std::as_const(statements)) {
            if (!db.exec(db.dialect().ddl(s))) {
                const Error e = db.lastError();
                db.exec(QStringLiteral("ROLLBACK"));
                return e;
            }
        }
        if (m.step) {
            if (auto done = m.step(db); !done) {
                db.exec(QStringLiteral("ROLLBACK"));
                return done.error();
            }
        }
        if (!db.exec(QStringLiteral("COMMIT"))) {
            const Error e = db.lastError();
            db.exec(QStringLiteral("ROLLBACK"));
            return e;
        }
        version = m.version;
    }
    return version;
}

} // namespace md
