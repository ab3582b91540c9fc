#!/usr/bin/env bash
# Ingest benchmark, every number in one run (prints a table; not a test):
#   bench/ingest/run.sh            (BUILD=/path/to/build to use another build folder)
# (a) bare QHttpServer answering a fixed 0000     wrk -t2 -c50
# (b) meterdesk-cli serve, small result uploads   wrk -t2 -c50, openVResult, unique commandSeq each
# (c) meterdesk-cli serve, meterDataUp x 24       wrk -t2 -c50, new (meter, day) each -> readings/s
# (d) meterDataUpBatch 1000 meters x 24 readings  20 sequential curl posts -> median / max ms
# (e) raw SQLite insert ceiling                   bench_storage_ingest (storage's bench) when built
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
MD_KIND=readings wrk -t2 -c"$CONN" -d"${DUR}s" -s "$HERE/uploads.lua" "$SERVE_URL" > "$WORK/c.txt"
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
fi
STORED=$("$CLI" history readings --config "$WORK/md.ini" --format csv | tail -n +2 | wc -l)

C_READINGS=$(awk -v c="$C" 'BEGIN {printf "%.0f", c * 24}')
printf '\n%-58s %14s %s\n' "run ($(nproc) cores, wrk -t2 -c$CONN -d${DUR}s)" "result" "target"
printf '%-58s %14.0f %s\n' "(a) bare QHttpServer, fixed 0000 (req/s)" "$A" ""
printf '%-58s %14.0f %s\n' "(b) serve, openVResult, unique commandSeq (req/s)" "$B" \
    "$(awk -v a="$A" -v b="$B" 'BEGIN {printf ">= 50%% of (a): %.0f%%", 100*b/a}')"
printf '%-58s %14.0f %s\n' "(c) serve, meterDataUp x24 (req/s)" "$C" ""
printf '%-58s %14s %s\n' "(c) readings/s" "$C_READINGS" \
    "$( [ "$E" != "n/a" ] && [ -n "$E" ] && awk -v c="$C_READINGS" -v e="$E" 'BEGIN {printf ">= 50%% of (e): %.0f%%", 100*c/e}')"
printf '%-58s %14s %s\n' "(d) meterDataUpBatch 1000x24 ($((BATCH_BYTES / 1024)) KiB), median / max ms" "$D_MED / $D_MAX" \
    "< 300 ms; $D_OK/20 answered 0000"
printf '%-58s %14s %s\n' "(e) raw SQLite insert ceiling (rows/s)" "${E:-n/a}" "bench_storage_ingest"
printf '%-58s %14s %s\n' "serve RSS after b / c / d (MiB)" "$((RSS_B/1024)) / $((RSS_C/1024)) / $((RSS_D/1024))" ""
printf '%-58s %14s %s\n' "serve peak RSS VmHWM (MiB)" "$((SERVE_HWM/1024))" "< 100 MB"
printf '%-58s %14s %s\n' "bare server peak RSS VmHWM (MiB)" "$((BARE_HWM/1024))" ""
printf '%-58s %14s %s\n' "readings stored (all runs)" "$STORED" ""
for f in a b c; do grep -E "Non-2xx|Socket errors" "$WORK/$f.txt" | sed "s/^/($f) /" || true; done
