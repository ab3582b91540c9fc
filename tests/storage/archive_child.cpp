// SPDX-License-Identifier: GPL-3.0-or-later
// Helper process for tst_archive: runs `archiveHistory` and kills itself (SIGKILL, as kill -9
// would; TerminateProcess on Windows) at a chosen moment, so the test can prove that a rerun loses
// and duplicates nothing.
//   archive_child DB ARCHIVE yyyy-MM-dd CHUNK TABLE STAGE N
// dies when TABLE has passed STAGE ("archived": committed to the archive, not yet deleted live;
// "deleted": both committed) for the N-th time; exit 0 when the run ends first.
#include "storage/archive.h"

#include <QCoreApplication>
#include <QDate>

#include <csignal>
#include <cstdlib>
#ifdef Q_OS_UNIX
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() != 8)
        return 2;
    md::ArchiveRequest r;
    r.source = a[1];
    r.archivePath = a[2];
    r.before = QDate::fromString(a[3], Qt::ISODate);
    r.chunkRows = a[4].toInt();
    int seen = 0;
    r.progress = [&, table = a[5], stage = a[6].toLatin1(), n = a[7].toInt()](const QString &t, const char *s, qint64) {
        if (t == table && stage == s && ++seen == n) {
#ifdef Q_OS_UNIX
            ::kill(::getpid(), SIGKILL);
#elif defined(Q_OS_WIN)
            // Windows' hard kill (taskkill /F), with the exit code QProcess::kill() gives: QProcess
            // reports it as a crash. abort() would not do: MinGW's ends the process with exit code 3.
            ::TerminateProcess(::GetCurrentProcess(), 0xf291);
#endif
            std::abort();
        }
    };
    return md::archiveHistory(r).ok() ? 0 : 1;
}
