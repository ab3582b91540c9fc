#!/usr/bin/env bash
# CMAKE_CROSSCOMPILING_EMULATOR of the Windows build: ctest runs each test program through this.
#   wine-run.sh --env <build>/wine.env program.exe [args...]
# wine.env (written by scripts/windows.sh) names the toolchain and the Wine prefix. The program finds
# Qt's DLLs through WINEPATH; Qt finds its plugins next to Qt6Core.dll's prefix. MD_WINE_TIMEOUT
# bounds one run (ctest's own timeout kills this script, not always Wine's processes).
set -u
if [ "${1:-}" = --env ]; then
    # shellcheck disable=SC1090
    . "$2"
    shift 2
fi
. "$(dirname "$0")/wine-env.sh"
export WINEPREFIX MD_WIN_TOOLCHAIN
export WINEPATH; WINEPATH=$(md_wine_dll_path)
exec timeout -k 5 "${MD_WINE_TIMEOUT:-300}" wine64 "$@"
