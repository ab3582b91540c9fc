// SPDX-License-Identifier: GPL-3.0-or-later
// The upload listener end to end: real QHttpServer on 127.0.0.1 (free port), real SQLite file, real
// HTTP over sockets. Every upload accepted, every refusal of protocol.md section 6 produced by a
// request that deserves it, journal rows for both, nothing twice, nothing lost across a restart.
#include "uploadfixture.h"

#include "storage/changefeed.h"

#include <QAbstractSocket>
#include <QJsonArray>
#include <QSignalSpy>
#include <QThread>

using namespace md;
using namespace md::testing;

class TestUploadListener : public QObject
{
    Q_OBJECT

private:
    UploadFixture f;
    qint64 journalCount(const QString &returnCode, const QString &endpoint = {}, int httpStatus = 0) const;
    rawhttp::Reply runRefusal(const QString &kind, const QString &upload);

private Q_SLOTS:
    void initTestCase();
    void acceptsEveryUpload_data();
    void acceptsEveryUpload();
    void storesReadingsAndAlarms();
    void countersComeThroughTheFeed();
    void refusals_data();
    void refusals();
    void unknownPathIs404();
    void wrongMethodIs405();
    void oversizeClaimIs413();
    void oversizeStreamIs413WithoutGrowing();
    void expectContinueIsAnswered();
    void redeliveryIsStoredOnce();
    void unknownCommandSeqIsStoredAndFlagged();
    void rechargeUpWithoutResultCodeCredits();
    void unregisteredMetersAreQuarantinedAndReplayed_data();
    void unregisteredMetersAreQuarantinedAndReplayed();
    void identityContradictions_data();
    void identityContradictions();
    void unknownCodesAreStoredAndFlagged_data();
    void unknownCodesAreStoredAndFlagged();
    void hangUpsDoNotHurt();
    void concurrentRequestsAllStored();
    void readOnlyStoreAnswers9998();
    void rebindMovesThePort();
    void dataSurvivesRestart();
    void cleanupTestCase();
};

qint64 TestUploadListener::journalCount(const QString &returnCode, const QString &endpoint, int httpStatus) const
{
    JournalFilter filter;
    filter.returnCode = returnCode;
    filter.endpoint = endpoint;
    filter.limit = 10000;
    auto page = f.store->journalPage(filter);
    if (!page)
        return -1;
    qint64 n = 0;
    for (const JournalEntry &e : page->rows)
        n += (httpStatus == 0 || e.httpStatus == httpStatus) ? 1 : 0;
    return n;
}

void TestUploadListener::initTestCase()
{
    QVERIFY(f.dir.isValid());
    if (f.database().isEmpty())
        QSKIP("MD_LISTENER_BACKEND=postgresql needs MD_TEST_PG_URL (scripts/with-postgres.sh)");
    QVERIFY(f.openStore());
    QVERIFY(f.registerMeters({QStringLiteral("20240001"), QStringLiteral("20240002")}));
    QVERIFY(f.startListener());
    QVERIFY(f.port != 0);
}

void TestUploadListener::acceptsEveryUpload_data()
{
    QTest::addColumn<QString>("route");
    const QStringList routes = Catalog::instance().uploadRouteNames();
    QVERIFY(routes.size() >= 12); // 10 uploads + 2 aliases
    for (const QString &route : routes)
        QTest::newRow(qPrintable(route)) << route;
}

void TestUploadListener::acceptsEveryUpload()
{
    QFETCH(QString, route);
    const MessageSpec *spec = Catalog::instance().upload(route);
    QVERIFY(spec);
    const qint64 before = journalCount(QStringLiteral("0000"), spec->name);
    const rawhttp::Reply reply = f.post(route, f.validWire(route));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.returnCode(), QStringLiteral("0000"));
    QCOMPARE(reply.returnMessage(), QStringLiteral("交易成功"));
    QVERIFY(reply.head.toLower().contains("content-type: application/json"));
    // Journaled under the canonical name in the same transaction as the rows.
    QCOMPARE(journalCount(QStringLiteral("0000"), spec->name), before + 1);
}

void TestUploadListener::storesReadingsAndAlarms()
{
    auto readings = f.store->readingRows(QStringLiteral("20240001"), 0, 4102444800LL);
    QVERIFY(readings);
    QVERIFY(readings->size() >= 2);
    const QJsonObject plain = Examples::validPlainBody(*Catalog::instance().upload(u"meterDataUp"));
    const QString firstReading = plain.value(QStringLiteral("meterReadingDetails")).toArray().at(0).toObject().value(QStringLiteral("readingNum")).toString();
    bool found = false;
    for (const Reading &r : readings.value())
        found = found || r.readingNum == Volume::parse(firstReading).value();
    QVERIFY2(found, qPrintable(firstReading));

    AlarmFilter alarms;
    alarms.activeOnly = false;
    alarms.meterNo = QStringLiteral("20240001");
    auto rows = f.store->alarms(alarms);
    QVERIFY(rows);
    QVERIFY(!rows->isEmpty());
}

