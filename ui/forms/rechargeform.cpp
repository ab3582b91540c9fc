// SPDX-License-Identifier: GPL-3.0-or-later
#include "rechargeform.h"

#include "fieldeditor.h"
#include "fieldlabels.h"
#include "formcontext.h"

#include "core/whendone.h"
#include "storage/store.h"
#include "ui/models/consolecontext.h"

#include <QFormLayout>
#include <QLabel>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace md {

RechargeForm::RechargeForm(const MessageSpec &spec, QWidget *parent) : CommandForm(spec, parent)
{
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("rechargeInfo"));
    m_info->setWordWrap(true);
    m_after = new QLabel(this);
    m_after->setObjectName(QStringLiteral("rechargeAfter"));
    m_after->setWordWrap(true);
    // The dialog's header already names the meter, the customer and the balance.
    m_info->setVisible(false);
    formLayout()->addRow(tr("This recharge"), m_after);
    if (FieldEditor *type = editor(QStringLiteral("rechargeType")))
        connect(type, &FieldEditor::changed, this, &RechargeForm::onTypeChanged);
    connect(this, &CommandForm::edited, this, &RechargeForm::updateSummary);
    onTypeChanged();
}

void RechargeForm::setContext(const FormContext &context)
{
    if (!context.store || meterNo().isEmpty())
        return;
    const std::shared_ptr<Store> store = context.store;
    const QString meter = meterNo();
    whenDone(QtConcurrent::run(ConsoleContext::readPool(), [store, meter] { return store->nextRechargeNumbers(meter, Money()); }), this,
        [this](const Result<RechargeNumbers> &r) {
            if (r.ok())
                m_numbers = r.value();
            updateSummary();
            emit backgroundDataArrived();
        });
}

void RechargeForm::setMeterSummary(const MeterSummary &s)
{
    m_customer = s.info.userName.isEmpty() ? s.row.userName : s.info.userName;
    m_address = s.info.addrDes.isEmpty() ? s.row.addrDes : s.info.addrDes;
    m_balance = s.row.balance ? QStringLiteral("¥%1").arg(s.row.balance->format(2)) : tr("unknown");
    updateSummary();
}

QWidget *RechargeForm::firstInput() const
{
    // The agent types the amount straight away: the type defaults to "by amount".
    if (FieldEditor *num = editor(QStringLiteral("rechargeNum")))
        return num->focusProxy();
    return CommandForm::firstInput();
}

bool RechargeForm::byVolume() const
{
    return params().value(QStringLiteral("rechargeType")).toString() == u"2";
}

std::optional<Money> RechargeForm::amount() const
{
    if (byVolume())
        return std::nullopt;
    return Money::parse(params().value(QStringLiteral("rechargeNum")).toString());
}

std::optional<Volume> RechargeForm::volume() const
{
    if (!byVolume())
        return std::nullopt;
    return Volume::parse(params().value(QStringLiteral("rechargeNum")).toString());
}

QString RechargeForm::displayAmount() const
{
    if (const auto m = amount())
        return QStringLiteral("¥%1").arg(m->format(2));
    if (const auto v = volume())
        return QStringLiteral("%1 m³").arg(v->format(3));
    return QString();
}

QString RechargeForm::wireAmount() const
{
    if (const auto m = amount())
        return m->toString();
    if (const auto v = volume())
        return v->toString();
    return QString();
}

void RechargeForm::onTypeChanged()
{
    FieldEditor *num = editor(QStringLiteral("rechargeNum"));
    if (!num)
        return;
    num->setDecimals(byVolume() ? 3 : 2);
    if (auto *label = qobject_cast<QLabel *>(formLayout()->labelForField(num->widget())))
        label->setText((byVolume() ? tr("Volume (m³)") : tr("Amount (yuan)")) + QStringLiteral(" *"));
    updateSummary();
}

void RechargeForm::updateSummary()
{
    QStringList who;
    who << meterNo();
    if (!m_customer.isEmpty())
        who << m_customer;
    if (!m_address.isEmpty())
        who << m_address;
    if (!m_balance.isEmpty())
        who << tr("balance %1").arg(m_balance);
    m_info->setText(who.join(QStringLiteral(" · ")));

    if (!m_numbers) {
        m_after->setText(tr("Loading the recharge ledger…"));
        return;
    }
    QString text = tr("Recharge no. %1").arg(m_numbers->rechargeCount);
    if (const auto m = amount()) {
        const Money total = m_numbers->creditedTotal + *m;
        text += tr(" · cumulative total after it ¥%1").arg(total.format(2));
    } else if (const auto v = volume()) {
        const Volume total = m_numbers->creditedVolume + *v; // per unit: never added to the yuan total
        text += tr(" · cumulative total after it %1 m³").arg(total.format(3));
    }
    if (m_numbers->pendingCount > 0)
        text += u'\n'
                + tr("Note: %n earlier recharge(s) of this meter are still waiting for the meter's confirmation.", "",
                     int(m_numbers->pendingCount));
    m_after->setText(text);
}

} // namespace md
