#!/usr/bin/env bash
# Builds the Windows x86_64 toolchain MeterDesk is cross-built with, into one relocatable prefix:
# Qt 6.4.2 (qtbase: Core, Gui, Widgets, Network, Sql + SQLite, Concurrent, Test, PrintSupport, the
# windows platform plugin, windowsvista style; qtwebsockets; qthttpserver) and OpenSSL 3.0, with
# Debian 12's MinGW-w64 compiler (posix threads; Qt needs them) and the host tools of Debian's own
# Qt 6.4.2 (QT_HOST_PATH=/usr). About 25-40 minutes on 2 cores. Used by scripts/windows.sh when no
# prebuilt toolchain is given (MD_WIN_TOOLCHAIN / MD_WIN_TOOLCHAIN_ARCHIVE).
#
#   PREFIX=/opt/win64-qt-6.4.2 scripts/windows/build-win64-qt.sh
#
# Sources: Debian's archive (a deb-src entry for bookworm is added when missing) for qt6-base,
# openssl and sqlite3; qtwebsockets and qthttpserver 6.4.2 from MD_WIN_QT_SOURCES (a folder holding
# qt{websockets,httpserver}-everywhere-src-6.4.2.tar.xz) or else from download.qt.io, checked
# against the .sha256 Qt publishes beside each tarball. Debian's +dfsg qtbase lacks the SQLite
# amalgamation (built here from Debian's sqlite3 source) and wintab (tablet events off); Direct2D is
# off, which needs qtbase-no-direct2d.patch (beside this script) or qwindows.dll does not link.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/win64-qt-build}
PREFIX=${PREFIX:-$WORK/prefix}
JOBS=${JOBS:-$(nproc)}
QT_VER=6.4.2
QT_URL=${MD_QT_URL:-https://download.qt.io/archive/qt/6.4/$QT_VER/submodules}
N="nice -n 19"
DL=$WORK/dl; B=$WORK/b; S=$WORK/s
mkdir -p "$DL" "$B" "$S" "$PREFIX/share/cmake"
TIMES=$WORK/times.txt
: > "$TIMES"
t0=$(date +%s)
step() { local now; now=$(date +%s); echo "build-win64-qt: $1: $((now - t0)) s" | tee -a "$TIMES"; t0=$now; }

# --- packages and sources
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    g++-mingw-w64-x86-64-posix mingw-w64-tools qt6-base-dev-tools tclsh cmake ninja-build \
    dpkg-dev curl ca-certificates patch xz-utils >/dev/null
if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "build-win64-qt: adding a deb-src entry for bookworm"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\n\nTypes: deb-src\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\n' \
        | $SUDO tee /etc/apt/sources.list.d/meterdesk-deb-src.sources >/dev/null
    $SUDO apt-get update -qq
fi
(cd "$DL" && apt-get source --download-only qt6-base openssl sqlite3 >/dev/null)
for m in qtwebsockets qthttpserver; do
    f=$m-everywhere-src-$QT_VER.tar.xz
    if [ -n "${MD_WIN_QT_SOURCES:-}" ] && [ -f "$MD_WIN_QT_SOURCES/$f" ]; then
        cp "$MD_WIN_QT_SOURCES/$f" "$DL/"
    elif [ ! -f "$DL/$f" ]; then
        curl -fsSL -o "$DL/$f" "$QT_URL/$f"
        curl -fsSL -o "$DL/$f.sha256" "$QT_URL/$f.sha256"
        (cd "$DL" && sha256sum -c "$f.sha256") || { echo "build-win64-qt: $f: checksum mismatch" >&2; exit 1; }
    fi
done
step sources

one() { ls "$DL"/$1 | sort -V | tail -1; }   # newest matching source tarball
tar -C "$S" -xf "$(one 'qt6-base_6.4.2+dfsg.orig.tar.xz')"
tar -C "$S" -xf "$(one 'openssl_3.0.*.orig.tar.gz')"
tar -C "$S" -xf "$(one 'sqlite3_3.40.*.orig.tar.xz')"
for m in qtwebsockets qthttpserver; do tar -C "$S" -xf "$DL/$m-everywhere-src-$QT_VER.tar.xz"; done
QTB=$S/qtbase-everywhere-src-$QT_VER
OSSL=$(ls -d "$S"/openssl-3.0.* | sort -V | tail -1)
SQL=$(ls -d "$S"/sqlite3-3.40.* "$S"/sqlite-* 2>/dev/null | head -1)
(cd "$QTB" && patch -p1 --forward < "$HERE/qtbase-no-direct2d.patch")
step extract+patch

# --- SQLite amalgamation -> qtbase/src/3rdparty/sqlite (removed from Debian's +dfsg tarball)
mkdir -p "$B/sqlite" && cd "$B/sqlite"
$N "$SQL"/configure --disable-tcl > configure.log 2>&1
$N make -j"$JOBS" sqlite3.c > make.log 2>&1
mkdir -p "$QTB/src/3rdparty/sqlite" && cp sqlite3.c sqlite3.h sqlite3ext.h "$QTB/src/3rdparty/sqlite/"
step sqlite-amalgamation

# --- CMake toolchain file, kept inside the prefix and found relative to it (relocatable)
TC=$PREFIX/share/cmake/mingw-w64-x86_64.cmake
cat > "$TC" <<'TCEOF'
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER   x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER  x86_64-w64-mingw32-windres)
set(CMAKE_AR           /usr/bin/x86_64-w64-mingw32-ar)
set(CMAKE_RANLIB       /usr/bin/x86_64-w64-mingw32-ranlib)
list(APPEND CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32 ${CMAKE_CURRENT_LIST_DIR}/../..)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
TCEOF