void TestUploadListener::countersComeThroughTheFeed()
{
    // The listener's counters are one more kind of change: a console's feed hands them out with the
    // rows the request wrote (refused requests count too).
    ChangeFeed feed(*f.store, ChangeFeed::Options{.debounceMs = 20, .followOtherProcesses = false});
    QSignalSpy counted(&feed, &ChangeFeed::requestsCounted);
    const qint64 before = f.listener->requestsToday();
    QCOMPARE(f.post(QStringLiteral("meterDataUp"), f.validWire(QStringLiteral("meterDataUp"))).returnCode(), QStringLiteral("0000"));
    QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty() && counted.constLast().at(0).toLongLong() == before + 1, 5000);
    QVERIFY(counted.constLast().at(1).toLongLong() > 0); // an accepted upload: its time
    const rawhttp::Reply refused = f.post(QStringLiteral("meterDataUp"), QByteArray("{not json"), f.headers());
    QVERIFY(refused.returnCode() != QLatin1String("0000"));
    QTRY_VERIFY_WITH_TIMEOUT(counted.constLast().at(0).toLongLong() == before + 2, 5000);
    QCOMPARE(f.listener->requestsToday(), before + 2);
}

void TestUploadListener::refusals_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("upload");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    auto row = [](const char *kind, const char *upload, const char *code, const char *path) {
        QTest::newRow(kind) << QString::fromLatin1(kind) << QString::fromLatin1(upload) << QString::fromLatin1(code)
                            << QString::fromLatin1(path);
    };
    row("no AccessToken", "meterDataUp", "9001", "");
    row("wrong AccessToken", "meterDataUp", "9001", "");
    row("no Authorization", "meterDataUp", "9001", "");
    row("other appId", "meterDataUp", "9001", "");
    row("stale timestamp", "meterDataUp", "9001", "");
    row("not JSON", "meterDataUp", "9002", "");
    row("JSON array", "meterDataUp", "9002", "");
    row("empty body", "closeVResult", "9002", "");
    row("missing meterNo", "meterDataUp", "9002", "meterNo");
    row("missing list", "meterDataUp", "9002", "meterReadingDetails");
    row("bad dataTime", "meterDataUp", "9002", "meterReadingDetails[1].dataTime");
    row("too many decimals", "meterDataUp", "9002", "meterReadingDetails[0].readingNum");
    row("bad dataTime in batch", "meterDataUpBatch", "9002", "meterDatas[1].readingDetails[0].dataTime");
    row("missing meterNo in batch", "meterDataUpBatch", "9002", "meterDatas[0].meterNo");
    row("bad sign", "openVResult", "9003", "");
    row("tampered malformed value", "meterDataUp", "9003", ""); // authentication before the body
    row("bad alarmTime", "sendAlarm", "1301", "alarms[0].alarmTime");
    row("unknown alarmType", "sendAlarm", "1302", "alarms[0].alarmType");
}

