// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The same command to a selection of meters (a tariff change for a district, closing the valves of
// a street): the command's form once, a confirmation naming the meter count, then a progress bar and
// per-meter results while BatchRunner feeds CommandService a few at a time. Cancel stops what has
// not left yet; "Save CSV" writes the outcome (UTF-8 with a byte-order mark, so Excel opens the
// Chinese names correctly) off the GUI thread.

#include "formcontext.h"

#include "client/batchrunner.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace md {

class BatchResultModel;
class CommandForm;

class BatchDialog : public QDialog
{
    Q_OBJECT
public:
    BatchDialog(const FormContext &context, const QString &commandName, const QStringList &meterNos,
                QWidget *parent = nullptr);
    ~BatchDialog() override;

    // cancelRecharge needs each meter's own trade number: no batch for it.
    static bool supportsBatch(const QString &commandName);

    CommandForm *form() const { return m_form; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *saveButton() const { return m_save; }
    QProgressBar *progressBar() const { return m_progress; }
    BatchResultModel *resultModel() const { return m_model; }
    BatchRunner *runner() const { return m_runner; }
    QDialog *pendingConfirmation() const { return m_confirmation; }
    QLabel *summaryLabel() const { return m_summary; }

    // UTF-8 with BOM: the bytes "Save CSV" writes.
    QByteArray csvBytes() const;
    // Starts without asking (after the confirmation, and for tests that drive it directly).
    bool startNow();
    // Writes csvBytes() to `path` off the GUI thread; emits csvSaved.
    void saveCsv(const QString &path);

signals:
    void batchFinished(const md::BatchSummary &summary);
    void csvSaved(const QString &path, bool ok);

private:
    void askConfirmation();
    void onFinished(const BatchSummary &summary);

    FormContext m_ctx;
    QString m_name;
    QStringList m_meters;
    CommandForm *m_form = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableView *m_table = nullptr;
    BatchResultModel *m_model = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_save = nullptr;
    QPointer<BatchRunner> m_runner;
    QPointer<QDialog> m_confirmation;
};

} // namespace md
