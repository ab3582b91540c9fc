// SPDX-License-Identifier: GPL-3.0-or-later
// Grabs every page of the console and two meter details (the gas leak, an arrears meter) in English
// and zh_CN, for looking at the UI as a user would. A demo database is generated when --db is absent.
//   meterdesk_screens [--db FILE] --out DIR
#include "storage/store.h"
#include "tools/demo/demodata.h"
#include "ui/i18n/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/models/consolecontext.h"
#include "ui/views/meterdetailwindow.h"
#include "ui/views/metersview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <iterator>

using namespace md;

static void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("file")});
    p.addOption({QStringLiteral("out"), QStringLiteral("output folder"), QStringLiteral("dir"), QStringLiteral(".")});
    p.process(app);
    QTemporaryDir tmp;
    StoreOptions o;
    o.database = p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : tmp.filePath(QStringLiteral("demo.sqlite"));
    auto store = Store::open(o);
    if (!store.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().detail));
        return 1;
    }
    QString leakMeter = demoMeterNo(6);
    if (!p.isSet(QStringLiteral("db"))) {
        auto r = generateDemoData(**store, DemoOptions{});
        if (!r.ok()) {
            std::fprintf(stderr, "demo: %s\n", qPrintable(r.error().detail));
            return 1;
        }
        leakMeter = r->gasLeakMeter;
    }
    const QDir out(p.value(QStringLiteral("out")));
    QDir().mkpath(out.absolutePath());
    Settings settings;
    settings.operatorName = QStringLiteral("王班长");
    ConsoleContext context(*store, settings);
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        LanguageManager::instance()->setLanguage(lang);
        MainWindow window(&context);
        window.resize(1500, 900);
        window.show();
        // One file name per page, checked against the enum at compile time.
        const char *const names[] = {"overview", "meters", "alarms", "commands", "journal", "health", "reconciliation"};
        static_assert(std::size(names) == MainWindow::PageCount, "a name for every page");
        for (int page = 0; page < MainWindow::PageCount; ++page) {
            window.showPage(MainWindow::Page(page));
            settle(1200);
            window.grab().save(out.filePath(QStringLiteral("%1-%2.png").arg(lang, QLatin1String(names[page]))));
        }
        window.showPage(MainWindow::MetersPage);
        window.metersView()->setSearchText(QStringLiteral("天府"));
        settle(1200);
        window.grab().save(out.filePath(QStringLiteral("%1-meters-search.png").arg(lang)));
        const QStringList meters{leakMeter, demoMeterNo(5)};
        for (const QString &m : meters) {
            MeterDetailWindow *w = window.openMeter(m);
            w->resize(1200, 800);
            settle(1500);
            w->grab().save(out.filePath(QStringLiteral("%1-detail-%2.png").arg(lang, m)));
            if (m == leakMeter) {
                auto *tabs = w->findChild<QTabWidget *>();
                for (int t : {1, 5}) {
                    tabs->setCurrentIndex(t);
                    settle(1000);
                    w->grab().save(out.filePath(QStringLiteral("%1-detail-%2-tab%3.png").arg(lang, m).arg(t)));
                }
            }
            w->close();
        }
    }
    std::printf("screenshots in %s\n", qPrintable(out.absolutePath()));
    return 0;
}