rawhttp::Reply TestUploadListener::runRefusal(const QString &kind, const QString &upload)
{
    QJsonObject body = f.validWire(upload);
    rawhttp::Headers headers = f.headers();
    auto setHeader = [&headers](const QByteArray &name, const QByteArray &value) {
        for (auto &h : headers)
            if (h.first == name)
                h.second = value;
    };
    auto dropHeader = [&headers](const QByteArray &name) {
        headers.removeIf([&](const auto &h) { return h.first == name; });
    };
    auto setInList = [&body](const QString &list, int index, const QString &key, const QString &value) {
        QJsonArray items = body.value(list).toArray();
        QJsonObject item = items.at(index).toObject();
        item.insert(key, value);
        items.replace(index, item);
        body.insert(list, items);
    };
    QByteArray raw;
    if (kind == u"no AccessToken") {
        dropHeader("AccessToken");
    } else if (kind == u"wrong AccessToken") {
        setHeader("AccessToken", QByteArray(32, 'A'));
    } else if (kind == u"no Authorization") {
        dropHeader("Authorization");
    } else if (kind == u"other appId") {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const AuthHeaders h = Auth::make({QStringLiteral("intruder"), f.platform.appSecret}, PlatformTime(), now);
        setHeader("AccessToken", h.accessToken);
        setHeader("Authorization", h.authorization);
        setHeader("timestamp", h.timestamp);
    } else if (kind == u"stale timestamp") {
        headers = f.headers(QDateTime::currentSecsSinceEpoch() - 3600);
    } else if (kind == u"tampered malformed value") {
        setInList(QStringLiteral("meterReadingDetails"), 1, QStringLiteral("dataTime"), QStringLiteral("2024-02-30 08:00:00"));
    } else if (kind == u"not JSON") {
        raw = "meterNo=20240001";
    } else if (kind == u"JSON array") {
        raw = "[{\"meterNo\":\"20240001\"}]";
    } else if (kind == u"empty body") {
        raw = "";
    } else if (kind == u"missing meterNo") {
        body.remove(QStringLiteral("meterNo"));
        body = f.resigned(body);
    } else if (kind == u"missing list") {
        body.remove(QStringLiteral("meterReadingDetails"));
        body = f.resigned(body);
    } else if (kind == u"bad dataTime") {
        setInList(QStringLiteral("meterReadingDetails"), 1, QStringLiteral("dataTime"), QStringLiteral("2024-02-30 08:00:00"));
        body = f.resigned(body);
    } else if (kind == u"too many decimals") {
        setInList(QStringLiteral("meterReadingDetails"), 0, QStringLiteral("readingNum"), QStringLiteral("12.3456"));
        body = f.resigned(body);
    } else if (kind == u"bad dataTime in batch" || kind == u"missing meterNo in batch") {
        QJsonArray meters = body.value(QStringLiteral("meterDatas")).toArray();
        const int index = kind == u"bad dataTime in batch" ? 1 : 0;
        QJsonObject meter = meters.at(index).toObject();
        if (index == 1) {
            QJsonArray details = meter.value(QStringLiteral("readingDetails")).toArray();
            QJsonObject first = details.at(0).toObject();
            first.insert(QStringLiteral("dataTime"), QStringLiteral("2024-11-03 8:15:00"));
            details.replace(0, first);
            meter.insert(QStringLiteral("readingDetails"), details);
        } else {
            meter.remove(QStringLiteral("meterNo"));
        }
        meters.replace(index, meter);
        body.insert(QStringLiteral("meterDatas"), meters);
        body = f.resigned(body);
    } else if (kind == u"bad sign") {
        body.insert(QStringLiteral("sign"), QString(32, QLatin1Char('0')));
    } else if (kind == u"bad alarmTime") {
        setInList(QStringLiteral("alarms"), 0, QStringLiteral("alarmTime"), QStringLiteral("2024-11-03 25:00:00"));
        body = f.resigned(body);
    } else if (kind == u"unknown alarmType") {
        setInList(QStringLiteral("alarms"), 0, QStringLiteral("alarmType"), QStringLiteral("7777"));
        body = f.resigned(body);
    } else if (kind == u"unknown meter" || kind == u"unknown meter in result") {
        body.insert(QStringLiteral("meterNo"), QStringLiteral("99990001"));
        body = f.resigned(body);
    } else if (kind == u"unknown meter in batch") {
        setInList(QStringLiteral("meterDatas"), 1, QStringLiteral("meterNo"), QStringLiteral("99990002"));
        body = f.resigned(body);
    }
    if (raw.isNull())
        raw = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return f.post(upload, raw, headers);
}

void TestUploadListener::refusals()
{
    QFETCH(QString, kind);
    QFETCH(QString, upload);
    QFETCH(QString, code);
    QFETCH(QString, path);
    const QString canonical = Catalog::instance().upload(upload)->name;
    const qint64 before = journalCount(code, canonical);
    const qint64 readingsBefore = f.store->readingRows(QStringLiteral("20240001"), 0, 4102444800LL)->size();

    const rawhttp::Reply reply = runRefusal(kind, upload);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.returnCode(), code);
    const QString expectedText = Error{code, {}, {}}.message();
    QVERIFY2(reply.returnMessage().startsWith(expectedText), qPrintable(reply.returnMessage()));
    if (!path.isEmpty())
        QCOMPARE(reply.returnMessage(), expectedText + QStringLiteral(": ") + path);
    // Journaled (before the answer), and nothing of it stored.
    QCOMPARE(journalCount(code, canonical), before + 1);
    QCOMPARE(f.store->readingRows(QStringLiteral("20240001"), 0, 4102444800LL)->size(), readingsBefore);
}

