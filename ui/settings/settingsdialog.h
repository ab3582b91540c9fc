// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The settings of protocol.md section 9 in three tabs - Platform, Listener, General - plus the
// console's own (language, operator name). Secrets (appSecret, aesKey) are never shown: their edits
// start empty ("stored" or "not set") and only set or change them, masked with a "show" toggle for
// what is being typed; they are never logged. "Test connection" probes the platform with the values being edited
// (ConnectionProbe, asynchronous). Apply / OK write the INI off the GUI thread, then emit
// settingsChanged(Settings): the main window rebinds the listener, switches the language and hands
// the platform settings to the command service - no restart.

#include "core/settings.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace md {

class ConnectionProbe;
class Store;
struct ProbeResult;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // iniPath empty: nothing is written, settingsChanged still announces the new values.
    SettingsDialog(const Settings &settings, const QString &iniPath, std::shared_ptr<Store> store = {},
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    Settings settings() const; // what the widgets hold now
    void setSettings(const Settings &settings);
    // Checks the values; the first problem as "key: why" (e.g. "listener/port: ..."), empty when fine.
    QString problem() const;
    // Applies: validates, saves (async), emits settingsChanged. false when a value is invalid.
    bool apply();

    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *appSecretEdit() const { return m_appSecret; }
    QLineEdit *aesKeyEdit() const { return m_aesKey; }
    QSpinBox *listenerPortSpin() const { return m_port; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResultLabel() const { return m_testResult; }

    static QStringList languageCodes(); // "", "en", "zh_CN"

signals:
    void settingsChanged(const md::Settings &settings);
    void saveFailed(const QString &message);
    void connectionTested(const md::ProbeResult &result);

private:
    QWidget *buildPlatformTab();
    QWidget *buildListenerTab();
    QWidget *buildGeneralTab();
    QLineEdit *secretEdit(QWidget *parent, const QString &objectName, QWidget **row);
    // A path edit with a "…" button that opens a file dialog.
    QWidget *fileRow(QWidget *page, QLineEdit *&edit, const QString &objectName, const QString &filter);
    void browseFile(QLineEdit *target, const QString &filter);
    // Each page's part of setSettings() / settings(), in the page's file.
    void setPlatformValues(const Settings &s);
    void readPlatformValues(Settings &s) const;
    void setListenerValues(const Settings &s);
    void readListenerValues(Settings &s) const;
    void setGeneralValues(const Settings &s);
    void readGeneralValues(Settings &s) const;
    void onProbeFinished(const ProbeResult &result);
    void updateState();

    QString m_iniPath;
    std::shared_ptr<Store> m_store;
    Settings m_original;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    // Platform
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_appId = nullptr;
    QLineEdit *m_appSecret = nullptr;
    QLineEdit *m_aesKey = nullptr;
    QComboBox *m_tokenCase = nullptr;
    QComboBox *m_signMode = nullptr;
    QCheckBox *m_encrypt = nullptr;
    QComboBox *m_timeZone = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_ttl = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    ConnectionProbe *m_probe = nullptr;
    // Listener
    QCheckBox *m_listen = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_prefix = nullptr;
    QSpinBox *m_maxBodyKiB = nullptr;
    QSpinBox *m_tolerance = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_clientCa = nullptr;
    // General
    QComboBox *m_language = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_operator = nullptr;
    QLineEdit *m_company = nullptr;
    QLineEdit *m_desk = nullptr;
    QComboBox *m_paper = nullptr;
    QLineEdit *m_largeYuan = nullptr;
    QLineEdit *m_largeM3 = nullptr;
};

} // namespace md
