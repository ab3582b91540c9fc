#!/usr/bin/env bash
# SQLite vs PostgreSQL side by side, every number in one run (prints a table; not a test):
#   bench/postgres/run.sh          (BUILD=/path/to/build to use another build folder; default build/release)
# Runs itself under scripts/with-postgres.sh with MD_PG_FSYNC=on (a private cluster on 127.0.0.1, fsync on
# so the PostgreSQL numbers are honest), unless MD_TEST_PG_URL is already set (then uses that server).
#   listener  meterdesk-cli serve, small result uploads (b) and meterDataUp x24 (c)   wrk -t2 -c50 on 127.0.0.1
#   store     bench_storage_ingest: raw insert ceiling, Store::submit with many in flight, one at a time
#   timeline  Store::readings of one meter with 87,600 hourly points (bench_storage_queries); the same
#             generated SQLite file is copied to PostgreSQL with `meterdesk-cli migrate`
#   console   bench_timeline: drawing the 87,600 points does not touch the database (one column)
# Each wrk run: MD_BENCH_SECONDS (default 5). Needs targets meterdesk-cli bench_ingest_tool
# bench_bare_http bench_storage_ingest bench_generate_db bench_storage_queries bench_timeline.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SELF="$ROOT/bench/postgres/run.sh"

if [ -z "${MD_TEST_PG_URL:-}" ]; then
    if [ -n "${MD_PG_BENCH_INNER:-}" ]; then
        echo "no PostgreSQL server (scripts/with-postgres.sh found no server binaries); nothing to compare" >&2
        exit 2
    fi
    export MD_PG_BENCH_INNER=1 MD_PG_FSYNC=${MD_PG_FSYNC:-on}
    exec "$ROOT/scripts/with-postgres.sh" "$SELF" "$@"
fi

export BUILD=${BUILD:-$ROOT/build/release}
source "$ROOT/bench/ingest/common.sh" # WORK, md.ini, register_meters, start_serve, auth_headers, wrk_rps
DUR=${MD_BENCH_SECONDS:-5}
CONN=${MD_BENCH_CONNECTIONS:-50}
INGEST=$BUILD/bench/storage/bench_storage_ingest
GENERATE=$BUILD/bench/storage/bench_generate_db
QUERIES=$BUILD/bench/storage/bench_storage_queries
DRAW=$BUILD/bench/timeline/bench_timeline
for exe in "$INGEST" "$GENERATE" "$QUERIES" "$DRAW"; do
    [ -x "$exe" ] || { echo "missing $exe: run scripts/build.sh (or set BUILD=...)" >&2; exit 2; }
done

# One database per job on the private server: the listener's, and the migrate target (must be empty).
PG_BASE=${MD_TEST_PG_URL%/*}
PG_USER=$(echo "$MD_TEST_PG_URL" | sed -n 's|^postgresql://\([^@:]*\).*|\1|p')
PG_PORT=$(echo "$MD_TEST_PG_URL" | sed -n 's|.*@[^:/]*:\([0-9]*\)/.*|\1|p')
PG_CREATEDB=${MD_TEST_PG_BIN:-/usr/lib/postgresql/15/bin}/createdb
for db in md_listener md_timeline; do
    PGPASSWORD=${MD_PG_PASSWORD:-} "$PG_CREATEDB" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$db"
done
echo "PostgreSQL: $PG_BASE (fsync=${MD_PG_FSYNC:-as configured}); build: $BUILD"
T0=$(date +%s)

# --- listener: the same wrk runs against serve on each backend -------------------------------------
declare -A R
ingest_on() { # KEY DATABASE
    local key=$1 db=$2
    sed -i "s|^database=.*|database=$db|" "$WORK/md.ini"
    register_meters 40000001 1000
    : > "$WORK/serve.out"
    start_serve
    auth_headers
    MD_KIND=results wrk -t2 -c"$CONN" -d"${DUR}s" -s "$HERE/uploads.lua" "$SERVE_URL" > "$WORK/b-$key.txt"
    auth_headers
    MD_KIND=readings wrk -t2 -c"$CONN" -d"${DUR}s" -s "$HERE/uploads.lua" "$SERVE_URL" > "$WORK/c-$key.txt"
    kill -TERM "$SERVE_PID"; wait "$SERVE_PID" || true
    # What reached the disk (the product's own export): about (c) req/s x seconds x 24.
    R[stored_$key]=$("$CLI" history readings --config "$WORK/md.ini" --format csv | tail -n +2 | wc -l)
    R[b_$key]=$(wrk_rps "$WORK/b-$key.txt")
    R[c_$key]=$(wrk_rps "$WORK/c-$key.txt")
    R[bl_$key]=$(sed -n 's/^ *Latency *\([^ ]*\).*/\1/p' "$WORK/b-$key.txt")
    R[cl_$key]=$(sed -n 's/^ *Latency *\([^ ]*\).*/\1/p' "$WORK/c-$key.txt")
    R[bad_$key]=$(cat "$WORK/b-$key.txt" "$WORK/c-$key.txt" | grep -E "Non-2xx|Socket errors" | tr '\n' ';' || true)
}
echo "listener on SQLite ..."
ingest_on sqlite "$WORK/meterdesk.sqlite"
echo "listener on PostgreSQL ..."
ingest_on pg "$PG_BASE/md_listener"

