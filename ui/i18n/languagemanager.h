// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runtime language switching: installs the console's catalogue (:/i18n/meterdesk_<lang>.qm, embedded
// by qt_add_translations) and Qt's own (qtbase_<lang>.qm). Installing a translator makes Qt send
// QEvent::LanguageChange to every widget, and each window retranslates itself in changeEvent().

#include <QObject>
#include <QString>
#include <QTranslator>

namespace md {

class LanguageManager : public QObject
{
    Q_OBJECT
public:
    static LanguageManager *instance();

    // "" (follow the system locale), "en" or "zh_CN". Returns false when the catalogue is missing
    // (the UI then stays in English).
    bool setLanguage(const QString &code);
    QString language() const { return m_requested; } // as requested ("" = system)
    QString effectiveLanguage() const { return m_effective; }
    static QString systemLanguage(); // "zh_CN" for a Chinese system locale, else "en"
    static QString catalogPath(const QString &lang);

signals:
    void languageChanged(const QString &effectiveLanguage);

private:
    using QObject::QObject;
    QTranslator m_app;
    QTranslator m_qt;
    bool m_installed = false;
    QString m_requested;
    QString m_effective = QStringLiteral("en");
};

} // namespace md
