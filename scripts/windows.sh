#!/usr/bin/env bash
# The Windows programs, built and checked on Debian 12: cross-build (MinGW-w64, Qt 6.4.2), staged
# tree, the tests under Wine, the MSI, and the MSI installed, upgraded and removed under Wine.
#
#   scripts/windows.sh                 all steps below (`live` needs the Linux build's qinchuan-sim)
#   scripts/windows.sh build stage     only those steps (deps and toolchain always run)
#   steps: build stage test msi install live
#
# Toolchain (Qt 6.4.2 + OpenSSL 3 for x86_64-w64-mingw32), first found of:
#   MD_WIN_TOOLCHAIN           an unpacked prefix
#   MD_WIN_TOOLCHAIN_ARCHIVE   a .tar.xz of one, unpacked once into $MD_WIN_CACHE (default
#                              ~/.cache/meterdesk/win-toolchain/<checksum>)
#   else scripts/windows/build-win64-qt.sh builds it there (25-40 min on 2 cores, needs internet).
# Other knobs: MD_WIN_TESTS (test names, or "all"), MD_WIN_TESTS_EXCLUDE (ctest -E), MD_WIN_JOBS.
# Output: build/windows (build tree, stage/, times.txt), build/packages/MeterDesk-<ver>-win64.msi.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/build/windows
STAGE=$BUILD/stage
JOBS=${MD_WIN_JOBS:-$(nproc)}
HERE=$ROOT/scripts/windows
steps=("$@")
# The tests run under Wine (ctest names; README "Windows" says why the others are not in the list).
# MD_WIN_TESTS=all builds and runs every test program.
WIN_TESTS=${MD_WIN_TESTS:-"fixeddecimal timeformat dictionary settings chineseamount operatoridentity textdecode
    commandstate whendone vectors catalog codec codecrules roundtrip auth robustness fieldformat storeingest
    readingrows storeaccess storesearch storecopy storeprocesses storehistory changefeed archive archivereview
    uploadgroup registrycache
    healthrules healthstore commandvalidation platformclient commandservice clisend cliserve
    sim_meter sim_rejects sim_results ui_registry ui_console ui_archive ui_language ui_health forms_batch
    forms_spec platform_zone timeline uploadlistener listenerfaults commandflow sim_health forms settings_dialog
    receipt deskpolish formsfaults formswritefail"}
WIN_TESTS=$(echo $WIN_TESTS)
[ ${#steps[@]} -gt 0 ] || steps=(build stage test msi install live)
want() { local s; for s in "${steps[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

mkdir -p "$BUILD"
TIMES=$BUILD/times.txt
: > "$TIMES"
t_start=$(date +%s); t0=$t_start
timed() { local now; now=$(date +%s); printf 'windows: %-10s %4d s\n' "$1" $((now - t0)) | tee -a "$TIMES"; t0=$now; }

# --- packages (host Qt tools come from scripts/deps.sh)
scripts/deps.sh
packages=(g++-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 wine64 fonts-wine wixl msitools xvfb xauth
          fonts-wqy-microhei poppler-utils qt6-translations-l10n qt6-l10n-tools xz-utils curl)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "windows: installing ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
timed deps

# --- toolchain
if [ -n "${MD_WIN_TOOLCHAIN:-}" ]; then
    [ -f "$MD_WIN_TOOLCHAIN/bin/qt-cmake" ] || { echo "windows: MD_WIN_TOOLCHAIN=$MD_WIN_TOOLCHAIN has no bin/qt-cmake" >&2; exit 1; }
elif [ -n "${MD_WIN_TOOLCHAIN_ARCHIVE:-}" ]; then
    sum=$(sha256sum "$MD_WIN_TOOLCHAIN_ARCHIVE" | cut -c1-16)
    cache=${MD_WIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/meterdesk/win-toolchain/$sum}
    if [ ! -f "$cache/.unpacked" ]; then
        echo "windows: unpacking $MD_WIN_TOOLCHAIN_ARCHIVE into $cache"
        rm -rf "$cache" && mkdir -p "$cache"
        tar -C "$cache" -xJf "$MD_WIN_TOOLCHAIN_ARCHIVE"
        touch "$cache/.unpacked"
    fi
    MD_WIN_TOOLCHAIN=$(dirname "$(ls "$cache"/*/bin/qt-cmake "$cache"/bin/qt-cmake 2>/dev/null | head -1)")/..
else
    cache=${MD_WIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/meterdesk/win-toolchain/built-6.4.2}
    if [ ! -f "$cache/.built" ]; then
        echo "windows: no prebuilt toolchain given: building Qt 6.4.2 for MinGW into $cache (25-40 min)"
        PREFIX=$cache/prefix WORK=${TMPDIR:-/tmp}/md-win64-qt-build "$HERE/build-win64-qt.sh"
        touch "$cache/.built"
    fi
    MD_WIN_TOOLCHAIN=$cache/prefix
fi
MD_WIN_TOOLCHAIN=$(cd "$MD_WIN_TOOLCHAIN" && pwd)
export MD_WIN_TOOLCHAIN
export WINEPREFIX=$BUILD/wineprefix
printf 'MD_WIN_TOOLCHAIN=%q\nWINEPREFIX=%q\n' "$MD_WIN_TOOLCHAIN" "$WINEPREFIX" > "$BUILD/wine.env"
. "$HERE/wine-env.sh"
timed toolchain

# --- cross-build: the three programs and the test programs (not the benchmarks)
if want build; then
    if [ ! -f "$BUILD/build.ninja" ] || ! grep -q "wine-run.sh" "$BUILD/CMakeCache.txt"; then
        "$MD_WIN_TOOLCHAIN/bin/qt-cmake" -G Ninja -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
            -DOPENSSL_ROOT_DIR="$MD_WIN_TOOLCHAIN" \
            -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake \
            -DQt6LinguistTools_DIR=/usr/lib/x86_64-linux-gnu/cmake/Qt6LinguistTools \
            -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
            "-DCMAKE_CROSSCOMPILING_EMULATOR=$HERE/wine-run.sh;--env;$BUILD/wine.env" >"$BUILD/configure.log" \
            || { tail -30 "$BUILD/configure.log"; exit 1; }
    fi
    targets=(meterdesk meterdesk-cli qinchuan-sim)
    if [ "$WIN_TESTS" = all ]; then
        ninja -C "$BUILD" build.ninja >/dev/null # re-run CMake first: the target list below reads it
        targets+=(storage_child $(ninja -C "$BUILD" -t targets all | sed -n 's/^\(tst_[a-z_0-9]*\): phony$/\1/p' | sort -u))
    else
        targets+=(storage_child) # the second process of storeprocesses
        for t in $WIN_TESTS; do targets+=("tst_$t"); done
    fi
    ninja -C "$BUILD" -j"$JOBS" "${targets[@]}"
    timed build
fi

# --- staged tree (what the MSI installs)
if want stage; then
    "$HERE/stage.sh" "$BUILD" "$STAGE"
    timed stage
fi

# --- tests under Wine (ctest runs each through scripts/windows/wine-run.sh)
if want test; then
    wine_prefix_init
    timed wineprefix
    # PostgreSQL rows skip themselves (no driver in this toolchain; MD_TEST_PG_URL stays unset).
    regex=.
    [ "$WIN_TESTS" = all ] || regex="^($(tr ' ' '|' <<<"$WIN_TESTS"))\$"
    set +e
    # The tests run on Qt's offscreen platform as under Linux (wine-run.sh hands ctest's QT_* over);
    # Xvfb is there for Wine itself (user32 wants a display). The windows platform plugin is what
    # the live step's console and the installed programs use.
    # wine-tests.xml keeps every test's whole log (its skips and their reasons), passed ones too.
    (cd "$BUILD" && env -u MD_TEST_PG_URL xvfb-run -a ctest --output-on-failure --parallel "$JOBS" --timeout 300 \
        -R "$regex" -E "${MD_WIN_TESTS_EXCLUDE:-^$}" --test-output-size-passed 262144 --output-junit wine-tests.xml)
    rc=$?
    set -e
    wine_stop
    timed test
    [ $rc -eq 0 ] || { echo "windows: tests under Wine failed" >&2; exit $rc; }
fi

# --- MSI (and a higher-version one, for the upgrade check)
. "$BUILD/packaging/wix-defines.env"
MSI=$ROOT/build/packages/MeterDesk-$MD_VERSION-win64.msi
UPGRADE_VERSION=$(awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }' <<<"$MD_VERSION")
UPGRADE_MSI=$BUILD/msi-upgrade/MeterDesk-$UPGRADE_VERSION-win64.msi
if want msi; then
    "$HERE/msi.sh" "$BUILD" "$STAGE" "$MSI"
    "$HERE/msi.sh" "$BUILD" "$STAGE" "$UPGRADE_MSI" "$UPGRADE_VERSION"
    timed msi
fi

# --- install, upgrade, uninstall under Wine
if want install; then
    "$HERE/msi-check.sh" "$MSI" "$UPGRADE_MSI" "$MD_VERSION" "$UPGRADE_VERSION"
    timed install
fi

# --- live: serve/send against Linux, the console in zh_CN (screenshot), Chinese paths
if want live; then
    if [ -x "${MD_LINUX_SIM:-$ROOT/build/release/tools/qinchuan-sim/qinchuan-sim}" ]; then
        "$HERE/live-check.sh" "$BUILD" "$STAGE"
        timed live
    else
        echo "windows: live checks skipped: no Linux qinchuan-sim (scripts/build.sh first, or MD_LINUX_SIM)"
    fi
fi
now=$(date +%s)
printf 'windows: %-10s %4d s\n' total $((now - t_start)) | tee -a "$TIMES"
