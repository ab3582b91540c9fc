// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstrunguide.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace md {

FirstRunGuide::FirstRunGuide(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("firstRunGuide"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#firstRunGuide { background: #e8f0fe; border-bottom: 1px solid #9ab3e6; }"));
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_connect = new QPushButton(this);
    m_connect->setObjectName(QStringLiteral("firstRunConnect"));
    m_import = new QPushButton(this);
    m_import->setObjectName(QStringLiteral("firstRunImport"));
    m_demo = new QPushButton(this);
    m_demo->setObjectName(QStringLiteral("firstRunDemo"));
    m_close = new QPushButton(this);
    m_close->setFlat(true);
    m_listener = new QLabel(this);
    m_listener->setObjectName(QStringLiteral("firstRunListener"));
    m_listener->setWordWrap(true);
    m_listener->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_listener->setVisible(false);
    m_port = new QPushButton(this);
    m_port->setObjectName(QStringLiteral("firstRunPort"));
    m_port->setVisible(false);

    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_close);
    auto *steps = new QHBoxLayout;
    for (QPushButton *b : {m_connect, m_import, m_demo})
        steps->addWidget(b);
    steps->addStretch(1);
    auto *listener = new QHBoxLayout;
    listener->addWidget(m_listener, 1);
    listener->addWidget(m_port, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addLayout(head);
    layout->addWidget(m_intro);
    layout->addLayout(steps);
    layout->addLayout(listener);

    connect(m_connect, &QPushButton::clicked, this, &FirstRunGuide::connectRequested);
    connect(m_import, &QPushButton::clicked, this, &FirstRunGuide::importRequested);
    connect(m_demo, &QPushButton::clicked, this, &FirstRunGuide::demoRequested);
    connect(m_port, &QPushButton::clicked, this, &FirstRunGuide::portSettingsRequested);
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
    retranslate();
}

void FirstRunGuide::setListenerProblem(const QString &what, const QString &advice)
{
    m_what = what;
    m_advice = advice;
    retranslate();
}

QString FirstRunGuide::listenerProblemText() const
{
    return m_listener->isVisibleTo(const_cast<FirstRunGuide *>(this)) ? m_listener->text() : QString();
}

void FirstRunGuide::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FirstRunGuide::retranslate()
{
    m_title->setText(tr("Welcome to MeterDesk: set up this desk"));
    m_intro->setText(tr("This desk has no settings yet. Three steps, in this order:"));
    m_connect->setText(tr("1. Connect to the Qinchuan platform…"));
    m_connect->setToolTip(tr("Platform address, appId and secret, with a connection test"));
    m_import->setText(tr("2. Import the meter registry (CSV)…"));
    m_demo->setText(tr("Or try the demo"));
    m_demo->setToolTip(tr("Opens MeterDesk on a demo world of a few hundred meters; your own data stays untouched"));
    m_close->setText(tr("Hide"));
    m_listener->setText(m_what.isEmpty() ? QString() : m_what + QLatin1Char(' ') + m_advice);
    m_listener->setVisible(!m_what.isEmpty());
    m_port->setText(tr("Choose another port…"));
    m_port->setVisible(!m_what.isEmpty());
}

} // namespace md