# --- qtbase
mkdir -p "$B/qtbase" && cd "$B/qtbase"
$N cmake -G Ninja "$QTB" \
 -DCMAKE_TOOLCHAIN_FILE="$TC" \
 -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake \
 -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON \
 -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_BUILD_BENCHMARKS=OFF \
 -DFEATURE_dbus=OFF -DINPUT_opengl=no -DFEATURE_opengl=OFF -DFEATURE_vulkan=OFF -DFEATURE_direct2d=OFF \
 -DFEATURE_tabletevent=OFF \
 -DFEATURE_concurrent=ON -DFEATURE_xml=OFF -DFEATURE_testlib=ON -DFEATURE_printsupport=ON \
 -DFEATURE_sql=ON -DFEATURE_sql_sqlite=ON -DFEATURE_system_sqlite=OFF -DFEATURE_sql_odbc=OFF \
 -DFEATURE_sql_psql=OFF -DFEATURE_sql_mysql=OFF -DFEATURE_sql_ibase=OFF -DFEATURE_sql_oci=OFF -DFEATURE_sql_db2=OFF \
 -DFEATURE_jpeg=OFF -DFEATURE_gif=OFF -DFEATURE_ico=ON -DFEATURE_icu=OFF \
 > configure.log 2>&1
step qtbase-configure
$N ninja -j"$JOBS" > build.log 2>&1
step qtbase-build
$N cmake --install . > install.log 2>&1
# qt.toolchain.cmake records the chain-loaded file by absolute path: make it relative to itself.
sed -i "s|\"$TC\"|\"\${CMAKE_CURRENT_LIST_DIR}/../../../share/cmake/mingw-w64-x86_64.cmake\"|" \
    "$PREFIX/lib/cmake/Qt6/qt.toolchain.cmake"
step qtbase-install

# --- OpenSSL 3.0 (libcrypto-3-x64.dll, libssl-3-x64.dll, import libraries, headers)
cd "$OSSL"
$N ./Configure mingw64 --cross-compile-prefix=x86_64-w64-mingw32- --prefix="$PREFIX" --libdir=lib \
   shared no-tests > "$B/openssl-configure.log" 2>&1
$N make -j"$JOBS" build_libs > "$B/openssl-build.log" 2>&1
$N make install_dev > "$B/openssl-install.log" 2>&1
step openssl

# --- qtwebsockets, then qthttpserver (which picks up WebSockets when present)
for m in qtwebsockets qthttpserver; do
    mkdir -p "$B/$m" && cd "$B/$m"
    $N "$PREFIX"/bin/qt-configure-module "$S/$m-everywhere-src-$QT_VER" > configure.log 2>&1
    $N ninja -j"$JOBS" > build.log 2>&1
    $N cmake --install . > install.log 2>&1
    step "$m"
done
du -sh "$PREFIX" | tee -a "$TIMES"