void TestUploadListener::unknownPathIs404()
{
    const rawhttp::Reply reply = rawhttp::post(f.port, "/rest/v1/bussinessPlatform/meterDataDown", f.headers(), "{}");
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.returnCode(), QStringLiteral("9002"));
    QVERIFY(reply.returnMessage().endsWith(QStringLiteral("/rest/v1/bussinessPlatform/meterDataDown")));
    // The 404's journal row is written right after the answer.
    QTRY_COMPARE(journalCount(QStringLiteral("9002"), QStringLiteral("/rest/v1/bussinessPlatform/meterDataDown"), 404), 1);
}

void TestUploadListener::wrongMethodIs405()
{
    const rawhttp::Reply reply = rawhttp::send(f.port, rawhttp::request("GET", f.path(QStringLiteral("meterDataUp")), f.headers(), {}));
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.returnCode(), QStringLiteral("9002"));
    QCOMPARE(journalCount(QStringLiteral("9002"), QStringLiteral("meterDataUp"), 405), 1);
}

void TestUploadListener::oversizeClaimIs413()
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), f.port);
    QVERIFY(socket.waitForConnected(5000));
    rawhttp::Headers headers = f.headers();
    headers.append(qMakePair(QByteArray("Content-Length"), QByteArray(QByteArray::number(64LL * 1024 * 1024))));
    socket.write(rawhttp::request("POST", f.path(QStringLiteral("meterDataUpBatch")), headers, {}, false));
    const rawhttp::Reply reply = rawhttp::readReply(socket, 5000); // no body sent: refused on the headers
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.returnCode(), QStringLiteral("9002"));
    QVERIFY(reply.returnMessage().endsWith(QStringLiteral(": body")));
    QTRY_VERIFY(journalCount(QStringLiteral("9002"), f.path(QStringLiteral("meterDataUpBatch")), 413) >= 1);
}

void TestUploadListener::oversizeStreamIs413WithoutGrowing()
{
    const qint64 rssBefore = rawhttp::procStatusKiB("VmRSS:");
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), f.port);
    QVERIFY(socket.waitForConnected(5000));
    rawhttp::Headers headers = f.headers();
    headers.append(qMakePair(QByteArray("Transfer-Encoding"), QByteArray("chunked")));
    socket.write(rawhttp::request("POST", f.path(QStringLiteral("meterDataUpBatch")), headers, {}, false));
    const QByteArray chunk = QByteArray::number(64 * 1024, 16) + "\r\n" + QByteArray(64 * 1024, 'x') + "\r\n";
    QByteArray answer;
    qint64 sent = 0;
    while (sent < 64LL * 1024 * 1024 && socket.state() == QAbstractSocket::ConnectedState && !answer.contains("\r\n\r\n")) {
        socket.write(chunk);
        socket.waitForBytesWritten(2000);
        sent += 64 * 1024;
        answer += socket.readAll();
    }
    QTcpSocket *s = &socket;
    QTRY_VERIFY_WITH_TIMEOUT((answer += s->readAll()).contains("\r\n\r\n") || s->state() != QAbstractSocket::ConnectedState, 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
    QVERIFY2(sent < 32LL * 1024 * 1024, qPrintable(QString::number(sent))); // refused near the 8 MiB cap
    const qint64 grownKiB = rawhttp::procStatusKiB("VmRSS:") - rssBefore;
    qInfo() << "sent" << sent / 1024 << "KiB before the 413; RSS grew" << grownKiB << "KiB";
    QVERIFY2(grownKiB < 40 * 1024, qPrintable(QString::number(grownKiB)));
}

void TestUploadListener::expectContinueIsAnswered()
{
    QJsonObject body = f.validWire(QStringLiteral("closeVResult"));
    const QByteArray raw = QJsonDocument(body).toJson(QJsonDocument::Compact);
    rawhttp::Headers headers = f.headers();
    headers.append(qMakePair(QByteArray("Expect"), QByteArray("100-continue")));
    headers.append(qMakePair(QByteArray("Content-Length"), QByteArray(QByteArray::number(raw.size()))));
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), f.port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write(rawhttp::request("POST", f.path(QStringLiteral("closeVResult")), headers, {}, false));
    QVERIFY(socket.waitForReadyRead(1000)); // curl would wait one second for it
    QCOMPARE(socket.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    socket.write(raw);
    const rawhttp::Reply reply = rawhttp::readReply(socket);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.returnCode(), QStringLiteral("0000"));
}

void TestUploadListener::redeliveryIsStoredOnce()
{
    const QJsonObject body = f.validWire(QStringLiteral("meterDataUp"));
    QCOMPARE(f.post(QStringLiteral("meterDataUp"), body).returnCode(), QStringLiteral("0000"));
    const qsizetype stored = f.store->readingRows(QStringLiteral("20240001"), 0, 4102444800LL)->size();
    QCOMPARE(f.post(QStringLiteral("meterDataUp"), body).returnCode(), QStringLiteral("0000"));
    QCOMPARE(f.store->readingRows(QStringLiteral("20240001"), 0, 4102444800LL)->size(), stored);
}

