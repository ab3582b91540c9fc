// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace md {

LanguageManager *LanguageManager::instance()
{
    static LanguageManager *manager = new LanguageManager(QCoreApplication::instance());
    return manager;
}

QString LanguageManager::systemLanguage()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString LanguageManager::catalogPath(const QString &lang)
{
    return QStringLiteral(":/i18n/meterdesk_%1.qm").arg(lang);
}

bool LanguageManager::setLanguage(const QString &code)
{
    m_requested = code;
    const QString lang = code.isEmpty() ? systemLanguage() : code;
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_app);
        QCoreApplication::removeTranslator(&m_qt);
        m_installed = false;
    }
    bool ok = true;
    if (lang != u"en") {
        ok = m_app.load(catalogPath(lang));
        if (ok) {
            // Qt's own strings (dialog buttons, context menus); optional.
            if (m_qt.load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QCoreApplication::installTranslator(&m_qt);
            QCoreApplication::installTranslator(&m_app);
            m_installed = true;
        }
    }
    m_effective = ok ? lang : QStringLiteral("en");
    QLocale::setDefault(QLocale(m_effective == u"zh_CN" ? QLocale::Chinese : QLocale::English,
                                m_effective == u"zh_CN" ? QLocale::China : QLocale::UnitedStates));
    if (!m_installed) {
        // Removing the last translator sends LanguageChange too; nothing else to do.
    }
    emit languageChanged(m_effective);
    return ok;
}

} // namespace md
