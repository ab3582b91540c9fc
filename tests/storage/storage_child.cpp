// SPDX-License-Identifier: GPL-3.0-or-later
// Helper process for tst_storeprocesses: acts as "another MeterDesk process" on a shared database.
//   storage_child DB commands N      -> allocates and inserts N commands, prints their seqs
//   storage_child DB result SEQ CODE -> submits a result upload for SEQ (as the listener would)
//   storage_child DB upload METER N  -> submits N meterDataUp writes for METER
#include "storetesting.h"

#include <QCoreApplication>

#include <cstdio>

using namespace md;
using namespace md::testing;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() < 4)
        return 2;
    auto store = openStore(a[1]);
    if (!store)
        return 3;
    if (a[2] == QLatin1String("commands")) {
        for (int i = 0; i < a[3].toInt(); ++i) {
            auto seq = wait(store->allocateCommandSeq(QDateTime::currentSecsSinceEpoch()));
            if (!seq)
                return 4;
            CommandRecord c;
            c.commandSeq = *seq;
            c.name = QStringLiteral("getParameter");
            c.meterNo = QStringLiteral("M1");
            if (!wait(store->insertCommand(c)).ok())
                return 5;
            std::printf("%s\n", qPrintable(*seq));
        }
    } else if (a[2] == QLatin1String("result") && a.size() >= 5) {
        UploadWrite w;
        w.journal = inbound(QStringLiteral("openVResult"), QStringLiteral("M1"));
        w.result = CommandResult{QStringLiteral("openVResult"), a[3], QStringLiteral("M1"), a[4], {}, 1700000000};
        const WriteOutcome o = wait(store->submit(w));
        if (!o.ok || o.matchedCommandSeq != a[3])
            return 6;
    } else if (a[2] == QLatin1String("upload")) {
        for (int i = 0; i < a.value(4).toInt(); ++i)
            if (!wait(store->submit(meterDataUp(a[3], 1600000000 + qint64(i) * 86400, 24))).ok)
                return 7;
    } else {
        return 2;
    }
    return 0;
}
