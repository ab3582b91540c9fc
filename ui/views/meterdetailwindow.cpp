// SPDX-License-Identifier: GPL-3.0-or-later
#include "meterdetailwindow.h"

#include "journalview.h"
#include "rechargeledgerpage.h"

#include "ui/models/alarmmodel.h"
#include "ui/models/commandmodel.h"
#include "ui/models/consolecontext.h"
#include "ui/models/display.h"
#include "ui/models/texttablemodel.h"
#include "ui/timeline/alarmtimeline.h"
#include "ui/timeline/readingtimeline.h"
#include "storage/changefeed.h"

#include "core/dictionary.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace md {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *t = new QTableView(parent);
    t->setModel(model);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->setWordWrap(false);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

// The form names the action buttons ask for (the command launcher's dialogs answer them).
const char *const actionNames[] = {"recharge", "valveOperate", "dataSupplement", "cancelRecharge",
                                   "changeprice", "updatePriceAndBalance", "getParameter", "setParameter"};

} // namespace

MeterDetailWindow::MeterDetailWindow(ConsoleContext *context, const QString &meterNo, QWidget *parent)
    : QWidget(parent, Qt::Window), m_context(context), m_meterNo(meterNo)
{
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1100, 760);

    m_title = new QLabel(this);
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    m_title->setFont(tf);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel(this);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *grid = new QGridLayout;
    auto addField = [&](int row, int col, QLabel *&value) {
        auto *caption = new QLabel(this);
        caption->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); }"));
        value = new QLabel(this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont f = value->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.15);
        value->setFont(f);
        m_captions.append(caption);
        grid->addWidget(caption, row, col * 2);
        grid->addWidget(value, row, col * 2 + 1);
    };
    addField(0, 0, m_valve);
    addField(0, 1, m_balance);
    addField(0, 2, m_lastUpload);
    addField(1, 0, m_reading);
    addField(1, 1, m_battery);
    addField(1, 2, m_signal);
    addField(2, 0, m_alarms);
    grid->addWidget(m_alarms, 2, 1, 1, 5);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);
    m_alarms->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    // A gas leak (alarm 1002) puts "Close the valve" in front of every other action.
    m_closeValveFirst = new QPushButton(this);
    m_closeValveFirst->setObjectName(QStringLiteral("closeValveFirstButton"));
    m_closeValveFirst->setStyleSheet(QStringLiteral("QPushButton { color: white; background: #c62828; font-weight: bold; padding: 3px 10px; }"));
    m_closeValveFirst->setVisible(false);
    connect(m_closeValveFirst, &QPushButton::clicked, this,
            [this] { emit m_context->actionRequested(QStringLiteral("closeValve"), m_meterNo); });
    buttons->addWidget(m_closeValveFirst);
    for (const char *name : actionNames) {
        auto *b = new QPushButton(this);
        const QString command = QString::fromLatin1(name);
        connect(b, &QPushButton::clicked, this, [this, command] { emit m_context->actionRequested(command, m_meterNo); });
        m_actions.append({command, b});
        buttons->addWidget(b);
    }
    buttons->addStretch(1);

    m_tabs = new QTabWidget(this);
    m_readingTimeline = new timeline::ReadingTimeline(this);
    m_readingTimeline->setPlatformTime(context->time());
    m_tabs->addTab(m_readingTimeline, QString());

    auto *alarmPage = new QWidget(this);
    m_alarmTimeline = new timeline::AlarmTimeline(alarmPage);
    m_alarmTimeline->setPlatformTime(context->time());
    m_alarmModel = new AlarmModel(&context->time(), this);
    m_alarmTable = makeTable(m_alarmModel, alarmPage);
    m_ack = new QPushButton(alarmPage);
    auto *al = new QVBoxLayout(alarmPage);
    al->addWidget(m_alarmTimeline);
    auto *ackRow = new QHBoxLayout;
    ackRow->addStretch(1);
    ackRow->addWidget(m_ack);
    al->addLayout(ackRow);
    al->addWidget(m_alarmTable, 1);
    m_tabs->addTab(alarmPage, QString());
    connect(m_readingTimeline, &timeline::ReadingTimeline::viewportChanged, m_alarmTimeline,
            &timeline::AlarmTimeline::setVisibleRange);
    connect(m_ack, &QPushButton::clicked, this, [this] {
        for (const QModelIndex &i : m_alarmTable->selectionModel()->selectedRows()) {
            const auto *a = m_alarmModel->rowAt(i.row());
            if (a && a->acknowledgedAt == 0)
                m_context->acknowledgeAlarm(a->id).then(this, [this](Result<bool>) { reload(); });
        }
    });

    m_commandModel = new CommandModel(&context->time(), this);
    m_tabs->addTab(makeTable(m_commandModel, this), QString());
    m_ledger = new RechargeLedgerPage(context, this);
    m_tabs->addTab(m_ledger, QString());
    m_parameterModel = new TextTableModel([] {
        return QStringList{tr("Time"), tr("Source"), tr("Parameter"), tr("Value"), tr("Command No.")};
    }, this);
    m_tabs->addTab(makeTable(m_parameterModel, this), QString());
    m_journal = new JournalView(context, this);
    m_journal->setFixedMeter(meterNo);
    m_tabs->addTab(m_journal, QString());
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        if (m_tabs->widget(i) == m_journal)
            m_journal->activate();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addLayout(grid);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs, 1);

    // The feed has debounced already. Commands name no meter (a new one of this meter has a
    // commandSeq not shown yet): any command change reloads.
    ChangeFeed *feed = context->changeFeed();
    connect(feed, &ChangeFeed::readingsAdded, this, &MeterDetailWindow::onMetersTouched);
    connect(feed, &ChangeFeed::alarmsChanged, this,
            [this](const QStringList &meters, const QList<qint64> &) { onMetersTouched(meters); });
    connect(feed, &ChangeFeed::commandsChanged, this, &MeterDetailWindow::reload);
    connect(feed, &ChangeFeed::metersChanged, this, &MeterDetailWindow::reload);
    connect(context, &ConsoleContext::alarmAcknowledged, this, &MeterDetailWindow::reload);

    retranslateUi();
    reload();
}

