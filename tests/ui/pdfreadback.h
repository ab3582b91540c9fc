// SPDX-License-Identifier: GPL-3.0-or-later
// A PDF read back with Poppler's pdftotext and pdffonts, for the receipt tests.
//
// Poppler's tools are Linux programs. The Windows build's tests run under Wine, where a Windows
// process can start a Unix program but its output reaches none of QProcess's pipes, and its end
// is not something QProcess can be trusted to see. There (MD_UNIX_SHELL set:
// scripts/windows/wine-run.sh names Z:\bin\sh) the tool runs through that shell in the PDF's
// folder (relative names: Wine starts the Unix process in the same folder), writes its output and
// then its exit status into files beside the PDF, and this side waits for the status file, which a
// rename makes appear only once both are complete.
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

namespace md::testing::pdfreadback {

struct ToolRun
{
    int exitCode = -1; // -1: did not run or did not finish in time
    QByteArray output;
};

// `tool args...` with `{pdf}` in args standing for the PDF: what it printed and its exit code.
inline ToolRun runTool(const QString &tool, QStringList args, const QString &pdf, int timeoutMs = 20000)
{
    ToolRun run;
    QProcess p;
    const QString shell = qEnvironmentVariable("MD_UNIX_SHELL");
    if (shell.isEmpty()) {
        args.replaceInStrings(QStringLiteral("{pdf}"), pdf);
        p.start(tool, args);
        if (p.waitForFinished(timeoutMs) && p.exitStatus() == QProcess::NormalExit) {
            run.exitCode = p.exitCode();
            run.output = p.readAllStandardOutput();
        }
        return run;
    }
    const QFileInfo file(pdf);
    const QString out = file.fileName() + QLatin1Char('.') + tool;
    args.replaceInStrings(QStringLiteral("{pdf}"), file.fileName());
    QFile::remove(file.dir().filePath(out));
    QFile::remove(file.dir().filePath(out + QStringLiteral(".rc")));
    p.setWorkingDirectory(file.absolutePath());
    p.start(shell, QStringList{QStringLiteral("-c"),
                               QStringLiteral("o=$1; shift; \"$@\" >\"$o.part\" 2>/dev/null; echo $? >\"$o.rc.part\"; "
                                              "mv \"$o.part\" \"$o\"; mv \"$o.rc.part\" \"$o.rc\""),
                               QStringLiteral("sh"), out, tool}
                       + args);
    p.waitForFinished(timeoutMs);
    QFile rc(file.dir().filePath(out + QStringLiteral(".rc")));
    const QDeadlineTimer deadline(timeoutMs);
    while (!rc.exists() && !deadline.hasExpired())
        QThread::msleep(20);
    QFile output(file.dir().filePath(out));
    if (!rc.open(QIODevice::ReadOnly) || !output.open(QIODevice::ReadOnly))
        return run;
    bool ok = false;
    run.exitCode = rc.readAll().trimmed().toInt(&ok);
    if (!ok)
        run.exitCode = -1;
    run.output = output.readAll();
    return run;
}

// Empty when the tools are there; else what is missing.
inline QString toolsMissing()
{
    if (qEnvironmentVariableIsEmpty("MD_UNIX_SHELL")) {
        for (const char *t : {"pdftotext", "pdffonts"})
            if (QStandardPaths::findExecutable(QLatin1String(t)).isEmpty())
                return QLatin1String(t);
        return QString();
    }
    // Through the Unix shell, in a folder of its own (no PDF needed: `command -v` names no file).
    QTemporaryDir dir;
    const ToolRun r = runTool(QStringLiteral("command"), {QStringLiteral("-v"), QStringLiteral("pdftotext"),
                                                         QStringLiteral("pdffonts")},
                              dir.filePath(QStringLiteral("probe.pdf")));
    return r.exitCode == 0 ? QString() : QStringLiteral("pdftotext/pdffonts through %1").arg(qEnvironmentVariable("MD_UNIX_SHELL"));
}

// The PDF's text, UTF-8.
inline QString text(const QString &pdf)
{
    const ToolRun r = runTool(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                                           QStringLiteral("{pdf}"), QStringLiteral("-")}, pdf);
    return r.exitCode == 0 ? QString::fromUtf8(r.output) : QString();
}

// pdffonts' table (two header lines, then one line per font).
inline QString fonts(const QString &pdf)
{
    return QString::fromUtf8(runTool(QStringLiteral("pdffonts"), {QStringLiteral("{pdf}")}, pdf).output);
}

} // namespace md::testing::pdfreadback
