// SPDX-License-Identifier: GPL-3.0-or-later
#include "rechargenextsteps.h"

#include "commandstatuswidget.h"

#include "client/commandservice.h"
#include "core/whendone.h"
#include "storage/store.h"
#include "ui/models/consolecontext.h"
#include "ui/receipt/receiptprinter.h"

#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace md {

namespace {
const QString kArrearsAlarm = QStringLiteral("3001");
bool valveIsClosed(const QString &status)
{
    return status == u"1" || status == u"4"; // closed, ordinary close
}
} // namespace

RechargeNextSteps::RechargeNextSteps(const FormContext &context, const QString &meterNo, QWidget *parent)
    : QWidget(parent), m_ctx(context), m_meterNo(meterNo)
{
    setObjectName(QStringLiteral("rechargeNextSteps"));
    m_printer = new ReceiptPrinter(context, this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_print = new QPushButton(tr("&Print receipt…"), this);
    m_print->setObjectName(QStringLiteral("printReceiptButton"));
    m_print->setShortcut(QKeySequence::Print);
    m_print->setToolTip(tr("Print preview of the recharge receipt (Ctrl+P)"));
    m_pdf = new QPushButton(tr("Save receipt as P&DF…"), this);
    m_pdf->setObjectName(QStringLiteral("pdfReceiptButton"));
    m_openValve = new QPushButton(tr("&Open the valve now"), this);
    m_openValve->setObjectName(QStringLiteral("openValveNowButton"));
    m_openValve->setToolTip(tr("The arrears are paid: send \"open valve\" to the meter"));
    for (QPushButton *b : {m_print, m_pdf, m_openValve}) {
        b->setAutoDefault(false);
        row->addWidget(b);
    }
    row->addStretch(1);
    outer->addLayout(row);
    m_valveStatus = new CommandStatusWidget(context.service, this);
    m_valveStatus->setVisible(false);
    outer->addWidget(m_valveStatus);

    connect(m_print, &QPushButton::clicked, this, [this] { m_printer->preview(m_record.commandSeq, false); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { m_printer->askAndSavePdf(m_record.commandSeq, false); });
    connect(m_openValve, &QPushButton::clicked, this, &RechargeNextSteps::openValve);
    connect(m_printer, &ReceiptPrinter::failed, this,
            [this](const QString &m) { QMessageBox::warning(this, tr("Receipt"), m); });
    setVisible(false);
    loadAlarms();
    updateOffers();
}

void RechargeNextSteps::loadAlarms()
{
    if (!m_ctx.store || m_meterNo.isEmpty())
        return;
    AlarmFilter f;
    f.activeOnly = true;
    f.meterNo = m_meterNo;
    f.alarmType = kArrearsAlarm;
    f.limit = 1;
    const std::shared_ptr<Store> store = m_ctx.store;
    whenDone(QtConcurrent::run(ConsoleContext::readPool(), [store, f] { return store->alarms(f); }), this,
             [this](const Result<QList<AlarmRow>> &r) {
                 m_arrearsAlarm = r.ok() && !r->isEmpty();
                 updateOffers();
             });
}

void RechargeNextSteps::setMeterSummary(const MeterSummary &s)
{
    m_valveStatusCode = s.row.valveStatus;
    m_balance = s.row.balance;
    updateOffers();
}

void RechargeNextSteps::follow(const CommandRecord &record)
{
    m_record = record;
    setVisible(true);
    updateOffers();
}

void RechargeNextSteps::setState(const CommandRecord &record)
{
    if (record.commandSeq != m_record.commandSeq)
        return;
    const bool wasOffered = m_print->isEnabled();
    m_record = record;
    updateOffers();
    if (!wasOffered && m_print->isEnabled()) {
        m_print->setDefault(true);
        m_print->setFocus();
        emit printOffered();
    }
}

QString RechargeNextSteps::valveCommandSeq() const
{
    return m_valveStatus->commandSeq();
}

void RechargeNextSteps::updateOffers()
{
    const CommandState s = m_record.state;
    const bool accepted = !m_record.commandSeq.isEmpty()
                          && (s == CommandState::Sent || s == CommandState::Accepted || s == CommandState::Succeeded);
    m_print->setEnabled(accepted);
    m_pdf->setEnabled(accepted);

    m_closedForArrears = valveIsClosed(m_valveStatusCode) && m_arrearsAlarm;
    bool clears = false;
    if (m_record.name == u"recharge" && s == CommandState::Succeeded) {
        const auto amount = Money::parse(m_record.params.value(QStringLiteral("rechargeNum")).toString());
        const bool byVolume = m_record.params.value(QStringLiteral("rechargeType")).toString() == u"2";
        // Unknown balance or a volume recharge: the meter confirmed a credit, offer it all the same.
        clears = byVolume || !m_balance || !amount || (*m_balance + *amount) > Money();
    }
    const bool offer = m_closedForArrears && clears && m_ctx.service;
    m_openValve->setVisible(offer || m_valveStatus->hasCommand());
    m_openValve->setEnabled(offer && !m_valveSending && !m_valveStatus->hasCommand());
}

void RechargeNextSteps::openValve()
{
    if (m_valveSending || m_valveStatus->hasCommand() || !m_ctx.service)
        return;
    m_valveSending = true;
    updateOffers();
    SendRequest request;
    request.name = QStringLiteral("valveOperate");
    request.meterNo = m_meterNo;
    request.params = QJsonObject{{QStringLiteral("valveOperate"), QStringLiteral("0")}};
    request.operatorName = m_ctx.operatorName;
    request.idempotencyKey = m_valveKey;
    whenDone(m_ctx.service->send(request), this, [this](const Result<CommandRecord> &r) {
        m_valveSending = false;
        if (!r.ok()) {
            m_valveKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
            QMessageBox::warning(this, tr("Open the valve"), r.error().message());
        } else {
            m_valveStatus->setVisible(true);
            m_valveStatus->follow(*r);
        }
        updateOffers();
    });
}

} // namespace md
