// SPDX-License-Identifier: GPL-3.0-or-later
// The amount in Chinese capitals: the rules' examples one by one, then every placement of zeros
// over 12 integer digits and every amount up to 10,000 yuan read back by an independent reader.
#include "core/chineseamount.h"

#include <QTest>

using namespace md;

namespace {

Money yuan(const char *text)
{
    return *Money::parse(QString::fromLatin1(text));
}

// Reads a capital amount back into fen without knowing how it was written: digits multiply the
// place that follows them; 万/亿 close a group; 零 and 整 carry no value.
std::optional<qint64> readBack(const QString &text)
{
    static const QString digits = QStringLiteral("零壹贰叁肆伍陆柒捌玖");
    qint64 total = 0, group = 0, section = 0;
    int pending = -1;
    bool sawYuan = false;
    for (const QChar c : text) {
        const int d = digits.indexOf(c);
        if (d >= 0) {
            if (d > 0) {
                if (pending >= 0)
                    return std::nullopt; // two digits without a place between them
                pending = d;
            }
            continue;
        }
        auto takeDigit = [&]() {
            const int v = pending;
            pending = -1;
            return v;
        };
        switch (c.unicode()) {
        case u'拾': case u'佰': case u'仟': {
            const int v = takeDigit();
            if (v < 0)
                return std::nullopt; // the bill rule: 拾 always has its digit
            section += v * (c == u'拾' ? 10 : c == u'佰' ? 100 : 1000);
            break;
        }
        case u'万': case u'亿': {
            const int v = takeDigit();
            section += qMax(v, 0);
            group += section * (c == u'万' ? 10000LL : 100000000LL);
            section = 0;
            break;
        }
        case u'元': {
            const int v = takeDigit();
            section += qMax(v, 0);
            total += (group + section) * 100;
            group = section = 0;
            sawYuan = true;
            break;
        }
        case u'角': case u'分': {
            const int v = takeDigit();
            if (v < 0)
                return std::nullopt;
            total += v * (c == u'角' ? 10 : 1);
            break;
        }
        case u'整':
            break;
        default:
            return std::nullopt;
        }
    }
    if (pending >= 0 || group || section)
        return std::nullopt;
    Q_UNUSED(sawYuan)
    return total;
}

// What every output must look like whatever the amount.
void checkShape(const QString &s, qint64 fen)
{
    QVERIFY2(!s.contains(QStringLiteral("零零")), qPrintable(s));
    QVERIFY2(s == QStringLiteral("零元整") || !s.startsWith(u'零'), qPrintable(s));
    QVERIFY2(!s.contains(QStringLiteral("零元")) || s == QStringLiteral("零元整"), qPrintable(s));
    QVERIFY2(!s.contains(QStringLiteral("零万")) && !s.contains(QStringLiteral("零亿")), qPrintable(s));
    QCOMPARE(s.endsWith(u'整'), fen % 100 == 0);
    QCOMPARE(s.contains(u'元'), fen >= 100 || fen == 0);
}

} // namespace

