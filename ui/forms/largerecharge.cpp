// SPDX-License-Identifier: GPL-3.0-or-later
#include "largerecharge.h"

#include "rechargeform.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace md::LargeRecharge {

QMessageBox *question(const RechargeForm &form, const RechargeSettings &limits, QWidget *parent)
{
    QString threshold;
    if (const auto m = form.amount(); m && limits.isLarge(*m))
        threshold = QStringLiteral("¥%1").arg(limits.confirmAboveAmount.format(2));
    else if (const auto v = form.volume(); v && limits.isLarge(*v))
        threshold = QStringLiteral("%1 m³").arg(limits.confirmAboveVolume.format(3));
    if (threshold.isEmpty())
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Warning, QCoreApplication::translate("md::LargeRecharge", "Unusually large recharge"),
                                QCoreApplication::translate("md::LargeRecharge", "Recharge %1 to meter %2?\n\nThis is more than %3, the figure above which this "
                                   "desk asks again. Check the amount with the customer before you go on.")
                                    .arg(form.displayAmount(), form.meterNo(), threshold),
                                QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("largeRechargeQuestion"));
    box->button(QMessageBox::Yes)->setText(QCoreApplication::translate("md::LargeRecharge", "The amount is right"));
    box->button(QMessageBox::Cancel)->setText(QCoreApplication::translate("md::LargeRecharge", "Back"));
    box->setDefaultButton(QMessageBox::Cancel);
    return box;
}

} // namespace md::LargeRecharge
