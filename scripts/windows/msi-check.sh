#!/usr/bin/env bash
# The MSI under Wine, in a fresh prefix: install, run the installed programs from Program Files,
# upgrade to a higher version keeping the user's database and settings, uninstall leaving the data.
#   msi-check.sh <MeterDesk-A.msi> <MeterDesk-B.msi> <version A> <version B>     (B > A)
# Needs MD_WIN_TOOLCHAIN only for nothing: the installed programs must run from their own folder.
set -euo pipefail
MSI_A=$(realpath "$1"); MSI_B=$(realpath "$2"); VER_A=$3; VER_B=$4
. "$(dirname "$0")/wine-env.sh"
unset WINEPATH   # the installed tree must be complete on its own
WORK=$(mktemp -d "${TMPDIR:-/tmp}/md-msi-check.XXXXXX")
export WINEPREFIX=$WORK/prefix
cleanup() { wine_stop; rm -rf "$WORK"; }
trap cleanup EXIT
failures=0
ok() { echo "msi-check: ok   $*"; }
fail() { echo "msi-check: FAIL $*" >&2; failures=$((failures + 1)); }

wine_prefix_init
USER_DIR=$(ls -d "$WINEPREFIX/drive_c/users/"* | grep -v /Public | head -1)
PF="$WINEPREFIX/drive_c/Program Files/MeterDesk"
DATA="$USER_DIR/AppData/Local/MeterDesk"
CLI='C:\Program Files\MeterDesk\bin\meterdesk-cli.exe'
SIM='C:\Program Files\MeterDesk\bin\qinchuan-sim.exe'

# The registry's MeterDesk entries (Add/Remove Programs) as "version" lines.
installed_versions() {
    wineserver -w 2>/dev/null || true
    awk '/^\[/ { sect = $0 } /"DisplayName"="MeterDesk"/ { want[sect] = 1 }
         /"DisplayVersion"=/ { v[sect] = $0 } END { for (s in want) print v[s] }' "$WINEPREFIX/system.reg" \
        | sed 's/.*="\(.*\)"/\1/' | sort -u   # the 64-bit and 32-bit registry views list it twice
}
msiexec() { wine_run 300 msiexec "$@" /qn; local rc=$?; timeout 60 wineserver -w || true; return $rc; }

# --- 1. install A
if msiexec /i "$(md_winpath "$MSI_A")"; then ok "msiexec /i $(basename "$MSI_A") /qn"; else fail "msiexec /i exited $?"; fi
[ -f "$PF/bin/meterdesk-cli.exe" ] && ok "Program Files\\MeterDesk\\bin\\meterdesk-cli.exe installed" || fail "nothing in $PF/bin"
[ -f "$PF/plugins/platforms/qwindows.dll" ] && ok "plugins\\platforms\\qwindows.dll installed" || fail "no qwindows.dll"
[ "$(installed_versions)" = "$VER_A" ] && ok "Add/Remove Programs: MeterDesk $VER_A" || fail "registered versions: $(installed_versions | tr '\n' ' ')"
out=$(wine_run 60 "$CLI" --version 2>&1 | tr -d '\r') || true
[ "$out" = "meterdesk-cli $VER_A" ] || [ "$out" = "meterdesk-cli ${VER_A%.0}" ] \
    && ok "installed meterdesk-cli --version: $out" || fail "installed meterdesk-cli --version printed '$out'"

# --- 2. the user's data: settings (default INI) and database (default SQLite), through the installed programs
mkdir -p "$DATA"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf '[platform]\nappId=QC20230001\nappSecret=s3cr3t-KEY-0123456789\n[listener]\nhost=127.0.0.1\nport=%s\n[ui]\noperator=%s\n' \
    "$port" "张三" > "$DATA/meterdesk.ini"
wine_run 120 "$SIM" --demo --seed-only --database-seed-out "$(md_winpath "$WORK/meters.csv")" >/dev/null 2>&1 || true
wine_run 120 "$CLI" meters import "$(md_winpath "$WORK/meters.csv")" >"$WORK/import.log" 2>&1 \
    && ok "installed meterdesk-cli meters import into the default database" || fail "meters import: $(tail -3 "$WORK/import.log")"
count_meters() { wine_run 120 "$CLI" meters list --format csv 2>/dev/null | tr -d '\r' | tail -n +2 | grep -c . || true; }
before=$(count_meters)
[ "${before:-0}" -gt 0 ] && [ -f "$DATA/meterdesk.sqlite" ] && ok "database $DATA/meterdesk.sqlite holds $before meters" \
    || fail "no meters in the default database (${before:-0}); files: $(ls "$DATA" 2>&1 | tr '\n' ' ')"

# serve from Program Files: up to its "listening on" line, then an HTTP answer.
wine_run 90 "$CLI" serve >"$WORK/serve.out" 2>"$WORK/serve.err" &
serve_pid=$!
for _ in $(seq 1 60); do grep -q "listening on" "$WORK/serve.out" 2>/dev/null && break; sleep 1; done
if grep -q "listening on http://127.0.0.1:$port" "$WORK/serve.out"; then
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{}' \
        "http://127.0.0.1:$port/rest/v1/bussinessPlatform/meterReadingUpload" || true)
    [ -n "$code" ] && [ "$code" != 000 ] && ok "installed serve: $(tr -d '\r' < "$WORK/serve.out"), answers HTTP $code" \
        || fail "installed serve does not answer on port $port"
else
    fail "installed serve did not print its line: $(tail -3 "$WORK/serve.err")"
fi
kill "$serve_pid" 2>/dev/null || true
wait "$serve_pid" 2>/dev/null || true
wine_stop

# --- 3. upgrade to B: one MeterDesk entry, version B; the data untouched
if msiexec /i "$(md_winpath "$MSI_B")"; then ok "msiexec /i $(basename "$MSI_B") /qn (major upgrade)"; else fail "upgrade exited $?"; fi
[ "$(installed_versions)" = "$VER_B" ] && ok "after upgrade Add/Remove Programs lists only MeterDesk $VER_B" \
    || fail "after upgrade the registered versions are: $(installed_versions | tr '\n' ' ')"
[ -f "$PF/bin/meterdesk-cli.exe" ] && ok "program still installed after the upgrade" || fail "upgrade left no program"
after=$(count_meters)
[ "$after" = "$before" ] && ok "database kept across the upgrade ($after meters)" || fail "meters before $before, after upgrade $after"
grep -q "operator=张三" "$DATA/meterdesk.ini" && ok "settings kept across the upgrade" || fail "meterdesk.ini changed or gone"

# --- 4. uninstall: the program goes, the data stays
if msiexec /x "$(md_winpath "$MSI_B")"; then ok "msiexec /x /qn"; else fail "uninstall exited $?"; fi
[ ! -e "$PF/bin/meterdesk-cli.exe" ] && ok "uninstall removed the program" || fail "meterdesk-cli.exe still in $PF/bin"
[ -z "$(installed_versions)" ] && ok "uninstall removed the Add/Remove Programs entry" || fail "still registered: $(installed_versions)"
[ -f "$DATA/meterdesk.sqlite" ] && [ -f "$DATA/meterdesk.ini" ] && ok "uninstall left the user's database and settings" \
    || fail "user data gone after uninstall: $(ls -la "$DATA" 2>&1 | tr '\n' ' ')"

if [ "$failures" -gt 0 ]; then echo "msi-check: $failures check(s) failed" >&2; exit 1; fi
echo "msi-check: all checks passed"
