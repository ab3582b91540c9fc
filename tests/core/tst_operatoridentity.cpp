// SPDX-License-Identifier: GPL-3.0-or-later
// Who is recorded: the account from USERNAME (Windows) or USER, plus the desk's display name.
#include "core/operatoridentity.h"
#include "core/settings.h"

#include <QTest>

using namespace md;

class TestOperatorIdentity : public QObject
{
    Q_OBJECT
private slots:
    void identity_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("recorded");
        QTest::addColumn<QString>("shown");
        QTest::newRow("posix account") << "" << "wangbz" << "" << "wangbz" << "wangbz" << "wangbz";
        QTest::newRow("windows account wins") << "LiKF" << "root" << "" << "LiKF" << "LiKF" << "LiKF";
        QTest::newRow("display name") << "" << "wangbz" << "王班长" << "wangbz" << "王班长 (wangbz)" << "王班长";
        QTest::newRow("display trimmed") << "" << "wangbz" << "  王班长 " << "wangbz" << "王班长 (wangbz)" << "王班长";
        QTest::newRow("display equals login") << "" << "wangbz" << "wangbz" << "wangbz" << "wangbz" << "wangbz";
    }
    void identity()
    {
        QFETCH(QString, username);
        QFETCH(QString, user);
        QFETCH(QString, display);
        QFETCH(QString, login);
        QFETCH(QString, recorded);
        QFETCH(QString, shown);
        const QByteArray oldUsername = qgetenv("USERNAME"), oldUser = qgetenv("USER");
        auto restore = qScopeGuard([&] {
            qputenv("USERNAME", oldUsername);
            qputenv("USER", oldUser);
        });
        username.isEmpty() ? qunsetenv("USERNAME") : qputenv("USERNAME", username.toUtf8());
        user.isEmpty() ? qunsetenv("USER") : qputenv("USER", user.toUtf8());

        const OperatorIdentity id = OperatorIdentity::current(display);
        QCOMPARE(id.login, login);
        QCOMPARE(id.recorded(), recorded);
        QCOMPARE(id.shown(), shown);

        Settings s;
        s.operatorName = display.trimmed();
        QCOMPARE(s.effectiveOperator(), recorded);
        QCOMPARE(s.operatorIdentity().login, login);
    }

    // Neither variable set (a service account): the home folder's name, never the word "operator".
    void noEnvironment()
    {
        const QByteArray oldUsername = qgetenv("USERNAME"), oldUser = qgetenv("USER");
        qunsetenv("USERNAME");
        qunsetenv("USER");
        const QString login = OperatorIdentity::loginName();
        qputenv("USERNAME", oldUsername);
        qputenv("USER", oldUser);
        QVERIFY(!login.isEmpty());
        QVERIFY(login != QStringLiteral("operator"));
    }
};

QTEST_GUILESS_MAIN(TestOperatorIdentity)
#include "tst_operatoridentity.moc"
