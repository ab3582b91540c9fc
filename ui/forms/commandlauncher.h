// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the console meets the forms. The main window creates one launcher and wires it:
//   ConsoleContext::actionRequested(command, meterNo) -> openCommand (the meter detail's buttons)
//   a registry selection                              -> openBatch(command, meterNos)
//   the Commands view                                 -> attachCommandsView: "Cancel" (queued only) and
//                                                        "Resend…" (rejected / unreachable / expired /
//                                                        failed; a recharge keeps its tradeNo and the
//                                                        confirmation says so)
//   MainWindow::settingsRequested                     -> openSettings (emits settingsChanged)
// Command names are the catalogue's /prepose/ names; a few action aliases preset a value:
// openValve / closeValve / ordinaryCloseValve (valveOperate 0 / 1 / 2), registerMeter / modifyMeter /
// removeMeter (meterInfo with meterOperation). A dialog already open for the same command and meter
// is raised instead of opening a second one.

#include "formcontext.h"

#include "core/settings.h"
#include "storage/commandrecord.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace md {

class BatchDialog;
class CommandDialog;
class CommandsView;
class ConsoleContext;
class SettingsDialog;

class CommandLauncher : public QObject
{
    Q_OBJECT
public:
    // `window`: the parent of the dialogs. `console` may be null (tests).
    CommandLauncher(const FormContext &context, QWidget *window, ConsoleContext *console = nullptr,
                    QObject *parent = nullptr);
    ~CommandLauncher() override;

    void setContext(const FormContext &context);
    const FormContext &context() const { return m_ctx; }

    CommandDialog *openCommand(const QString &commandOrAlias, const QString &meterNo);
    BatchDialog *openBatch(const QString &commandName, const QStringList &meterNos);
    SettingsDialog *openSettings(const Settings &current, const QString &iniPath);

    void attachCommandsView(CommandsView *view);
    // The command the actions apply to (the Commands view's selection); enables them per state.
    void setSelectedCommand(const QString &commandSeq);
    QAction *cancelAction() const { return m_cancel; }
    QAction *resendAction() const { return m_resend; }
    // Asks, then cancels / resends. The confirmation is opened window-modal (pendingConfirmation()).
    void cancelCommand(const QString &commandSeq);
    void resendCommand(const QString &commandSeq);
    QWidget *pendingConfirmation() const { return m_confirmation; }

    // (command name, preset field, preset value) for an alias; the name itself when not an alias.
    struct Resolved
    {
        QString command;
        QString field;
        QString value;
    };
    static Resolved resolve(const QString &commandOrAlias);

signals:
    void settingsChanged(const md::Settings &settings);
    void message(const QString &text); // for the status bar
    void commandResent(const md::CommandRecord &newRecord);
    void commandCancelled(const md::CommandRecord &record);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void confirmResend(const CommandRecord &record);
    void retranslate();

    FormContext m_ctx;
    QPointer<QWidget> m_window;
    QPointer<ConsoleContext> m_console;
    QPointer<CommandsView> m_view;
    QHash<QString, QPointer<CommandDialog>> m_open;
    QPointer<QWidget> m_confirmation;
    QAction *m_cancel = nullptr;
    QAction *m_resend = nullptr;
    QString m_selected;
};

} // namespace md
