// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Recharge (spec 7.4): by amount (yuan, typed with 2 decimals, sent with 4) or by volume (m³, 3
// decimals). Beside the generic editors it shows the customer and what the command service will
// send with it - the next rechargeCount and the new cumulative total, computed from the ledger
// (Store::nextRechargeNumbers, read off the GUI thread) - and warns when an earlier recharge of the
// meter is still waiting for its result.

#include "commandform.h"

#include "core/fixeddecimal.h"
#include "storage/commandrecord.h"

#include <optional>

class QLabel;

namespace md {

class RechargeForm : public CommandForm
{
    Q_OBJECT
public:
    explicit RechargeForm(const MessageSpec &spec, QWidget *parent = nullptr);

    void setContext(const FormContext &context) override;
    void setMeterSummary(const MeterSummary &summary) override;
    QWidget *firstInput() const override;

    bool byVolume() const;
    // The typed amount (yuan) or volume (m³) as fixed-point units; nullopt while not a number.
    std::optional<Money> amount() const;
    std::optional<Volume> volume() const;
    // Ledger numbers once loaded (rechargeCount and totalRechargeAmt the service will send).
    const std::optional<RechargeNumbers> &numbers() const { return m_numbers; }
    QString customerName() const { return m_customer; }
    QString address() const { return m_address; }
    // "¥100.00" / "12.500 m³": the figure the confirmation repeats.
    QString displayAmount() const;
    QString wireAmount() const; // "100.0000" / "12.500"

private:
    void updateSummary();
    void onTypeChanged();

    QLabel *m_info = nullptr;
    QLabel *m_after = nullptr;
    std::optional<RechargeNumbers> m_numbers;
    QString m_customer;
    QString m_address;
    QString m_balance;
};

} // namespace md