void TestUploadListener::unknownCommandSeqIsStoredAndFlagged()
{
    QJsonObject plain = Examples::validPlainBody(*Catalog::instance().upload(u"openVResult"));
    plain.insert(QStringLiteral("commandSeq"), QStringLiteral("20991231235959999999"));
    QCOMPARE(f.post(QStringLiteral("openVResult"), f.wire(QStringLiteral("openVResult"), plain)).returnCode(),
             QStringLiteral("0000"));
    auto flags = f.store->reviewFlags(true);
    QVERIFY(flags);
    bool found = false;
    for (const ReviewFlag &flag : flags.value())
        found = found || (flag.kind == u"unknown-commandSeq" && flag.key == u"20991231235959999999");
    QVERIFY(found);
}

// rechargeUp's resultCode is optional: without one the upload is the meter's report of the credit,
// stored as credited (00) and flagged for review, never refused and never left pending.
void TestUploadListener::rechargeUpWithoutResultCodeCredits()
{
    QJsonObject plain = Examples::validPlainBody(*Catalog::instance().upload(u"rechargeUp"));
    plain.remove(QStringLiteral("resultCode"));
    plain.insert(QStringLiteral("tradeNo"), QStringLiteral("R20310301000000000077"));
    QCOMPARE(f.post(QStringLiteral("rechargeUp"), f.wire(QStringLiteral("rechargeUp"), plain)).returnCode(),
             QStringLiteral("0000"));
    auto credited = f.store->isTradeNoCredited(QStringLiteral("R20310301000000000077"));
    QVERIFY(credited.ok());
    QVERIFY(*credited);
    auto flags = f.store->reviewFlags(true);
    QVERIFY(flags);
    bool found = false;
    for (const ReviewFlag &flag : flags.value())
        found = found || flag.kind == u"resultCode-absent";
    QVERIFY(found);
}

void TestUploadListener::unregisteredMetersAreQuarantinedAndReplayed_data()
{
    QTest::addColumn<QString>("upload");
    QTest::addColumn<QString>("unknownMeter");
    QTest::addColumn<int>("day"); // of January 2032: readings no other test sends
    QTest::newRow("single upload") << "meterDataUp" << "77770001" << 1;
    QTest::newRow("one of a batch") << "meterDataUpBatch" << "77770002" << 2;
}

