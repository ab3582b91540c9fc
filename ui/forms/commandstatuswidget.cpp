// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandstatuswidget.h"

#include "client/commandservice.h"
#include "core/whendone.h"
#include "ui/commandtext.h"

#include <QDateTime>
#include <QLabel>
#include <QVBoxLayout>

namespace md {

CommandStatusWidget::CommandStatusWidget(CommandService *service, QWidget *parent)
    : QWidget(parent), m_service(service)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("commandState"));
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("commandDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_state);
    layout->addWidget(m_detail);
    setVisible(false);
    if (m_service)
        connect(m_service, &CommandService::commandChanged, this, [this](const CommandRecord &r) {
            if (hasCommand() && r.commandSeq == m_record.commandSeq)
                apply(r);
        });
}

void CommandStatusWidget::follow(const CommandRecord &record)
{
    m_record = CommandRecord{};
    apply(record);
    setVisible(true);
    // The state may have moved between the row's creation and this call: read it once more.
    if (m_service)
        whenDone(m_service->command(record.commandSeq), this, [this](const Result<std::optional<CommandRecord>> &r) {
            if (r.ok() && r.value() && r.value()->commandSeq == m_record.commandSeq)
                apply(*r.value());
        });
}

void CommandStatusWidget::apply(const CommandRecord &record)
{
    // Rows may arrive out of order (service signal vs. the re-read): never go backwards.
    if (!m_record.commandSeq.isEmpty() && record.changeId < m_record.changeId)
        return;
    const bool changed = record.state != m_record.state || m_record.commandSeq.isEmpty();
    m_record = record;
    m_state->setText(describe(record));
    m_state->setStyleSheet(QStringLiteral("font-weight: bold; color: %1;").arg(CommandText::stateColour(record.state).name()));
    QStringList detail;
    detail << tr("Command %1").arg(record.commandSeq);
    if (!record.tradeNo.isEmpty())
        detail << tr("trade number %1").arg(record.tradeNo);
    if (record.attempts > 1)
        detail << tr("attempt %1").arg(record.attempts);
    m_detail->setText(detail.join(QStringLiteral(" · ")));
    if (changed)
        emit stateChanged(record.state);
}

QString CommandStatusWidget::stateText() const
{
    return m_state->text();
}

QString CommandStatusWidget::describe(const CommandRecord &r)
{
    const QString message = r.returnMessage.isEmpty() ? QString() : QStringLiteral(" %1").arg(r.returnMessage);
    switch (r.state) {
    case CommandState::Queued:
        return tr("Queued - handing the command to the platform…");
    case CommandState::Sent:
        return tr("Sent - waiting for the meter (NB-IoT meters wake about once a day). "
                  "You can close this window; the Commands view keeps following it.");
    case CommandState::Accepted:
        return tr("Accepted by the platform.");
    case CommandState::Succeeded:
        return tr("Done - the meter confirmed.");
    case CommandState::Failed:
        return tr("The meter reported a failure (result %1).").arg(r.resultCode.isEmpty() ? QStringLiteral("01") : r.resultCode);
    case CommandState::Expired:
        return tr("Expired - no answer from the meter within the command lifetime. It can be resent.");
    case CommandState::Rejected:
        return tr("Rejected by the platform: %1%2").arg(r.returnCode, message);
    case CommandState::Unreachable:
        return tr("Platform unreachable:%1. Nothing was confirmed; it can be resent.").arg(message);
    case CommandState::Cancelled:
        return tr("Cancelled by the operator.");
    }
    return CommandText::stateLabel(r.state);
}

} // namespace md
