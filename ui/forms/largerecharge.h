// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The question before an unusually large recharge (RechargeSettings: above confirmAboveYuan for a
// recharge by amount, above confirmAboveM3 by volume). The spec sets no upper limit, so a large
// recharge is never refused: the operator is asked whether the figure is right, "Back" is the
// default (Enter does not send), and only "Yes" goes on to the usual recharge confirmation.

#include "core/settings.h"

class QMessageBox;
class QWidget;

namespace md {

class RechargeForm;

} // namespace md

namespace md::LargeRecharge {

// The question for the form's current figure, or null when it is not above the threshold.
QMessageBox *question(const RechargeForm &form, const RechargeSettings &limits, QWidget *parent);

} // namespace md::LargeRecharge
