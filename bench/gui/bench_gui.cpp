// SPDX-License-Identifier: GPL-3.0-or-later
// GUI benchmark: opens the console on a database (offscreen unless a display is asked for) and prints
//   - time from process start to the first painted main window, and to the first registry rows;
//   - registry filter latency (setFilter -> first page on screen) for typical searches, prefix and
//     "match anywhere", and the longest GUI-thread stall meanwhile (a 2 ms heartbeat timer);
//   - resident memory (VmRSS).
//   bench_gui --db FILE [--repeat N]
#include "storage/store.h"
#include "ui/mainwindow.h"
#include "ui/models/consolecontext.h"
#include "ui/models/registrymodel.h"
#include "ui/views/metersview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace md;

namespace {

QElapsedTimer g_clock;

long rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

class PaintProbe : public QObject
{
public:
    qint64 firstPaintMs = -1;
    bool eventFilter(QObject *o, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && firstPaintMs < 0)
            firstPaintMs = g_clock.elapsed();
        return QObject::eventFilter(o, e);
    }
};

// Runs the event loop until the model's first page for the current filter arrived; returns ms and
// the longest gap between 2 ms heartbeats (how long the GUI thread was unresponsive).
std::pair<double, qint64> timeFilter(RegistryModel *model, const RegistryFilter &f)
{
    QEventLoop loop;
    QElapsedTimer t;
    QElapsedTimer beat;
    qint64 worstGap = 0;
    QTimer heart;
    heart.setInterval(2);
    QObject::connect(&heart, &QTimer::timeout, [&] {
        worstGap = std::max(worstGap, beat.restart());
    });
    auto c = QObject::connect(model, &RegistryModel::pageLoaded, &loop, [&](int first, int) {
        if (first == 0)
            loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    beat.start();
    heart.start();
    t.start();
    model->setFilter(f);
    loop.exec();
    const double ms = t.nsecsElapsed() / 1e6;
    QObject::disconnect(c);
    return {ms, worstGap};
}

} // namespace

int main(int argc, char **argv)
{
    g_clock.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("database file"), QStringLiteral("file")});
    p.addOption({QStringLiteral("repeat"), QStringLiteral("runs per query (median printed)"), QStringLiteral("n"), QStringLiteral("5")});
    p.process(app);
    const QString db = p.value(QStringLiteral("db"));
    if (db.isEmpty()) {
        std::fprintf(stderr, "--db FILE is required (bench_generate_db makes one)\n");
        return 2;
    }
    const int repeat = std::max(1, p.value(QStringLiteral("repeat")).toInt());
    const long rssStart = rssKiB();

    StoreOptions o;
    o.database = db;
    auto store = Store::open(o);
    if (!store.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().detail));
        return 1;
    }
    const qint64 openedMs = g_clock.elapsed();
    ConsoleContext context(*store, Settings{});
    MainWindow window(&context);
    PaintProbe probe;
    window.installEventFilter(&probe);
    window.resize(1400, 860);
    window.showPage(MainWindow::MetersPage);
    window.show();
    RegistryModel *model = window.metersView()->model();
    {
        QEventLoop loop;
        QTimer poll;
        poll.setInterval(1);
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (probe.firstPaintMs >= 0 && model->rowCount() > 0)
                loop.quit();
        });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        poll.start();
        loop.exec();
    }
    const qint64 firstRowsMs = g_clock.elapsed();
    std::printf("database: %s\n", qPrintable(db));
    std::printf("store open: %lld ms after process start\n", openedMs);
    std::printf("first painted main window: %lld ms after process start\n", probe.firstPaintMs);
    std::printf("first registry rows in the model: %lld ms after process start\n", firstRowsMs);
    std::printf("RSS: %ld KiB at start, %ld KiB with the window up\n", rssStart, rssKiB());

    struct Case
    {
        const char *label;
        QString text;
        bool contains;
        bool alarmOnly = false;
        bool closedValve = false;
    };
    const QList<Case> cases{
        {"no filter", QString(), false},
        {"full meter number (prefix)", QStringLiteral("300000123456"), false},
        {"meter number prefix '30000099'", QStringLiteral("30000099"), false},
        {"user number prefix 'U0000'", QStringLiteral("U0000"), false},
        {"name '王伟' (prefix)", QStringLiteral("王伟"), false},
        {"name '王伟' (anywhere)", QStringLiteral("王伟"), true},
        {"address '解放路12' (anywhere)", QStringLiteral("解放路12"), true},
        {"typing '3000001234' (anywhere)", QStringLiteral("3000001234"), true},
        {"rare text 'zzz' (anywhere)", QStringLiteral("zzz"), true},
        {"dense text '人民路' (anywhere)", QStringLiteral("人民路"), true},
        {"active alarm only", QString(), false, true},
        {"valve closed only", QString(), false, false, true},
    };
    std::printf("\nregistry filter latency, setFilter -> first page in the model (median of %d; worst GUI stall):\n", repeat);
    for (const Case &c : cases) {
        RegistryFilter f;
        f.text = c.text;
        f.contains = c.contains;
        f.activeAlarmOnly = c.alarmOnly;
        if (c.closedValve)
            f.valve = ValveFilter::Closed;
        QList<double> times;
        qint64 worstStall = 0;
        for (int i = 0; i < repeat; ++i) {
            const auto [ms, stall] = timeFilter(model, f);
            times.append(ms);
            worstStall = std::max(worstStall, stall);
        }
        std::sort(times.begin(), times.end());
        std::printf("  %-42s %8.1f ms  (%d rows, GUI stall %lld ms)\n", c.label, times[times.size() / 2],
                    model->rowCount(), worstStall);
    }
    // Scrolling deep: 50 pages of 200 rows fetched one after the other.
    {
        RegistryFilter f;
        timeFilter(model, f);
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 50; ++i) {
            QEventLoop loop;
            auto c = QObject::connect(model, &RegistryModel::pageLoaded, &loop, &QEventLoop::quit);
            model->fetchMore({});
            loop.exec();
            QObject::disconnect(c);
        }
        std::printf("  %-42s %8.1f ms per page (%d rows loaded)\n", "fetchMore x50 (keyset paging)", t.elapsed() / 50.0,
                    model->rowCount());
    }
    std::printf("\nRSS at the end: %ld KiB\n", rssKiB());
    return 0;
}