// protocol.md section 7: an upload from a meter the registry does not know yet is kept (quarantine,
// answered 0000), a batch keeps its registered meters' readings, and registering the meter later
// replays its records into its history, through the real listener.
void TestUploadListener::unregisteredMetersAreQuarantinedAndReplayed()
{
    QFETCH(QString, upload);
    QFETCH(QString, unknownMeter);
    QFETCH(int, day);
    const bool batch = upload == u"meterDataUpBatch";
    QJsonObject plain = Examples::validPlainBody(*Catalog::instance().upload(upload));
    // Every reading on the test's own day, so the counts below are this test's alone.
    auto onDay = [day](QJsonObject record, const QString &meterNo) {
        record.insert(QStringLiteral("meterNo"), meterNo);
        for (const QString key : {QStringLiteral("meterReadingDetails"), QStringLiteral("readingDetails")}) {
            if (!record.contains(key))
                continue;
            QJsonArray details = record.value(key).toArray();
            for (int i = 0; i < details.size(); ++i) {
                QJsonObject d = details.at(i).toObject();
                d.insert(QStringLiteral("dataTime"), QStringLiteral("2032-01-%1 0%2:00:00").arg(day, 2, 10, QLatin1Char('0')).arg(i));
                details.replace(i, d);
            }
            record.insert(key, details);
        }
        return record;
    };
    if (batch) {
        QJsonArray meters = plain.value(QStringLiteral("meterDatas")).toArray();
        meters.replace(0, onDay(meters.at(0).toObject(), QStringLiteral("20240001")));
        meters.replace(1, onDay(meters.at(1).toObject(), unknownMeter));
        plain.insert(QStringLiteral("meterDatas"), meters);
    } else {
        plain = onDay(plain, unknownMeter);
    }
    const qint64 from = QDateTime(QDate(2032, 1, day), QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - 86400;
    const qint64 to = from + 3 * 86400;
    QCOMPARE(f.post(upload, f.wire(upload, plain)).returnCode(), QStringLiteral("0000"));

    if (batch) // the registered meter's readings are stored at once
        QCOMPARE(f.store->readingRows(QStringLiteral("20240001"), from, to)->size(), 2);
    QCOMPARE(f.store->readingRows(unknownMeter, from, to)->size(), 0);
    auto waiting = f.store->quarantineWaiting(100);
    QVERIFY(waiting);
    qint64 requestJournalId = 0;
    for (const QuarantinedRecord &r : waiting.value())
        if (r.meterNo == unknownMeter && r.uploadName == upload)
            requestJournalId = r.journalId;
    QVERIFY(requestJournalId > 0); // quarantined, with the request's journal row
    const auto requestRow = f.store->journalEntry(requestJournalId);
    QVERIFY(requestRow && requestRow->has_value());
    QVERIFY((*requestRow)->body.contains(unknownMeter.toUtf8()));
    OverviewRequest request;
    QVERIFY(f.store->overview(request)->quarantinedUploads >= 1);

    // Journaled once: the request's row; the replay adds none (its rows point at that row).
    const auto newest = [this] {
        JournalFilter last;
        last.limit = 1;
        const auto page = f.store->journalPage(last);
        return page && !page->rows.isEmpty() ? page->rows.first().id : qint64(-1);
    };
    const qint64 newestBefore = newest();

    // Registered later (an import, the GUI or a meterInfo result all end in upsertMeters).
    QVERIFY(f.registerMeters({unknownMeter}));
    QTRY_COMPARE_WITH_TIMEOUT(f.store->readingRows(unknownMeter, from, to)->size(), 2, 15000);
    auto after = f.store->quarantineWaiting(100);
    QVERIFY(after);
    for (const QuarantinedRecord &r : after.value())
        QVERIFY(r.meterNo != unknownMeter);
    QCOMPARE(newest(), newestBefore);
}

void TestUploadListener::identityContradictions_data()
{
    QTest::addColumn<bool>("strict");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");
    QTest::newRow("flag factoryCode") << false << "factoryCode" << "0000";
    QTest::newRow("flag meterType") << false << "meterType" << "0000";
    QTest::newRow("strict factoryCode") << true << "factoryCode" << "1001";
    QTest::newRow("strict meterType") << true << "meterType" << "1002";
}

// An upload whose factoryCode / meterType contradicts the registry: stored and flagged for review
// (default), or refused with the spec's 1001 / 1002 naming the field (listener/identityCheck=strict).
void TestUploadListener::identityContradictions()
{
    QFETCH(bool, strict);
    QFETCH(QString, field);
    QFETCH(QString, code);
    if (f.listenerSettings.strictIdentity != strict) {
        f.listener->stop().waitForFinished();
        f.listener.reset();
        f.listenerSettings.strictIdentity = strict;
        QVERIFY(f.startListener());
    }
    QJsonObject plain = Examples::validPlainBody(*Catalog::instance().upload(u"meterDataUpBatch"));
    QJsonArray meters = plain.value(QStringLiteral("meterDatas")).toArray();
    QJsonObject second = meters.at(1).toObject();
    second.insert(field, QStringLiteral("OTHER-%1").arg(strict));
    meters.replace(1, second);
    plain.insert(QStringLiteral("meterDatas"), meters);
    const rawhttp::Reply reply = f.post(QStringLiteral("meterDataUpBatch"), f.wire(QStringLiteral("meterDataUpBatch"), plain));
    QCOMPARE(reply.returnCode(), code);
    const QString path = QStringLiteral("meterDatas[1].") + field;
    if (strict) {
        QVERIFY2(reply.returnMessage().endsWith(path), qPrintable(reply.returnMessage()));
    } else {
        auto flags = f.store->reviewFlags(true);
        QVERIFY(flags);
        bool found = false;
        for (const ReviewFlag &flag : flags.value())
            found = found || (flag.kind == field + QStringLiteral("-mismatch") && flag.key == path);
        QVERIFY(found);
    }
    if (strict) { // back to the default for the tests after this one
        f.listener->stop().waitForFinished();
        f.listener.reset();
        f.listenerSettings.strictIdentity = false;
        QVERIFY(f.startListener());
    }
}

void TestUploadListener::unknownCodesAreStoredAndFlagged_data()
{
    QTest::addColumn<QString>("upload");
    QTest::addColumn<QString>("list"); // the meter record list ("": the body is the meter record)
    QTest::addColumn<int>("day");      // of March 2031: a reading no other test sends
    QTest::newRow("meterDataUp") << QStringLiteral("meterDataUp") << QString() << 1;
    QTest::newRow("meterDataUpBatch") << QStringLiteral("meterDataUpBatch") << QStringLiteral("meterDatas") << 2;
}

// protocol.md section 5: an unknown code in an optional field is stored as received and flagged.
void TestUploadListener::unknownCodesAreStoredAndFlagged()
{
    QFETCH(QString, upload);
    QFETCH(QString, list);
    QFETCH(int, day);
    QJsonObject body = f.validWire(upload);
    QJsonArray records = body.value(list).toArray();
    const int index = list.isEmpty() ? 0 : 1;
    QJsonObject record = list.isEmpty() ? body : records.at(index).toObject();
    const QString meterNo = record.value(QStringLiteral("meterNo")).toString();
    QVERIFY(!meterNo.isEmpty());
    record.insert(QStringLiteral("valveStatus"), QStringLiteral("7"));
    record.insert(QStringLiteral("powerType"), QStringLiteral("9"));
    QString readingsKey;
    for (const QString &key : {QStringLiteral("meterReadingDetails"), QStringLiteral("readingDetails")})
        readingsKey = record.contains(key) ? key : readingsKey;
    QJsonArray readings = record.value(readingsKey).toArray();
    QVERIFY(!readings.isEmpty());
    QJsonObject first = readings.at(0).toObject();
    first.insert(QStringLiteral("dataTime"), QStringLiteral("2031-03-%1 08:00:00").arg(day, 2, 10, QLatin1Char('0')));
    readings.replace(0, first);
    record.insert(readingsKey, readings);
    if (list.isEmpty()) {
        body = record;
    } else {
        records.replace(index, record);
        body.insert(list, records);
    }
    body = f.resigned(body);

    const QString prefix = list.isEmpty() ? QString() : QStringLiteral("%1[%2].").arg(list).arg(index);
    const QList<QPair<QString, QString>> expected{{prefix + QStringLiteral("valveStatus"), QStringLiteral("7")},
                                                  {prefix + QStringLiteral("powerType"), QStringLiteral("9")}};
    auto flagCount = [&](const QString &path, const QString &value) {
        qsizetype n = 0;
        const Result<QList<ReviewFlag>> flags = f.store->reviewFlags(true);
        if (!flags)
            return qsizetype(-1);
        for (const ReviewFlag &flag : flags.value())
            n += (flag.kind == u"unknown-enum-value" && flag.key == path && flag.detail == value
                  && flag.meterNo == meterNo && flag.journalId > 0) ? 1 : 0;
        return n;
    };
    QList<qsizetype> before;
    for (const auto &[path, value] : expected)
        before << flagCount(path, value);
    const qint64 dayStart = QDateTime(QDate(2031, 3, day), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    QCOMPARE(f.store->readingRows(meterNo, dayStart, dayStart + 86400)->size(), 0);

    const rawhttp::Reply reply = f.post(upload, body);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.returnCode(), QStringLiteral("0000"));
    QCOMPARE(f.store->readingRows(meterNo, dayStart, dayStart + 86400)->size(), 1);
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(flagCount(expected[i].first, expected[i].second) == before[i] + 1, qPrintable(expected[i].first));
}

void TestUploadListener::hangUpsDoNotHurt()
{
    // Clients that hang up before the store has committed: the answer has nowhere to go, and the
    // socket must not be freed under it (Qt 6.4's asynchronous answers).
    const QByteArray raw = rawhttp::request("POST", f.path(QStringLiteral("closeVResult")), f.headers(),
                                            QJsonDocument(f.validWire(QStringLiteral("closeVResult"))).toJson(QJsonDocument::Compact));
    for (int i = 0; i < 30; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), f.port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write(raw);
        socket.waitForBytesWritten(1000);
        socket.abort();
    }
    QTest::qWait(300);
    QCOMPARE(f.post(QStringLiteral("closeVResult"), f.validWire(QStringLiteral("closeVResult"))).returnCode(),
             QStringLiteral("0000"));
}

