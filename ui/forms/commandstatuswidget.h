// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The live state of one command under a form: queued -> "Sent - waiting for the meter" (a NORMAL,
// calm state: NB-IoT meters wake about once a day) -> succeeded / failed / expired, or rejected with
// the platform's message, unreachable, cancelled, accepted. Follows CommandService::commandChanged;
// a row seen out of order (older changeId) never moves the display backwards.

#include "storage/commandrecord.h"

#include <QWidget>

class QLabel;

namespace md {

class CommandService;

class CommandStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit CommandStatusWidget(CommandService *service, QWidget *parent = nullptr);

    // Starts following this command (shows `record` now, then fetches the current row).
    void follow(const CommandRecord &record);
    QString commandSeq() const { return m_record.commandSeq; }
    bool hasCommand() const { return !m_record.commandSeq.isEmpty(); }
    CommandState state() const { return m_record.state; }
    const CommandRecord &record() const { return m_record; }
    QString stateText() const; // what the big line says (tests read it)

    // The translated sentence for a state (its short label and colour: md::CommandText).
    static QString describe(const CommandRecord &record);

signals:
    void stateChanged(md::CommandState state);

private:
    void apply(const CommandRecord &record);

    CommandService *m_service = nullptr;
    CommandRecord m_record;
    QLabel *m_state = nullptr;
    QLabel *m_detail = nullptr;
};

} // namespace md
