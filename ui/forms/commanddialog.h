// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One command to one meter: header (meter, customer, valve, balance), the command's form, the
// "Preview request" toggle, Send (default button), and the live state under it. Send disables itself
// on the first click, asks for confirmation when money moves or gas stops, then hands the request to
// CommandService::send with an idempotency key made when the dialog opened: a double click, a
// second Enter or a repeated confirmation can never create a second command. The dialog may be
// closed at any time; the command goes on and the Commands view keeps following it.

#include "formcontext.h"

#include "client/commandservice.h"
#include "core/result.h"
#include "storage/commandrecord.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace md {

class CommandForm;
class PlatformTime;
class CommandStatusWidget;
class RechargeNextSteps;
struct MessageSpec;
struct MeterSummary;

class CommandDialog : public QDialog
{
    Q_OBJECT
public:
    CommandDialog(const FormContext &context, const QString &commandName, const QString &meterNo,
                  QWidget *parent = nullptr);
    ~CommandDialog() override;

    // The form for a command: the ladder table, recharge, cancel recharge, or the generic one.
    static CommandForm *createForm(const MessageSpec &spec, QWidget *parent);
    // The configured platform zone (the default one without a platform client).
    static PlatformTime platformTimeOf(const FormContext &context);

    CommandForm *form() const { return m_form; }
    QPushButton *sendButton() const { return m_send; }
    QToolButton *previewToggle() const { return m_previewToggle; }
    QPlainTextEdit *preview() const { return m_preview; }
    CommandStatusWidget *status() const { return m_status; }
    // Receipt and "open the valve now" under a recharge or cancellation (null for other commands).
    RechargeNextSteps *nextSteps() const { return m_nextSteps; }
    QString idempotencyKey() const { return m_key; }
    // The confirmation waiting for an answer (null when none): tests and screenshots drive it.
    QDialog *pendingConfirmation() const { return m_confirmation; }
    QLabel *sendErrorLabel() const { return m_sendError; }
    bool isSending() const { return m_sending; }
    bool hasSent() const { return m_sent; }

    void setValue(const QString &field, const QString &wireText);
    void refreshPreview();

signals:
    void commandQueued(const md::CommandRecord &record);

private:
    void loadMeter();
    void onMeterLoaded(const MeterSummary &summary);
    void requestSend();
    void askConfirmation();
    void openConfirmation();
    RechargeSettings rechargeSettings() const;
    void doSend();
    void updateSendEnabled();
    // The request send() gets: the form's values for this dialog's meter, its idempotency key.
    SendRequest sendRequest() const;

    FormContext m_ctx;
    QString m_name;
    QString m_meterNo;
    QString m_meterType;
    QString m_key;
    CommandForm *m_form = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_sendError = nullptr;
    QToolButton *m_previewToggle = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    CommandStatusWidget *m_status = nullptr;
    RechargeNextSteps *m_nextSteps = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_close = nullptr;
    QPointer<QDialog> m_confirmation;
    bool m_sending = false;
    bool m_sent = false;
    bool m_confirming = false;
    int m_previewGeneration = 0; // only the newest draft is shown; older answers are dropped
};

} // namespace md
