// SPDX-License-Identifier: GPL-3.0-or-later
// Switching the language at runtime retranslates every open window (main window and a meter detail),
// with the zh_CN catalogue loaded from the resource; the catalogue has no unfinished entry.
#include "storage/store.h"
#include "ui/i18n/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/models/consolecontext.h"
#include "ui/views/meterdetailwindow.h"

#include "core/dictionary.h"

#include <QFile>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

class TestUiLanguage : public QObject
{
    Q_OBJECT
private slots:
    void catalogueIsEmbeddedAndComplete();
    void switchRetranslatesOpenWindows();
};

void TestUiLanguage::catalogueIsEmbeddedAndComplete()
{
    QVERIFY(QFile::exists(LanguageManager::catalogPath(QStringLiteral("zh_CN"))));
    QFile ts(QStringLiteral(MD_SOURCE_DIR "/translations/meterdesk_zh_CN.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray xml = ts.readAll();
    QVERIFY(xml.contains("language=\"zh_CN\""));
    QCOMPARE(xml.count("type=\"unfinished\""), 0);
    QVERIFY(xml.count("<message") > 300);
}

void TestUiLanguage::switchRetranslatesOpenWindows()
{
    QTemporaryDir dir;
    StoreOptions o;
    o.database = dir.filePath(QStringLiteral("lang.sqlite"));
    auto store = Store::open(o);
    QVERIFY2(store.ok(), qPrintable(store.error().detail));
    MeterInfo m;
    m.meterNo = QStringLiteral("31010000001");
    m.userName = QStringLiteral("张三");
    QVERIFY(store.value()->upsertMeters({m}).result().ok());

    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("en")));
    ConsoleContext context(*store, Settings{});
    MainWindow window(&context);
    window.show();
    auto *nav = window.findChild<QListWidget *>();
    QVERIFY(nav);
    QCOMPARE(nav->item(MainWindow::MetersPage)->text(), QStringLiteral("Meters"));
    QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    MeterDetailWindow *detail = window.openMeter(m.meterNo);
    QTRY_VERIFY(detail->isLoaded());
    auto *tabs = detail->findChild<QTabWidget *>();
    QCOMPARE(tabs->tabText(0), QStringLiteral("Readings"));
    QCOMPARE(Dictionary::alarmDisplayName(QStringLiteral("1002")), QStringLiteral("Gas leak"));

    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(LanguageManager::instance()->effectiveLanguage(), QStringLiteral("zh_CN"));
    QTRY_COMPARE(nav->item(MainWindow::MetersPage)->text(), QStringLiteral("表具"));
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("读数"));
    QVERIFY(window.menuBar()->actions().first()->text().startsWith(QStringLiteral("文件")));
    QCOMPARE(Dictionary::alarmDisplayName(QStringLiteral("1002")), QStringLiteral("燃气泄露"));
    QVERIFY(detail->actionButton(QStringLiteral("recharge"))->text().contains(QStringLiteral("充值")));

    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(nav->item(MainWindow::MetersPage)->text(), QStringLiteral("Meters"));
}

QTEST_MAIN(TestUiLanguage)
#include "tst_ui_language.moc"
