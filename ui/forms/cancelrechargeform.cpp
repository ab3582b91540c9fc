// SPDX-License-Identifier: GPL-3.0-or-later
#include "cancelrechargeform.h"

#include "formcontext.h"
#include "rechargeledgermodel.h"

#include "core/whendone.h"
#include "storage/store.h"
#include "ui/models/consolecontext.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>

namespace md {

CancelRechargeForm::CancelRechargeForm(const MessageSpec &spec, QWidget *parent)
    : CommandForm(spec, parent, {QStringLiteral("tradeNo"), QStringLiteral("rechargeNum")})
{
    m_model = new RechargeLedgerModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("ledgerView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setMinimumHeight(160);
    m_view->setTabKeyNavigation(false);
    m_picked = new QLabel(tr("Choose the recharge to cancel in the ledger."), this);
    m_picked->setObjectName(QStringLiteral("pickedRecharge"));
    m_picked->setWordWrap(true);
    m_error = makeErrorLabel(this, QStringLiteral("tradeNo_error"));
    formLayout()->addRow(tr("Recharge ledger"), m_view);
    formLayout()->addRow(tr("To cancel"), m_picked);
    formLayout()->addRow(QString(), m_error);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CancelRechargeForm::onPicked);
}

void CancelRechargeForm::setContext(const FormContext &context)
{
    if (!context.store || meterNo().isEmpty())
        return;
    const std::shared_ptr<Store> store = context.store;
    const QString meter = meterNo();
    whenDone(QtConcurrent::run(ConsoleContext::readPool(), [store, meter] { return store->rechargeLedger(meter); }), this,
        [this](const Result<QList<RechargeLedgerEntry>> &r) {
            if (r.ok()) {
                m_model->setEntries(r.value(), time());
                m_view->resizeColumnsToContents();
            } else {
                m_picked->setText(tr("The ledger could not be read: %1").arg(r.error().message()));
            }
            if (!m_wantedTradeNo.isEmpty())
                selectTradeNo(m_wantedTradeNo);
            emit ledgerLoaded();
        });
}

bool CancelRechargeForm::selectTradeNo(const QString &tradeNo)
{
    m_wantedTradeNo = tradeNo;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex idx = m_model->index(row, 0);
        if (idx.data(RechargeLedgerModel::TradeNoRole).toString() == tradeNo
            && idx.data(RechargeLedgerModel::CancellableRole).toBool()) {
            m_view->selectRow(row);
            return true;
        }
    }
    return false;
}

void CancelRechargeForm::onPicked()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_tradeNo.clear();
        m_amount.clear();
        m_picked->setText(tr("Choose the recharge to cancel in the ledger."));
    } else {
        m_tradeNo = rows.first().data(RechargeLedgerModel::TradeNoRole).toString();
        m_amount = rows.first().data(RechargeLedgerModel::WireAmountRole).toString();
        m_picked->setText(tr("%1 · %2").arg(m_tradeNo, displayAmount()));
    }
    onEdited();
}

QString CancelRechargeForm::displayAmount() const
{
    const auto m = Money::parse(m_amount);
    return m ? QStringLiteral("¥%1").arg(m->format(2)) : QString();
}

QJsonObject CancelRechargeForm::params() const
{
    QJsonObject p = CommandForm::params();
    if (!m_tradeNo.isEmpty())
        p.insert(QStringLiteral("tradeNo"), m_tradeNo);
    if (!m_amount.isEmpty())
        p.insert(QStringLiteral("rechargeNum"), m_amount);
    return p;
}

void CancelRechargeForm::setValue(const QString &field, const QString &wireText)
{
    if (field == u"tradeNo")
        selectTradeNo(wireText);
    else
        CommandForm::setValue(field, wireText);
}

QWidget *CancelRechargeForm::firstInput() const
{
    return m_view;
}

QList<Error> CancelRechargeForm::placeErrors(const QList<Error> &errors)
{
    QList<Error> mine, rest;
    for (const Error &e : errors)
        (e.path == u"tradeNo" || e.path == u"rechargeNum" || e.code == u"1201" ? mine : rest) << e;
    // Before anything is picked, "choose a recharge" says it better than a code.
    showFieldError(m_error, m_tradeNo.isEmpty() ? QList<Error>{} : mine);
    return rest;
}

void CancelRechargeForm::setOwnReadOnly(bool readOnly)
{
    m_view->setEnabled(!readOnly);
}

} // namespace md
