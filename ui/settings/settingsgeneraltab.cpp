// SPDX-License-Identifier: GPL-3.0-or-later
// The General page of the settings dialog: language, database, operator, receipts and the
// large-recharge thresholds.
#include "settingsdialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSqlDatabase>

namespace md {

QWidget *SettingsDialog::buildGeneralTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("Follow the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    form->addRow(tr("&Language"), m_language);
    QWidget *dbBox = fileRow(page, m_database, QStringLiteral("database"), tr("SQLite databases (*.sqlite *.db)"));
    m_database->setPlaceholderText(Settings::defaultDatabasePath());
    form->addRow(tr("&Database"), dbBox);
    auto *dbNote = new QLabel(tr("A file path, or postgresql://user@host:port/db (password from MD_PG_PASSWORD). "
                                 "A new database is opened at the next start."),
                              page);
    // The MinGW build for Windows has no PostgreSQL driver (no libpq for MinGW): say so where the URL is typed.
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        dbNote->setText(dbNote->text() + QLatin1Char(' ')
                        + tr("This build has no PostgreSQL driver: SQLite files only (a shared server needs the MSVC build)."));
    dbNote->setWordWrap(true);
    form->addRow(QString(), dbNote);
    m_operator = new QLineEdit(page);
    m_operator->setObjectName(QStringLiteral("operatorName"));
    form->addRow(tr("&Operator name"), m_operator);
    auto *opNote = new QLabel(tr("Shown on receipts and in the status bar. Every command, acknowledgement, export "
                                 "and print records it together with the computer account (%1). Empty: the account "
                                 "name alone.").arg(OperatorIdentity::loginName()), page);
    opNote->setWordWrap(true);
    form->addRow(QString(), opNote);
    // The recharge receipt: who issues it, and on what paper.
    m_company = new QLineEdit(page);
    m_company->setObjectName(QStringLiteral("receiptCompany"));
    form->addRow(tr("Company name (receipts)"), m_company);
    m_desk = new QLineEdit(page);
    m_desk->setObjectName(QStringLiteral("receiptDesk"));
    m_desk->setPlaceholderText(tr("e.g. Service hall, counter 2"));
    form->addRow(tr("Desk name (receipts)"), m_desk);
    m_paper = new QComboBox(page);
    m_paper->setObjectName(QStringLiteral("receiptPaper"));
    m_paper->addItem(tr("80 mm receipt roll"), QStringLiteral("thermal80"));
    m_paper->addItem(tr("A5"), QStringLiteral("a5"));
    m_paper->addItem(tr("A4"), QStringLiteral("a4"));
    form->addRow(tr("Receipt paper"), m_paper);
    // An unusually large recharge is asked about once more (never refused); 0 never asks.
    auto numberEdit = [page](const char *name, int decimals) {
        auto *e = new QLineEdit(page);
        e->setObjectName(QLatin1String(name));
        e->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("\\d{1,12}(\\.\\d{0,%1})?").arg(decimals)), e));
        e->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return e;
    };
    m_largeYuan = numberEdit("confirmAboveYuan", 2);
    form->addRow(tr("Ask again for recharges above (yuan)"), m_largeYuan);
    m_largeM3 = numberEdit("confirmAboveM3", 3);
    form->addRow(tr("Ask again for recharges above (m³)"), m_largeM3);
    return page;
}

void SettingsDialog::setGeneralValues(const Settings &s)
{
    const int lang = m_language->findData(s.language);
    m_language->setCurrentIndex(lang < 0 ? 0 : lang);
    m_database->setText(s.storage.database);
    m_operator->setText(s.operatorName);
    m_operator->setPlaceholderText(OperatorIdentity::loginName());
    m_company->setText(s.receipt.companyName);
    m_desk->setText(s.receipt.deskName);
    const int paper = m_paper->findData(s.receipt.paper);
    m_paper->setCurrentIndex(paper < 0 ? 1 : paper);
    m_largeYuan->setText(s.recharge.confirmAboveAmount.format(2));
    m_largeM3->setText(s.recharge.confirmAboveVolume.format(3));
}

void SettingsDialog::readGeneralValues(Settings &s) const
{
    s.language = m_language->currentData().toString();
    s.storage.database = m_database->text().trimmed();
    s.operatorName = m_operator->text().trimmed();
    s.receipt.companyName = m_company->text().trimmed();
    s.receipt.deskName = m_desk->text().trimmed();
    s.receipt.paper = m_paper->currentData().toString();
    if (const auto m = Money::parse(m_largeYuan->text().trimmed()))
        s.recharge.confirmAboveAmount = *m;
    if (const auto v = Volume::parse(m_largeM3->text().trimmed()))
        s.recharge.confirmAboveVolume = *v;
}

} // namespace md