void MeterDetailWindow::onMetersTouched(const QStringList &meterNos)
{
    if (ChangeFeed::touches(meterNos, m_meterNo))
        reload();
}

void MeterDetailWindow::showEvidence(qint64 from, qint64 to, const QString &label)
{
    m_readingTimeline->setHighlight(from, to, label);
    m_tabs->setCurrentWidget(m_readingTimeline);
}

void MeterDetailWindow::reload()
{
    const QString meterNo = m_meterNo;
    const qint64 now = m_context->now();
    m_query.run([meterNo, now](const Store &s) { return loadMeterDetail(s, meterNo, now); },
        [this](MeterDetailData data) {
            m_data = std::move(data);
            m_loaded = true;
            showData();
            emit loaded();
        });
}

QString MeterDetailWindow::valveText() const { return m_valve->text(); }
QString MeterDetailWindow::lastUploadText() const { return m_lastUpload->text(); }
QString MeterDetailWindow::readingText() const { return m_reading->text(); }
QString MeterDetailWindow::balanceText() const { return m_balance->text(); }
QString MeterDetailWindow::alarmText() const { return m_alarms->text(); }

QPushButton *MeterDetailWindow::actionButton(const QString &commandName) const
{
    for (const auto &[name, button] : m_actions)
        if (name == commandName)
            return button;
    return nullptr;
}

