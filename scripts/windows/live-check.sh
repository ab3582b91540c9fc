#!/usr/bin/env bash
# The staged Windows programs under Wine talking to Linux, with Chinese names everywhere:
#   live-check.sh <build-dir> <stage-dir>      (the Linux qinchuan-sim: MD_LINUX_SIM or build/release)
# - a Wine prefix whose Windows user is 张三 (profile C:\users\张三), a CJK font in its Fonts folder
#   (wine_prefix_init);
# - meters imported from a CSV with a Chinese file name into a database under a Chinese folder;
# - meterdesk-cli.exe serve receives the uploads the Linux simulator posts, and stores them;
# - meterdesk-cli.exe send reaches the Linux simulator, prints its JSON and exits;
# - meterdesk.exe --demo --language zh_CN under xvfb-run: a screenshot (MD_SCREENSHOT, default
#   <build>/meterdesk-zh_CN.png).
set -euo pipefail
BUILD=$(cd "$1" && pwd)
STAGE=$(cd "$2" && pwd)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SIM=${MD_LINUX_SIM:-$ROOT/build/release/tools/qinchuan-sim/qinchuan-sim}
SHOT=${MD_SCREENSHOT:-$BUILD/meterdesk-zh_CN.png}
. "$(dirname "$0")/wine-env.sh"
unset WINEPATH
WORK=$(mktemp -d "${TMPDIR:-/tmp}/md-live.XXXXXX")
export WINEPREFIX=$WORK/prefix
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wine_stop; rm -rf "$WORK"; }
trap cleanup EXIT
failures=0
ok() { echo "live-check: ok   $*"; }
fail() { echo "live-check: FAIL $*" >&2; failures=$((failures + 1)); }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
CLI="$STAGE/bin/meterdesk-cli.exe"

# --- a prefix for the user 张三 (Wine names the profile and USERPROFILE after $USER), with a CJK font
export USER=张三 USERNAME=张三
wine_prefix_init
[ -d "$WINEPREFIX/drive_c/users/张三" ] && ok "Windows user profile C:\\users\\张三" || fail "no profile folder for 张三"

# --- settings, a Chinese folder and a Chinese CSV name
DATA="$WORK/数据 目录"
mkdir -p "$DATA"
lport=$(free_port); sport=$(free_port)
INI="$DATA/设置.ini"
cat > "$INI" <<INI
[platform]
baseUrl=http://127.0.0.1:$sport
appId=QC20230001
appSecret=s3cr3t-KEY-0123456789
[listener]
host=127.0.0.1
port=$lport
[ui]
operator=张三
INI
# The simulator gets its own copy: the desk's programs move the secrets out of their INI on first
# load (DPAPI under Windows), so the desk's INI holds none by the time the simulator starts.
SIM_INI="$WORK/sim.ini"
cp "$INI" "$SIM_INI"
DB="$DATA/表具数据.sqlite"
CSV="$DATA/表具清单.csv"
"$SIM" --demo --seed-only --demo-meters 20 --database-seed-out "$CSV" >/dev/null 2>&1 || fail "Linux qinchuan-sim --seed-only"
set +e
wine_run 120 "$CLI" meters import "$(md_winpath "$CSV")" --config "$(md_winpath "$INI")" --database "$(md_winpath "$DB")" \
    >"$WORK/import.log" 2>&1
rc=$?
set -e
[ $rc -eq 0 ] && ok "meters import from $(basename "$CSV") into $(basename "$DATA")/$(basename "$DB")" \
    || fail "meters import exited $rc: $(tail -3 "$WORK/import.log")"
meter=$(sed -n '2s/,.*//p' "$CSV")
# Secrets at rest: the first load moved appSecret out of the INI into a DPAPI value of this user.
if grep -q "s3cr3t-KEY" "$INI"; then
    fail "the INI still holds the appSecret in clear text after the first load"
elif grep -q "dpapi:" "$INI"; then
    ok "appSecret moved out of the INI into a DPAPI value (serve below authenticates with it)"
else
    fail "no DPAPI value in the INI after the first load: $(grep -v '^$' "$INI" | cut -c1-40 | tr '\n' ' ')"
fi
# The per-user default: %LOCALAPPDATA%\MeterDesk\meterdesk.sqlite, under the Chinese profile.
wine_run 120 "$CLI" meters import "$(md_winpath "$CSV")" --config "$(md_winpath "$INI")" >"$WORK/import2.log" 2>&1 || true
local_db="$WINEPREFIX/drive_c/users/张三/AppData/Local/MeterDesk/meterdesk.sqlite"
[ -f "$local_db" ] && ok "default database C:\\users\\张三\\AppData\\Local\\MeterDesk\\meterdesk.sqlite" \
    || fail "no default database under the local AppData: $(tail -3 "$WORK/import2.log")"

# --- serve under Wine, the Linux simulator posting to it
# timeout itself in the background (not wine_run, a shell function: $! would be a subshell that
# ignores SIGINT), so the Ctrl+C below reaches it and through it wine64.
timeout -k 5 300 wine64 "$CLI" serve --config "$(md_winpath "$INI")" --database "$(md_winpath "$DB")" >"$WORK/serve.out" 2>"$WORK/serve.err" &
pids+=($!)
for _ in $(seq 1 60); do grep -q "listening on" "$WORK/serve.out" 2>/dev/null && break; sleep 1; done
grep -q "listening on" "$WORK/serve.out" && ok "meterdesk-cli.exe serve: $(tr -d '\r' < "$WORK/serve.out")" \
    || fail "serve did not start: $(tail -3 "$WORK/serve.err")"
