// SPDX-License-Identifier: GPL-3.0-or-later
#include "commanddialog.h"

#include "cancelrechargeform.h"
#include "commandform.h"
#include "commandstatuswidget.h"
#include "fieldlabels.h"
#include "ladderform.h"
#include "largerecharge.h"
#include "parameterform.h"
#include "rechargeconfirmdialog.h"
#include "rechargeform.h"
#include "rechargenextsteps.h"
#include "requestpreview.h"

#include "client/commandservice.h"
#include "client/platformclient.h"
#include "core/dictionary.h"
#include "core/whendone.h"
#include "protocol/catalog.h"
#include "ui/commandtext.h"
#include "storage/store.h"
#include "ui/models/consolecontext.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace md {

CommandForm *CommandDialog::createForm(const MessageSpec &spec, QWidget *parent)
{
    if (spec.name == u"changeprice")
        return new LadderForm(spec, parent);
    if (spec.name == u"recharge")
        return new RechargeForm(spec, parent);
    if (spec.name == u"cancelRecharge")
        return new CancelRechargeForm(spec, parent);
    if (spec.name == u"setParameter")
        return new ParameterForm(spec, parent);
    return new CommandForm(spec, parent);
}

PlatformTime CommandDialog::platformTimeOf(const FormContext &context)
{
    if (context.service && context.service->platformClient())
        return PlatformTime(context.service->platformClient()->settings().timeZone);
    return PlatformTime();
}

