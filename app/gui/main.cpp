// SPDX-License-Identifier: GPL-3.0-or-later
// meterdesk: the console. Everything it does lives in the ui library (ui/app); this file only names
// the executable's entry point, so app/ holds no Widgets code.

#include "ui/app/consoleapp.h"

int main(int argc, char *argv[])
{
    return md::runConsole(argc, argv);
}
