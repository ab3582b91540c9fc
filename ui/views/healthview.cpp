// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthview.h"
#include "ui/widgets/recordtable.h"

#include "ui/models/consolecontext.h"
#include "ui/models/healthmodel.h"

#include "core/healthsettings.h"
#include "core/whendone.h"
#include "health/healthengine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace md {

struct HealthView::FlagsAndCounts
{
    QList<HealthFlag> flags;
    QMap<HealthKind, qint64> counts;
};

HealthView::HealthView(ConsoleContext *context, QWidget *parent) : ConsoleView(context, parent)
{
    m_model = new HealthModel(&context->time(), this);
    m_configPath = Settings::defaultConfigPath();
    auto *counts = new QHBoxLayout;
    for (HealthKind k : allHealthKinds()) {
        auto *b = new QToolButton(this);
        b->setCheckable(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setMinimumWidth(120);
        connect(b, &QToolButton::clicked, this, [this, k](bool on) { setKindFilter(on ? std::optional(k) : std::nullopt); });
        m_kindButtons.insert(k, b);
        counts->addWidget(b);
    }
    counts->addStretch(1);

    m_kind = new QComboBox(this);
    m_kind->addItem(QString());
    for (HealthKind k : allHealthKinds())
        m_kind->addItem(QString(), healthKindName(k));
    m_meter = new QLineEdit(this);
    m_meter->setClearButtonEnabled(true);
    m_all = new QCheckBox(this);
    m_recompute = new QPushButton(this);
    m_open = new QPushButton(this);
    m_dismiss = new QPushButton(this);
    m_lastRun = new QLabel(this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_kind);
    bar->addWidget(m_meter);
    bar->addWidget(m_all);
    bar->addStretch(1);
    bar->addWidget(m_lastRun);
    bar->addWidget(m_recompute);
    bar->addWidget(m_open);
    bar->addWidget(m_dismiss);

    m_table = ui::makeRecordTable(m_model, QAbstractItemView::ExtendedSelection, this);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(HealthModel::Evidence, QHeaderView::Stretch);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(counts);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const auto k = healthKindFromName(m_kind->currentData().toString());
        for (auto it = m_kindButtons.begin(); it != m_kindButtons.end(); ++it)
            it.value()->setChecked(k && it.key() == *k);
        refresh();
    });
    connect(m_all, &QCheckBox::toggled, this, &HealthView::refresh);
    connect(m_meter, &QLineEdit::returnPressed, this, &HealthView::refresh);
    connect(m_meter, &QLineEdit::textChanged, this, [this](const QString &t) {
        if (t.isEmpty())
            refresh();
    });
    connect(m_recompute, &QPushButton::clicked, this, &HealthView::recompute);
    connect(m_open, &QPushButton::clicked, this, &HealthView::openCurrent);
    connect(m_dismiss, &QPushButton::clicked, this, [this] { dismissSelected(); });
    connect(m_table, &QTableView::activated, this, &HealthView::openCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HealthView::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HealthView::updateButtons);

    // The daily pass: once per platform day, after the night the insights look at.
    m_daily.setInterval(10 * 60 * 1000);
    connect(&m_daily, &QTimer::timeout, this, &HealthView::maybeDailyPass);
    m_daily.start();
    // Not at once: a console that just opened has better things to do with its read pool.
    QTimer::singleShot(60 * 1000, this, &HealthView::maybeDailyPass);
    retranslateUi();
    updateButtons();
}

QAbstractItemModel *HealthView::exportModel() const
{
    return m_model;
}

void HealthView::activate()
{
    refresh();
    if (!m_lastRunAt && !m_recomputing && !m_context->isReadOnly())
        recompute();
}

void HealthView::setKindFilter(std::optional<HealthKind> kind)
{
    const int i = kind ? m_kind->findData(healthKindName(*kind)) : 0;
    if (m_kind->currentIndex() != i)
        m_kind->setCurrentIndex(i); // refreshes
    else
        for (auto it = m_kindButtons.begin(); it != m_kindButtons.end(); ++it)
            it.value()->setChecked(kind && it.key() == *kind);
}

void HealthView::refresh()
{
    HealthFlagFilter f;
    f.kind = healthKindFromName(m_kind->currentData().toString());
    f.meterNo = m_meter->text().trimmed();
    f.openOnly = !m_all->isChecked();
    f.limit = 5000;
    m_query.restart([f](const Store &s) -> Result<FlagsAndCounts> {
        auto flags = s.healthFlags(f);
        if (!flags)
            return flags.error();
        auto counts = s.openHealthCounts();
        if (!counts)
            return counts.error();
        return FlagsAndCounts{std::move(flags).value(), *counts};
    }, [this](const Result<FlagsAndCounts> &r) {
            if (!r.ok()) {
                emit statusMessage(tr("Health not available: %1").arg(r.error().detail));
                return;
            }
            m_counts = r->counts;
            m_model->setRows(r->flags);
            retranslateUi();
            emit refreshed();
        });
}

