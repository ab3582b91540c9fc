// SPDX-License-Identifier: GPL-3.0-or-later
// What the spec allows, as the forms present it, against the real parts (SQLite store, listener,
// simulator over HTTP): an unusually large recharge is a question, never a refusal, and "Back"
// sends nothing; setParameter's amounts are labelled in the meter's billing unit; a ladder without
// billingCycle / cycleStartDate is sent, with a note that the meter keeps its current cycle; a volume
// recharge goes through in m³; the overview counts the uploads of unregistered meters and lists them.

#include "formsworld.h"

#include "ui/forms/cancelrechargeform.h"
#include "ui/forms/commanddialog.h"
#include "ui/forms/commandstatuswidget.h"
#include "ui/forms/ladderform.h"
#include "ui/forms/parameterform.h"
#include "ui/forms/rechargeconfirmdialog.h"
#include "ui/forms/rechargeform.h"
#include "ui/forms/rechargeledgermodel.h"
#include "ui/models/consolecontext.h"
#include "ui/views/meterimport.h"
#include "ui/views/overviewview.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

using namespace md;
using namespace md::testing;

class TestFormsSpec : public QObject
{
    Q_OBJECT

    FormsWorld m_world;

    // The form's label for a field, as shown.
    static QString labelOf(CommandDialog &dlg, const QString &field)
    {
        auto *edit = dlg.form()->findChild<QLineEdit *>(field);
        auto *layout = dlg.form()->findChild<QFormLayout *>();
        if (!edit || !layout)
            return QString();
        auto *label = qobject_cast<QLabel *>(layout->labelForField(edit));
        return label ? label->text() : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_world.setUp(6));
        // Meter 5 is billed in gas volume (气量表) by the registry; the others are not known.
        MeterInfo m = m_world.store->meterSummary(FormsWorld::meterNo(5))->value().info;
        m.billingUnit = BillingUnit::Volume;
        QVERIFY(awaitResult(m_world.store->upsertMeters({m})).ok());
    }

    void largeRechargeAsksFirst_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("large");
        // Thresholds of the test: 1,000 yuan and 300 m³.
        QTest::newRow("yuan below") << "1" << "999.99" << false;
        QTest::newRow("yuan at the threshold") << "1" << "1000" << false;
        QTest::newRow("yuan above") << "1" << "1000.01" << true;
        QTest::newRow("m3 below") << "2" << "300" << false;
        QTest::newRow("m3 above") << "2" << "300.001" << true;
        QTest::newRow("m3 above the yuan figure, below its own") << "2" << "1200" << false;
    }

    // Above the configured threshold the recharge asks once more; "Back" (the default) sends
    // nothing and leaves the form as it was; "the amount is right" goes on to the usual confirmation.
    void largeRechargeAsksFirst()
    {
        QFETCH(QString, type);
        QFETCH(QString, number);
        QFETCH(bool, large);
        FormContext ctx = m_world.context();
        ctx.recharge.confirmAboveAmount = *Money::parse(u"1000");
        ctx.recharge.confirmAboveVolume = *Volume::parse(u"300");
        if (QByteArray(QTest::currentDataTag()).endsWith("below its own"))
            ctx.recharge.confirmAboveVolume = *Volume::parse(u"1300");
        const QString meter = FormsWorld::meterNo(6); // never recharged: nothing else waits on it
        const int before = commandCount(m_world, QStringLiteral("recharge"), meter);
        CommandDialog dlg(ctx, QStringLiteral("recharge"), meter);
        dlg.show();
        dlg.setValue(QStringLiteral("rechargeType"), type);
        dlg.setValue(QStringLiteral("rechargeNum"), number);
        QTRY_VERIFY(static_cast<RechargeForm *>(dlg.form())->numbers().has_value());
        QVERIFY(dlg.sendButton()->isEnabled()); // a large figure is valid: never a refusal
        dlg.sendButton()->click();
        QDialog *c = dlg.pendingConfirmation();
        QVERIFY(c);
        if (!large) {
            QVERIFY(qobject_cast<RechargeConfirmDialog *>(c));
            c->reject();
            QVERIFY(!dlg.pendingConfirmation());
            QCOMPARE(commandCount(m_world, QStringLiteral("recharge"), meter), before);
            return;
        }
        auto *box = qobject_cast<QMessageBox *>(c);
        QVERIFY(box);
        QCOMPARE(box->objectName(), QStringLiteral("largeRechargeQuestion"));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel)); // Enter does not go on
        QVERIFY(box->text().contains(static_cast<RechargeForm *>(dlg.form())->displayAmount()));
        box->button(QMessageBox::Cancel)->click();
        QVERIFY(!dlg.pendingConfirmation());
        QVERIFY(dlg.sendButton()->isEnabled()); // back to the form, free to correct
        QVERIFY(!dlg.hasSent());
        QTest::qWait(100);
        QCOMPARE(commandCount(m_world, QStringLiteral("recharge"), meter), before);
        QCOMPARE(m_world.sim->world().find(meter)->rechargeCount, qint64(0));

        // Asked again on the next Send; "the amount is right" leads to the usual confirmation.
        dlg.sendButton()->click();
        box = qobject_cast<QMessageBox *>(dlg.pendingConfirmation());
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        auto *confirm = qobject_cast<RechargeConfirmDialog *>(dlg.pendingConfirmation());
        QVERIFY(confirm);
        confirm->reject();
        QVERIFY(!dlg.pendingConfirmation());
        QCOMPARE(commandCount(m_world, QStringLiteral("recharge"), meter), before);
    }

    // A recharge by volume from the GUI to a 气量表: confirmed in m³, credited by the simulated meter
    // in m³, and listed in the ledger in m³ (never as yuan); one by amount is refused before it leaves.
    void volumeRechargeEndToEnd()
    {
        const QString meter = FormsWorld::meterNo(5);
        {
            CommandDialog dlg(m_world.context(), QStringLiteral("recharge"), meter);
            dlg.show();
            dlg.setValue(QStringLiteral("rechargeType"), QStringLiteral("1"));
            dlg.setValue(QStringLiteral("rechargeNum"), QStringLiteral("50"));
            QTRY_VERIFY(static_cast<RechargeForm *>(dlg.form())->numbers().has_value());
            dlg.sendButton()->click();
            QVERIFY(confirm(dlg.pendingConfirmation()));
            QTRY_VERIFY(dlg.sendErrorLabel()->isVisible());
            QVERIFY(!dlg.hasSent());
            QCOMPARE(commandCount(m_world, QStringLiteral("recharge"), meter), 0);
        }
        CommandDialog dlg(m_world.context(), QStringLiteral("recharge"), meter);
        dlg.show();
        dlg.setValue(QStringLiteral("rechargeType"), QStringLiteral("2"));
        dlg.setValue(QStringLiteral("rechargeNum"), QStringLiteral("12.5"));
        QTRY_VERIFY(static_cast<RechargeForm *>(dlg.form())->numbers().has_value());
        dlg.sendButton()->click();
        QDialog *c = dlg.pendingConfirmation();
        QVERIFY(qobject_cast<RechargeConfirmDialog *>(c));
        QCOMPARE(c->findChild<QLabel *>(QStringLiteral("confirmDisplay"))->text(), QStringLiteral("12.500 m³"));
        QCOMPARE(c->findChild<QLabel *>(QStringLiteral("confirmWire"))->text(), QStringLiteral("12.500"));
        QVERIFY(confirm(c));
        QTRY_COMPARE_WITH_TIMEOUT(dlg.status()->state(), CommandState::Succeeded, 10000);
        QCOMPARE(m_world.sim->world().find(meter)->totalRechargeQty, *Volume::parse(u"12.5"));

        CommandDialog cancel(m_world.context(), QStringLiteral("cancelRecharge"), meter);
        auto *form = qobject_cast<CancelRechargeForm *>(cancel.form());
        QVERIFY(form);
        QTRY_COMPARE_WITH_TIMEOUT(form->ledger()->rowCount(), 1, 10000);
        QCOMPARE(form->ledger()->index(0, RechargeLedgerModel::Amount).data().toString(), QStringLiteral("12.500 m³"));
    }

    void parameterAmountsInTheMetersUnit_data()
    {
        QTest::addColumn<int>("meter");
        QTest::addColumn<QString>("unit");
        QTest::newRow("unknown: money, as sent") << 1 << "(yuan)";
        QTest::newRow("registry: gas volume") << 5 << "(m³)";
    }

    // alarmOne, alarmTwo and overdraft are labelled in the unit the service sends them in.
    void parameterAmountsInTheMetersUnit()
    {
        QFETCH(int, meter);
        QFETCH(QString, unit);
        CommandDialog dlg(m_world.context(), QStringLiteral("setParameter"), FormsWorld::meterNo(meter));
        dlg.show();
        QVERIFY(qobject_cast<ParameterForm *>(dlg.form()));
        for (const QString &field : ParameterForm::unitFields())
            QTRY_VERIFY2(labelOf(dlg, field).endsWith(unit), qPrintable(field + u' ' + labelOf(dlg, field)));
        auto *alarm = dlg.form()->findChild<QLineEdit *>(QStringLiteral("alarmOne"));
        QCOMPARE(alarm->placeholderText(), unit == u"(m³)" ? QStringLiteral("0.000") : QStringLiteral("0.00"));
    }

    // cycleStartDate and billingCycle are optional: the ladder is sent without them and reaches
    // the meter; the form says that the meter keeps its current 阶梯计费周期.
    void ladderWithoutCycleIsSentWithANote()
    {
        CommandDialog dlg(m_world.context(), QStringLiteral("changeprice"), FormsWorld::meterNo(2));
        dlg.show();
        auto *form = qobject_cast<LadderForm *>(dlg.form());
        QVERIFY(form);
        const QString effective = PlatformTime().today().addDays(1).toString(Qt::ISODate);
        for (const auto &[field, value] : QList<QPair<QString, QString>>{{QStringLiteral("priceName"), QStringLiteral("Residential")},
                                                                       {QStringLiteral("priceVersion"), QStringLiteral("v9")},
                                                                       {QStringLiteral("effectiveDate"), effective},
                                                                       {QStringLiteral("priceLadderNum"), QStringLiteral("2")},
                                                                       {QStringLiteral("price0"), QStringLiteral("3")},
                                                                       {QStringLiteral("price1"), QStringLiteral("4")},
                                                                       {QStringLiteral("level1"), QStringLiteral("100")}})
            dlg.setValue(field, value);
        dlg.setValue(QStringLiteral("billingCycle"), QString());
        dlg.setValue(QStringLiteral("cycleStartDate"), QString());
        QVERIFY(form->cycleNote()->isVisible());
        QVERIFY(!form->cycleNote()->text().isEmpty());
        // With a cycle start given, the note is about the missing billing cycle only.
        dlg.setValue(QStringLiteral("cycleStartDate"), PlatformTime().today().toString(Qt::ISODate) + QStringLiteral(" 00:00:00"));
        const QString onlyCycle = form->cycleNote()->text();
        QVERIFY(form->cycleNote()->isVisible());
        dlg.setValue(QStringLiteral("cycleStartDate"), QString());
        QVERIFY(form->cycleNote()->text() != onlyCycle);
        // A single price has no tiers per cycle: no note.
        dlg.setValue(QStringLiteral("priceLadderNum"), QStringLiteral("1"));
        QVERIFY(!form->cycleNote()->isVisible());
        dlg.setValue(QStringLiteral("priceLadderNum"), QStringLiteral("2"));
        dlg.setValue(QStringLiteral("level1"), QStringLiteral("100"));
        QVERIFY(dlg.form()->isValid());
        QVERIFY(!dlg.form()->params().contains(QStringLiteral("cycleStartDate")));

        dlg.sendButton()->click();
        if (QDialog *c = dlg.pendingConfirmation())
            QVERIFY(confirm(c));
        QTRY_COMPARE_WITH_TIMEOUT(dlg.status()->state(), CommandState::Succeeded, 10000);
    }

    // The registry import takes a meter's billing unit (column billingUnit or 计费方式); an empty
    // cell leaves it unknown, anything else is refused with its line.
    void importTakesTheBillingUnit()
    {
        const auto parsed = MeterImport::parse(QStringLiteral("表具编号,计费方式\nB1,气量表\nB2,money\nB3,\nB4,per kg\nB5,金额表\n"),
                                               PlatformTime());
        QCOMPARE(parsed.meters.size(), 4);
        QCOMPARE(parsed.meters[0].billingUnit, BillingUnit::Volume);
        QCOMPARE(parsed.meters[1].billingUnit, BillingUnit::Money);
        QCOMPARE(parsed.meters[2].billingUnit, BillingUnit::Unknown);
        QCOMPARE(parsed.meters[3].billingUnit, BillingUnit::Money);
        QCOMPARE(parsed.errors.size(), 1);
        QCOMPARE(parsed.errors[0].line, 5);
    }

    // "N uploads from unregistered meters" on the overview, one click to their list.
    void overviewShowsQuarantinedUploads()
    {
        UploadWrite w;
        w.journal.at = QDateTime::currentMSecsSinceEpoch();
        w.journal.endpoint = QStringLiteral("meterDataUp");
        w.journal.body = R"({"meterNo":"Q0000001"})";
        w.journal.returnCode = QStringLiteral("0000");
        QuarantinedRecord q;
        q.meterNo = QStringLiteral("Q0000001");
        q.uploadName = QStringLiteral("meterDataUp");
        q.record = R"({"meterNo":"Q0000001"})";
        w.quarantined << q;
        QVERIFY(awaitResult(m_world.store->submit(w)).ok);

        ConsoleContext context(m_world.store, m_world.settings);
        OverviewView view(&context);
        view.show();
        view.refresh();
        auto *button = view.findChild<QPushButton *>(QStringLiteral("quarantineButton"));
        QVERIFY(button);
        QTRY_VERIFY_WITH_TIMEOUT(button->isVisible(), 10000);
        QVERIFY(button->text().startsWith(u'1'));
        button->click();
        QMessageBox *list = nullptr;
        QTRY_VERIFY((list = view.findChild<QMessageBox *>(QStringLiteral("quarantineView"))));
        QVERIFY(list->detailedText().contains(QStringLiteral("Q0000001")));
        list->close();
    }
};

QTEST_MAIN(TestFormsSpec)
#include "tst_formsspec.moc"
