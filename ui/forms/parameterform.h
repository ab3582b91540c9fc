// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Meter parameters (spec setParameter): the generic editors, with alarmOne, alarmTwo and overdraft
// labelled in the meter's billing unit - yuan for a meter billed in money (金额表), m³ for one
// billed in gas volume (气量表) - and typed to that unit's decimals. The unit is the one the
// command service sends them in (Store::nextRechargeNumbers: the registry, else the meter's
// recharges; money while unknown), read off the GUI thread. A batch (no one meter) shows no unit.

#include "commandform.h"

namespace md {

class ParameterForm : public CommandForm
{
    Q_OBJECT
public:
    explicit ParameterForm(const MessageSpec &spec, QWidget *parent = nullptr);

    void setContext(const FormContext &context) override;
    bool byVolume() const { return m_byVolume; }
    // The fields given in the billing unit.
    static const QStringList &unitFields();

private:
    void applyUnit(bool byVolume);

    bool m_byVolume = false;
};

} // namespace md
