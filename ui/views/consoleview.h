// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The small contract between the main window and each page it shows: a translated title, the
// table "Export to CSV" writes, a refresh when the page becomes visible, and runtime retranslation
// (QEvent::LanguageChange -> retranslateUi(), as Deskflow does).

#include "ui/models/tableexport.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QWidget>

namespace md {

class ConsoleContext;

class ConsoleView : public QWidget
{
    Q_OBJECT
public:
    explicit ConsoleView(ConsoleContext *context, QWidget *parent = nullptr) : QWidget(parent), m_context(context) {}

    virtual QString title() const = 0;
    virtual QAbstractItemModel *exportModel() const { return nullptr; }
    virtual QString exportBaseName() const { return QStringLiteral("meterdesk"); }
    // Every row matching the page's filter. The default copies exportModel(): right for pages whose
    // model holds all matching rows; a lazily paged model reads the store instead.
    virtual TableExportSource exportSource() const { return TableExportJob::snapshot(*exportModel()); }
    virtual void activate() {} // the page became visible: refresh if stale
    ConsoleContext *context() const { return m_context; }

signals:
    void statusMessage(const QString &text);

protected:
    virtual void retranslateUi() = 0;
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslateUi();
        QWidget::changeEvent(event);
    }

    ConsoleContext *m_context;
};

} // namespace md