# --- store: bench_storage_ingest on each backend (PostgreSQL: its own schema in meterdesk_test) -----
store_on() { # KEY [--postgres URL]
    local key=$1; shift
    "$INGEST" --raw-rows 100000 --uploads 1000 "$@" > "$WORK/e-$key.txt" 2>&1
    R[raw_$key]=$(sed -n 's/^(a) raw.*= \([0-9]*\) rows\/s.*/\1/p' "$WORK/e-$key.txt")
    R[up_$key]=$(sed -n 's/^(b) .*s = \([0-9]*\) uploads\/s = \([0-9]*\) reading.*/\1/p' "$WORK/e-$key.txt")
    R[uprows_$key]=$(sed -n 's/^(b) .*uploads\/s = \([0-9]*\) reading rows.*/\1/p' "$WORK/e-$key.txt")
    R[one_$key]=$(sed -n "s/^(b') one upload at a time: \([0-9.]*\) ms.*/\1/p" "$WORK/e-$key.txt")
}
echo "store ingest on SQLite / PostgreSQL ..."
store_on sqlite
store_on pg --postgres "$MD_TEST_PG_URL"

# --- timeline: one generated file, copied to PostgreSQL, read back on both -------------------------
echo "timeline data: 2000 meters x 10 + LONG0000001 x 87,600, then migrate to PostgreSQL ..."
"$GENERATE" --meters 2000 --readings-per-meter 10 --long-meter --out "$WORK/timeline.sqlite" > "$WORK/gen.txt" 2>&1
"$CLI" migrate --from "sqlite:$WORK/timeline.sqlite" --to "$PG_BASE/md_timeline" > "$WORK/migrate.txt" 2>&1 \
    || { cat "$WORK/migrate.txt" >&2; exit 1; }
CRASHES=()
query_on() { # KEY DATABASE
    # bench_storage_queries sometimes dies with SIGSEGV (seen on SQLite, not under gdb): retry, say so.
    local try rc
    for try in 1 2 3; do
        rc=0
        timeout 60 "$QUERIES" --db "$2" > "$WORK/q-$1.txt" 2>&1 || rc=$?
        [ $rc = 0 ] && break
        CRASHES+=("bench_storage_queries on $1 exited $rc (try $try)")
        grep -q '^timeline readings' "$WORK/q-$1.txt" && break
    done
    R[pts_$1]=$(sed -n 's/^timeline readings(): \([0-9]*\) points.*/\1/p' "$WORK/q-$1.txt")
    R[tl_$1]=$(sed -n 's/^timeline readings(): .* in \([0-9.]*\) ms.*/\1/p' "$WORK/q-$1.txt")
    R[daily_$1]=$(sed -n 's/^dailyConsumption over 10 years: \([0-9.]*\) ms.*/\1/p' "$WORK/q-$1.txt")
}
query_on sqlite "$WORK/timeline.sqlite"
query_on pg "$PG_BASE/md_timeline"

# --- console: drawing is backend-independent ---------------------------------------------------------
"$DRAW" 87600 30 > "$WORK/draw.txt" 2>&1
DRAW_MS=$(sed -n 's/^draw whole range median ms=\([0-9.]*\).*/\1/p' "$WORK/draw.txt")
ZOOM_MS=$(sed -n 's/^draw zoomed 5% median ms=\([0-9.]*\).*/\1/p' "$WORK/draw.txt")

readings() { awk -v c="$1" 'BEGIN {printf "%.0f", c * 24}'; }
row() { printf '%-66s %13s %12s\n' "$1" "$2" "$3"; }
echo
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONN -d${DUR}s on 127.0.0.1; PostgreSQL fsync=${MD_PG_FSYNC:-?}"
row "" "SQLite" "PostgreSQL"
row "listener (b) serve, openVResult, unique commandSeq (req/s)" "$(printf %.0f "${R[b_sqlite]}")" "$(printf %.0f "${R[b_pg]}")"
row "listener (b) mean latency" "${R[bl_sqlite]}" "${R[bl_pg]}"
row "listener (c) serve, meterDataUp x24 (req/s)" "$(printf %.0f "${R[c_sqlite]}")" "$(printf %.0f "${R[c_pg]}")"
row "listener (c) readings/s" "$(readings "${R[c_sqlite]}")" "$(readings "${R[c_pg]}")"
row "listener (c) mean latency" "${R[cl_sqlite]}" "${R[cl_pg]}"
row "listener readings stored after (c) (history readings export)" "${R[stored_sqlite]}" "${R[stored_pg]}"
row "store raw prepared insert, 10k rows/tx (rows/s)" "${R[raw_sqlite]}" "${R[raw_pg]}"
row "store Store::submit meterDataUp, 64 in flight (uploads/s)" "${R[up_sqlite]}" "${R[up_pg]}"
row "store Store::submit, reading rows/s" "${R[uprows_sqlite]}" "${R[uprows_pg]}"
row "store one upload at a time (ms, commit latency)" "${R[one_sqlite]}" "${R[one_pg]}"
row "timeline Store::readings of one meter, ${R[pts_sqlite]} / ${R[pts_pg]} points (ms)" "${R[tl_sqlite]}" "${R[tl_pg]}"
row "timeline dailyConsumption, 10 years (ms, median of 3)" "${R[daily_sqlite]}" "${R[daily_pg]}"
row "console draw 87,600 points 1600x400, whole / zoomed 5% (ms)" "$DRAW_MS / $ZOOM_MS" "(same)"
for k in sqlite pg; do [ -z "${R[bad_$k]}" ] || echo "wrk on $k: ${R[bad_$k]}"; done
for c in "${CRASHES[@]}"; do echo "note: $c"; done
echo "total $(( $(date +%s) - T0 )) s after the server started"
