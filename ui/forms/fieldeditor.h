// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One editor per catalogue field, chosen by FieldType (never per message): a strict QLineEdit for
// money / volume / integers (digits only, the field's number of decimals, no exponent, no separator),
// date and date-time editors in the spec's formats, a combo for enumerations with translated names.
// Optional dates carry a check box: unchecked means "not sent". text() is always the wire form
// (money with the digits the operator typed; the codec canonicalises to 4 decimals), empty when the
// field is left out.

#include "protocol/catalog.h"

#include <QObject>
#include <QString>

class QWidget;

namespace md {

class PlatformTime;

class FieldEditor : public QObject
{
    Q_OBJECT
public:
    // Money fields show yuan: `moneyDecimals` is how many decimals the operator may type (2 for
    // amounts, 4 for unit prices). The editor's widgets are children of `parent`.
    static FieldEditor *create(const FieldSpec &spec, QWidget *parent, int moneyDecimals = 2);
    ~FieldEditor() override;

    const FieldSpec &spec() const { return m_spec; }
    QWidget *widget() const { return m_widget; }    // what goes into the form's layout
    QWidget *focusProxy() const { return m_focus; } // where the keyboard goes (tab order, buddy)

    virtual QString text() const = 0; // wire text; empty: the field is not sent
    virtual void setText(const QString &wireText) = 0;
    virtual void setReadOnly(bool readOnly) = 0;
    // Number fields: how many decimals may be typed (recharge by volume switches 2 -> 3).
    virtual void setDecimals(int) {}
    // Date fields: default to the platform's today / now in this zone.
    virtual void setPlatformTime(const PlatformTime &) {}

signals:
    void changed();

protected:
    FieldEditor(const FieldSpec &spec, QObject *parent);
    FieldSpec m_spec;
    QWidget *m_widget = nullptr;
    QWidget *m_focus = nullptr;
};

// The regular expression a number field accepts while typing (also used by the ladder table).
QString decimalPattern(int decimals, bool allowNegative);

} // namespace md
