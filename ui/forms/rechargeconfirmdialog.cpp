// SPDX-License-Identifier: GPL-3.0-or-later
#include "rechargeconfirmdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace md {

RechargeConfirmDialog::RechargeConfirmDialog(const RechargeConfirmation &w, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("rechargeConfirmDialog"));
    setWindowTitle(w.cancellation ? tr("Confirm the cancellation") : tr("Confirm the recharge"));
    auto *layout = new QVBoxLayout(this);

    auto *headline = new QLabel(this);
    headline->setObjectName(QStringLiteral("confirmAmount"));
    headline->setTextFormat(Qt::PlainText);
    headline->setText(w.cancellation ? tr("Cancel the recharge of %1").arg(w.displayAmount)
                                     : tr("Recharge %1").arg(w.displayAmount));
    headline->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: bold;"));
    layout->addWidget(headline);

    auto *form = new QFormLayout;
    auto add = [&](const QString &label, const QString &value, const char *name) {
        if (value.isEmpty())
            return;
        auto *v = new QLabel(value, this);
        v->setObjectName(QLatin1String(name));
        v->setTextFormat(Qt::PlainText);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label, v);
    };
    add(tr("Meter number"), w.meterNo, "confirmMeter");
    add(tr("Customer"), w.customer, "confirmCustomer");
    add(tr("Address"), w.address, "confirmAddress");
    add(w.byVolume ? tr("Volume") : tr("Amount"), w.displayAmount, "confirmDisplay");
    add(tr("Sent as"), w.wireAmount, "confirmWire");
    if (w.rechargeCount > 0)
        add(tr("Recharge count"), QString::number(w.rechargeCount), "confirmCount");
    add(tr("Cumulative total after it"), w.totalAfter, "confirmTotal");
    add(tr("Trade number"), w.tradeNo, "confirmTradeNo");
    add(tr("Operator"), w.operatorName, "confirmOperator");
    layout->addLayout(form);

    if (!w.tradeNo.isEmpty() && !w.cancellation) {
        auto *resend = new QLabel(tr("This is a resend: it keeps trade number %1. The meter credits one trade "
                                     "number only once, so the customer cannot be credited twice.")
                                      .arg(w.tradeNo),
                                  this);
        resend->setObjectName(QStringLiteral("confirmResendNote"));
        resend->setWordWrap(true);
        layout->addWidget(resend);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(w.cancellation ? tr("Cancel the recharge") : tr("Recharge %1").arg(w.displayAmount),
                                   QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setDefault(true);
    m_confirm->setAutoDefault(true);
    QPushButton *back = buttons->addButton(tr("Back"), QDialogButtonBox::RejectRole);
    back->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_confirm->setFocus();
}

} // namespace md
