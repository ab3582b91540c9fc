#!/usr/bin/env bash
# Issue 14's province day and month archive, through the real listener (127.0.0.1 only, bounded):
#  (a) MD_PROVINCE_METERS meters (default 1,000,000) each send one day of 24 hourly readings, as
#      meterDataUpBatch posts of 1000 meters (MD_IN_FLIGHT at a time, default 2) to `meterdesk-cli
#      serve` on SQLite: wall time, readings/s, serve's peak RSS, database size; then the 87,600-point
#      timeline read (one meter with ten years of hourly readings, seeded through the store).
#  (b) MD_MONTH_METERS meters (default 10,000) x MD_MONTH_DAYS days (default 30) the same way, then
#      `meterdesk-cli archive` of that month: wall time, rows/s, archive size; and the 87,600-point
#      timeline read across live + archive (the archive holds most of the long meter's years).
# Usage: bench/province/run.sh   (BUILD=... for another build folder)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD=${BUILD:-$HERE/../../build/release}
BUILD=$(cd "$BUILD" 2>/dev/null && pwd) || { echo "no build folder: run scripts/build.sh first" >&2; exit 2; }
CLI=$BUILD/app/cli/meterdesk-cli
TOOL=$BUILD/bench/ingest/bench_ingest_tool
PROV=$BUILD/bench/province/bench_province
for exe in "$CLI" "$TOOL" "$PROV"; do
    [ -x "$exe" ] || { echo "missing $exe: ninja -C $BUILD meterdesk-cli bench_ingest_tool bench_province" >&2; exit 2; }
done
METERS=${MD_PROVINCE_METERS:-1000000}
MONTH_METERS=${MD_MONTH_METERS:-10000}
MONTH_DAYS=${MD_MONTH_DAYS:-30}
IN_FLIGHT=${MD_IN_FLIGHT:-2}
source "$HERE/../ingest/serve-ini.sh"
APPID=$BENCH_APPID
SECRET=$BENCH_SECRET
WORK=$(mktemp -d "${TMPDIR:-/tmp}/md-province.XXXXXX")
SERVE_PID=
cleanup() { [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

config() { # NAME -> $WORK/NAME.ini with database $WORK/NAME.sqlite
    write_serve_ini "$WORK/$1.ini" "$WORK/$1.sqlite"
}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
mib() { du -cm "$@" 2>/dev/null | tail -1 | cut -f1; }
serve() { # NAME: starts serve, sets SERVE_PID and URL
    "$CLI" serve --config "$WORK/$1.ini" > "$WORK/serve.out" 2> "$WORK/serve.err" &
    SERVE_PID=$!
    for _ in $(seq 300); do grep -q '^listening on ' "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
    URL=$(sed -n 's/^listening on //p' "$WORK/serve.out")
    [ -n "$URL" ] || { echo "serve did not start:"; cat "$WORK/serve.err"; exit 1; }
}
stop_serve() { # sets HWM: serve's peak RSS in MiB
    HWM=$(awk '/^VmHWM:/ {print int($2 / 1024)}' "/proc/$SERVE_PID/status")
    kill -TERM "$SERVE_PID"; wait "$SERVE_PID" || true; SERVE_PID=
}
register() { # NAME COUNT
    "$TOOL" meters 30000001 "$2" > "$WORK/meters.csv"
    "$CLI" meters import "$WORK/meters.csv" --config "$WORK/$1.ini" > /dev/null
}

echo "load before: $(uptime)"
# (a)
config day
t0=$(now); register day "$METERS"; t1=$(now)
echo "(a) registry: $METERS meters imported in $(secs "$t0" "$t1") s"
serve day
t0=$(now)
"$PROV" post "$URL" "$APPID" "$SECRET" 30000001 "$METERS" 0 "$IN_FLIGHT" | tee "$WORK/a.txt"
t1=$(now)
stop_serve
echo "(a) province day: $METERS meters x 24 = $((METERS * 24)) readings in $(secs "$t0" "$t1") s wall," \
     "$(sed -n 's/.*readings_per_s \([0-9]*\).*/\1/p' "$WORK/a.txt") readings/s; serve peak RSS $HWM MiB;" \
     "database $(mib "$WORK"/day.sqlite*) MiB"
"$PROV" seed-long "$WORK/day.sqlite" LONG0000001 87600
echo "(a) 87,600-point timeline on that database: $("$PROV" timeline "$WORK/day.sqlite" LONG0000001)"

# (b)
config month
register month "$MONTH_METERS"
serve month
t0=$(now)
for d in $(seq 0 $((MONTH_DAYS - 1))); do
    "$PROV" post "$URL" "$APPID" "$SECRET" 30000001 "$MONTH_METERS" "$d" "$IN_FLIGHT" > /dev/null
done
t1=$(now)
stop_serve
"$PROV" seed-long "$WORK/month.sqlite" LONG0000001 87600
LIVE_MIB=$(mib "$WORK"/month.sqlite*)
echo "(b) month: $MONTH_METERS meters x $MONTH_DAYS days x 24 = $((MONTH_METERS * MONTH_DAYS * 24)) readings posted in" \
     "$(secs "$t0" "$t1") s (serve peak RSS $HWM MiB); database $LIVE_MIB MiB"
BEFORE=$(date -d "2025-01-01 + $MONTH_DAYS days" +%Y-%m-%d)
t0=$(now)
"$CLI" archive --before "$BEFORE" --out "$WORK/archive.sqlite" --config "$WORK/month.ini" 2> "$WORK/archive.err" | tee "$WORK/b.txt" || { cat "$WORK/archive.err"; exit 1; }
t1=$(now)
MOVED=$(awk '{s += $2} END {print s}' "$WORK/b.txt")
echo "(b) archive --before $BEFORE: $MOVED rows moved in $(secs "$t0" "$t1") s" \
     "($(awk -v n="$MOVED" -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", n / (b - a) }') rows/s); archive $(mib "$WORK/archive.sqlite") MiB"
echo "(b) timeline, live only:      $("$PROV" timeline "$WORK/month.sqlite" LONG0000001)"
echo "(b) timeline, live + archive: $("$PROV" timeline "$WORK/month.sqlite" LONG0000001 "$WORK/archive.sqlite")"
echo "load after: $(uptime)"
