// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the counter does after a recharge, offered under its live state in the command dialog:
// - "Print receipt…" (Ctrl+P) and "Save receipt as PDF…", enabled once the platform accepted the
//   command; printing becomes the default button then.
// - "Open the valve now" when the meter was closed for arrears (valve closed and alarm 3001 active
//   when the dialog opened) and the meter confirmed a recharge that clears the arrears. It is only
//   ever sent when the operator chooses it (never automatically): one click sends valveOperate=0
//   and its live state shows beside it, as for any command.

#include "formcontext.h"

#include "core/fixeddecimal.h"
#include "storage/commandrecord.h"

#include <QUuid>
#include <QWidget>

#include <optional>

class QPushButton;

namespace md {

class CommandStatusWidget;
class ReceiptPrinter;
struct MeterSummary;

class RechargeNextSteps : public QWidget
{
    Q_OBJECT
public:
    RechargeNextSteps(const FormContext &context, const QString &meterNo, QWidget *parent = nullptr);

    // The meter as the dialog saw it before the recharge (valve, balance).
    void setMeterSummary(const MeterSummary &summary);
    // The recharge (or cancellation) that was queued; its state comes through setState.
    void follow(const CommandRecord &record);
    void setState(const CommandRecord &record);

    bool closedForArrears() const { return m_closedForArrears; }
    QPushButton *printButton() const { return m_print; }
    QPushButton *pdfButton() const { return m_pdf; }
    QPushButton *openValveButton() const { return m_openValve; }
    CommandStatusWidget *valveStatus() const { return m_valveStatus; }
    ReceiptPrinter *printer() const { return m_printer; }
    QString valveCommandSeq() const;

signals:
    void printOffered(); // the platform accepted: printing is the next step

private:
    void loadAlarms();
    void updateOffers();
    void openValve();

    FormContext m_ctx;
    QString m_meterNo;
    CommandRecord m_record;
    QString m_valveStatusCode;
    std::optional<Money> m_balance;
    bool m_arrearsAlarm = false;
    bool m_closedForArrears = false;
    bool m_valveSending = false;
    QString m_valveKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ReceiptPrinter *m_printer = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_openValve = nullptr;
    CommandStatusWidget *m_valveStatus = nullptr;
};

} // namespace md
