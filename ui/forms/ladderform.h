// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Price ladder (spec 7.6 changeprice): the tier count (1-5) and a table of tiers - a unit price per
// tier (price0..price4, yuan/m³ to 4 decimals) and the upper volume limit of every tier but the last
// (level1..level4, m³ per billing cycle). The other fields (name, version, billing cycle, effective
// date, cycle start, price change count) are the generic editors. Live validation marks the cell at
// fault with the spec's code: 1101/1102 tier count, 1103 effective date, 1104 cycle start, 1105 a
// price, 1106 the tier volumes (must increase strictly).

#include "commandform.h"

#include <QList>

class QGridLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace md {

class LadderForm : public CommandForm
{
    Q_OBJECT
public:
    static constexpr int maxTiers = 5;
    explicit LadderForm(const MessageSpec &spec, QWidget *parent = nullptr);

    QJsonObject params() const override;
    void setValue(const QString &field, const QString &wireText) override;
    QWidget *firstInput() const override;

    int tiers() const;
    void setTiers(int n);
    QLineEdit *priceEdit(int tier) const { return m_prices.value(tier); }  // tier 0..4
    QLineEdit *limitEdit(int tier) const { return m_limits.value(tier); }  // tier 0..3 -> level1..level4
    // The note under the form when a ladder leaves billingCycle or cycleStartDate out (hidden otherwise).
    QLabel *cycleNote() const { return m_cycleNote; }

protected:
    QList<Error> placeErrors(const QList<Error> &errors) override;
    // No rule of its own: billingCycle and cycleStartDate are optional (CommandValidation checks a
    // given one); their absence is a note, not an error (updateCycleNote).
    QList<Error> localRules(const QJsonObject &params) const override;
    void setOwnReadOnly(bool readOnly) override;

private:
    void updateRows();
    void updateCycleNote();

    QSpinBox *m_tiers = nullptr;
    QLabel *m_tiersError = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<QLabel *> m_rowLabels;
    QList<QLineEdit *> m_prices;
    QList<QLineEdit *> m_limits;
    QList<QLabel *> m_lastTierNotes;
    QLabel *m_tableError = nullptr;
    QLabel *m_cycleNote = nullptr;
};

} // namespace md
