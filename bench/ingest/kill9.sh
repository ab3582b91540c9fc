#!/usr/bin/env bash
# kill -9 during load loses no acknowledged reading:
#   bench/ingest/kill9.sh
# wrk drives meterDataUp (24 readings each) with one connection per thread, so each response belongs to
# the thread's last request; every 0000 is logged as (meterNo, first dataTime). serve is killed with
# SIGKILL in the middle of the run; afterwards the database is opened again and every acknowledged
# upload's 24 readings must be there.
set -euo pipefail
source "$(dirname "$0")/common.sh"
register_meters 40000001 1000
start_serve
auth_headers
MD_KIND=readings MD_ACK_LOG="$WORK/acked" wrk -t4 -c4 -d6s -s "$HERE/uploads.lua" "$SERVE_URL" > "$WORK/wrk.txt" 2>&1 &
WRK_PID=$!
sleep 3
kill -9 "$SERVE_PID"
echo "killed serve (pid $SERVE_PID) with SIGKILL during the run"
wait "$WRK_PID" || true
cat "$WORK"/acked.* 2>/dev/null | sort -u > "$WORK/acked.txt" || true
ACKED=$(wc -l < "$WORK/acked.txt")
"$CLI" history readings --config "$WORK/md.ini" --format csv | tail -n +2 | tr -d '\r' > "$WORK/stored.csv"
python3 "$HERE/check_acked.py" "$WORK/acked.txt" "$WORK/stored.csv"