void HealthView::recompute()
{
    if (m_recomputing || m_context->isReadOnly())
        return;
    m_recomputing = true;
    updateButtons();
    emit statusMessage(tr("Looking for meters that need a visit..."));
    const qint64 now = m_context->now();
    auto run = QtConcurrent::run(ConsoleContext::readPool(), [store = m_context->storePtr(), ini = m_configPath,
                                                              zone = m_context->settings().platform.timeZone, now]() -> Result<HealthRunStats> {
        const Result<HealthSettings> thresholds = HealthSettings::loadFile(ini);
        const HealthEngine engine(store, thresholds ? *thresholds : HealthSettings(), PlatformTime(zone));
        return engine.recompute(now);
    });
    whenDone(run, this, [this, now](const Result<HealthRunStats> &r) {
            m_recomputing = false;
            if (!r.ok()) {
                emit statusMessage(tr("Health recompute failed: %1").arg(r.error().detail));
            } else {
                m_lastRunAt = now;
                emit statusMessage(tr("Health: %n meter(s) checked, %1 new, %2 cleared", nullptr, int(r->meters))
                                       .arg(r->saved.inserted)
                                       .arg(r->saved.cleared));
            }
            updateButtons();
            retranslateUi();
            refresh();
            emit recomputed();
        });
}

void HealthView::maybeDailyPass()
{
    if (m_context->isReadOnly())
        return;
    const qint64 now = m_context->now();
    const QDate today = m_context->time().dateOf(now);
    const qint64 dueAt = m_context->time().startOfDay(today) + qint64(HealthSettings().dailyHour) * 3600;
    if (m_lastDailyPass == today || now < dueAt)
        return;
    m_lastDailyPass = today;
    recompute();
}

void HealthView::openCurrent()
{
    const HealthFlag *f = m_model->rowAt(m_table->currentIndex().row());
    if (!f)
        return;
    emit evidenceRequested(f->finding.meterNo, f->finding.start, f->finding.end, HealthModel::kindName(f->finding.kind));
}

void HealthView::dismissSelected(const QString &givenReason)
{
    if (m_context->isReadOnly()) {
        emit statusMessage(m_context->readOnlyError().detail);
        return;
    }
    QList<qint64> ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        if (const HealthFlag *f = m_model->rowAt(i.row()); f && f->dismissedAt == 0)
            ids << f->id;
    if (ids.isEmpty())
        return;
    QString reason = givenReason.trimmed();
    if (reason.isEmpty()) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Dismiss"), tr("Why is this not a problem? (kept in the journal)"),
                                       QLineEdit::Normal, QString(), &ok)
                     .trimmed();
        if (!ok || reason.isEmpty())
            return;
    }
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    for (qint64 id : std::as_const(ids)) {
        whenDone(m_context->store()->dismissHealthFlag(id, m_context->operatorName(), reason, at), this, [this](const Result<bool> &r) {
            if (!r.ok())
                emit statusMessage(tr("Could not dismiss: %1").arg(r.error().detail));
            refresh();
        });
    }
}

void HealthView::updateButtons()
{
    bool anyOpen = false;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        if (const HealthFlag *f = m_model->rowAt(i.row()); f && f->dismissedAt == 0)
            anyOpen = true;
    m_dismiss->setEnabled(anyOpen && !m_context->isReadOnly());
    m_open->setEnabled(m_table->currentIndex().isValid());
    m_recompute->setEnabled(!m_recomputing && !m_context->isReadOnly());
}

void HealthView::retranslateUi()
{
    for (auto it = m_kindButtons.begin(); it != m_kindButtons.end(); ++it)
        it.value()->setText(QStringLiteral("%1\n%2").arg(HealthModel::kindName(it.key())).arg(m_counts.value(it.key())));
    m_kind->setItemText(0, tr("All insights"));
    for (int i = 1; i < m_kind->count(); ++i)
        if (const auto k = healthKindFromName(m_kind->itemData(i).toString()))
            m_kind->setItemText(i, HealthModel::kindName(*k));
    m_meter->setPlaceholderText(tr("Meter No. (Enter)"));
    m_all->setText(tr("Include dismissed and cleared"));
    m_recompute->setText(m_recomputing ? tr("Checking...") : tr("&Check now"));
    m_recompute->setToolTip(m_context->isReadOnly() ? tr("Read-only: offline review")
                                                    : tr("Runs every insight over the stored history (also once a day at 06:00)"));
    m_open->setText(tr("Open meter"));
    m_dismiss->setText(tr("&Dismiss..."));
    m_dismiss->setToolTip(tr("Records your name, the time and your reason in the journal"));
    m_lastRun->setText(m_lastRunAt ? tr("Checked %1").arg(m_context->time().formatDateTime(m_lastRunAt)) : QString());
}

} // namespace md
