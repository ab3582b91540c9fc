// SPDX-License-Identifier: GPL-3.0-or-later
// The Health page on a real store: "Check now" runs the insights off the GUI thread and fills the
// counts and the list (QAbstractItemModelTester on the model), a row opens the meter window with
// the evidence marked on its timeline, dismissing asks for nothing when a reason is given and
// removes the row, and the zh_CN catalogue names the page. With MD_SCREENSHOT_DIR set it also saves
// zh_CN grabs of the page and of a meter's evidence there.
#include "../health/healthtesting.h"

#include "ui/i18n/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/models/consolecontext.h"
#include "ui/models/healthmodel.h"
#include "ui/timeline/readingtimeline.h"
#include "ui/views/healthview.h"
#include "ui/views/meterdetailwindow.h"
#include "ui/views/metersview.h"
#include "ui/models/registrymodel.h"
#include "ui/views/reconciliationview.h"
#include "ui/models/texttablemodel.h"

#include <QAbstractItemModelTester>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace md;
using namespace md::testing;

class TestUiHealth : public QObject
{
    Q_OBJECT
private slots:
    void healthPage();
};

void TestUiHealth::healthPage()
{
    QTemporaryDir dir;
    auto store = openStore(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("health.sqlite")));
    QVERIFY(store);
    MeterInfo leak = meter(QStringLiteral("510102300011"), QStringLiteral("王芳"), QStringLiteral("四川省成都市武侯区人民南路四段12号"));
    MeterInfo quiet = meter(QStringLiteral("510102300015"), QStringLiteral("李强"), QStringLiteral("四川省成都市锦江区红星路二段8号"));
    QVERIFY(wait(store->upsertMeters({leak, quiet})).ok());
    const PlatformTime time;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(wait(store->submit(hourlyUpload(time, leak.meterNo, now, 20, leakingNights(5), now - 600))).ok);
    QVERIFY(wait(store->submit(hourlyUpload(time, quiet.meterNo, now - 8 * 86400, 12, household, now - 8 * 86400))).ok);

    const bool zh = !qEnvironmentVariableIsEmpty("MD_SCREENSHOT_DIR");
    QVERIFY(LanguageManager::instance()->setLanguage(zh ? QStringLiteral("zh_CN") : QStringLiteral("en")));
    ConsoleContext context(store, Settings{});
    MainWindow window(&context);
    window.resize(1400, 760);
    window.show();
    HealthView *view = window.healthView();
    QVERIFY(view);
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.showPage(MainWindow::HealthPage);
    QSignalSpy recomputed(view, &HealthView::recomputed);
    // The daily pass may have started on its own already; either way one run finishes.
    if (!view->isRecomputing())
        view->recompute();
    QTRY_VERIFY_WITH_TIMEOUT(recomputed.count() >= 1, 30000);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QCOMPARE(view->counts().value(HealthKind::NightFlow), 1);
    QCOMPARE(view->counts().value(HealthKind::Silent), 1);

    // The registry shows a badge on both meters (reloaded after the check).
    RegistryModel *registry = window.metersView()->model();
    registry->refresh();
    QTRY_COMPARE(registry->rowCount(), 2);
    QTRY_COMPARE(registry->index(registry->rowOfMeter(leak.meterNo), RegistryModel::MeterNo).data(RegistryModel::HealthFlagsRole).toInt(), 1);
    QVERIFY(!registry->index(registry->rowOfMeter(leak.meterNo), RegistryModel::MeterNo).data(Qt::DecorationRole).isNull());
    QTRY_COMPARE(registry->index(registry->rowOfMeter(quiet.meterNo), RegistryModel::MeterNo).data(RegistryModel::HealthFlagsRole).toInt(), 1);

    // The night-flow row opens its meter with the evidence marked.
    int leakRow = -1;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        if (view->model()->rowAt(r)->finding.kind == HealthKind::NightFlow)
            leakRow = r;
    QVERIFY(leakRow >= 0);
    const QString total = view->model()->rowAt(leakRow)->finding.evidence.value("total").toString();
    QVERIFY(!total.isEmpty());
    QVERIFY(view->model()->index(leakRow, HealthModel::Evidence).data().toString().contains(total));
    view->table()->setCurrentIndex(view->model()->index(leakRow, 0));
    emit view->table()->activated(view->model()->index(leakRow, 0));
    MeterDetailWindow *detail = window.meterWindow(leak.meterNo);
    QVERIFY(detail);
    QTRY_VERIFY(detail->isLoaded());
    const auto &mark = detail->readingTimeline()->highlight();
    QVERIFY(mark.has_value());
    QCOMPARE(mark->from, view->model()->rowAt(leakRow)->finding.start);
    QVERIFY(detail->readingTimeline()->viewport().start() <= mark->from);
    QVERIFY(detail->readingTimeline()->viewport().end() >= mark->to);

    if (zh) {
        const QString out = qEnvironmentVariable("MD_SCREENSHOT_DIR");
        QCOMPARE(window.findChild<QListWidget *>()->item(MainWindow::HealthPage)->text(), QStringLiteral("健康"));
        QTest::qWait(300);
        QVERIFY(window.grab().save(out + QStringLiteral("/health-view-zh_CN.png")));
        detail->resize(1200, 700);
        QTest::qWait(300);
        QVERIFY(detail->grab().save(out + QStringLiteral("/health-evidence-zh_CN.png")));
    }

    // Dismissed with a reason: gone from the open list, still in "include dismissed".
    view->table()->selectRow(leakRow);
    view->dismissSelected(QStringLiteral("热水器夜间运行，已上门确认"));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->counts().value(HealthKind::NightFlow), 0);
    detail->close();

    // The reconciliation page: nothing in the ledger, so no meter disagrees; one row per day.
    ReconciliationView *rec = window.reconciliationView();
    QAbstractItemModelTester meterTester(rec->meterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester dayTester(rec->dayModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reconciled(rec, &ReconciliationView::reconciled);
    window.showPage(MainWindow::ReconciliationPage);
    QTRY_VERIFY(reconciled.count() >= 1);
    QCOMPARE(rec->meterModel()->rowCount(), 0);
    QCOMPARE(rec->dayModel()->rowCount(), 2);
    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("en")));
}

QTEST_MAIN(TestUiHealth)
#include "tst_ui_health.moc"