void TestUploadListener::concurrentRequestsAllStored()
{
    constexpr int count = 200;
    const MessageSpec *spec = Catalog::instance().upload(u"meterDataUp");
    const qint64 from = PlatformTime().parseDateTime(u"2025-03-01 00:00:00").value();
    QList<QTcpSocket *> sockets;
    for (int i = 0; i < count; ++i) {
        QJsonObject plain = Examples::validPlainBody(*spec);
        QJsonArray details = plain.value(QStringLiteral("meterReadingDetails")).toArray();
        QJsonObject one = details.at(0).toObject();
        one.insert(QStringLiteral("dataTime"), PlatformTime().formatDateTime(from + i * 60));
        plain.insert(QStringLiteral("meterReadingDetails"), QJsonArray{one});
        const QByteArray raw = rawhttp::request("POST", f.path(QStringLiteral("meterDataUp")), f.headers(),
                                                QJsonDocument(f.wire(QStringLiteral("meterDataUp"), plain)).toJson(QJsonDocument::Compact));
        auto *socket = new QTcpSocket(this);
        socket->connectToHost(QStringLiteral("127.0.0.1"), f.port);
        socket->setProperty("raw", raw);
        sockets << socket;
    }
    for (QTcpSocket *socket : sockets) {
        QVERIFY(socket->waitForConnected(5000));
        socket->write(socket->property("raw").toByteArray());
    }
    int accepted = 0;
    for (QTcpSocket *socket : sockets) {
        socket->flush();
        accepted += rawhttp::readReply(*socket, 20000).returnCode() == u"0000" ? 1 : 0;
        socket->deleteLater();
    }
    QCOMPARE(accepted, count);
    auto rows = f.store->readingRows(QStringLiteral("20240001"), from, from + count * 60);
    QVERIFY(rows);
    QCOMPARE(rows->size(), count);
}

