// SPDX-License-Identifier: GPL-3.0-or-later
// The Listener page of the settings dialog: where uploads are received, limits, TLS files.
#include "settingsdialog.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace md {

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
    form->addRow(tr("TLS &certificate (PEM)"), fileRow(page, m_cert, QStringLiteral("tlsCertificate"), tr("PEM files (*.pem *.crt)")));
    form->addRow(tr("TLS &key (PEM)"), fileRow(page, m_key, QStringLiteral("tlsKey"), tr("PEM files (*.pem *.key)")));
    form->addRow(tr("Client C&A (PEM)"), fileRow(page, m_clientCa, QStringLiteral("tlsClientCa"), tr("PEM files (*.pem *.crt)")));
    auto *note = new QLabel(tr("TLS is on when both files are set. With a client CA, the platform must present a "
                               "certificate issued by it."), page);
    note->setWordWrap(true);
    form->addRow(QString(), note);
    return page;
}

void SettingsDialog::setListenerValues(const Settings &s)
{
    m_listen->setChecked(s.listener.enabled);
    m_host->setText(s.listener.host);
    m_port->setValue(s.listener.port);
    m_prefix->setText(s.listener.pathPrefix);
    m_maxBodyKiB->setValue(int(qBound(qint64(1), s.listener.maxBodyBytes / 1024, qint64(1024 * 1024))));
    m_tolerance->setValue(s.listener.timestampToleranceSeconds);
    m_cert->setText(s.listener.tlsCertificate);
    m_key->setText(s.listener.tlsKey);
    m_clientCa->setText(s.listener.tlsClientCa);
}

void SettingsDialog::readListenerValues(Settings &s) const
{
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
}

} // namespace md
