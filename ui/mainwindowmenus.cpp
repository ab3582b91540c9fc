// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's menus and what their actions do: open a database or archives for review, import meters,
// export the current table, the meter report, the language and about. Pages, the alarm banner and
// the status bar are in mainwindow.cpp.
#include "mainwindow.h"

#include "ui/i18n/languagemanager.h"
#include "ui/models/consolecontext.h"
#include "ui/models/tableexport.h"
#include "ui/views/meterdetailwindow.h"
#include "ui/views/meterimport.h"
#include "ui/views/meterreport.h"
#include "ui/views/metersview.h"

#include "core/whendone.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QJsonObject>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

namespace md {

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openDb = m_fileMenu->addAction(QString(), this, &MainWindow::openDatabase);
    m_openDb->setShortcut(QKeySequence::Open);
    m_openArchive = m_fileMenu->addAction(QString(), this, &MainWindow::openArchives);
    m_openArchive->setObjectName(QStringLiteral("openArchiveAction"));
    m_import = m_fileMenu->addAction(QString(), this, &MainWindow::importMeters);
    m_import->setEnabled(!m_context->isReadOnly());
    m_fileMenu->addSeparator();
    m_export = m_fileMenu->addAction(QString(), this, &MainWindow::exportTable);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_report = m_fileMenu->addAction(QString(), this, &MainWindow::meterReport);
    m_report->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(QString());
    for (int i = 0; i < PageCount; ++i) {
        QAction *a = m_viewMenu->addAction(QString(), this, [this, i] { showPage(Page(i)); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        m_pageActions.append(a);
    }
    m_viewMenu->addSeparator();
    m_find = m_viewMenu->addAction(QString(), this, [this] {
        showPage(MetersPage);
        m_meters->focusSearch();
    });
    m_find->setShortcut(QKeySequence::Find);
    m_refresh = m_viewMenu->addAction(QString(), this, [this] {
        if (auto *v = qobject_cast<ConsoleView *>(m_stack->currentWidget()))
            v->activate();
    });
    m_refresh->setShortcut(QKeySequence::Refresh);

    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsAction = m_settingsMenu->addAction(QString(), this, &MainWindow::settingsRequested);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);

    m_languageMenu = menuBar()->addMenu(QString());
    auto *group = new QActionGroup(this);
    m_langSystem = m_languageMenu->addAction(QString());
    m_langEnglish = m_languageMenu->addAction(QStringLiteral("English"));
    m_langChinese = m_languageMenu->addAction(QStringLiteral("中文"));
    const QString current = LanguageManager::instance()->language();
    const QList<QPair<QAction *, QString>> langs{{m_langSystem, QString()},
                                                  {m_langEnglish, QStringLiteral("en")},
                                                  {m_langChinese, QStringLiteral("zh_CN")}};
    for (const auto &[action, code] : langs) {
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        const QString c = code;
        connect(action, &QAction::triggered, this, [this, c] {
            LanguageManager::instance()->setLanguage(c);
            emit languageRequested(c);
        });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::about);
}

void MainWindow::retranslateUi()
{
    // The platform adds the application's name (" — MeterDesk") itself: the title names the database.
    QString title = m_context->store() ? m_context->store()->databaseDisplayName() : QString();
    if (!title.contains(QLatin1String("://")))
        title = QDir::toNativeSeparators(title); // a file: C:\Users\... on Windows, as Explorer shows it
    if (m_context->isReadOnly())
        title += QLatin1Char(' ') + tr("[READ-ONLY offline review]");
    setWindowTitle(title);
    for (int i = 0; i < m_views.size(); ++i)
        m_nav->item(i)->setText(m_views[i]->title());
    m_fileMenu->setTitle(tr("&File"));
    m_openDb->setText(tr("&Open database for review…"));
    m_openArchive->setText(tr("Open &archive…"));
    m_openArchive->setToolTip(tr("Review this database together with archive files, read-only, as one timeline"));
    m_import->setText(tr("&Import meters from CSV…"));
    m_export->setText(tr("&Export current table to CSV…"));
    m_report->setText(tr("Meter &report (PDF)…"));
    m_quit->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    for (int i = 0; i < m_pageActions.size(); ++i)
        m_pageActions[i]->setText(m_views[i]->title());
    m_find->setText(tr("&Find meter"));
    m_refresh->setText(tr("&Refresh"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_settingsAction->setText(tr("&Settings…"));
    m_languageMenu->setTitle(tr("&Language"));
    m_langSystem->setText(tr("System"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About MeterDesk"));
    if (m_tray)
        m_tray->setToolTip(tr("MeterDesk"));
}

TableExportJob *MainWindow::exportCurrentTable(const QString &path)
{
    auto *view = qobject_cast<ConsoleView *>(m_stack->currentWidget());
    if (!view || !view->exportModel()) {
        statusBar()->showMessage(tr("This page has no table to export. Open Meters, Alarms, Commands or Journal."), 8000);
        return nullptr;
    }
    auto *job = new TableExportJob(m_context, view->exportSource(), path, this);
    auto *progress = new QProgressDialog(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export to CSV"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    const qint64 expected = view->exportSource().expectedRows;
    if (expected > 0 && expected < INT_MAX)
        progress->setMaximum(int(expected));
    auto *poll = new QTimer(progress);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, progress, [progress, job] {
        if (progress->maximum() > 0)
            progress->setValue(int(qMin<qint64>(job->rowsWritten(), progress->maximum())));
        progress->setLabelText(tr("Exporting… %n row(s) written", nullptr, int(qMin<qint64>(job->rowsWritten(), INT_MAX))));
    });
    poll->start();
    connect(progress, &QProgressDialog::canceled, job, &TableExportJob::cancel);
    const QString table = view->exportBaseName();
    whenDone(job->start(), this, [this, job, progress, path, table](const TableExportOutcome &out) {
        progress->deleteLater();
        job->deleteLater();
        if (out.cancelled) {
            statusBar()->showMessage(tr("Export cancelled; no file was written."), 8000);
        } else if (!out.ok) {
            QMessageBox::warning(this, tr("Export to CSV"), tr("Could not write %1: %2").arg(path, out.error));
        } else {
            statusBar()->showMessage(tr("Exported %n row(s) to %1", nullptr, int(qMin<qint64>(out.rows, INT_MAX))).arg(path), 8000);
            m_context->journalDeskAction(QStringLiteral("export"), QJsonObject{{QStringLiteral("table"), table},
                                                                               {QStringLiteral("path"), path},
                                                                               {QStringLiteral("rows"), out.rows}});
        }
        emit exportFinished(out.ok, out.rows);
    });
    return job;
}

void MainWindow::exportTable()
{
    auto *view = qobject_cast<ConsoleView *>(m_stack->currentWidget());
    if (!view || !view->exportModel()) {
        statusBar()->showMessage(tr("This page has no table to export. Open Meters, Alarms, Commands or Journal."), 8000);
        return;
    }
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(view->exportBaseName() + m_context->time().today().toString(QStringLiteral("-yyyyMMdd")) + QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to CSV"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCurrentTable(path);
}

void MainWindow::meterReport()
{
    QString meterNo;
    for (const auto &w : std::as_const(m_details))
        if (w && w->isActiveWindow())
            meterNo = w->meterNo();
    if (meterNo.isEmpty())
        meterNo = m_meters->currentMeterNo();
    if (meterNo.isEmpty()) {
        statusBar()->showMessage(tr("Select a meter first (Meters page or an open meter window)."), 8000);
        return;
    }
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(QStringLiteral("meter-%1.pdf").arg(meterNo));
    const QString path = QFileDialog::getSaveFileName(this, tr("Meter report"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    MeterDetailWindow *w = openMeter(meterNo);
    auto write = [this, w, path] {
        QString error;
        if (MeterReport::write(*w, m_context->time(), path, &error))
            statusBar()->showMessage(tr("Report written to %1").arg(path), 8000);
        else
            QMessageBox::warning(this, tr("Meter report"), tr("Could not write %1: %2").arg(path, error));
    };
    if (w->isLoaded())
        write();
    else
        connect(w, &MeterDetailWindow::loaded, this, write, Qt::SingleShotConnection);
}

void MainWindow::importMeters()
{
    if (m_context->isReadOnly()) {
        statusBar()->showMessage(m_context->readOnlyError().detail, 8000);
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Import meters"), QString(), tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        MeterImport::start(this, m_context, path);
}

void MainWindow::openDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open database for review"), QString(),
                                                      tr("MeterDesk databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        emit openDatabaseRequested(path);
}

void MainWindow::openArchives()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open archives for review"), QString(),
                                                            tr("MeterDesk archives (*.sqlite *.db);;All files (*)"));
    if (!paths.isEmpty())
        emit openArchivesRequested(paths);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About MeterDesk"),
                       tr("<h3>MeterDesk %1</h3><p>Business-platform console for Qinchuan V3.0 IoT gas meters.</p>"
                          "<p>Licensed under the GNU GPL version 3 or later.</p><p>Database: %2</p>")
                           .arg(QCoreApplication::applicationVersion(),
                                (m_context->store() ? m_context->store()->databaseDisplayName() : QString()).toHtmlEscaped()));
}

} // namespace md
