// SPDX-License-Identifier: GPL-3.0-or-later
// Reads of the quarantine (records of meters the registry did not know when they uploaded).
#include "storeprivate.h"

#include <QSqlQuery>

namespace md {

namespace {

QString S(const char *s) { return QString::fromLatin1(s); }

Result<QList<QuarantinedRecord>> quarantineRows(Db &db, const QString &sql, int limit)
{
    QSqlQuery *q = db.run(sql, {qint64(limit > 0 ? limit : 500)});
    if (!q)
        return db.lastError();
    QList<QuarantinedRecord> rows;
    while (q->next()) {
        QuarantinedRecord r;
        r.id = q->value(0).toLongLong();
        r.meterNo = q->value(1).toString();
        r.uploadName = q->value(2).toString();
        r.record = q->value(3).toString().toUtf8();
        r.receivedAt = q->value(4).toLongLong();
        r.journalId = q->value(5).toLongLong();
        rows << r;
    }
    q->finish();
    return rows;
}

} // namespace

Result<QList<QuarantinedRecord>> Store::quarantineReady(int limit) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    return quarantineRows(db,
                          S("SELECT q.id, q.meter_no, q.upload_name, q.record, q.received_at, q.journal_id FROM quarantine q "
                            "JOIN meters m ON m.meter_no = q.meter_no AND m.removed_at IS NULL "
                            "WHERE q.replayed_at IS NULL ORDER BY q.id LIMIT ?"),
                          limit);
}

Result<QList<QuarantinedRecord>> Store::quarantineWaiting(int limit) const
{
    auto reader = d->reader();
    if (!reader)
        return reader.error();
    Db &db = **reader;
    return quarantineRows(db,
                          S("SELECT id, meter_no, upload_name, record, received_at, journal_id FROM quarantine "
                            "WHERE replayed_at IS NULL ORDER BY id DESC LIMIT ?"),
                          limit);
}

} // namespace md
