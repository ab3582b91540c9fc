#!/usr/bin/env bash
# kill -9 of serve under load on PostgreSQL loses no acknowledged reading, RUNS times (default 20):
#   BUILD=build/release bench/ingest/kill9-postgres.sh [RUNS]
# Starts a private cluster through scripts/with-postgres.sh (fsync on) unless MD_TEST_PG_URL is set.
# Each run: a fresh schema, wrk driving meterDataUp (24 readings each, one connection per thread, every
# 0000 logged), serve killed with SIGKILL mid-run, then every acknowledged upload's 24 readings must be
# in the database. One line per run, then PASS or FAIL (exit 1).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "${MD_TEST_PG_URL:-}" ]; then
    MD_PG_FSYNC=${MD_PG_FSYNC:-on} exec "$ROOT/scripts/with-postgres.sh" "$0" "$@"
fi
RUNS=${1:-20}
source "$(dirname "$0")/common.sh"
failed=0
acked_total=0
for run in $(seq "$RUNS"); do
    sed -i "s|^database=.*|database=$MD_TEST_PG_URL?schema=kill9_${run}_$$|" "$WORK/md.ini"
    register_meters 40000001 1000
    start_serve
    auth_headers
    rm -f "$WORK"/acked.*
    MD_KIND=readings MD_ACK_LOG="$WORK/acked" wrk -t4 -c4 -d4s -s "$HERE/uploads.lua" "$SERVE_URL" > "$WORK/wrk.txt" 2>&1 &
    WRK_PID=$!
    sleep 2
    kill -9 "$SERVE_PID"
    wait "$WRK_PID" || true
    cat "$WORK"/acked.* 2>/dev/null | sort -u > "$WORK/acked.txt" || true
    acked_total=$((acked_total + $(wc -l < "$WORK/acked.txt")))
    "$CLI" history readings --config "$WORK/md.ini" --format csv | tail -n +2 | tr -d '\r' > "$WORK/stored.csv"
    python3 "$HERE/check_acked.py" "$WORK/acked.txt" "$WORK/stored.csv" "run $run/$RUNS" || failed=$((failed + 1))
done
if [ "$failed" -eq 0 ]; then
    echo "PASS: $RUNS kill -9 runs on PostgreSQL, $acked_total acknowledged uploads, none lost"
else
    echo "FAIL: $failed of $RUNS runs lost acknowledged readings"
    exit 1
fi
