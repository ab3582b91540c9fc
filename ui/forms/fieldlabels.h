// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Display names of the command fields and of their enumerations. The catalogue (catalog.json) knows
// each field's wire name, type and codes but has no operator-facing label for most command fields:
// this table supplies them once, for every form, as tr() sources of the context "md::FieldLabels"
// (the zh_CN catalogue carries the spec's own Chinese terms: 表具编号, 充值金额, 阶梯价 ...).

#include "protocol/catalog.h"

#include <QList>
#include <QPair>
#include <QString>

namespace md::FieldLabels {

// "Meter number" / "表具编号"; falls back to the wire name when the field is not in the table.
QString label(const QString &fieldName);
// (code, translated name) pairs of an enumeration field. Uses md::Dictionary (and its order) for the
// lists it knows (valveOperate, rechargeType, meterOperation), else the English part of the
// catalogue's "english 中文" text through tr().
QList<QPair<QString, QString>> enumOptions(const FieldSpec &field);
QString enumName(const FieldSpec &field, const QString &code);

} // namespace md::FieldLabels
