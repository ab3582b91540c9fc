#!/usr/bin/env bash
# Installs what is missing, builds, and starts the console on a live demo world:
#   1. qinchuan-sim writes its 300 demo meters as a registry CSV, meterdesk-cli imports it;
#   2. qinchuan-sim --demo plays the Qinchuan platform on 127.0.0.1:9080 and posts a year of history,
#      then live readings and alarms (a gas leak, meters closed for arrears) to the console's listener;
#   3. meterdesk starts with the embedded listener on 127.0.0.1:8080 and sends commands to the simulator.
# The demo's settings and database live in a folder of their own ($MD_DEMO_DIR, default
# ~/.local/share/meterdesk-demo), never in your real configuration. Extra arguments go to meterdesk
# (e.g. --language zh_CN). MD_DEMO=generated opens a generated offline demo database instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
bin=build/release
demo_dir=${MD_DEMO_DIR:-$HOME/.local/share/meterdesk-demo}
mkdir -p "$demo_dir"

if [ "${MD_DEMO:-sim}" = generated ]; then
    exec "$bin/app/gui/meterdesk" --demo --config "$demo_dir/meterdesk.ini" "$@"
fi

ini=$demo_dir/meterdesk.ini
db=$demo_dir/meterdesk.sqlite
if [ ! -f "$ini" ]; then
    # Demo credentials only (the simulator's defaults); a real desk gets its own from Qinchuan.
    cat > "$ini" <<INI
[platform]
baseUrl=http://127.0.0.1:9080
appId=QC20230001
appSecret=s3cr3t-KEY-0123456789
signMode=lenient
[listener]
enabled=true
host=127.0.0.1
port=8080
[storage]
database=$db
INI
fi
if [ ! -f "$db" ]; then
    "$bin/tools/qinchuan-sim/qinchuan-sim" --demo --seed-only --database-seed-out "$demo_dir/meters.csv" >/dev/null
    "$bin/app/cli/meterdesk-cli" meters import "$demo_dir/meters.csv" --config "$ini" --database "$db" >/dev/null
fi

# The simulator starts a moment after the console, so that its listener is up for the history.
(sleep 3; exec "$bin/tools/qinchuan-sim/qinchuan-sim" --demo --config "$ini" --listen 127.0.0.1:9080 \
    --listener http://127.0.0.1:8080/rest/v1/bussinessPlatform --result-delay-ms 5000 \
    2>"$demo_dir/qinchuan-sim.log") &
sim=$!
trap 'kill $sim 2>/dev/null || true' EXIT
echo "qinchuan-sim (pid $sim) is playing the platform; its log: $demo_dir/qinchuan-sim.log"
"$bin/app/gui/meterdesk" --config "$ini" --database "$db" "$@"
