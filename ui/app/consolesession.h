// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One open database and its window: the store, the shared context, the main window and, for the live
// database, the embedded listener (its own thread) and the command service. An offline review
// session (File > Open database) has neither: it is read-only.

#include "core/settings.h"
#include "ui/mainwindow.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace md {

class ChangeFeed;
class CommandLauncher;
class CommandService;
class ConsoleContext;
class Store;
class UploadListener;

class ConsoleSession : public QObject
{
    Q_OBJECT
public:
    // configPath: where the settings dialog saves (live sessions only).
    ConsoleSession(std::shared_ptr<Store> store, Settings settings, bool live, QString configPath = {},
                   QObject *parent = nullptr);
    ~ConsoleSession() override;

    MainWindow *window() const { return m_window; }
    ConsoleContext *context() const { return m_context; }
    ChangeFeed *changeFeed() const { return m_feed; }
    CommandService *commandService() const { return m_commands; }
    UploadListener *listener() const { return m_listener; }

signals:
    void openDatabaseRequested(const QString &path);
    void openArchivesRequested(const QStringList &archivePaths);
    void closed();

private:
    void startListener();
    void rememberWindowState();

    std::shared_ptr<Store> m_store;
    Settings m_settings;
    ChangeFeed *m_feed = nullptr;
    ConsoleContext *m_context = nullptr;
    QPointer<MainWindow> m_window;
    UploadListener *m_listener = nullptr;
    CommandService *m_commands = nullptr;
    CommandLauncher *m_launcher = nullptr;
    QString m_configPath;
};

} // namespace md
