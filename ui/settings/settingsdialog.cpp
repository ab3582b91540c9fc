// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "connectionprobe.h"
#include "core/whendone.h"
#include "ui/models/consolecontext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace md {

SettingsDialog::SettingsDialog(const Settings &settings, const QString &iniPath, std::shared_ptr<Store> store,
                               QWidget *parent)
    : QDialog(parent), m_iniPath(iniPath), m_store(std::move(store)), m_original(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildPlatformTab(), tr("&Platform"));
    m_tabs->addTab(buildListenerTab(), tr("&Listener"));
    m_tabs->addTab(buildGeneralTab(), tr("&General"));
    layout->addWidget(m_tabs);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    m_probe = new ConnectionProbe(m_store, this);
    connect(m_probe, &ConnectionProbe::finished, this, &SettingsDialog::onProbeFinished);
    setSettings(settings);
    // Any edit re-checks the values (and the OK / Apply buttons follow).
    for (auto *e : findChildren<QLineEdit *>())
        connect(e, &QLineEdit::textChanged, this, &SettingsDialog::updateState);
    for (auto *s : findChildren<QSpinBox *>())
        connect(s, &QSpinBox::valueChanged, this, &SettingsDialog::updateState);
    for (auto *c : findChildren<QCheckBox *>())
        connect(c, &QCheckBox::toggled, this, &SettingsDialog::updateState);
    updateState();
}

SettingsDialog::~SettingsDialog() = default;

QStringList SettingsDialog::languageCodes()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("zh_CN")};
}

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

QWidget *SettingsDialog::buildListenerTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_listen = new QCheckBox(tr("&Receive uploads from the platform"), page);
    m_listen->setObjectName(QStringLiteral("listenerEnabled"));
    form->addRow(QString(), m_listen);
    m_host = new QLineEdit(page);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setToolTip(tr("0.0.0.0: every network interface; 127.0.0.1: this computer only"));
    form->addRow(tr("&Host"), m_host);
    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    form->addRow(tr("P&ort"), m_port);
    m_prefix = new QLineEdit(page);
    m_prefix->setObjectName(QStringLiteral("pathPrefix"));
    form->addRow(tr("Path &prefix"), m_prefix);
    m_maxBodyKiB = new QSpinBox(page);
    m_maxBodyKiB->setObjectName(QStringLiteral("maxBodyKiB"));
    m_maxBodyKiB->setRange(1, 1024 * 1024);
    m_maxBodyKiB->setSuffix(tr(" KiB"));
    form->addRow(tr("Largest request body"), m_maxBodyKiB);
    m_tolerance = new QSpinBox(page);
    m_tolerance->setObjectName(QStringLiteral("timestampToleranceSeconds"));
    m_tolerance->setRange(1, 24 * 3600);
    m_tolerance->setSuffix(tr(" s"));
    form->addRow(tr("Clock tolerance"), m_tolerance);
    auto fileRow = [&](QLineEdit *&edit, const QString &name, const QString &filter) {
        auto *box = new QWidget(page);
        auto *h = new QHBoxLayout(box);
        h->setContentsMargins(0, 0, 0, 0);
        edit = new QLineEdit(box);
        edit->setObjectName(name);
        auto *browse = new QToolButton(box);
        browse->setText(tr("…"));
        browse->setToolTip(tr("Choose a file"));
        QLineEdit *target = edit;
        connect(browse, &QToolButton::clicked, this, [this, target, filter] { browseFile(target, filter); });
        h->addWidget(edit, 1);
        h->addWidget(browse);
        return box;
    };
    form->addRow(tr("TLS &certificate (PEM)"), fileRow(m_cert, QStringLiteral("tlsCertificate"), tr("PEM files (*.pem *.crt)")));
    form->addRow(tr("TLS &key (PEM)"), fileRow(m_key, QStringLiteral("tlsKey"), tr("PEM files (*.pem *.key)")));
    form->addRow(tr("Client C&A (PEM)"), fileRow(m_clientCa, QStringLiteral("tlsClientCa"), tr("PEM files (*.pem *.crt)")));
    auto *note = new QLabel(tr("TLS is on when both files are set. With a client CA, the platform must present a "
                               "certificate issued by it."), page);
    note->setWordWrap(true);
    form->addRow(QString(), note);
    return page;
}

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
    auto *dbBox = new QWidget(page);
    auto *h = new QHBoxLayout(dbBox);
    h->setContentsMargins(0, 0, 0, 0);
    m_database = new QLineEdit(dbBox);
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setPlaceholderText(Settings::defaultDatabasePath());
    auto *browse = new QToolButton(dbBox);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose a file"));
    connect(browse, &QToolButton::clicked, this,
            [this] { browseFile(m_database, tr("SQLite databases (*.sqlite *.db)")); });
    h->addWidget(m_database, 1);
    h->addWidget(browse);
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

