// SPDX-License-Identifier: GPL-3.0-or-later
// The Platform page of the settings dialog: where the platform is, the credentials (secrets only
// set or changed, never shown), the protocol options and the connection test.
#include "settingsdialog.h"

#include "connectionprobe.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>

namespace md {

QLineEdit *SettingsDialog::secretEdit(QWidget *parent, const QString &objectName, QWidget **row)
{
    auto *box = new QWidget(parent);
    auto *h = new QHBoxLayout(box);
    h->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(box);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    // Secrets never reach the clipboard or an input method's history.
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    auto *show = new QToolButton(box);
    show->setObjectName(objectName + QStringLiteral("Show"));
    show->setText(tr("Show"));
    show->setCheckable(true);
    connect(show, &QToolButton::toggled, edit, [edit, show](bool on) {
        edit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        show->setText(on ? tr("Hide") : tr("Show"));
    });
    h->addWidget(edit, 1);
    h->addWidget(show);
    *row = box;
    return edit;
}

QWidget *SettingsDialog::buildPlatformTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_baseUrl = new QLineEdit(page);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("http://qinchuan.example:9080"));
    form->addRow(tr("Base &URL"), m_baseUrl);
    m_appId = new QLineEdit(page);
    m_appId->setObjectName(QStringLiteral("appId"));
    form->addRow(tr("App &ID"), m_appId);
    QWidget *row = nullptr;
    m_appSecret = secretEdit(page, QStringLiteral("appSecret"), &row);
    form->addRow(tr("App &secret"), row);
    m_aesKey = secretEdit(page, QStringLiteral("aesKey"), &row);
    form->addRow(tr("&AES key (16 bytes)"), row);
    m_tokenCase = new QComboBox(page);
    m_tokenCase->setObjectName(QStringLiteral("tokenCase"));
    m_tokenCase->addItem(tr("Upper case"), int(TokenCase::Upper));
    m_tokenCase->addItem(tr("Lower case"), int(TokenCase::Lower));
    form->addRow(tr("Access token case"), m_tokenCase);
    m_signMode = new QComboBox(page);
    m_signMode->setObjectName(QStringLiteral("signMode"));
    m_signMode->addItem(tr("Off"), int(SignMode::Off));
    m_signMode->addItem(tr("Lenient (sign commands, check signed uploads)"), int(SignMode::Lenient));
    m_signMode->addItem(tr("Strict (uploads must be signed)"), int(SignMode::Strict));
    form->addRow(tr("Signature"), m_signMode);
    m_encrypt = new QCheckBox(tr("Encrypt sensitive values (AES-128-ECB)"), page);
    m_encrypt->setObjectName(QStringLiteral("encryptSensitive"));
    form->addRow(QString(), m_encrypt);
    m_timeZone = new QComboBox(page);
    m_timeZone->setObjectName(QStringLiteral("timeZone"));
    m_timeZone->setEditable(true);
    m_timeZone->addItems({QStringLiteral("Asia/Shanghai"), QStringLiteral("Asia/Urumqi"),
                          QStringLiteral("Asia/Hong_Kong"), QStringLiteral("Asia/Taipei"), QStringLiteral("UTC")});
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &SettingsDialog::updateState);
    form->addRow(tr("Platform time zone"), m_timeZone);
    m_timeout = new QSpinBox(page);
    m_timeout->setObjectName(QStringLiteral("requestTimeoutSeconds"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    form->addRow(tr("Request timeout"), m_timeout);
    m_ttl = new QSpinBox(page);
    m_ttl->setObjectName(QStringLiteral("commandTtlHours"));
    m_ttl->setRange(1, 24 * 30);
    m_ttl->setSuffix(tr(" h"));
    m_ttl->setToolTip(tr("A sent command without a result after this long becomes expired. NB-IoT meters wake "
                         "about once a day."));
    form->addRow(tr("Command lifetime"), m_ttl);

    auto *testRow = new QWidget(page);
    auto *h = new QHBoxLayout(testRow);
    h->setContentsMargins(0, 0, 0, 0);
    m_test = new QPushButton(tr("&Test connection"), testRow);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAutoDefault(false);
    m_testResult = new QLabel(testRow);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    h->addWidget(m_test);
    h->addWidget(m_testResult, 1);
    form->addRow(QString(), testRow);
    connect(m_test, &QPushButton::clicked, this, [this] {
        m_test->setEnabled(false);
        m_testResult->setStyleSheet(QString());
        m_testResult->setText(tr("Testing…"));
        m_probe->start(settings().platform);
    });
    return page;
}

void SettingsDialog::setPlatformValues(const Settings &s)
{
    m_baseUrl->setText(s.platform.baseUrl);
    m_appId->setText(s.platform.appId);
    // A stored secret is never put back into an edit: the edits only set or change it.
    m_appSecret->clear();
    m_appSecret->setPlaceholderText(s.platform.appSecret.isEmpty() ? tr("not set") : tr("stored: type a new one to change it"));
    m_aesKey->clear();
    m_aesKey->setPlaceholderText(s.platform.aesKey.isEmpty() ? tr("empty: the first 16 bytes of the app secret")
                                                              : tr("stored: type a new one to change it"));
    m_tokenCase->setCurrentIndex(m_tokenCase->findData(int(s.platform.tokenCase)));
    m_signMode->setCurrentIndex(m_signMode->findData(int(s.platform.signMode)));
    m_encrypt->setChecked(s.platform.encryptSensitive);
    m_timeZone->setCurrentText(QString::fromUtf8(s.platform.timeZone));
    m_timeout->setValue(s.platform.requestTimeoutSeconds);
    m_ttl->setValue(s.platform.commandTtlHours);
}

void SettingsDialog::readPlatformValues(Settings &s) const
{
    s.platform.baseUrl = m_baseUrl->text().trimmed();
    s.platform.appId = m_appId->text().trimmed();
    // An empty secret edit keeps the stored value.
    if (!m_appSecret->text().isEmpty())
        s.platform.appSecret = m_appSecret->text();
    if (!m_aesKey->text().isEmpty())
        s.platform.aesKey = m_aesKey->text();
    s.platform.tokenCase = TokenCase(m_tokenCase->currentData().toInt());
    s.platform.signMode = SignMode(m_signMode->currentData().toInt());
    s.platform.encryptSensitive = m_encrypt->isChecked();
    s.platform.timeZone = m_timeZone->currentText().trimmed().toUtf8();
    s.platform.requestTimeoutSeconds = m_timeout->value();
    s.platform.commandTtlHours = m_ttl->value();
}

} // namespace md
