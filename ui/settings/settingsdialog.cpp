// SPDX-License-Identifier: GPL-3.0-or-later
// The dialog: its three pages (settingsplatformtab.cpp, settingslistenertab.cpp,
// settingsgeneraltab.cpp), the check of the values (Settings::check), saving and the connection test.
#include "settingsdialog.h"

#include "connectionprobe.h"
#include "core/whendone.h"
#include "ui/models/consolecontext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
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

QWidget *SettingsDialog::fileRow(QWidget *page, QLineEdit *&edit, const QString &objectName, const QString &filter)
{
    auto *box = new QWidget(page);
    auto *h = new QHBoxLayout(box);
    h->setContentsMargins(0, 0, 0, 0);
    edit = new QLineEdit(box);
    edit->setObjectName(objectName);
    auto *browse = new QToolButton(box);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose a file"));
    QLineEdit *target = edit;
    connect(browse, &QToolButton::clicked, this, [this, target, filter] { browseFile(target, filter); });
    h->addWidget(edit, 1);
    h->addWidget(browse);
    return box;
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
    setPlatformValues(s);
    setListenerValues(s);
    setGeneralValues(s);
}

Settings SettingsDialog::settings() const
{
    Settings s = m_original;
    readPlatformValues(s);
    readListenerValues(s);
    readGeneralValues(s);
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
