// SPDX-License-Identifier: GPL-3.0-or-later
// The command state machine as one table: every (from, to) pair against the transitions protocol.md
// section 8 allows, what the operator may do in each state, and the stored names.
#include "core/commandstate.h"

#include <QTest>

using namespace md;
using S = CommandState;

class TestCommandState : public QObject
{
    Q_OBJECT

private slots:
    void transitions_data();
    void transitions();
    void operatorActions_data();
    void operatorActions();
    void storedNamesRoundTrip();
};

void TestCommandState::transitions_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<S>("to");
    QTest::addColumn<bool>("legal");
    // Queued may finish in any way but expiry (a result can race ahead of our own `sent`); Sent ends in
    // a meter answer or expiry; every other state is final.
    const QList<S> fromQueued{S::Sent, S::Accepted, S::Succeeded, S::Failed, S::Rejected, S::Unreachable, S::Cancelled};
    const QList<S> fromSent{S::Accepted, S::Succeeded, S::Failed, S::Expired};
    for (S from : allCommandStates())
        for (S to : allCommandStates()) {
            const bool legal = (from == S::Queued && fromQueued.contains(to)) || (from == S::Sent && fromSent.contains(to));
            QTest::addRow("%s->%s", qPrintable(commandStateName(from)), qPrintable(commandStateName(to))) << from << to << legal;
        }
}

void TestCommandState::transitions()
{
    QFETCH(S, from);
    QFETCH(S, to);
    QFETCH(bool, legal);
    QCOMPARE(isLegalTransition(from, to), legal);
    if (isTerminal(from))
        QVERIFY(!legal);
}

void TestCommandState::operatorActions_data()
{
    QTest::addColumn<S>("state");
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<bool>("cancel");
    QTest::addColumn<bool>("resend");
    QTest::newRow("queued") << S::Queued << false << true << false;
    QTest::newRow("sent") << S::Sent << false << false << false;
    QTest::newRow("accepted") << S::Accepted << true << false << false;
    QTest::newRow("succeeded") << S::Succeeded << true << false << false;
    QTest::newRow("failed") << S::Failed << true << false << true;
    QTest::newRow("expired") << S::Expired << true << false << true;
    QTest::newRow("rejected") << S::Rejected << true << false << true;
    QTest::newRow("unreachable") << S::Unreachable << true << false << true;
    QTest::newRow("cancelled") << S::Cancelled << true << false << false;
}

void TestCommandState::operatorActions()
{
    QFETCH(S, state);
    QFETCH(bool, terminal);
    QFETCH(bool, cancel);
    QFETCH(bool, resend);
    QCOMPARE(isTerminal(state), terminal);
    QCOMPARE(canCancel(state), cancel);
    QCOMPARE(canResend(state), resend);
    // Cancelling is a transition the store must accept.
    QCOMPARE(isLegalTransition(state, S::Cancelled), cancel);
}

void TestCommandState::storedNamesRoundTrip()
{
    QCOMPARE(allCommandStates().size(), 9);
    for (S s : allCommandStates()) {
        QVERIFY(!commandStateName(s).isEmpty());
        QCOMPARE(commandStateFromName(commandStateName(s)), std::optional<S>(s));
    }
    QCOMPARE(commandStateFromName(QStringLiteral("done")), std::nullopt);
}

QTEST_GUILESS_MAIN(TestCommandState)
#include "tst_commandstate.moc"
