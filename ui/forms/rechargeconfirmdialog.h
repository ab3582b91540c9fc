// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Are you sure?" for money: repeats the meter, the customer and the amount in figures (yuan with 2
// decimals as shown, the 4-decimal value as sent), the rechargeCount and cumulative total the meter
// will receive, and for a resend that the SAME trade number is used (the meter credits it once).
// The confirm button is the default (Enter confirms), Escape cancels.

#include <QDialog>
#include <QString>

class QPushButton;

namespace md {

struct RechargeConfirmation
{
    QString meterNo;
    QString customer;
    QString address;
    QString displayAmount; // ¥100.00 or 12.500 m³
    QString wireAmount;    // 100.0000
    bool byVolume = false;
    qint64 rechargeCount = 0; // 0: unknown (resend: the stored command's)
    QString totalAfter;       // ¥600.00; empty: unknown
    QString tradeNo;          // set for a resend
    QString operatorName;
    bool cancellation = false; // cancelRecharge: the money goes back
};

class RechargeConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    RechargeConfirmDialog(const RechargeConfirmation &what, QWidget *parent = nullptr);
    QPushButton *confirmButton() const { return m_confirm; }

private:
    QPushButton *m_confirm = nullptr;
};

} // namespace md
