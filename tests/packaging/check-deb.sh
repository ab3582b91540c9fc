#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the DEB with cpack from a complete build, checks its control data and contents, unpacks it
# into a temp root and runs the PACKAGED meterdesk-cli there (system Qt, no build-tree RUNPATH):
#   tests/packaging/check-deb.sh BUILD_DIR
# `meterdesk-cli serve` is started on a free 127.0.0.1 port once the command exists (listed by
# --help); until then that part is skipped with a message.
set -euo pipefail

BUILD_DIR=$(cd "${1:?usage: check-deb.sh BUILD_DIR}" && pwd)
ENV_FILE="$BUILD_DIR/packaging/wix-defines.env"
failures=0
fail() { echo "check-deb: FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "check-deb: ok: $*"; }
die() { echo "check-deb: ERROR: $*" >&2; exit 1; }

for tool in cpack dpkg-deb readelf; do
    command -v "$tool" >/dev/null || die "$tool not found (scripts/deps.sh test)"
done
[ -f "$ENV_FILE" ] || die "$ENV_FILE missing: configure the build first"
# shellcheck source=/dev/null
. "$ENV_FILE"    # MD_VERSION, MD_EXECUTABLES, MD_HAVE_GUI, ...

WORK=$(mktemp -d "${TMPDIR:-/tmp}/meterdesk-deb.XXXXXX")
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- build the package (own package directory: no clash with other cpack runs) --------------
start=$SECONDS
cpack --config "$BUILD_DIR/CPackConfig.cmake" -G DEB -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1 \
    || { cat "$WORK/cpack.log" >&2; die "cpack -G DEB failed"; }
DEB=$(find "$WORK/pkg" -maxdepth 1 -name '*.deb' | head -1)
[ -n "$DEB" ] || { cat "$WORK/cpack.log" >&2; die "cpack wrote no .deb"; }
ok "cpack built $(basename "$DEB") ($(du -h "$DEB" | cut -f1)) in $((SECONDS - start)) s"
expected_name="meterdesk_${MD_VERSION}_$(dpkg --print-architecture 2>/dev/null || echo amd64).deb"
[ "$(basename "$DEB")" = "$expected_name" ] && ok "file name $expected_name" \
    || fail "file name $(basename "$DEB"), expected $expected_name"

# --- control fields ----------------------------------------------------------------------------
field() { dpkg-deb -f "$DEB" "$1"; }
[ "$(field Package)" = meterdesk ] && ok "Package: meterdesk" || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$MD_VERSION" ] && ok "Version: $MD_VERSION" || fail "Version is '$(field Version)'"
depends=$(field Depends)
required=(libqt6core6 libqt6network6 libqt6sql6-sqlite)
[ "$MD_HAVE_GUI" = 1 ] && required+=(libqt6widgets6 qt6-qpa-plugins)
for pkg in "${required[@]}"; do
    grep -qE "(^|[ ,])$pkg( |,|$)" <<<"$depends" && ok "Depends has $pkg" || fail "Depends lacks $pkg: $depends"
done
grep -q "Qinchuan" <<<"$(field Description)" && ok "Description mentions Qinchuan" || fail "Description missing"

# --- contents --------------------------------------------------------------------------------
listing=$(dpkg-deb -c "$DEB" | awk '{ print $6 }')
expect_path() { grep -qxF "./$1" <<<"$listing" && ok "contains /$1" || fail "lacks /$1"; }
for exe in $MD_EXECUTABLES; do expect_path "usr/bin/$exe"; done
expect_path usr/lib/systemd/system/meterdesk-receiver.service
expect_path usr/lib/sysusers.d/meterdesk.conf
expect_path usr/lib/tmpfiles.d/meterdesk.conf
expect_path usr/share/doc/meterdesk/copyright
expect_path usr/share/doc/meterdesk/README.packaging.md
if [ "$MD_HAVE_GUI" = 1 ]; then
    expect_path usr/share/applications/meterdesk.desktop
    for s in 16 24 32 48 64 128 256; do expect_path "usr/share/icons/hicolor/${s}x${s}/apps/meterdesk.png"; done
    expect_path usr/share/icons/hicolor/scalable/apps/meterdesk.svg
else
    echo "check-deb: note: target meterdesk does not exist yet: .desktop file and icons not expected"
fi
mkdir -p "$WORK/control"
dpkg-deb -e "$DEB" "$WORK/control"
for script in postinst prerm postrm; do
    if [ -x "$WORK/control/$script" ] && sh -n "$WORK/control/$script"; then
        ok "maintainer script $script (executable, valid sh)"
    else
        fail "maintainer script $script missing, not executable or not valid sh"
    fi
done

# --- unpack and run the packaged binary ------------------------------------------------------
ROOT="$WORK/root"
dpkg-deb -x "$DEB" "$ROOT"
CLI="$ROOT/usr/bin/meterdesk-cli"
dynamic=$(readelf -d "$CLI")
if grep -qE 'R(UN)?PATH' <<<"$dynamic"; then
    fail "packaged meterdesk-cli keeps an RPATH/RUNPATH: $(grep -E 'R(UN)?PATH' <<<"$dynamic")"
else
    ok "packaged meterdesk-cli has no RPATH (uses the system Qt)"
fi
sections=$(readelf -S "$CLI")    # captured first: grep -q on a pipe + pipefail would race
if grep -q '\.debug_info' <<<"$sections"; then fail "packaged meterdesk-cli is not stripped"
else ok "packaged meterdesk-cli is stripped"; fi
if [ "$MD_HAVE_GUI" = 1 ]; then
    desktop="$ROOT/usr/share/applications/meterdesk.desktop"
    for line in 'Exec=meterdesk' 'Icon=meterdesk' 'Type=Application' 'Categories=Office;Utility;'; do
        grep -qxF "$line" "$desktop" && ok "desktop file: $line" || fail "desktop file lacks $line"
    done
    grep -q '^Name\[zh_CN\]=' "$desktop" && ok "desktop file has Name[zh_CN]" || fail "desktop file lacks Name[zh_CN]"
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate "$desktop" && ok "desktop-file-validate" || fail "desktop-file-validate"
    fi
fi

# The receiver's systemd unit: the settings the service relies on, and systemd's own parser.
unit="$ROOT/usr/lib/systemd/system/meterdesk-receiver.service"
for line in 'User=meterdesk' 'Restart=on-failure' 'ExecStart=/usr/bin/meterdesk-cli serve --config /etc/meterdesk/meterdesk.ini' \
            'StandardOutput=journal' 'WantedBy=multi-user.target'; do
    grep -qxF "$line" "$unit" && ok "unit: $line" || fail "unit lacks $line"
done
if command -v systemd-analyze >/dev/null; then
    mkdir -p "$WORK/unit"
    sed "s|/usr/bin/meterdesk-cli|$CLI|" "$unit" >"$WORK/unit/meterdesk-receiver.service"
    verify_out=$(systemd-analyze verify "$WORK/unit/meterdesk-receiver.service" 2>&1) || true
    [ -z "$verify_out" ] && ok "systemd-analyze verify: clean" || fail "systemd-analyze verify: $verify_out"
fi

# Isolated per-user locations: nothing read from or written to the real home.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
mkdir -p "$HOME"
version_out=$("$CLI" --version 2>&1) || fail "meterdesk-cli --version exited with $?: $version_out"
[ "$version_out" = "meterdesk-cli $MD_VERSION" ] && ok "packaged meterdesk-cli --version: $version_out" \
    || fail "packaged meterdesk-cli --version printed '$version_out', expected 'meterdesk-cli $MD_VERSION'"

help_out=$("$CLI" --help 2>&1) || true
if ! grep -qE '^[[:space:]]+serve[[:space:]]' <<<"$help_out"; then
    echo "check-deb: SKIP serve: meterdesk-cli has no 'serve' command yet (--help does not list it);" \
         "the listener check runs as soon as it is registered"
else
    # A free port: let the kernel pick one (python3), else probe random ones (nobody answers = free).
    if command -v python3 >/dev/null; then
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    else
        for _ in $(seq 1 50); do
            port=$((20000 + RANDOM % 40000))
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
        done
    fi
    mkdir -p "$WORK/data"
    # serve refuses to start without the credentials that authenticate uploads (protocol.md 9).
    cat >"$WORK/meterdesk.ini" <<'INI'
[platform]
appId=package-check
appSecret=package-check-secret
INI
    "$CLI" serve --config "$WORK/meterdesk.ini" --listen "127.0.0.1:$port" \
        --database "$WORK/data/meterdesk.sqlite" >"$WORK/serve.log" 2>&1 &
    SERVER_PID=$!
    listening=""
    for _ in $(seq 1 300); do      # up to 30 s
        if grep -q "listening on http://" "$WORK/serve.log"; then listening=yes; break; fi
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    if [ -n "$listening" ]; then
        ok "packaged serve: $(grep -m1 'listening on http://' "$WORK/serve.log")"
        grep -q "listening on http://127.0.0.1:$port" "$WORK/serve.log" \
            || fail "serve did not report the requested address 127.0.0.1:$port"
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            ok "port $port accepts connections"
        else
            fail "serve reported listening but port $port refuses connections"
        fi
        # systemd stops the service with SIGTERM: serve must finish cleanly (exit 0) and quickly.
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            fail "serve still running 10 s after SIGTERM"
        else
            status=0; wait "$SERVER_PID" || status=$?
            [ "$status" -eq 0 ] && ok "SIGTERM stops serve cleanly (exit 0)" || fail "serve exited with $status after SIGTERM"
            SERVER_PID=""
        fi
    else
        fail "packaged 'meterdesk-cli serve' did not print 'listening on http://...' within 30 s; output:"
        sed 's/^/    /' "$WORK/serve.log" >&2
    fi
fi

if [ "$failures" -gt 0 ]; then
    echo "check-deb: $failures check(s) failed" >&2
    exit 1
fi
echo "check-deb: all checks passed"
