# Shared by run.sh and kill9.sh: a config, a registry, and meterdesk-cli serve in a temp folder.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The build scripts/build.sh makes (build/release); BUILD=/path/to/build to use another one.
BUILD_ARG=${BUILD:-$HERE/../../build/release}
BUILD=$(cd "$BUILD_ARG" 2>/dev/null && pwd) || { echo "no build folder $BUILD_ARG: run scripts/build.sh first (or set BUILD=...)" >&2; exit 2; }
CLI=$BUILD/app/cli/meterdesk-cli
BARE=$BUILD/bench/ingest/bench_bare_http
TOOL=$BUILD/bench/ingest/bench_ingest_tool
STORAGE_BENCH=$BUILD/bench/storage/bench_storage_ingest
source "$HERE/serve-ini.sh"
APPID=$BENCH_APPID
SECRET=$BENCH_SECRET
WORK=$(mktemp -d /tmp/md-bench.XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -s "$WORK/serve.err" ] && cp "$WORK/serve.err" "${TMPDIR:-/tmp}/md-bench-serve.err"
    rm -rf "$WORK"
}
trap cleanup EXIT

for exe in "$CLI" "$BARE" "$TOOL"; do
    [ -x "$exe" ] || { echo "missing $exe: run scripts/build.sh (or ninja -C $BUILD meterdesk-cli bench_bare_http bench_ingest_tool)" >&2; exit 2; }
done
for tool in wrk curl; do
    command -v "$tool" > /dev/null || { echo "missing $tool: scripts/deps.sh bench installs it" >&2; exit 2; }
done

write_serve_ini "$WORK/md.ini" "$WORK/meterdesk.sqlite"

register_meters() { # FIRST COUNT
    "$TOOL" meters "$1" "$2" > "$WORK/meters-$1.csv"
    "$CLI" meters import "$WORK/meters-$1.csv" --config "$WORK/md.ini" > /dev/null
}

# start_serve: sets SERVE_PID and SERVE_URL
start_serve() {
    "$CLI" serve --config "$WORK/md.ini" > "$WORK/serve.out" 2>> "$WORK/serve.err" &
    SERVE_PID=$!
    PIDS+=("$SERVE_PID")
    for _ in $(seq 100); do
        grep -q '^listening on ' "$WORK/serve.out" 2>/dev/null && break
        sleep 0.1
    done
    SERVE_URL=$(sed -n 's/^listening on //p' "$WORK/serve.out")
    [ -n "$SERVE_URL" ] || { echo "serve did not start:"; cat "$WORK/serve.err"; exit 1; }
}

auth_headers() { # exports MD_TS MD_TOKEN MD_AUTH for now
    local h
    h=$("$TOOL" headers "$APPID" "$SECRET")
    export MD_TS=$(echo "$h" | sed -n 1p) MD_TOKEN=$(echo "$h" | sed -n 2p) MD_AUTH=$(echo "$h" | sed -n 3p)
}

vm_kib() { grep "^$2:" "/proc/$1/status" | awk '{print $2}'; }
wrk_rps() { sed -n 's/^Requests\/sec: *//p' "$1"; }