void TestUploadListener::readOnlyStoreAnswers9998()
{
    StoreOptions options;
    options.database = f.database();
    options.readOnly = true;
    auto readOnly = Store::open(options);
    QVERIFY2(readOnly, qPrintable(readOnly ? QString() : readOnly.error().detail));
    UploadListener listener(readOnly.value());
    auto started = listener.start(f.listenerSettings, f.platform);
    started.waitForFinished();
    QVERIFY(started.result());
    QJsonObject plain = Examples::validPlainBody(*Catalog::instance().upload(u"meterDataUp"));
    QJsonArray details = plain.value(QStringLiteral("meterReadingDetails")).toArray();
    QJsonObject one = details.at(0).toObject();
    one.insert(QStringLiteral("dataTime"), QStringLiteral("2025-06-01 00:00:00"));
    plain.insert(QStringLiteral("meterReadingDetails"), QJsonArray{one});
    const rawhttp::Reply reply = rawhttp::post(started.result()->port, f.path(QStringLiteral("meterDataUp")), f.headers(),
                                               QJsonDocument(f.wire(QStringLiteral("meterDataUp"), plain)).toJson(QJsonDocument::Compact));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.returnCode(), QStringLiteral("9998"));
    listener.stop().waitForFinished();
}

void TestUploadListener::rebindMovesThePort()
{
    UploadListener listener(f.store);
    auto first = listener.start(f.listenerSettings, f.platform);
    first.waitForFinished();
    QVERIFY(first.result());
    const quint16 oldPort = first.result()->port;
    auto second = listener.start(f.listenerSettings, f.platform);
    second.waitForFinished();
    QVERIFY(second.result());
    const quint16 newPort = second.result()->port;
    QVERIFY(newPort != oldPort);
    QCOMPARE(listener.address().port, newPort);
    QCOMPARE(rawhttp::post(newPort, f.path(QStringLiteral("closeVResult")), f.headers(),
                           QJsonDocument(f.validWire(QStringLiteral("closeVResult"))).toJson(QJsonDocument::Compact))
                 .returnCode(),
             QStringLiteral("0000"));
    QCOMPARE(rawhttp::post(oldPort, f.path(QStringLiteral("closeVResult")), f.headers(), "{}").status, 0); // closed
    // A port in use: the error names the key, and the receiver stays where it was.
    ListenerSettings taken = f.listenerSettings;
    taken.port = f.port;
    auto third = listener.start(taken, f.platform);
    third.waitForFinished();
    QVERIFY(!third.result());
    QCOMPARE(third.result().error().path, QStringLiteral("listener/port"));
    // ...and which socket error it was, for the console's own words.
    QCOMPARE(third.result().error().code, QStringLiteral("socket-%1").arg(int(QAbstractSocket::AddressInUseError)));
    QCOMPARE(listener.address().port, newPort);
    listener.stop().waitForFinished();
    QVERIFY(!listener.isListening());
}

void TestUploadListener::dataSurvivesRestart()
{
    const qsizetype readings = f.store->readingRows(QStringLiteral("20240001"), 0, 4102444800LL)->size();
    QVERIFY(readings > 200);
    f.stopAll();
    QVERIFY(f.openStore());
    QCOMPARE(f.store->readingRows(QStringLiteral("20240001"), 0, 4102444800LL)->size(), readings);
    QVERIFY(journalCount(QStringLiteral("9001")) >= 5); // the refusals_data rows answered 9001
}

void TestUploadListener::cleanupTestCase()
{
    f.stopAll();
}

QTEST_GUILESS_MAIN(TestUploadListener)
#include "tst_uploadlistener.moc"
