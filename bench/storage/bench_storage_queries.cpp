// SPDX-License-Identifier: GPL-3.0-or-later
// Read-side timings on a big database (bench_generate_db --meters 1000000 --long-meter):
// registry pages under each filter, counts, deep keyset paging, listener lookups, and the timeline
// of a meter with 87,600 readings. Each figure is the median of several runs on a warm cache.
//   bench_storage_queries --db FILE|URL
#include "storage/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <time.h>

using namespace md;

namespace {

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// CPU time of the calling thread in the last medianMs() (median): on a machine shared with other
// work the wall time mostly measures waiting for a core; the CPU time is what the query costs.
double g_lastCpuMs = 0;

double medianMs(const std::function<void()> &fn, int runs = 7)
{
    QList<double> ms, cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        const double c0 = threadCpuMs();
        t.start();
        fn();
        ms << t.nsecsElapsed() / 1e6;
        cpu << threadCpuMs() - c0;
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    g_lastCpuMs = cpu[runs / 2];
    return ms[runs / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("db")});
    p.process(app);
    StoreOptions o;
    o.database = p.value(QStringLiteral("db"));
    {
        QElapsedTimer t;
        t.start();
        auto rw = Store::open(o); // brings an older generated database to this build's schema
        if (!rw) {
            std::fprintf(stderr, "%s\n", qPrintable(rw.error().detail));
            return 1;
        }
        std::printf("open (migrations): %.1f s\n", t.elapsed() / 1000.0);
    }
    o.readOnly = true;
    auto opened = Store::open(o);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().detail));
        return 1;
    }
    auto store = *opened;
    // Reads run off the main thread in the product; here one worker thread does them all.
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    auto run = [&](const std::function<void()> &fn) { QtConcurrent::run(&pool, fn).waitForFinished(); };

    run([&] {
        const auto total = store->registryCount({});
        std::printf("meters: %lld\n", total ? total->count : -1);
        struct Case
        {
            const char *name;
            RegistryFilter filter;
        };
        QList<Case> cases;
        cases.append(Case{"no filter", {}});
        RegistryFilter f;
        f.text = QStringLiteral("30000012");
        cases.append(Case{"meterNo prefix '30000012'", f});
        f.text = QStringLiteral("3");
        cases.append(Case{"meterNo prefix '3' (matches all)", f});
        f.text = QStringLiteral("王伟");
        cases.append(Case{"userName prefix '王伟'", f});
        f.text = QStringLiteral("人民路12");
        cases.append(Case{"addrDes prefix '人民路12'", f});
        f.text = QStringLiteral("U0000");
        cases.append(Case{"userNo prefix 'U0000'", f});
        // Substring ("contains"): trigram index candidates joined and sorted when they are few, a
        // walk in meter_no order when the text is dense; 1-2 characters from the bigram index.
        f.contains = true;
        for (const char *text : {"路123号", "解放路12", "3000001234", "王伟明", "伟明", "人民路", "zzz-no-match", "明", "9号", "zz"}) {
            f.text = QString::fromUtf8(text);
            static QList<QByteArray> labels;
            labels << QByteArray("contains '") + text + "'";
            cases.append(Case{labels.constLast().constData(), f});
        }
        RegistryFilter alarm;
        alarm.activeAlarmOnly = true;
        cases.append(Case{"active alarm only", alarm});
        RegistryFilter crit;
        crit.criticalAlarmOnly = true;
        cases.append(Case{"critical alarm only", crit});
        RegistryFilter silent;
        silent.silentDays = 3;
        cases.append(Case{"silent > 3 days", silent});
        RegistryFilter bal;
        bal.balanceBelow = Money::fromUnits(0);
        cases.append(Case{"balance < 0", bal});
        RegistryFilter closed;
        closed.valve = ValveFilter::Closed;
        cases.append(Case{"valve closed", closed});
        std::printf("%-44s %20s %20s %10s\n", "registry filter", "page(200) ms (cpu)", "count ms (cpu)", "count");
        for (const Case &c : cases) {
            RegistryPageRequest r;
            r.filter = c.filter;
            r.limit = 200;
            int rows = 0;
            const double page = medianMs([&] { rows = store->registryPage(r)->size(); });
            const double pageCpu = g_lastCpuMs;
            RegistryCount n;
            const double count = medianMs([&] { n = *store->registryCount(c.filter); }, 3);
            std::printf("%-44s %11.2f (%6.2f) %11.2f (%6.2f) %9lld%s (page rows %d)\n", c.name, page, pageCpu, count, g_lastCpuMs,
                        n.count, n.capped ? "+" : " ", rows);
        }
        RegistryPageRequest deep;
        deep.afterMeterNo = QStringLiteral("300000900000");
        std::printf("keyset page after row 900000: %.2f ms\n", medianMs([&] { (void)store->registryPage(deep); }));
        RegistryPageRequest offset;
        offset.offset = 900000;
        std::printf("offset page at row 900000: %.2f ms\n", medianMs([&] { (void)store->registryPage(offset); }, 3));

        QStringList batch;
        for (int i = 0; i < 100; ++i)
            batch << QStringLiteral("3%1").arg(qint64(i) * 9973 + 17, 11, 10, QLatin1Char('0'));
        std::printf("lookupMeters(1): %.3f ms, lookupMeters(100): %.3f ms\n",
                    medianMs([&] { (void)store->lookupMeters({batch.first()}); }, 21),
                    medianMs([&] { (void)store->lookupMeters(batch); }, 21));

        int points = 0;
        const double timeline = medianMs([&] { points = store->readings(QStringLiteral("LONG0000001"), 0, 0)->time.size(); });
        std::printf("timeline readings(): %d points in %.2f ms\n", points, timeline);
        const double daily = medianMs([&] { (void)store->dailyConsumption(QStringLiteral("LONG0000001"), 0, 0); }, 3);
        std::printf("dailyConsumption over 10 years: %.2f ms\n", daily);
        std::printf("meterSummary: %.2f ms\n", medianMs([&] { (void)store->meterSummary(QStringLiteral("LONG0000001")); }));
        std::printf("overview: %.2f ms\n", medianMs([&] { (void)store->overview({}); }, 3));
    });
    return 0;
}
