// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchdialog.h"

#include "batchresultmodel.h"
#include "commanddialog.h"
#include "commandform.h"

#include "core/commandstate.h"
#include "core/whendone.h"
#include "protocol/catalog.h"
#include "ui/commandtext.h"
#include "ui/models/consolecontext.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace md {

bool BatchDialog::supportsBatch(const QString &commandName)
{
    return commandName != u"cancelRecharge" && commandName != u"meterInfo" && Catalog::instance().command(commandName);
}

BatchDialog::BatchDialog(const FormContext &context, const QString &commandName, const QStringList &meterNos,
                         QWidget *parent)
    : QDialog(parent), m_ctx(context), m_name(commandName), m_meters(meterNos)
{
    setObjectName(QStringLiteral("batchDialog"));
    setWindowTitle(tr("%1 - %n meter(s)", "", int(meterNos.size())).arg(CommandText::commandTitle(commandName)));
    auto *layout = new QVBoxLayout(this);
    auto *who = new QLabel(this);
    who->setWordWrap(true);
    QStringList preview = meterNos.mid(0, 8);
    who->setText(tr("%n meter(s): %1", "", int(meterNos.size()))
                     .arg(preview.join(QStringLiteral(", ")) + (meterNos.size() > 8 ? QStringLiteral(" …") : QString())));
    layout->addWidget(who);

    const MessageSpec *spec = Catalog::instance().command(commandName);
    Q_ASSERT(spec);
    m_form = CommandDialog::createForm(*spec, this);
    m_form->setTime(CommandDialog::platformTimeOf(m_ctx));
    // The first meter stands in for "the meter" while validating the shared values.
    m_form->setMeterNo(meterNos.value(0));
    layout->addWidget(m_form);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("batchProgress"));
    m_progress->setRange(0, int(meterNos.size()));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m meters"));
    layout->addWidget(m_progress);

    m_model = new BatchResultModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("batchResults"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(180);
    layout->addWidget(m_table, 1);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("batchSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("&Send to all"), QDialogButtonBox::ActionRole);
    m_start->setObjectName(QStringLiteral("startBatch"));
    m_start->setDefault(true);
    m_cancel = buttons->addButton(tr("&Stop"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelBatch"));
    m_cancel->setEnabled(false);
    m_cancel->setAutoDefault(false);
    m_save = buttons->addButton(tr("Save &CSV…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveCsv"));
    m_save->setEnabled(false);
    m_save->setAutoDefault(false);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setAutoDefault(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &BatchDialog::askConfirmation);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_runner)
            m_runner->cancel();
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the batch outcome"),
                                                          m_name + QStringLiteral("-batch.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            saveCsv(path);
    });
    connect(m_form, &CommandForm::validityChanged, this, [this](bool valid) { m_start->setEnabled(valid && !m_runner); });
    m_form->revalidate();
    m_start->setEnabled(m_form->isValid() && m_ctx.service && !meterNos.isEmpty());
    if (QWidget *first = m_form->firstInput())
        first->setFocus();
}

BatchDialog::~BatchDialog() = default;

void BatchDialog::askConfirmation()
{
    if (m_runner || m_confirmation || !m_form->revalidate())
        return;
    m_start->setEnabled(false);
    auto *box = new QMessageBox(QMessageBox::Question, windowTitle(),
                                tr("Send \"%1\" to %n meter(s)? Each meter gets its own command; NB-IoT meters "
                                   "answer when they wake (about once a day).",
                                   "", int(m_meters.size()))
                                    .arg(CommandText::commandTitle(m_name)),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->button(QMessageBox::Yes)->setText(tr("Send to all"));
    box->setDefaultButton(QMessageBox::Yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this](int result) {
        m_confirmation = nullptr;
        if (result == QMessageBox::Yes)
            startNow();
        else
            m_start->setEnabled(m_form->isValid());
    });
    box->open();
}

bool BatchDialog::startNow()
{
    if (m_runner || !m_ctx.service)
        return false;
    auto *runner = new BatchRunner(m_ctx.service, this);
    if (!runner->start(m_name, m_meters, m_form->params(), m_ctx.operatorName)) {
        delete runner;
        m_summary->setText(tr("The batch could not start."));
        m_start->setEnabled(m_form->isValid());
        return false;
    }
    m_runner = runner;
    m_model->setRunner(runner);
    m_form->setReadOnly(true);
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    m_summary->setText(tr("Sending…"));
    connect(runner, &BatchRunner::progress, this, [this](int settled, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(settled);
    });
    connect(runner, &BatchRunner::finished, this, &BatchDialog::onFinished);
    return true;
}

void BatchDialog::onFinished(const BatchSummary &s)
{
    m_cancel->setEnabled(false);
    m_save->setEnabled(true);
    m_table->resizeColumnsToContents(); // command numbers are 20 digits: show them whole
    QStringList parts;
    for (CommandState st : allCommandStates())
        if (const int n = s.byState.value(st))
            parts << QStringLiteral("%1 %2").arg(CommandText::stateLabel(st)).arg(n);
    if (s.invalid)
        parts << tr("invalid %1").arg(s.invalid);
    m_summary->setText((s.cancelled ? tr("Stopped. ") : tr("Done. ")) + parts.join(QStringLiteral(", "))
                       + tr(" - in %1 s. Results that arrive later still update this table.")
                             .arg(QString::number(s.elapsedMs / 1000.0, 'f', 1)));
    emit batchFinished(s);
}

QByteArray BatchDialog::csvBytes() const
{
    if (!m_runner)
        return {};
    QByteArray csv = m_runner->toCsv();
    static const QByteArray bom("\xEF\xBB\xBF");
    if (!csv.startsWith(bom))
        csv.prepend(bom);
    return csv;
}

void BatchDialog::saveCsv(const QString &path)
{
    const QByteArray bytes = csvBytes();
    whenDone(QtConcurrent::run(ConsoleContext::readPool(), [path, bytes] {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(bytes);
        return f.commit();
    }), this, [this, path](bool ok) {
        m_summary->setText(m_summary->text() + u'\n'
                           + (ok ? tr("Saved %1").arg(path) : tr("Could not write %1").arg(path)));
        emit csvSaved(path, ok);
    });
}

} // namespace md
