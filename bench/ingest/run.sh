#!/usr/bin/env bash
# Ingest benchmark, every number in one run (prints a table; not a test):
#   bench/ingest/run.sh            (BUILD=/path/to/build to use another build folder)
# (a) bare QHttpServer answering a fixed 0000     wrk -t2 -c50
# (b) meterdesk-cli serve, small result uploads   wrk -t2 -c50, openVResult, unique commandSeq each
# (c) meterdesk-cli serve, meterDataUp x 24       wrk -t2 -c50, new (meter, day) each -> readings/s
# (d) meterDataUpBatch 1000 meters x 24 readings  20 sequential curl posts -> median / max ms
# (e) raw SQLite insert ceiling                   bench_storage_ingest (storage's bench) when built: one row per
#     prepared statement (QtSql's binding is most of it), and (e') 1000 rows bound as one JSON parameter
# Peak RSS of serve: VmHWM after all runs. Each wrk run: MD_BENCH_SECONDS (default 8).
set -euo pipefail
source "$(dirname "$0")/common.sh"
DUR=${MD_BENCH_SECONDS:-8}
CONN=${MD_BENCH_CONNECTIONS:-50}

echo "registering 1000 + 20000 meters ..."
register_meters 40000001 1000
register_meters 30000001 20000

# (a)
"$BARE" > "$WORK/bare.out" &
BARE_PID=$!; PIDS+=("$BARE_PID")
for _ in $(seq 50); do grep -q listening "$WORK/bare.out" && break; sleep 0.1; done
BARE_URL=$(sed -n 's/^listening on //p' "$WORK/bare.out")
wrk -t2 -c"$CONN" -d"${DUR}s" -s "$HERE/fixed.lua" "$BARE_URL/rest/v1/bussinessPlatform/openVResult" > "$WORK/a.txt"
A=$(wrk_rps "$WORK/a.txt")
BARE_HWM=$(vm_kib "$BARE_PID" VmHWM)
kill "$BARE_PID"

start_serve
echo "serve at $SERVE_URL (pid $SERVE_PID)"
auth_headers
# (b)
MD_KIND=results wrk -t2 -c"$CONN" -d"${DUR}s" -s "$HERE/uploads.lua" "$SERVE_URL" > "$WORK/b.txt"
B=$(wrk_rps "$WORK/b.txt")
RSS_B=$(vm_kib "$SERVE_PID" VmRSS)
# (c)
auth_headers
MD_KIND=readings wrk -t2 -c"$CONN" -d"${DUR}s" --latency -s "$HERE/uploads.lua" "$SERVE_URL" > "$WORK/c.txt"
C=$(wrk_rps "$WORK/c.txt")
RSS_C=$(vm_kib "$SERVE_PID" VmRSS)
# (d)
for i in $(seq 1 20); do "$TOOL" batch 1000 24 $((30000001 + (i - 1) * 1000)) "$i" > "$WORK/batch$i.json"; done
BATCH_BYTES=$(stat -c %s "$WORK/batch1.json")
auth_headers
: > "$WORK/d.txt"
for i in $(seq 1 20); do
    curl -s -o "$WORK/d$i.out" -w '%{time_total}\n' -H "Content-Type: application/json;charset=utf-8" \
        -H "timestamp: $MD_TS" -H "AccessToken: $MD_TOKEN" -H "Authorization: $MD_AUTH" -H "Expect:" \
        --data-binary @"$WORK/batch$i.json" "$SERVE_URL/rest/v1/bussinessPlatform/meterDataUpBatch" >> "$WORK/d.txt"
done
D_OK=$(grep -l '"0000"' "$WORK"/d*.out | wc -l)
read -r D_MED D_MAX < <(sort -n "$WORK/d.txt" | awk '{v[NR]=$1*1000} END {printf "%.0f %.0f\n", (v[10]+v[11])/2, v[NR]}')
RSS_D=$(vm_kib "$SERVE_PID" VmRSS)
SERVE_HWM=$(vm_kib "$SERVE_PID" VmHWM)
kill -TERM "$SERVE_PID"; wait "$SERVE_PID" || true
# (e)
E="n/a"
if [ -x "$STORAGE_BENCH" ]; then
    "$STORAGE_BENCH" --raw-rows 500000 --uploads 2000 > "$WORK/e.txt" 2>&1 || true
    E=$(sed -n 's/^(a) raw.*= \([0-9]*\) rows\/s.*/\1/p' "$WORK/e.txt")
    E_JSON=$(sed -n "s/^(a') raw.*= \([0-9]*\) rows\/s.*/\1/p" "$WORK/e.txt")
