// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A request body that can be read once and never rewound.
//
// Qt's HTTP stack (checked on 6.4) silently sends a POST again when the server closes the connection
// without an answer, by rewinding the upload device. A command (a recharge above all) must never
// leave twice by accident, so commands are posted from this sequential, non-resettable device with
// QNetworkRequest::DoNotBufferUploadDataAttribute: the rewind fails and the reply ends with an error
// (ContentReSendError / RemoteHostClosedError) instead, which the client reports as unreachable.

#include <QByteArray>
#include <QIODevice>

namespace md {

class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr) : QIODevice(parent), m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = qMin(max, qint64(m_data.size()) - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace md
