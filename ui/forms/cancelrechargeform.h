// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Cancel recharge (spec 7.5): the operator does not type a trade number - they pick the recharge from
// the meter's ledger (credited and not yet cancelled), which fills tradeNo and rechargeNum exactly
// as they were sent.

#include "commandform.h"

class QLabel;
class QTableView;

namespace md {

class RechargeLedgerModel;

class CancelRechargeForm : public CommandForm
{
    Q_OBJECT
public:
    explicit CancelRechargeForm(const MessageSpec &spec, QWidget *parent = nullptr);

    void setContext(const FormContext &context) override;
    QJsonObject params() const override;
    void setValue(const QString &field, const QString &wireText) override;
    QWidget *firstInput() const override;

    RechargeLedgerModel *ledger() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Selects the ledger row of this trade number; false when it is not cancellable / not there.
    bool selectTradeNo(const QString &tradeNo);
    QString displayAmount() const;

signals:
    void ledgerLoaded();

protected:
    QList<Error> placeErrors(const QList<Error> &errors) override;
    void setOwnReadOnly(bool readOnly) override;

private:
    void onPicked();

    RechargeLedgerModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_picked = nullptr;
    QLabel *m_error = nullptr;
    QString m_tradeNo;
    QString m_amount;
    QString m_wantedTradeNo;
};

} // namespace md
