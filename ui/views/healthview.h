// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Health page: the meters that need a visit, from the stored insights (app/health). Counts per
// kind (each a filter button), a list filtered by kind and meter, each row opening the meter window
// with its evidence marked on the timeline, dismissal with a reason (journaled), a recompute on
// demand and once a day after the night (on the read pool, never the GUI thread).

#include "consoleview.h"

#include "ui/models/latestquery.h"

#include "core/health.h"

#include <QDate>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace md {

class HealthModel;

class HealthView : public ConsoleView
{
    Q_OBJECT
public:
    explicit HealthView(ConsoleContext *context, QWidget *parent = nullptr);
    QString title() const override { return tr("Health"); }
    QAbstractItemModel *exportModel() const override;
    QString exportBaseName() const override { return QStringLiteral("health"); }
    void activate() override; // refreshes; the first visit of a session also checks

    void refresh();
    void recompute();
    // Dismisses the selected flags with `reason` (asks for one when empty).
    void dismissSelected(const QString &reason = {});
    void setKindFilter(std::optional<HealthKind> kind);
    // The INI whose [health] group holds the thresholds (default: the per-user one).
    void setConfigPath(const QString &path) { m_configPath = path; }

    HealthModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    const QMap<HealthKind, qint64> &counts() const { return m_counts; }
    bool isRecomputing() const { return m_recomputing; }

signals:
    void refreshed();
    void recomputed();
    // Open the meter's window with [from, to] marked on its reading timeline.
    void evidenceRequested(const QString &meterNo, qint64 from, qint64 to, const QString &label);

protected:
    void retranslateUi() override;

private:
    void openCurrent();
    void updateButtons();
    void maybeDailyPass();

    HealthModel *m_model;
    QMap<HealthKind, QToolButton *> m_kindButtons;
    QMap<HealthKind, qint64> m_counts;
    QComboBox *m_kind;
    QLineEdit *m_meter;
    QCheckBox *m_all;
    QPushButton *m_recompute;
    QPushButton *m_open;
    QPushButton *m_dismiss;
    QLabel *m_lastRun;
    QTableView *m_table;
    QTimer m_daily;
    QDate m_lastDailyPass;
    QString m_configPath;
    qint64 m_lastRunAt = 0;
    bool m_recomputing = false;
    struct FlagsAndCounts; // the list and the counts above it, read together
    LatestQuery<Result<FlagsAndCounts>> m_query{m_context, this};
};

} // namespace md