fi
STORED=$("$CLI" history readings --config "$WORK/md.ini" --format csv | tail -n +2 | wc -l)

C_READINGS=$(awk -v c="$C" 'BEGIN {printf "%.0f", c * 24}')
C_P50=$(awk '$1 == "50%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; printf "%.2f", v}' "$WORK/c.txt")
# verdict VALUE OP LIMIT: "met" / "NOT met" (awk compares numbers)
verdict() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {ok = (op == ">=") ? (v >= l) : (v < l); print ok ? "met" : "NOT met"}'; }
pct() { awk -v x="$1" -v y="$2" 'BEGIN {printf "%.1f%%", 100 * x / y}'; }
line() { printf '%-58s %15s  %-34s %s\n' "$1" "$2" "$3" "$4"; }
echo
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONN -d${DUR}s on 127.0.0.1; one run, ratios within it"
line "" "result" "target" "ratio to (a) / verdict"
line "(a) bare QHttpServer, fixed 0000 (req/s)" "$(printf %.0f "$A")" "" "100%"
line "(b) serve, openVResult, unique commandSeq (req/s)" "$(printf %.0f "$B")" ">= 50% of (a)" \
    "$(pct "$B" "$A") $(verdict "$(awk -v b="$B" -v a="$A" 'BEGIN {print b / a}')" ">=" 0.5)"
line "(c) serve, meterDataUp x24 (req/s)" "$(printf %.0f "$C")" ">= 11,000 and >= 20% of (a)" \
    "$(pct "$C" "$A") $(verdict "$(awk -v c="$C" -v a="$A" 'BEGIN {print (c >= 11000 && c / a >= 0.2) ? 1 : 0}')" ">=" 1)"
line "(c) readings/s" "$C_READINGS" ">= 260,000" "$(verdict "$C_READINGS" ">=" 260000)"
line "(c) p50 latency at $CONN connections (ms)" "$C_P50" "<= 5 ms" "$(verdict "$C_P50" "<" 5.0001)"
line "(d) meterDataUpBatch 1000x24 ($((BATCH_BYTES / 1024)) KiB), median ms" "$D_MED" "< 150 ms" "$(verdict "$D_MED" "<" 150)"
line "(d) meterDataUpBatch 1000x24, max of 20 (ms)" "$D_MAX" "< 250 ms" "$(verdict "$D_MAX" "<" 250); $D_OK/20 answered 0000"
if [ "$E" != "n/a" ] && [ -n "$E" ]; then
    line "(e) raw SQLite insert, one row per statement (rows/s)" "$E" "(bench_storage_ingest)" "(c) readings/s = $(pct "$C_READINGS" "$E") of (e)"
    [ -n "$E_JSON" ] && line "(e') raw SQLite insert, 1000 rows as one JSON parameter" "$E_JSON" "(bench_storage_ingest)" "(c) readings/s = $(pct "$C_READINGS" "$E_JSON") of (e')"
else
    line "(e) raw SQLite insert ceiling (rows/s)" "n/a" "(build bench_storage_ingest)" ""
fi
line "serve RSS after b / c / d (MiB)" "$((RSS_B/1024)) / $((RSS_C/1024)) / $((RSS_D/1024))" "" ""
line "serve peak RSS VmHWM (MiB)" "$((SERVE_HWM/1024))" "< 100 MB" "$(verdict "$((SERVE_HWM/1024))" "<" 100)"
line "bare server peak RSS VmHWM (MiB)" "$((BARE_HWM/1024))" "" ""
line "readings stored (all runs)" "$STORED" "" ""
for f in a b c; do grep -E "Non-2xx|Socket errors" "$WORK/$f.txt" | sed "s/^/($f) /" || true; done
