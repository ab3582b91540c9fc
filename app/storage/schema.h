// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Versioned migrations (schema_version table). Each step is a list of statements run in one
// transaction; a database newer than this build is refused rather than misread.

#include "connection.h"

#include <QStringList>

namespace md {

int latestSchemaVersion();
// Brings the schema to latestSchemaVersion(). Returns the version now in place.
Result<int> migrate(Db &db);
// The version of an existing database without changing it (0: no schema yet).
Result<int> currentSchemaVersion(Db &db);
// Every data table in dependency-free copy order (for migrate/copy and tableCounts).
const QStringList &dataTables();

} // namespace md
