// SPDX-License-Identifier: GPL-3.0-or-later
// Switching the language at runtime retranslates every open window (main window and a meter detail),
// with the zh_CN catalogue loaded from the resource; the catalogue has no unfinished entry; after a
// switch to zh_CN no visible widget of any view (Commands' tool bar included) keeps English text.
#include "oneconsole.h"

#include "ui/i18n/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/forms/commandlauncher.h"
#include "ui/forms/formcontext.h"
#include "ui/views/meterdetailwindow.h"

#include "core/dictionary.h"
#include "core/operatoridentity.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTest>

using namespace md;

class TestUiLanguage : public QObject
{
    Q_OBJECT
private slots:
    void catalogueIsEmbeddedAndComplete();
    void specTermsOnly_data();
    void specTermsOnly();
    void switchRetranslatesOpenWindows();
    void noEnglishLeftInAnyView();
};

namespace {

// English left behind: a word of three or more Latin letters that is not a name the product keeps
// in every language (its own name, file formats, protocol and radio terms).
QStringList englishWords(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    static const QStringList kept{QStringLiteral("MeterDesk"), QStringLiteral("CSV"), QStringLiteral("PDF"),
                                  QStringLiteral("IoT"), QStringLiteral("SQLite"), QStringLiteral("PostgreSQL"),
                                  QStringLiteral("English"), QStringLiteral("sqlite"), QStringLiteral("lang"),
                                  QStringLiteral("Ctrl"), QStringLiteral("HTTP")};
    // The desk's login name (shown as the operator) is data, not text to translate.
    static const QString account = md::OperatorIdentity::loginName();
    QStringList out;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured();
        if (!kept.contains(w) && w != account)
            out << w;
    }
    return out;
}

// Every text a user can see in `root`: labels, buttons, tool bar actions, combo items,
// placeholders, tabs, group titles and table headers of visible widgets.
QStringList visibleEnglish(QWidget *root)
{
    QStringList found;
    auto check = [&found](const QObject *where, const QString &text) {
        const QStringList words = englishWords(text);
        if (!words.isEmpty())
            found << QStringLiteral("%1: \"%2\"").arg(where->metaObject()->className(), text);
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible())
            continue;
        if (auto *l = qobject_cast<QLabel *>(w))
            check(w, l->text());
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            check(w, b->text());
        if (auto *e = qobject_cast<QLineEdit *>(w))
            check(w, e->placeholderText());
        if (auto *g = qobject_cast<QGroupBox *>(w))
            check(w, g->title());
        if (auto *c = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < c->count(); ++i)
                check(w, c->itemText(i));
        if (auto *t = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < t->count(); ++i)
                check(w, t->tabText(i));
        if (auto *tb = qobject_cast<QToolBar *>(w))
            for (QAction *a : tb->actions())
                if (a->isVisible())
                    check(a, a->text());
        if (auto *h = qobject_cast<QHeaderView *>(w); h && h->model() && h->orientation() == Qt::Horizontal)
            for (int i = 0; i < h->model()->columnCount(); ++i)
                if (!h->isSectionHidden(i))
                    check(w, h->model()->headerData(i, Qt::Horizontal).toString());
    }
    return found;
}

} // namespace

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

void TestUiLanguage::specTermsOnly_data()
{
    QTest::addColumn<QString>("word");  // never in a translation
    QTest::addColumn<QString>("spec"); // the spec's term instead
    QTest::newRow("alarm") << QStringLiteral("告警") << QStringLiteral("报警");
    QTest::newRow("cancel recharge") << QStringLiteral("撤销充值") << QStringLiteral("取消充值");
    QTest::newRow("commandSeq") << QStringLiteral("命令流水号") << QStringLiteral("指令序列号");
    QTest::newRow("enableMeterReading") << QStringLiteral("启用读数") << QStringLiteral("表底数");
    QTest::newRow("overdraft") << QStringLiteral("透支额度") << QStringLiteral("透支量");
    QTest::newRow("silent meters") << QStringLiteral("静默表具") << QStringLiteral("长期未上报表具");
    QTest::newRow("forced close") << QStringLiteral("强制关阀") << QStringLiteral("强行关阀");
    QTest::newRow("billing cycle") << QStringLiteral("阶梯周期") << QStringLiteral("阶梯计费周期");
}

// The zh_CN catalogue speaks the spec's own terms (issue texts list the ones it replaced).
void TestUiLanguage::specTermsOnly()
{
    QFETCH(QString, word);
    QFETCH(QString, spec);
    QFile ts(QStringLiteral(MD_SOURCE_DIR "/translations/meterdesk_zh_CN.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(ts.readAll());
    static const QRegularExpression translation(QStringLiteral("<translation[^>]*>([^<]*)</translation>"));
    int specUses = 0;
    for (auto it = translation.globalMatch(xml); it.hasNext();) {
        const QString text = it.next().captured(1);
        QVERIFY2(!text.contains(word), qPrintable(text));
        specUses += text.contains(spec) ? 1 : 0;
    }
    QVERIFY(specUses > 0);
}

void TestUiLanguage::switchRetranslatesOpenWindows()
{
    testing::OneMeterConsole console;
    const QString problem = console.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const MeterInfo &m = console.meter;
    MainWindow &window = *console.window;
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

void TestUiLanguage::noEnglishLeftInAnyView()
{
    testing::OneMeterConsole console;
    const QString problem = console.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const MeterInfo &m = console.meter;
    MainWindow &window = *console.window;
    // The Commands view's tool bar as the console assembles it (ui/app/consolesession.cpp).
    CommandLauncher launcher(FormContext{nullptr, console.store, QStringLiteral("op")}, &window, console.context.get());
    launcher.attachCommandsView(window.commandsView());
    window.show();
    window.showPage(MainWindow::CommandsPage);
    QTRY_VERIFY(!visibleEnglish(&window).isEmpty()); // the check sees English at all

    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("zh_CN")));
    MeterDetailWindow *detail = window.openMeter(m.meterNo);
    QTRY_VERIFY(detail->isLoaded());
    QStringList found;
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        window.showPage(MainWindow::Page(page));
        QCoreApplication::processEvents();
        found << visibleEnglish(&window);
    }
    auto *tabs = detail->findChild<QTabWidget *>();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QCoreApplication::processEvents();
        found << visibleEnglish(detail);
    }
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("en")));
}

QTEST_MAIN(TestUiLanguage)
#include "tst_ui_language.moc"
