// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the language tests start from: a SQLite store in a temporary folder holding one meter, the
// console in English over it and its main window (not yet shown).

#include "storage/store.h"
#include "ui/i18n/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/models/consolecontext.h"

#include <QTemporaryDir>

#include <memory>

namespace md::testing {

class OneMeterConsole
{
    QTemporaryDir m_dir; // first: removed after everything that uses the database in it

public:
    OneMeterConsole()
    {
        meter.meterNo = QStringLiteral("31010000001");
        meter.userName = QStringLiteral("张三");
    }

    // Empty when it worked, else what failed.
    QString open()
    {
        StoreOptions o;
        o.database = m_dir.filePath(QStringLiteral("lang.sqlite"));
        auto opened = Store::open(o);
        if (!opened.ok())
            return opened.error().detail;
        store = opened.value();
        if (!store->upsertMeters({meter}).result().ok())
            return QStringLiteral("meter not stored");
        if (!LanguageManager::instance()->setLanguage(QStringLiteral("en")))
            return QStringLiteral("English not loaded");
        context = std::make_unique<ConsoleContext>(store, Settings{});
        window = std::make_unique<MainWindow>(context.get());
        return {};
    }

    MeterInfo meter;
    std::shared_ptr<Store> store;
    std::unique_ptr<ConsoleContext> context;
    std::unique_ptr<MainWindow> window; // destroyed first, before the context and the store
};

} // namespace md::testing