void SettingsDialog::browseFile(QLineEdit *target, const QString &filter)
{
    auto *dlg = new QFileDialog(this, tr("Choose a file"), QFileInfo(target->text()).absolutePath(), filter);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QFileDialog::fileSelected, target, &QLineEdit::setText);
    dlg->open();
}

void SettingsDialog::setSettings(const Settings &s)
{
    m_original = s;
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
    m_listen->setChecked(s.listener.enabled);
    m_host->setText(s.listener.host);
    m_port->setValue(s.listener.port);
    m_prefix->setText(s.listener.pathPrefix);
    m_maxBodyKiB->setValue(int(qBound(qint64(1), s.listener.maxBodyBytes / 1024, qint64(1024 * 1024))));
    m_tolerance->setValue(s.listener.timestampToleranceSeconds);
    m_cert->setText(s.listener.tlsCertificate);
    m_key->setText(s.listener.tlsKey);
    m_clientCa->setText(s.listener.tlsClientCa);
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

Settings SettingsDialog::settings() const
{
    Settings s = m_original;
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
    s.listener.enabled = m_listen->isChecked();
    s.listener.host = m_host->text().trimmed();
    s.listener.port = quint16(m_port->value());
    s.listener.pathPrefix = m_prefix->text().trimmed();
    // Keep the exact byte count when the KiB figure was not touched (8 MiB stays 8388608).
    if (m_maxBodyKiB->value() != int(m_original.listener.maxBodyBytes / 1024))
        s.listener.maxBodyBytes = qint64(m_maxBodyKiB->value()) * 1024;
    s.listener.timestampToleranceSeconds = m_tolerance->value();
    s.listener.tlsCertificate = m_cert->text().trimmed();
    s.listener.tlsKey = m_key->text().trimmed();
    s.listener.tlsClientCa = m_clientCa->text().trimmed();
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
    return s;
}

QString SettingsDialog::problem() const
{
    const Result<void> checked = settings().check();
    return checked.ok() ? QString() : Settings::checkMessage(checked.error());
}

void SettingsDialog::updateState()
{
    const QString p = problem();
    m_problem->setText(p);
    m_problem->setVisible(!p.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(p.isEmpty());
}

bool SettingsDialog::apply()
{
    if (!problem().isEmpty())
        return false;
    const Settings s = settings();
    m_original = s;
    // The running console takes the new values now; the file follows off the GUI thread.
    emit settingsChanged(s);
    if (!m_iniPath.isEmpty()) {
        const QString path = m_iniPath;
        whenDone(QtConcurrent::run(ConsoleContext::readPool(), [s, path] { return s.save(path); }), this, [this](const Result<void> &r) {
            if (!r.ok())
                emit saveFailed(tr("The settings could not be saved: %1").arg(r.error().message()));
        });
    }
    return true;
}

void SettingsDialog::onProbeFinished(const ProbeResult &r)
{
    m_test->setEnabled(true);
    m_testResult->setText(r.message);
    m_testResult->setStyleSheet(r.verdict == ProbeResult::Verdict::Ok ? QStringLiteral("color: #1b7f3b;")
                                                                      : QStringLiteral("color: #b3261e;"));
    emit connectionTested(r);
}

} // namespace md