void MeterDetailWindow::showData()
{
    const auto &time = m_context->time();
    const bool readOnly = m_context->isReadOnly();
    for (const auto &[name, button] : m_actions) {
        button->setEnabled(!readOnly && m_data.summary.has_value());
        button->setToolTip(readOnly ? tr("Read-only: offline review, nothing can be sent") : QString());
    }
    m_ack->setEnabled(!readOnly);

    setWindowTitle(tr("Meter %1").arg(m_meterNo) + (readOnly ? tr(" [read-only]") : QString()));
    if (!m_data.summary) {
        m_title->setText(tr("Meter %1").arg(m_meterNo));
        m_subtitle->setText(m_data.error.isEmpty() ? tr("This meter is not registered.")
                                                   : tr("Could not load the meter: %1").arg(m_data.error));
        for (QLabel *l : {m_valve, m_balance, m_lastUpload, m_reading, m_battery, m_signal, m_alarms})
            l->clear();
        return;
    }
    const MeterSummary &s = *m_data.summary;
    m_title->setText(tr("Meter %1 · %2").arg(m_meterNo, s.row.userName));
    m_subtitle->setText(tr("User No. %1 · %2 · type %3").arg(s.row.userNo, s.row.addrDes, s.row.meterType));

    const QStringList active = m_data.activeAlarmTypes();
    m_valve->setText(display::valveDescription(s.row.valveStatus, active));
    m_valve->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(display::valveColour(s.row.valveStatus).name()));
    m_balance->setText(s.row.balance ? tr("%1 yuan").arg(display::money(s.row.balance)) : tr("unknown"));
    m_balance->setStyleSheet(s.row.balance && s.row.balance->isNegative() ? QStringLiteral("QLabel { color: #b3261e; }") : QString());
    m_lastUpload->setText(s.row.lastUploadAt ? display::dateTime(time, s.row.lastUploadAt) : tr("never"));
    m_reading->setText(s.row.lastReading ? tr("%1 m³").arg(display::volume(s.row.lastReading)) : tr("none"));
    m_battery->setText(display::battery(s.row.cellVoltage));
    m_signal->setText(s.row.signalStrength);

    QStringList alarmNames;
    bool critical = false;
    for (const QString &t : active) {
        alarmNames.append(QStringLiteral("%1 %2").arg(t, Dictionary::alarmDisplayName(t)));
        critical = critical || Dictionary::isCriticalAlarm(t);
    }
    m_alarms->setText(alarmNames.isEmpty() ? tr("none") : alarmNames.join(QStringLiteral(", ")));
    m_closeValveFirst->setVisible(active.contains(QStringLiteral("1002")) && !readOnly);
    m_alarms->setStyleSheet(critical ? QStringLiteral("QLabel { color: white; background: #c62828; padding: 2px 6px; }")
                                     : alarmNames.isEmpty() ? QString() : QStringLiteral("QLabel { color: #c26a00; }"));

    timeline::Series series;
    series.times = m_data.readings.time;
    series.values = m_data.readings.readingUnits;
    m_readingTimeline->setSeries(std::move(series));

    QList<timeline::AlarmSpan> spans;
    for (const auto &a : m_data.alarms)
        spans.append({a.alarmType, a.openedAt, a.active ? 0 : a.closedAt, a.critical, a.acknowledgedAt != 0});
    m_alarmTimeline->setSpans(spans, m_context->now());
    m_alarmModel->setRows(m_data.alarms);
    m_commandModel->setRows(m_data.commands);

    m_ledger->setEntries(m_data.ledger);

    QList<QStringList> params;
    for (const auto &p : m_data.parameters)
        for (auto it = p.values.cbegin(); it != p.values.cend(); ++it)
            params.append({display::dateTime(time, p.receivedAt), p.reported ? tr("reported by the meter") : tr("set by us"),
                           it.key(), it.value(), p.commandSeq});
    m_parameterModel->setRows(params);
}

void MeterDetailWindow::retranslateUi()
{
    const QStringList captions{tr("Valve"), tr("Balance"), tr("Last upload"), tr("Reading"), tr("Battery"),
                               tr("Signal"), tr("Active alarms")};
    for (int i = 0; i < m_captions.size(); ++i)
        m_captions[i]->setText(captions.value(i));
    const QHash<QString, QString> actionText{
        {QStringLiteral("recharge"), tr("&Recharge…")},
        {QStringLiteral("valveOperate"), tr("&Valve…")},
        {QStringLiteral("dataSupplement"), tr("Supplementary &reading…")},
        {QStringLiteral("cancelRecharge"), tr("Cancel recharge…")},
        {QStringLiteral("changeprice"), tr("Ladder &price…")},
        {QStringLiteral("updatePriceAndBalance"), tr("Price and &balance…")},
        {QStringLiteral("getParameter"), tr("Read parameters")},
        {QStringLiteral("setParameter"), tr("Set parameters…")},
    };
    for (const auto &[name, button] : m_actions)
        button->setText(actionText.value(name, name));
    m_ack->setText(tr("&Acknowledge selected"));
    m_closeValveFirst->setText(tr("Gas leak: &close the valve…"));
    m_tabs->setTabText(0, tr("Readings"));
    m_tabs->setTabText(1, tr("Alarms"));
    m_tabs->setTabText(2, tr("Commands"));
    m_tabs->setTabText(3, tr("Recharges"));
    m_tabs->setTabText(4, tr("Parameters"));
    m_tabs->setTabText(5, tr("Raw messages"));
    m_ledger->retranslate();
    m_parameterModel->retranslate();
    if (m_loaded)
        showData();
}

void MeterDetailWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void MeterDetailWindow::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace md
