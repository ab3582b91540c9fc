#!/usr/bin/env bash
# Stages the Windows programs as the MSI installs them (what windeployqt does on Windows):
#   stage.sh <build-dir> <stage-dir>        (MD_WIN_TOOLCHAIN: the Qt/OpenSSL MinGW prefix)
#   <stage>/bin/        meterdesk.exe, meterdesk-cli.exe, qinchuan-sim.exe, every DLL they load, qt.conf
#   <stage>/plugins/    the plugins Qt loads at run time (named here: nothing imports them)
#   <stage>/translations/qt_zh_CN.qm, qtbase_zh_CN.qm (Qt's own Chinese strings)
# DLLs are found by reading imports (objdump -p) of every executable and plugin, recursively, in the
# toolchain's bin/ and MinGW's runtime folders; system DLLs (KERNEL32, USER32, ...) are not found
# there and stay out. Everything is stripped (libstdc++-6.dll: 23 MB -> 2 MB).
set -euo pipefail
BUILD=$1
STAGE=$2
: "${MD_WIN_TOOLCHAIN:?the unpacked toolchain prefix}"
SEARCH="$MD_WIN_TOOLCHAIN/bin /usr/lib/gcc/x86_64-w64-mingw32/12-posix /usr/x86_64-w64-mingw32/lib"
PLUGINS="platforms/qwindows.dll styles/qwindowsvistastyle.dll sqldrivers/qsqlite.dll imageformats/qico.dll
         tls/qschannelbackend.dll tls/qcertonlybackend.dll printsupport/windowsprintersupport.dll"
QT_QM_DIR=${QT_QM_DIR:-/usr/share/qt6/translations}

rm -rf "$STAGE"
mkdir -p "$STAGE/bin" "$STAGE/plugins" "$STAGE/translations"
for exe in meterdesk.exe meterdesk-cli.exe qinchuan-sim.exe; do   # Qt puts them in the top build folder
    [ -f "$BUILD/$exe" ] || { echo "stage: $BUILD/$exe is missing (build first)" >&2; exit 1; }
    cp "$BUILD/$exe" "$STAGE/bin/"
done
for p in $PLUGINS; do
    if [ -f "$MD_WIN_TOOLCHAIN/plugins/$p" ]; then
        mkdir -p "$STAGE/plugins/$(dirname "$p")"
        cp "$MD_WIN_TOOLCHAIN/plugins/$p" "$STAGE/plugins/$p"
    else
        echo "stage: note: the toolchain has no plugin $p"
    fi
done

# Imports, until nothing new is found.
declare -A seen=()
queue=$(find "$STAGE" -iname '*.exe' -o -iname '*.dll')
while [ -n "$queue" ]; do
    next=""
    for f in $queue; do
        for dll in $(x86_64-w64-mingw32-objdump -p "$f" | awk '/DLL Name:/ { print $3 }'); do
            key=${dll,,}
            [ -n "${seen[$key]:-}" ] && continue
            seen[$key]=1
            for dir in $SEARCH; do
                if [ -f "$dir/$dll" ]; then
                    cp "$dir/$dll" "$STAGE/bin/"
                    next="$next $STAGE/bin/$dll"
                    break
                fi
            done
        done
    done
    queue=$next
done

# Qt finds plugins/ and translations/ through this (the DLLs are in bin/, one level down).
printf '[Paths]\nPrefix = ..\n' > "$STAGE/bin/qt.conf"
for qm in qt_zh_CN.qm qtbase_zh_CN.qm; do
    [ -f "$QT_QM_DIR/$qm" ] && cp "$QT_QM_DIR/$qm" "$STAGE/translations/" \
        || echo "stage: note: $QT_QM_DIR/$qm missing (qt6-translations-l10n)"
done
find "$STAGE" \( -iname '*.exe' -o -iname '*.dll' \) -exec x86_64-w64-mingw32-strip --strip-unneeded {} +
echo "stage: $(find "$STAGE" -type f | wc -l) files, $(du -sh "$STAGE" | cut -f1) in $STAGE"