CommandDialog::CommandDialog(const FormContext &context, const QString &commandName, const QString &meterNo,
                             QWidget *parent)
    : QDialog(parent), m_ctx(context), m_name(commandName), m_meterNo(meterNo),
      m_key(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    setObjectName(QStringLiteral("commandDialog_") + commandName);
    setWindowTitle(meterNo.isEmpty() ? CommandText::commandTitle(commandName)
                                     : tr("%1 - meter %2").arg(CommandText::commandTitle(commandName), meterNo));
    setMinimumWidth(500); // room for the code and message beside each field, in both languages
    auto *layout = new QVBoxLayout(this);

    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("meterHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setText(meterNo.isEmpty() ? QString() : tr("Meter %1").arg(meterNo));
    m_header->setVisible(!meterNo.isEmpty());
    layout->addWidget(m_header);

    const MessageSpec *spec = Catalog::instance().command(commandName);
    Q_ASSERT(spec);
    m_form = createForm(*spec, this);
    m_form->setMeterNo(meterNo);
    m_form->setTime(platformTimeOf(m_ctx));
    if (commandName == u"meterInfo" && !meterNo.isEmpty())
        m_form->setValue(QStringLiteral("meterNo"), meterNo);
    m_form->setContext(m_ctx);
    layout->addWidget(m_form);

    m_sendError = makeErrorLabel(this, QStringLiteral("sendError"));
    layout->addWidget(m_sendError);

    m_previewToggle = new QToolButton(this);
    m_previewToggle->setObjectName(QStringLiteral("previewToggle"));
    m_previewToggle->setText(tr("&Preview request"));
    m_previewToggle->setCheckable(true);
    m_previewToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_previewToggle->setArrowType(Qt::RightArrow);
    layout->addWidget(m_previewToggle, 0, Qt::AlignLeft);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("requestPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMinimumHeight(200);
    m_preview->setVisible(false);
    m_preview->setTabChangesFocus(true);
    layout->addWidget(m_preview, 1);
    connect(m_previewToggle, &QToolButton::toggled, this, [this](bool on) {
        m_previewToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_preview->setVisible(on);
        if (on)
            refreshPreview();
        adjustSize();
    });

    m_status = new CommandStatusWidget(m_ctx.service, this);
    layout->addWidget(m_status);
    if (commandName == u"recharge" || commandName == u"cancelRecharge") {
        m_nextSteps = new RechargeNextSteps(m_ctx, meterNo, this);
        layout->addWidget(m_nextSteps);
        connect(m_status, &CommandStatusWidget::stateChanged, m_nextSteps,
                [this] { m_nextSteps->setState(m_status->record()); });
    }

    auto *buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setAutoDefault(false);
    connect(m_send, &QPushButton::clicked, this, &CommandDialog::requestSend);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_form, &CommandForm::validityChanged, this, &CommandDialog::updateSendEnabled);
    connect(m_form, &CommandForm::edited, this, [this] {
        m_sendError->setVisible(false);
        if (m_preview->isVisible())
            refreshPreview();
    });
    // The recharge numbers and the registry's meter are read in parallel and may arrive in either
    // order: whichever comes last must still reach the preview.
    connect(m_form, &CommandForm::backgroundDataArrived, this, [this] {
        if (m_preview->isVisible())
            refreshPreview();
    });
    m_form->revalidate();
    updateSendEnabled();
    loadMeter();
    if (QWidget *first = m_form->firstInput())
        first->setFocus();
}

CommandDialog::~CommandDialog() = default;

void CommandDialog::setValue(const QString &field, const QString &wireText)
{
    m_form->setValue(field, wireText);
    m_form->revalidate();
    updateSendEnabled();
}

void CommandDialog::loadMeter()
{
    if (!m_ctx.store || m_meterNo.isEmpty())
        return;
    const std::shared_ptr<Store> store = m_ctx.store;
    const QString meter = m_meterNo;
    whenDone(QtConcurrent::run(ConsoleContext::readPool(), [store, meter] { return store->meterSummary(meter); }), this,
        [this](const Result<std::optional<MeterSummary>> &r) {
            if (!r.ok()) {
                m_header->setText(tr("Meter %1 (the registry could not be read: %2)").arg(m_meterNo, r.error().message()));
            } else if (!r.value()) {
                m_header->setText(tr("Meter %1 is not in the registry.").arg(m_meterNo));
            } else {
                onMeterLoaded(*r.value());
            }
        });
}

void CommandDialog::onMeterLoaded(const MeterSummary &s)
{
    m_meterType = s.info.meterType.isEmpty() ? s.row.meterType : s.info.meterType;
    QStringList parts;
    parts << tr("Meter %1").arg(m_meterNo);
    const QString name = s.info.userName.isEmpty() ? s.row.userName : s.info.userName;
    if (!name.isEmpty())
        parts << name;
    const QString addr = s.info.addrDes.isEmpty() ? s.row.addrDes : s.info.addrDes;
    if (!addr.isEmpty())
        parts << addr;
    if (!s.row.valveStatus.isEmpty())
        parts << tr("valve: %1").arg(Dictionary::displayName(Dictionary::valveStatuses(), s.row.valveStatus));
    if (s.row.balance)
        parts << tr("balance ¥%1").arg(s.row.balance->format(2));
    if (s.row.activeAlarmCount > 0)
        parts << tr("%n active alarm(s)", "", s.row.activeAlarmCount);
    m_header->setText(parts.join(QStringLiteral(" · ")));
    m_form->setMeterSummary(s);
    if (m_nextSteps)
        m_nextSteps->setMeterSummary(s);
    if (m_name == u"meterInfo") {
        // Modify / remove start from what the registry holds.
        const auto preset = [this](const char *field, const QString &value) {
            if (!value.isEmpty() && m_form->params().value(QLatin1String(field)).toString().isEmpty())
                m_form->setValue(QLatin1String(field), value);
        };
        preset("meterType", m_meterType);
        preset("userNo", s.info.userNo.isEmpty() ? s.row.userNo : s.info.userNo);
        preset("userName", name);
        preset("addrDes", addr);
        preset("devNo", s.info.devNo);
        preset("companyNo", s.info.companyNo);
        m_form->revalidate();
    }
    if (m_preview->isVisible())
        refreshPreview();
}

SendRequest CommandDialog::sendRequest() const
{
    SendRequest request;
    request.name = m_name;
    const QJsonObject params = m_form->params();
    request.meterNo = params.value(QStringLiteral("meterNo")).toString().isEmpty()
                          ? m_meterNo
                          : params.value(QStringLiteral("meterNo")).toString();
    request.params = params;
    request.operatorName = m_ctx.operatorName;
    request.idempotencyKey = m_key;
    return request;
}

void CommandDialog::refreshPreview()
{
    if (!m_ctx.service || !m_ctx.service->platformClient()) {
        m_preview->setPlainText(tr("No platform connection is configured."));
        return;
    }
    // The service drafts the request with the same code, reads and clock that send() uses; once the
    // command is stored, the draft is of the stored row (its commandSeq and tradeNo included).
    const int generation = ++m_previewGeneration;
    auto show = [this, generation](const Result<RequestDraft> &draft) {
        if (generation != m_previewGeneration)
            return; // a newer draft is on its way
        m_preview->setPlainText(draft ? RequestPreview::render(m_form->spec(), *draft,
                                                               m_ctx.service->platformClient()->settings())
                                      : RequestPreview::unavailable(draft.error()));
    };
    if (m_status->hasCommand())
        show(m_ctx.service->draft(m_status->record()));
    else
        m_ctx.service->draft(sendRequest()).then(this, show);
}

void CommandDialog::updateSendEnabled()
{
    m_send->setEnabled(m_form->isValid() && !m_sending && !m_sent && !m_confirming && m_ctx.service);
}

void CommandDialog::requestSend()
{
    // First thing: a second click (double click, key repeat) finds the button disabled.
    if (m_sending || m_sent || m_confirming)
        return;
    m_send->setEnabled(false);
    if (!m_form->revalidate()) {
        updateSendEnabled();
        return;
    }
    if (m_form->needsConfirmation())
        askConfirmation();
    else
        doSend();
}

RechargeSettings CommandDialog::rechargeSettings() const
{
    return m_ctx.console ? m_ctx.console->settings().recharge : m_ctx.recharge;
}

void CommandDialog::askConfirmation()
{
    m_confirming = true;
    // An unusually large recharge is asked about first; "Back" ends it with nothing sent.
    auto *rf = qobject_cast<RechargeForm *>(m_form);
    if (QMessageBox *large = rf ? LargeRecharge::question(*rf, rechargeSettings(), this) : nullptr) {
        large->setAttribute(Qt::WA_DeleteOnClose);
        m_confirmation = large;
        connect(large, &QDialog::finished, this, [this](int result) {
            m_confirmation = nullptr;
            if (result == QMessageBox::Yes) {
                openConfirmation();
            } else {
                m_confirming = false;
                updateSendEnabled();
            }
        });
        large->open();
        return;
    }
    openConfirmation();
}

void CommandDialog::openConfirmation()
{
    QDialog *dlg = nullptr;
    if (m_name == u"recharge" || m_name == u"cancelRecharge") {
        RechargeConfirmation w;
        w.meterNo = m_meterNo;
        w.operatorName = m_ctx.operatorName;
        if (auto *rf = qobject_cast<RechargeForm *>(m_form)) {
            w.customer = rf->customerName();
            w.address = rf->address();
            w.displayAmount = rf->displayAmount();
            w.wireAmount = rf->wireAmount();
            w.byVolume = rf->byVolume();
            if (const auto &n = rf->numbers()) {
                w.rechargeCount = n->rechargeCount;
                if (const auto m = rf->amount())
                    w.totalAfter = QStringLiteral("¥%1").arg((n->creditedTotal + *m).format(2));
                else if (const auto q = rf->volume())
                    w.totalAfter = QStringLiteral("%1 m³").arg((n->creditedVolume + *q).format(3));
            }
        } else if (auto *cf = qobject_cast<CancelRechargeForm *>(m_form)) {
            w.cancellation = true;
            w.displayAmount = cf->displayAmount();
            w.wireAmount = cf->params().value(QStringLiteral("rechargeNum")).toString();
            w.tradeNo = cf->params().value(QStringLiteral("tradeNo")).toString();
        }
        dlg = new RechargeConfirmDialog(w, this);
    } else {
        auto *box = new QMessageBox(QMessageBox::Question, CommandText::commandTitle(m_name), QString(),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
        QStringList lines;
        lines << tr("Send \"%1\" to meter %2?").arg(CommandText::commandTitle(m_name), m_meterNo);
        const QJsonObject p = m_form->params();
        for (auto it = p.begin(); it != p.end(); ++it) {
            const FieldSpec *f = m_form->spec().field(it.key());
            const QString value = f && f->isEnum() ? FieldLabels::enumName(*f, it.value().toString())
                                                   : it.value().toString();
            lines << QStringLiteral("%1: %2").arg(FieldLabels::label(it.key()), value);
        }
        box->setText(lines.join(u'\n'));
        box->button(QMessageBox::Yes)->setText(tr("Send"));
        // Removing a meter is the one action where Enter should not be enough.
        const bool removal = p.value(QStringLiteral("meterOperation")).toString() == u"remove";
        box->setDefaultButton(removal ? QMessageBox::Cancel : QMessageBox::Yes);
        dlg = box;
    }
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = dlg;
    connect(dlg, &QDialog::finished, this, [this](int result) {
        m_confirming = false;
        m_confirmation = nullptr;
        const bool yes = result == QDialog::Accepted || result == QMessageBox::Yes;
        if (yes)
            doSend();
        else
            updateSendEnabled();
    });
    dlg->open();
}

void CommandDialog::doSend()
{
    if (m_sending || m_sent || !m_ctx.service)
        return;
    m_sending = true;
    updateSendEnabled();
    m_form->setReadOnly(true);
    m_ctx.service->send(sendRequest()).then(this, [this](const Result<CommandRecord> &r) {
        m_sending = false;
        if (!r.ok()) {
            // Nothing was stored: the operator may correct and send again (a fresh key, since the
            // old one belongs to a request that never became a command).
            m_form->setReadOnly(false);
            m_key = QUuid::createUuid().toString(QUuid::WithoutBraces);
            showFieldError(m_sendError, {r.error()});
            if (!r.error().detail.isEmpty())
                m_sendError->setText(m_sendError->text() + QStringLiteral("\n") + r.error().detail);
            updateSendEnabled();
            return;
        }
        m_sent = true;
        m_send->setText(tr("Sent"));
        updateSendEnabled();
        m_close->setDefault(true);
        m_close->setFocus();
        m_status->follow(r.value());
        if (m_nextSteps) {
            m_nextSteps->follow(r.value());
            m_nextSteps->setState(m_status->record());
        }
        if (m_preview->isVisible())
            refreshPreview();
        emit commandQueued(r.value());
    });
}

} // namespace md
