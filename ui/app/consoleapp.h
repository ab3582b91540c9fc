// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The whole console program (QApplication, options, settings, database, sessions) as one call, so
// that the executable's main under app/gui stays free of any Widgets code.

namespace md {

int runConsole(int argc, char *argv[]);

} // namespace md
