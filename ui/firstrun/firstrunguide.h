// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The empty state of a new desk (no settings file yet): three steps in the order a desk is set up -
// connect to the Qinchuan platform (the settings, with their connection test), import the meter
// registry (CSV), or try the demo first - and, when the listener could not start because its port
// is taken, what to do in plain words. It sits above the pages until closed or until the desk is
// set up.

#include <QWidget>

class QLabel;
class QPushButton;

namespace md {

class FirstRunGuide : public QWidget
{
    Q_OBJECT
public:
    explicit FirstRunGuide(QWidget *parent = nullptr);

    // The listener's problem in our words (ListenerErrors), or empty when it listens.
    void setListenerProblem(const QString &what, const QString &advice);

    QPushButton *connectButton() const { return m_connect; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *demoButton() const { return m_demo; }
    QString listenerProblemText() const;

signals:
    void connectRequested();
    void importRequested();
    void demoRequested();
    void portSettingsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title;
    QLabel *m_intro;
    QPushButton *m_connect;
    QPushButton *m_import;
    QPushButton *m_demo;
    QPushButton *m_close;
    QLabel *m_listener;
    QPushButton *m_port;
    QString m_what;
    QString m_advice;
};

} // namespace md