class TestChineseAmount : public QObject
{
    Q_OBJECT
private slots:
    void examples_data()
    {
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *a, const char *e) { QTest::newRow(a) << QString::fromLatin1(a) << QString::fromUtf8(e); };
        row("0", "零元整");
        row("0.0000", "零元整");
        row("0.0049", "零元整");         // under half a fen rounds down
        row("0.0050", "壹分");           // half a fen rounds up
        row("0.01", "壹分");
        row("0.05", "伍分");
        row("0.10", "壹角");
        row("0.35", "叁角伍分");
        row("0.50", "伍角");
        row("1", "壹元整");
        row("1.05", "壹元零伍分");
        row("1.20", "壹元贰角");
        row("1.23", "壹元贰角叁分");
        row("1.2349", "壹元贰角叁分");
        row("1.2350", "壹元贰角肆分");
        row("1.9950", "贰元整");         // rounding carries into 元
        row("9.9999", "壹拾元整");
        row("10", "壹拾元整");
        row("15", "壹拾伍元整");
        row("15.80", "壹拾伍元捌角");
        row("20", "贰拾元整");
        row("100", "壹佰元整");
        row("100.50", "壹佰元零伍角");
        row("101", "壹佰零壹元整");
        row("110", "壹佰壹拾元整");
        row("325.04", "叁佰贰拾伍元零肆分");
        row("1005", "壹仟零伍元整");
        row("1005.50", "壹仟零伍元伍角");
        row("1010", "壹仟零壹拾元整");
        row("1680.32", "壹仟陆佰捌拾元零叁角贰分");
        row("10000", "壹万元整");
        row("10001", "壹万零壹元整");
        row("10010", "壹万零壹拾元整");
        row("16409.02", "壹万陆仟肆佰零玖元零贰分");
        row("100000", "壹拾万元整");
        row("100005", "壹拾万零伍元整");
        row("107000.53", "壹拾万零柒仟元零伍角叁分");
        row("110000", "壹拾壹万元整");
        row("1000500", "壹佰万零伍佰元整");
        row("10050000", "壹仟零伍万元整");
        row("100000000", "壹亿元整");
        row("100010000", "壹亿零壹万元整");
        row("110000000", "壹亿壹仟万元整");
        row("100000001", "壹亿零壹元整");
        row("100000000.01", "壹亿元零壹分");
        row("100000000000", "壹仟亿元整");
        row("100000000001", "壹仟亿零壹元整");
        row("203040506070.8", "贰仟零叁拾亿零肆仟零伍拾万零陆仟零柒拾元零捌角");
        row("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
        row("999999999999.9949", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
    }
    void examples()
    {
        QFETCH(QString, amount);
        QFETCH(QString, expected);
        const auto m = Money::parse(amount);
        QVERIFY(m);
        const Result<QString> r = chineseCapitalAmount(*m);
        QVERIFY2(r.ok(), qPrintable(r.error().detail));
        QCOMPARE(*r, expected);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("amount");
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("negative fen") << QStringLiteral("-0.01");
        QTest::newRow("negative under half a fen") << QStringLiteral("-0.0001");
        QTest::newRow("rounds to 13 digits") << QStringLiteral("999999999999.995");
    }
    void refused()
    {
        QFETCH(QString, amount);
        const auto m = Money::parse(amount);
        QVERIFY(m);
        const Result<QString> r = chineseCapitalAmount(*m);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("1203"));
        QCOMPARE(r.error().path, QStringLiteral("amount"));
    }

    // Every pattern of zero and non-zero digits over 12 integer digits and the two decimals
    // (2^14 amounts, digits drawn so each place gets several values), read back and shape-checked.
    void everyZeroPlacement()
    {
        for (int mask = 0; mask < (1 << 14); ++mask) {
            qint64 fen = 0;
            for (int bit = 13; bit >= 0; --bit)
                fen = fen * 10 + ((mask >> bit) & 1 ? 1 + (bit * 7 + mask) % 9 : 0);
            const Result<QString> r = chineseCapitalAmount(Money::fromUnits(fen * 100));
            QVERIFY(r.ok());
            QCOMPARE(readBack(*r), std::optional<qint64>(fen));
            checkShape(*r, fen);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // Every amount up to 10,000 yuan, fen by fen.
    void everyAmountToTenThousand()
    {
        for (qint64 fen = 0; fen <= 1'000'000; ++fen) {
            const Result<QString> r = chineseCapitalAmount(Money::fromUnits(fen * 100));
            if (!r.ok() || readBack(*r) != std::optional<qint64>(fen))
                QFAIL(qPrintable(QStringLiteral("%1 fen -> %2").arg(fen).arg(r.ok() ? *r : r.error().detail)));
        }
    }

    void rounding_data()
    {
        QTest::addColumn<qint64>("units");
        QTest::addColumn<qint64>("rounded");
        QTest::newRow("0") << 0LL << 0LL;
        QTest::newRow("49") << 49LL << 0LL;
        QTest::newRow("50") << 50LL << 100LL;
        QTest::newRow("149") << 149LL << 100LL;
        QTest::newRow("150") << 150LL << 200LL;
        QTest::newRow("-50") << -50LL << -100LL;
        QTest::newRow("-49") << -49LL << 0LL;
    }
    void rounding()
    {
        QFETCH(qint64, units);
        QFETCH(qint64, rounded);
        QCOMPARE(roundToFen(units), rounded);
    }
};

QTEST_GUILESS_MAIN(TestChineseAmount)
#include "tst_chineseamount.moc"
