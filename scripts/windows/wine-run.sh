#!/usr/bin/env bash
# CMAKE_CROSSCOMPILING_EMULATOR of the Windows build: ctest runs each test program through this.
#   wine-run.sh --env <build>/wine.env program.exe [args...]
# wine.env (written by scripts/windows.sh) names the toolchain and the Wine prefix. The program finds
# Qt's DLLs through WINEPATH; Qt finds its plugins next to Qt6Core.dll's prefix. MD_WINE_TIMEOUT
# bounds one run; md_add_test sets it a little below the test's ctest timeout, so a run that hangs
# is ended here and its output still printed (ctest's own kill would lose it).
# A Qt Test program under Wine writes its log to neither a pipe nor a redirected stdout (only to a
# file named with -o), so a test program is given `-o <file>,txt` and the file is printed after.
set -u
if [ "${1:-}" = --env ]; then
    # shellcheck disable=SC1090
    . "$2"
    shift 2
fi
. "$(dirname "$0")/wine-env.sh"
export WINEPREFIX MD_WIN_TOOLCHAIN
# Wine keeps the QT_* variables of the Linux environment out of a Windows process (it reserves the
# names: WINEQT_X=v arrives as QT_X=v). Hand over the ones ctest sets, so a test sees the same
# environment as under Linux (QT_QPA_PLATFORM=offscreen, QT_LOGGING_RULES, ...).
for name in $(compgen -e); do
    case $name in QT_*) export "WINE$name=${!name}" ;; esac
done
export WINEPATH; WINEPATH=$(md_wine_dll_path)
# A test that reads a file back with a Linux tool (tst_receipt: pdftotext) runs it through this
# shell, with the tool's output in a file: what a Unix program prints never reaches the pipes of
# the Windows process that started it (tests/ui/pdfreadback.h).
export MD_UNIX_SHELL=${MD_UNIX_SHELL:-'Z:\bin\sh'}
limit=${MD_WINE_TIMEOUT:-300}
out=$(mktemp "${TMPDIR:-/tmp}/wine-run.XXXXXX")
trap 'rm -f "$out" "$out.log"' EXIT
args=("$@")
case "$(basename "$1")" in
    tst_*.exe) [[ " ${args[*]} " == *" -o "* ]] || args+=(-o "$(md_winpath "$out.log"),txt") ;;
esac
timeout -k 5 "$limit" wine64 "${args[@]}" >"$out" 2>&1
rc=$?
cat "$out" "$out.log" 2>/dev/null
[ $rc -ne 124 ] && [ $rc -ne 137 ] || echo "wine-run: $(basename "$1") ended after ${limit} s (timeout)"
exit $rc
