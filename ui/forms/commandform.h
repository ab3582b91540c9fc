// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The body of a command dialog: one editor per catalogue field the operator types (the fields the
// command service fills itself - commandSeq, tradeNo, rechargeCount, meterType ... - are left out),
// each with an error label beside it. It validates as the operator types with
// md::CommandValidation (the spec's codes, e.g. 1105 next to the price at fault) and says whether it
// is sendable. Special forms (ladder table, recharge, cancel recharge) derive from it, take over
// some fields and reuse the rest.

#include "core/result.h"
#include "core/timeformat.h"
#include "protocol/catalog.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace md {

class FieldEditor;
struct FormContext;
struct MeterSummary;

class CommandForm : public QWidget
{
    Q_OBJECT
public:
    // `takenOver`: fields a subclass edits itself (they get no generic editor).
    explicit CommandForm(const MessageSpec &spec, QWidget *parent = nullptr, const QStringList &takenOver = {});
    ~CommandForm() override;

    const MessageSpec &spec() const { return m_spec; }
    QString commandName() const { return m_spec.name; }

    // meterNo is the dialog's (shown in its header), except for meterInfo where it is a field.
    virtual void setMeterNo(const QString &meterNo) { m_meterNo = meterNo; }
    QString meterNo() const { return m_meterNo; }
    // The running console (store reads for ledgers and totals); the meter as the registry knows it.
    virtual void setContext(const FormContext &) {}
    virtual void setMeterSummary(const MeterSummary &) {}
    // Platform zone and clock for the date rules (1103 effective date, 1202 recharge time).
    // Also resets the date fields to the platform's today / now in that zone.
    void setTime(const PlatformTime &time);
    const PlatformTime &time() const { return m_time; }
    void setClock(qint64 nowEpoch) { m_now = nowEpoch; }

    // The operator's values, plain strings, empty fields left out. Subclasses add theirs.
    virtual QJsonObject params() const;
    // Presets a value (e.g. valveOperate = 1 from a "Close valve" action).
    virtual void setValue(const QString &field, const QString &wireText);
    FieldEditor *editor(const QString &field) const { return m_editors.value(field); }
    QStringList editedFields() const { return m_order; }

    // Runs the validation now; true when there is nothing to complain about.
    bool revalidate();
    bool isValid() const { return m_errors.isEmpty(); }
    const QList<Error> &errors() const { return m_errors; }
    // The first widget the keyboard should land on.
    virtual QWidget *firstInput() const;
    void setReadOnly(bool readOnly);
    // Whether sending needs an explicit "are you sure" (money moves, gas stops).
    virtual bool needsConfirmation() const;

    // A translated one-line text for an error: "1105 Unit price invalid - Price tier 2".
    static QString errorText(const Error &error);

signals:
    void validityChanged(bool valid);
    void edited(); // any value changed (after revalidation)
    // Something the form read in the background arrived (a recharge's ledger numbers): what it
    // shows, and the request it describes, may have changed although the operator typed nothing.
    void backgroundDataArrived();

protected:
    QFormLayout *formLayout() const { return m_layout; }
    FieldEditor *addEditor(const FieldSpec &field, int moneyDecimals);
    // Shows each error next to its field. Subclasses place the errors on fields they own and pass
    // the rest on; errors nobody placed go to the summary line.
    virtual QList<Error> placeErrors(const QList<Error> &errors);
    virtual void setOwnReadOnly(bool) {}
    // Rules of the platform the shared validation does not know (the ladder's cycle start).
    virtual QList<Error> localRules(const QJsonObject &) const { return {}; }
    // Money decimals an operator may type: 4 for unit prices, 2 for amounts in yuan.
    virtual int moneyDecimalsFor(const FieldSpec &field) const;
    void onEdited();

    MessageSpec m_spec;
    QString m_meterNo;
    PlatformTime m_time;
    qint64 m_now = 0;

private:
    QFormLayout *m_layout = nullptr;
    QLabel *m_summary = nullptr;
    QHash<QString, FieldEditor *> m_editors;
    QHash<QString, QLabel *> m_errorLabels;
    QStringList m_order;
    QList<Error> m_errors;
    bool m_lastValid = true;
};

// The error line shared by every form: code and message in the warning colour, beside the field.
void showFieldError(QLabel *label, const QList<Error> &errors);
QLabel *makeErrorLabel(QWidget *parent, const QString &objectName);

} // namespace md
