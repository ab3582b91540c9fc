// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandlauncher.h"

#include "batchdialog.h"
#include "commanddialog.h"
#include "commandform.h"
#include "rechargeconfirmdialog.h"

#include "client/commandservice.h"
#include "client/commandnames.h"
#include "core/whendone.h"
#include "ui/commandtext.h"
#include "ui/models/consolecontext.h"
#include "protocol/catalog.h"
#include "ui/settings/settingsdialog.h"
#include "ui/views/commandsview.h"

#include <QAction>
#include <QEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QToolBar>

namespace md {

CommandLauncher::CommandLauncher(const FormContext &context, QWidget *window, ConsoleContext *console, QObject *parent)
    : QObject(parent), m_ctx(context), m_window(window), m_console(console)
{
    m_cancel = new QAction(this);
    m_cancel->setObjectName(QStringLiteral("cancelCommandAction"));
    m_cancel->setEnabled(false);
    m_resend = new QAction(this);
    m_resend->setObjectName(QStringLiteral("resendCommandAction"));
    m_resend->setEnabled(false);
    connect(m_cancel, &QAction::triggered, this, [this] { cancelCommand(m_selected); });
    connect(m_resend, &QAction::triggered, this, [this] { resendCommand(m_selected); });
    retranslate();
    // The launcher is not a widget, so QEvent::LanguageChange never reaches it; it watches the
    // window its actions live in (the Commands view's tool bar) and retranslates with it.
    if (window)
        window->installEventFilter(this);
    if (console)
        connect(console, &ConsoleContext::actionRequested, this,
                [this](const QString &command, const QString &meterNo) { openCommand(command, meterNo); });
    if (m_ctx.service)
        connect(m_ctx.service, &CommandService::commandChanged, this, [this](const CommandRecord &r) {
            if (r.commandSeq == m_selected)
                setSelectedCommand(m_selected);
        });
}

CommandLauncher::~CommandLauncher() = default;

bool CommandLauncher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void CommandLauncher::retranslate()
{
    m_cancel->setText(tr("Cancel command"));
    m_cancel->setToolTip(tr("Cancel the selected command while it is still queued"));
    m_resend->setText(tr("Resend…"));
    m_resend->setToolTip(tr("Send the selected command again (a recharge keeps its trade number)"));
}

void CommandLauncher::setContext(const FormContext &context)
{
    m_ctx = context;
}

CommandLauncher::Resolved CommandLauncher::resolve(const QString &c)
{
    static const QHash<QString, Resolved> aliases{
        {QStringLiteral("openValve"), {QStringLiteral("valveOperate"), QStringLiteral("valveOperate"), QStringLiteral("0")}},
        {QStringLiteral("closeValve"), {QStringLiteral("valveOperate"), QStringLiteral("valveOperate"), QStringLiteral("1")}},
        {QStringLiteral("ordinaryCloseValve"),
         {QStringLiteral("valveOperate"), QStringLiteral("valveOperate"), QStringLiteral("2")}},
        {QStringLiteral("registerMeter"),
         {QStringLiteral("meterInfo"), QStringLiteral("meterOperation"), QStringLiteral("register")}},
        {QStringLiteral("modifyMeter"), {QStringLiteral("meterInfo"), QStringLiteral("meterOperation"), QStringLiteral("modify")}},
        {QStringLiteral("removeMeter"), {QStringLiteral("meterInfo"), QStringLiteral("meterOperation"), QStringLiteral("remove")}},
    };
    return aliases.value(c, Resolved{c, {}, {}});
}

CommandDialog *CommandLauncher::openCommand(const QString &commandOrAlias, const QString &meterNo)
{
    const Resolved r = resolve(commandOrAlias);
    if (!Catalog::instance().command(r.command))
        return nullptr;
    const QString key = r.command + u'|' + meterNo + u'|' + r.value;
    if (CommandDialog *open = m_open.value(key); open && !open->hasSent()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dlg = new CommandDialog(m_ctx, r.command, meterNo, m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    if (!r.field.isEmpty())
        dlg->setValue(r.field, r.value);
    m_open.insert(key, dlg);
    dlg->show();
    return dlg;
}

BatchDialog *CommandLauncher::openBatch(const QString &commandName, const QStringList &meterNos)
{
    const Resolved r = resolve(commandName);
    if (!BatchDialog::supportsBatch(r.command) || meterNos.isEmpty())
        return nullptr;
    auto *dlg = new BatchDialog(m_ctx, r.command, meterNos, m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    if (!r.field.isEmpty()) {
        dlg->form()->setValue(r.field, r.value);
        dlg->form()->revalidate();
    }
    dlg->show();
    return dlg;
}

SettingsDialog *CommandLauncher::openSettings(const Settings &current, const QString &iniPath)
{
    auto *dlg = new SettingsDialog(current, iniPath, m_ctx.store, m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &SettingsDialog::settingsChanged, this, &CommandLauncher::settingsChanged);
    connect(dlg, &SettingsDialog::saveFailed, this, &CommandLauncher::message);
    dlg->open();
    return dlg;
}

void CommandLauncher::attachCommandsView(CommandsView *view)
{
    m_view = view;
    view->actionBar()->addAction(m_cancel);
    view->actionBar()->addAction(m_resend);
    connect(view, &CommandsView::selectionChanged, this, &CommandLauncher::setSelectedCommand);
}

void CommandLauncher::setSelectedCommand(const QString &commandSeq)
{
    m_selected = commandSeq;
    m_cancel->setEnabled(false);
    m_resend->setEnabled(false);
    if (commandSeq.isEmpty() || !m_ctx.service)
        return;
    whenDone(m_ctx.service->command(commandSeq), this, [this, commandSeq](const Result<std::optional<CommandRecord>> &r) {
        if (commandSeq != m_selected || !r.ok() || !r.value())
            return;
        m_cancel->setEnabled(canCancel(r.value()->state));
        m_resend->setEnabled(canResend(r.value()->state));
    });
}

void CommandLauncher::cancelCommand(const QString &commandSeq)
{
    if (commandSeq.isEmpty() || !m_ctx.service || m_confirmation)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Cancel command"),
                                tr("Cancel command %1? It has not left yet; nothing reaches the meter.").arg(commandSeq),
                                QMessageBox::Yes | QMessageBox::No, m_window);
    box->button(QMessageBox::Yes)->setText(tr("Cancel the command"));
    box->button(QMessageBox::No)->setText(tr("Keep it"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, commandSeq](int result) {
        if (result != QMessageBox::Yes)
            return;
        m_ctx.service->cancel(commandSeq, m_ctx.operatorName).then(this, [this](const Result<CommandRecord> &r) {
            if (r.ok()) {
                emit commandCancelled(r.value());
                emit message(tr("Command %1 cancelled.").arg(r.value().commandSeq));
            } else {
                emit message(tr("Not cancelled: %1").arg(r.error().detail.isEmpty() ? r.error().message() : r.error().detail));
            }
        });
    });
    box->open();
}

void CommandLauncher::resendCommand(const QString &commandSeq)
{
    if (commandSeq.isEmpty() || !m_ctx.service || m_confirmation)
        return;
    whenDone(m_ctx.service->command(commandSeq), this, [this](const Result<std::optional<CommandRecord>> &r) {
        if (!r.ok() || !r.value()) {
            emit message(tr("The command could not be read."));
            return;
        }
        if (!canResend(r.value()->state)) {
            emit message(tr("Only a rejected, unreachable, expired or failed command can be resent."));
            return;
        }
        confirmResend(*r.value());
    });
}

void CommandLauncher::confirmResend(const CommandRecord &record)
{
    QDialog *dlg = nullptr;
    if (CommandNames::movesMoney(record.name)) {
        RechargeConfirmation w;
        w.meterNo = record.meterNo;
        w.tradeNo = record.tradeNo;
        w.operatorName = m_ctx.operatorName;
        w.cancellation = record.name == u"cancelRecharge";
        const QString wire = record.params.value(QStringLiteral("rechargeNum")).toString();
        w.byVolume = record.params.value(QStringLiteral("rechargeType")).toString() == u"2";
        w.wireAmount = wire;
        if (const auto m = Money::parse(wire))
            w.displayAmount = w.byVolume ? QStringLiteral("%1 m³").arg(wire) : QStringLiteral("¥%1").arg(m->format(2));
        w.rechargeCount = record.params.value(QStringLiteral("rechargeCount")).toString().toLongLong();
        if (const auto t = Money::parse(record.params.value(QStringLiteral("totalRechargeAmt")).toString()))
            w.totalAfter = QStringLiteral("¥%1").arg(t->format(2));
        auto *confirm = new RechargeConfirmDialog(w, m_window);
        confirm->setWindowTitle(tr("Resend - %1").arg(CommandText::commandTitle(record.name)));
        dlg = confirm;
    } else {
        auto *box = new QMessageBox(QMessageBox::Question, tr("Resend"),
                                    tr("Send \"%1\" to meter %2 again? A new command number is used; the old "
                                       "command stays in the history as %3.")
                                        .arg(CommandText::commandTitle(record.name), record.meterNo,
                                             CommandText::stateLabel(record.state)),
                                    QMessageBox::Yes | QMessageBox::Cancel, m_window);
        box->button(QMessageBox::Yes)->setText(tr("Resend"));
        box->setDefaultButton(QMessageBox::Yes);
        dlg = box;
    }
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = dlg;
    const QString seq = record.commandSeq;
    connect(dlg, &QDialog::finished, this, [this, seq](int result) {
        if (result != QDialog::Accepted && result != QMessageBox::Yes)
            return;
        m_ctx.service->resend(seq, m_ctx.operatorName).then(this, [this](const Result<CommandRecord> &r) {
            if (r.ok()) {
                emit commandResent(r.value());
                emit message(tr("Resent as command %1.").arg(r.value().commandSeq));
            } else {
                emit message(tr("Not resent: %1").arg(r.error().detail.isEmpty() ? r.error().message() : r.error().detail));
            }
        });
    });
    dlg->open();
}

} // namespace md