"$SIM" --demo --demo-meters 20 --config "$SIM_INI" --listen "127.0.0.1:$sport" \
    --listener "http://127.0.0.1:$lport/rest/v1/bussinessPlatform" --result-delay-ms 500 >"$WORK/sim.log" 2>&1 &
pids+=($!)
readings() { python3 - "$DB" <<'PY'
import sqlite3, sys
try:
    c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
    print(c.execute("select (select count(*) from readings) + (select count(*) from alarm_events)").fetchone()[0])
except Exception:
    print(0)
PY
}
n=0
for _ in $(seq 1 60); do n=$(readings); [ "$n" -gt 0 ] && break; sleep 1; done
[ "$n" -gt 0 ] && ok "serve stored $n readings/alarms posted by the Linux simulator" \
    || fail "nothing stored from the simulator's uploads: $(tail -3 "$WORK/serve.err")"

# --- send under Wine to the Linux simulator: its JSON, then it exits by itself
start=$(date +%s)
set +e
wine_run 90 "$CLI" send valveOperate --meter "$meter" valveOperate=1 --wait 20 \
    --config "$(md_winpath "$INI")" --database "$(md_winpath "$DB")" >"$WORK/send.out" 2>"$WORK/send.err"
rc=$?
set -e
took=$(( $(date +%s) - start ))
out=$(tr -d '\r' < "$WORK/send.out")
if [ $rc -eq 0 ] && grep -q '"state"' <<<"$out"; then
    ok "send valveOperate to $meter: exit 0 in ${took}s: $out"
else
    fail "send exited $rc after ${took}s (124: killed by timeout): $out $(tail -3 "$WORK/send.err")"
fi
# --- serve stopped the way a user stops it: Ctrl+C (timeout passes SIGINT on to wine64, which
# raises CTRL_C_EVENT in the console program). Having served requests, it must end by itself, 0.
kill "${pids[1]}" 2>/dev/null || true # the simulator first: no uploads during the stop
kill -INT "${pids[0]}" 2>/dev/null || true
start=$(date +%s)
for _ in $(seq 1 300); do kill -0 "${pids[0]}" 2>/dev/null || break; sleep 0.1; done
if kill -0 "${pids[0]}" 2>/dev/null; then
    fail "serve still running 30 s after Ctrl+C (having served the simulator's uploads)"
else
    set +e; wait "${pids[0]}"; rc=$?; set -e
    [ $rc -eq 0 ] && ok "serve stopped by Ctrl+C after serving uploads: exit 0 in $(( $(date +%s) - start )) s" \
        || fail "serve exited $rc after Ctrl+C: $(tail -3 "$WORK/serve.err")"
fi
for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
pids=()
wine_stop

# --- the console in Chinese under Xvfb, and a screenshot of it (MD_LIVE_GUI=0: not this part)
if [ "${MD_LIVE_GUI:-1}" = 0 ]; then
    echo "live-check: GUI screenshot not taken (MD_LIVE_GUI=0)"
    [ "$failures" -gt 0 ] && { echo "live-check: $failures check(s) failed" >&2; exit 1; }
    echo "live-check: all checks passed"
    exit 0
fi
# The picture is taken once the console logs that its first overview is on screen (the demo world
# generated and read back), not after a guessed time. MD_LOG_FILE: a GUI program on Windows has no
# stderr for its log.
cat > "$WORK/shot.sh" <<'SH'
#!/usr/bin/env bash
# In a Wine desktop window of the screen's size: Wine draws the frame and caption as Windows would
# (under a bare X server the window had neither, and sat 22 px low with its status bar cut off).
MD_LOG_FILE="Z:${3//\//\\}\\gui.log" wine64 explorer /desktop=MeterDesk,1280x800 "$1" --demo --language zh_CN \
    >"$3/gui.out" 2>&1 &
pid=$!
for _ in $(seq 1 "${MD_GUI_TIMEOUT:-150}"); do
    grep -q "console ready: the overview shows [1-9]" "$3/gui.log" 2>/dev/null && break
    kill -0 $pid 2>/dev/null || break
    sleep 1
done
if grep -q "console ready: the overview shows [1-9]" "$3/gui.log" 2>/dev/null; then
    sleep 1 # the repaint queued with that line
    xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > "$2"
fi
kill $pid 2>/dev/null
SH
chmod +x "$WORK/shot.sh"
rm -f "$SHOT"
# The desk's UI font: a Chinese Windows 10/11 draws its dialogs in Microsoft YaHei UI; the CJK font
# stands in for it (Wine's own, Tahoma, has no Chinese, and its bold digits came out thin and cut).
for f in "MS Shell Dlg" "MS Shell Dlg 2"; do
    wine_run 60 reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes' /v "$f" \
        /d "WenQuanYi Micro Hei" /f >/dev/null 2>&1 || fail "font substitute for $f"
done
wine_stop
timeout -k 5 180 xvfb-run -a -s "-screen 0 1280x800x24" "$WORK/shot.sh" "$STAGE/bin/meterdesk.exe" "$SHOT" "$WORK" || true
wine_stop
if [ -s "$SHOT" ] && [ "$(stat -c %s "$SHOT")" -gt 20000 ]; then
    ok "screenshot of meterdesk.exe --demo --language zh_CN: $SHOT ($(du -h "$SHOT" | cut -f1))"
else
    fail "no screenshot (the console never logged its overview, or a blank picture): $(tail -3 "$WORK/gui.log" "$WORK/gui.out" 2>/dev/null)"
fi
if [ "$failures" -gt 0 ]; then echo "live-check: $failures check(s) failed" >&2; exit 1; fi
echo "live-check: all checks passed"
