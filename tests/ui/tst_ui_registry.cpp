// SPDX-License-Identifier: GPL-3.0-or-later
// The registry page finds any meter among many: by meter number (prefix), user number, name and
// address (anywhere), through the debounced search field, and pages lazily.
#include "storage/store.h"
#include "ui/models/consolecontext.h"
#include "ui/models/registrymodel.h"
#include "ui/views/metersview.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

class TestUiRegistry : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void search_data();
    void search();
    void searchFieldDebouncesAndOpens();
    void pagesLazily();
    void filterToggles();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    static constexpr int meterCount = 20000;
};

static QString meterNo(int i)
{
    return QStringLiteral("4401%1").arg(i, 7, 10, QLatin1Char('0'));
}

void TestUiRegistry::initTestCase()
{
    QVERIFY(m_dir.isValid());
    StoreOptions o;
    o.database = m_dir.filePath(QStringLiteral("registry.sqlite"));
    auto s = Store::open(o);
    QVERIFY2(s.ok(), qPrintable(s.error().detail));
    m_store = *s;
    QList<MeterInfo> meters;
    for (int i = 0; i < meterCount; ++i) {
        MeterInfo m;
        m.meterNo = meterNo(i);
        m.meterType = QStringLiteral("QC-G2.5");
        m.userNo = QStringLiteral("U%1").arg(i, 7, 10, QLatin1Char('0'));
        m.userName = i == 12345 ? QStringLiteral("欧阳娜娜") : QStringLiteral("用户%1").arg(i);
        m.addrDes = i == 17777 ? QStringLiteral("广州市天河区珠江新城花城大道88号") : QStringLiteral("广州市越秀区%1号").arg(i);
        meters.append(m);
    }
    auto up = m_store->upsertMeters(meters).result();
    QVERIFY2(up.ok(), qPrintable(up.error().detail));
    QCOMPARE(up->size(), meterCount);
}

void TestUiRegistry::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("anywhere");
    QTest::addColumn<QString>("expected");
    QTest::newRow("meter number") << meterNo(19876) << false << meterNo(19876);
    QTest::newRow("user number") << QStringLiteral("U0004321") << false << meterNo(4321);
    QTest::newRow("name") << QStringLiteral("欧阳娜娜") << false << meterNo(12345);
    QTest::newRow("address inside") << QStringLiteral("珠江新城") << true << meterNo(17777);
    // Two characters (a street, a given name) are found inside the text too, not only at the start.
    QTest::newRow("two characters inside") << QStringLiteral("花城") << true << meterNo(17777);
    QTest::newRow("two characters of a name") << QStringLiteral("娜娜") << true << meterNo(12345);
}

void TestUiRegistry::search()
{
    QFETCH(QString, text);
    QFETCH(bool, anywhere);
    QFETCH(QString, expected);
    ConsoleContext context(m_store, Settings{});
    RegistryModel model(&context);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RegistryFilter f;
    f.text = text;
    f.contains = anywhere;
    QElapsedTimer timer;
    timer.start();
    model.setFilter(f);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, RegistryModel::MeterNo).data().toString(), expected);
    QCOMPARE(model.index(0, 0).data(RegistryModel::MeterNoRole).toString(), expected);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

void TestUiRegistry::searchFieldDebouncesAndOpens()
{
    ConsoleContext context(m_store, Settings{});
    MetersView view(&context);
    view.resize(1200, 600);
    view.show();
    view.activate();
    QTRY_VERIFY(view.model()->rowCount() > 0);
    QSignalSpy opened(&context, &ConsoleContext::openMeterRequested);
    QSignalSpy pages(view.model(), &RegistryModel::pageLoaded);
    view.focusSearch();
    QTest::keyClicks(view.searchField(), meterNo(777));
    // Debounced: typing 11 characters issues one query, not eleven.
    QTRY_VERIFY(pages.count() >= 1);
    QTRY_COMPARE(view.model()->rowCount(), 1);
    QTest::qWait(200);
    QCOMPARE(pages.count(), 1);
    QTest::keyClick(view.searchField(), Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().first().toString(), meterNo(777));
}

void TestUiRegistry::pagesLazily()
{
    ConsoleContext context(m_store, Settings{});
    RegistryModel model(&context);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(200);
    model.setFilter({});
    QTRY_COMPARE(model.rowCount(), 200);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 400);
    // Keyset paging: in meter number order without gaps or repeats.
    for (int i = 0; i < 400; ++i)
        QCOMPARE(model.rowAt(i)->meterNo, meterNo(i));
    QSignalSpy count(&model, &RegistryModel::countChanged);
    model.refresh();
    QTRY_VERIFY(count.count() >= 1);
    QVERIFY(model.matchCount().capped || model.matchCount().count == meterCount);
}

void TestUiRegistry::filterToggles()
{
    ConsoleContext context(m_store, Settings{});
    RegistryModel model(&context);
    RegistryFilter f;
    f.activeAlarmOnly = true; // no meter has uploaded anything
    model.setFilter(f);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);
    f = {};
    f.silentDays = 3; // every meter is silent: never uploaded
    model.setFilter(f);
    QTRY_COMPARE(model.rowCount(), 200);
}

QTEST_MAIN(TestUiRegistry)
#include "tst_ui_registry.moc"
