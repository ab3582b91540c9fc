# Sourced by scripts/windows.sh and the helpers beside this file: how Windows programs run here.
#   MD_WIN_TOOLCHAIN   the unpacked Qt/OpenSSL MinGW prefix (DLLs in its bin/, plugins in plugins/)
#   WINEPREFIX         a throw-away Wine prefix (created by wine_prefix_init)
# Wine never asks for Mono/Gecko (mscoree, mshtml off), prints nothing of its own (WINEDEBUG=-all),
# and every run is bounded by `timeout`: a Wine process can linger after the program finished.
export PATH="/usr/lib/wine:$PATH"
export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64
MD_MINGW_RUNTIME_DIRS="/usr/lib/gcc/x86_64-w64-mingw32/12-posix /usr/x86_64-w64-mingw32/lib"

# A Unix path as Wine's drive Z: sees it.
md_winpath() { local p=${1//\//\\}; printf 'Z:%s' "$p"; }

# WINEPATH: where a program that is not staged (tests, build tree) finds Qt's and MinGW's DLLs.
md_wine_dll_path() {
    local out d
    out=$(md_winpath "$MD_WIN_TOOLCHAIN/bin")
    for d in $MD_MINGW_RUNTIME_DIRS; do out="$out;$(md_winpath "$d")"; done
    printf '%s' "$out"
}

# Creates $WINEPREFIX once (about 10 s). USERNAME, when set, names the Windows user (its profile
# folder): it must be set before the prefix exists.
# Every prefix gets the fonts a Windows desk has in C:\windows\Fonts: Tahoma (what "MS Shell Dlg",
# Qt's default UI font, stands for; from fonts-wine, which this Wine does not load by itself: without
# it Latin text fell back to DejaVu Math TeX Gyre, a serif), Marlett (the caption buttons' glyphs)
# and a CJK font (a Chinese desk has Microsoft YaHei; Wine brings none).
wine_prefix_init() {
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        mkdir -p "$WINEPREFIX"
        timeout -k 5 240 wine64 wineboot -i >/dev/null 2>&1 || true
        timeout -k 5 120 wineserver -w || true
        [ -f "$WINEPREFIX/system.reg" ] || { echo "wine: could not create the prefix $WINEPREFIX" >&2; return 1; }
    fi
    cp -u /usr/share/wine/fonts/tahoma.ttf /usr/share/wine/fonts/tahomabd.ttf /usr/share/wine/fonts/marlett.ttf \
        /usr/share/fonts/truetype/wqy/wqy-microhei.ttc "$WINEPREFIX/drive_c/windows/Fonts/"
}

# wine_run SECONDS program.exe args...: the program under wine64, killed after SECONDS.
wine_run() {
    local limit=$1; shift
    timeout -k 5 "$limit" wine64 "$@"
}

wine_stop() { timeout -k 2 20 wineserver -k >/dev/null 2>&1 || true; }
