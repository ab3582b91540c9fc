// SPDX-License-Identifier: GPL-3.0-or-later
#include "changewatcher.h"
namespace md {
class ChangeWatcher::Private {};
ChangeWatcher::ChangeWatcher(QString, int, QObject *parent) : QObject(parent) {}
ChangeWatcher::~ChangeWatcher() = default;
Result<void> ChangeWatcher::start() { return makeError(QStringLiteral("9999")); }
void ChangeWatcher::stop() {}
qint64 ChangeWatcher::cursor() const { return 0; }
void ChangeWatcher::poll() {}
} // namespace md
