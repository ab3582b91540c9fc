// SPDX-License-Identifier: GPL-3.0-or-later
// qinchuan-sim: plays the Qinchuan platform with simulated meters against a MeterDesk listener.
// Logs one line per command and upload on stderr (never a secret); prints
// "platform listening on http://HOST:PORT" on stdout once the /prepose/ endpoint is up.

#include "demoworld.h"
#include "loaddriver.h"
#include "simulator.h"

#include "core/settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace md;
using namespace md::sim;

namespace {

// The credentials of the shared golden vectors: a demo works out of the box against a MeterDesk
// configured with the same. Real use passes --app-id/--app-secret (or --config, or the environment).
const char *const kDemoAppId = "QC20230001";
const char *const kDemoAppSecret = "s3cr3t-KEY-0123456789";

int fail(const QString &message)
{
    QTextStream(stderr) << "qinchuan-sim: " << message << '\n';
    return 2;
}

bool isLocalHost(const QString &host)
{
    return host == u"127.0.0.1" || host == u"localhost" || host == u"::1" || host == u"[::1]";
}

std::optional<bool> onOff(const QString &v)
{
    if (v == u"on" || v == u"true" || v == u"1")
        return true;
    if (v == u"off" || v == u"false" || v == u"0")
        return false;
    return std::nullopt;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qinchuan-sim"));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz} %{message}"));

    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Simulated Qinchuan V3.0 platform with simulated gas meters."));
    p.addHelpOption();
    auto opt = [&p](const QString &name, const QString &help, const QString &value = {},
                    const QString &def = {}) { p.addOption(QCommandLineOption(name, help, value, def)); };
    opt("listen", "Serve /prepose/* on HOST:PORT.", "host:port", "127.0.0.1:9080");
    opt("listener", "MeterDesk's upload listener base URL.", "url",
        "http://127.0.0.1:8080/rest/v1/bussinessPlatform");
    opt("config", "Read appId, appSecret, aesKey, signMode, tokenCase, timeZone from a MeterDesk INI.",
        "file");
    opt("app-id", "appId (default: the shared test vectors' id).", "id");
    opt("app-secret", "appSecret (or env QINCHUAN_SIM_APP_SECRET). Never printed.", "secret");
    opt("aes-key", "AES key, 16 bytes (default: first 16 bytes of appSecret). Never printed.", "key");
    opt("sign-mode", "off | lenient | strict (strict: unsigned commands get 9003).", "mode", "strict");
    opt("token-case", "upper | lower AccessToken on uploads.", "case", "upper");
    opt("time-zone", "Platform time zone.", "iana", "Asia/Shanghai");
    opt("tolerance-s", "Accepted clock difference of command timestamps.", "s", "300");
    opt("require-encryption", "on | off: sensitive command fields must be ciphertext (else 9002).", "on|off",
        "on");
    opt("encrypt-uploads", "on | off: encrypt sensitive fields of uploads.", "on|off", "on");
    opt("result-delay-ms", "Delay before a command's result upload.", "ms", "2000");
    opt("fail-rate", "Percent of command results with resultCode 01.", "percent", "0");
    opt("reply-delay-ms", "Fault: answer commands after this delay.", "ms", "0");
    opt("http500", "Fault: answer commands with HTTP 500 (not applied).");
    opt("no-reply", "Fault: off | hold | close | html | halfjson (command applied, answer lost or garbled).", "mode", "off");
    opt("hold-ms", "How long --no-reply hold keeps the connection.", "ms", "30000");
    opt("drop-results", "Fault: never post result uploads.");
    opt("duplicate-results", "Fault: post every result upload twice.");
    opt("wrong-secret", "Fault: sign uploads with a wrong appSecret.");
    opt("meters-csv", "Register the meters of a registry CSV (meterNo,meterType,userNo,addrDes,...).",
        "file");
    opt("meters", "Generate N meters SIM000001...", "n", "0");
    opt("report-interval-s", "Each meter uploads readings once per interval (0: never).", "s", "3600");
    opt("batch", "Scheduled readings as meterDataUpBatch.");
    opt("rate", "Load mode: uploads per second (needs --meters and --duration; local listener only).", "r");
    opt("duration", "Load mode: seconds.", "s");
    opt("demo", "Seed and drive a lively Chengdu world (a year of history, live readings, alarms).");
    opt("demo-meters", "Number of demo meters.", "n", "300");
    opt("database-seed-out", "Write the meter registry CSV (for meterdesk-cli meters import).", "file");
    opt("seed-only", "With --database-seed-out: write the CSV and exit.");
    p.process(app);

    SimulatorConfig c;
    c.credentials = Credentials{QString::fromLatin1(kDemoAppId), QString::fromLatin1(kDemoAppSecret)};
    bool demoCredentials = true;
    if (p.isSet("config")) {
        auto s = Settings::load(p.value("config"));
        if (!s)
            return fail(QStringLiteral("config %1: %2").arg(s.error().path, s.error().detail));
        if (!s->platform.appId.isEmpty()) {
            c.credentials = Credentials{s->platform.appId, s->platform.appSecret};
            demoCredentials = false;
        }
        c.aesKey = s->platform.aesKey;
        c.signMode = s->platform.signMode;
        c.tokenCase = s->platform.tokenCase;
        c.timeZone = s->platform.timeZone;
    }
    if (p.isSet("app-id")) {
        c.credentials.appId = p.value("app-id");
        demoCredentials = false;
    }
    if (qEnvironmentVariableIsSet("QINCHUAN_SIM_APP_SECRET"))
        c.credentials.appSecret = qEnvironmentVariable("QINCHUAN_SIM_APP_SECRET");
    if (p.isSet("app-secret"))
        c.credentials.appSecret = p.value("app-secret");
    if (p.isSet("aes-key"))
        c.aesKey = p.value("aes-key");
    if (p.isSet("sign-mode") || !p.isSet("config")) {
        const QString m = p.value("sign-mode");
        if (m != u"off" && m != u"lenient" && m != u"strict")
            return fail(QStringLiteral("--sign-mode: off, lenient or strict"));
        c.signMode = m == u"off" ? SignMode::Off : (m == u"lenient" ? SignMode::Lenient : SignMode::Strict);
    }
    if (p.isSet("token-case"))
        c.tokenCase = p.value("token-case") == u"lower" ? TokenCase::Lower : TokenCase::Upper;
    if (p.isSet("time-zone") || !p.isSet("config"))
        c.timeZone = p.value("time-zone").toLatin1();
    if (!PlatformTime(c.timeZone).isValid())
        return fail(QStringLiteral("--time-zone: unknown zone"));
    c.toleranceSeconds = p.value("tolerance-s").toInt();
    const auto requireEnc = onOff(p.value("require-encryption"));
    const auto encryptUp = onOff(p.value("encrypt-uploads"));
    if (!requireEnc || !encryptUp)
        return fail(QStringLiteral("--require-encryption / --encrypt-uploads: on or off"));
    c.requireEncryption = *requireEnc;
    c.encryptUploads = *encryptUp;
    c.listenerBase = QUrl(p.value("listener"));
    if (!c.listenerBase.isValid() || c.listenerBase.scheme() != u"http")
        return fail(QStringLiteral("--listener: an http:// URL"));
    c.resultDelayMs = qMax(0, p.value("result-delay-ms").toInt());
    c.faults.failRatePercent = qBound(0, p.value("fail-rate").remove(QLatin1Char('%')).toInt(), 100);
    c.faults.replyDelayMs = qMax(0, p.value("reply-delay-ms").toInt());
    c.faults.http500 = p.isSet("http500");
    const auto noReply = noReplyFromName(p.value("no-reply"));
    if (!noReply)
        return fail(QStringLiteral("--no-reply: off, hold, close, html or halfjson"));
    c.faults.noReply = *noReply;
    c.faults.holdMs = qMax(0, p.value("hold-ms").toInt());
    c.faults.dropResults = p.isSet("drop-results");
    c.faults.duplicateResults = p.isSet("duplicate-results");
    c.faults.wrongSecret = p.isSet("wrong-secret");
    c.schedule.reportIntervalSeconds = qMax(0, p.value("report-interval-s").toInt());
    c.schedule.batch = p.isSet("batch");

    const bool load = p.isSet("rate") || p.isSet("duration");
    if (load) {
        if (!isLocalHost(c.listenerBase.host()))
            return fail(QStringLiteral("load mode only against a listener on 127.0.0.1/localhost, not %1")
                            .arg(c.listenerBase.host()));
        if (p.value("meters").toInt() <= 0 || p.value("rate").toInt() <= 0 ||
            p.value("duration").toInt() <= 0)
            return fail(QStringLiteral("load mode needs --meters N --rate R --duration S (all > 0)"));
        c.logEachUpload = false;
        c.uploadRetries = 0;
        c.schedule.reportIntervalSeconds = 0;
    }
    if (p.isSet("demo"))
        c.schedule = ScheduleConfig{60, false, 50, 32}; // every meter once a minute: lively

    Simulator sim(c);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (p.isSet("meters-csv")) {
        auto n = sim.world().loadCsv(p.value("meters-csv"), now);
        if (!n)
            return fail(QStringLiteral("%1: %2").arg(n.error().path, n.error().detail));
        qInfo("registered %d meters from %s", *n, qPrintable(p.value("meters-csv")));
    }
    if (p.value("meters").toInt() > 0)
        sim.world().generate(qMin(p.value("meters").toInt(), 2000000), now);
    DemoConfig demo;
    demo.meters = qBound(1, p.value("demo-meters").toInt(), 20000);
    if (p.isSet("demo")) {
        qInfo("demo: simulating %d meters through %d days of history...", demo.meters, demo.historyDays);
        DemoWorld::populate(&sim.world(), demo, now);
    }
    if (p.isSet("database-seed-out")) {
        if (auto w = sim.world().writeCsv(p.value("database-seed-out")); !w)
            return fail(QStringLiteral("%1: %2").arg(w.error().path, w.error().detail));
        qInfo("wrote the registry of %d meters to %s", sim.world().size(),
              qPrintable(p.value("database-seed-out")));
        if (p.isSet("seed-only"))
            return 0;
    }

    const QString listen = p.value("listen");
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    const QString host = colon > 0 ? listen.left(colon) : QStringLiteral("127.0.0.1");
    bool portOk = false;
    const int port = listen.mid(colon + 1).toInt(&portOk);
    if (!portOk || port < 0 || port > 65535)
        return fail(QStringLiteral("--listen: HOST:PORT"));
    const QHostAddress address(host == u"localhost" ? QStringLiteral("127.0.0.1") : host);
    if (address.isNull())
        return fail(QStringLiteral("--listen: %1 is not an address").arg(host));
    auto bound = sim.listen(address, quint16(port));
    if (!bound)
        return fail(QStringLiteral("cannot listen on %1: %2").arg(bound.error().path, bound.error().detail));
    if (demoCredentials)
        qInfo("using the built-in demo credentials (appId %s); pass --app-id/--app-secret for yours",
              kDemoAppId);
    qInfo("meters: %d, sign %s, encryption %s, uploads to %s", sim.world().size(),
          qPrintable(signModeName(c.signMode)), c.requireEncryption ? "required" : "optional",
          qPrintable(c.listenerBase.toString()));
    std::printf("platform listening on http://%s:%u\n", qPrintable(address.toString()), unsigned(*bound));
    std::fflush(stdout);

    if (load) {
        LoadConfig lc;
        lc.rate = p.value("rate").toInt();
        lc.durationSeconds = p.value("duration").toInt();
        auto *driver = new LoadDriver(&sim.world(), &sim.poster(), lc, &sim);
        QObject::connect(driver, &LoadDriver::finished, &app, [](const LoadSummary &s) {
            std::printf("%s\n", qPrintable(s.line()));
            std::fflush(stdout);
            QCoreApplication::exit(s.accepted > 0 ? 0 : 1);
        });
        driver->start();
    } else if (p.isSet("demo")) {
        auto *world =
            new DemoWorld(&sim.world(), &sim.poster(), &sim.effects(), &sim.scheduler(), demo, &sim);
        world->start();
    } else {
        sim.scheduler().start();
    }
    return app.exec();
}
