#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (ctest). PostgreSQL tests get a private
# cluster started by scripts/with-postgres.sh when it exists. A failing test fails the run: nothing
# is rerun, so an intermittent failure shows.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
scripts/build.sh
cd build/release
if [ -x ../../scripts/with-postgres.sh ]; then
    ../../scripts/with-postgres.sh ctest --output-on-failure --parallel 2 --timeout 600
else
    ctest --output-on-failure --parallel 2 --timeout 600
fi
# The fast suites (core, protocol, storage on SQLite, ui, forms: about 10 s each run on 2 cores)
# again on desks in other zones around platform midnight (00:00 in UTC+8 is 16:00 UTC): platform
# dates follow neither the desk's zone nor the hour. faketime reads the instant in TZ, so
# 11:00:30 in New York (EST) is 16:00:30 UTC, just after platform midnight, and 23:59:30 in Shanghai
# is 15:59:30 UTC, just before it; every test process starts at that instant.
fast='^(core|protocol|storage|ui|forms)$'
TZ=America/New_York faketime -f '@2026-11-30 11:00:30' ctest --output-on-failure --parallel 2 --timeout 300 -L "$fast"
TZ=Asia/Shanghai faketime -f '@2026-11-30 23:59:30' ctest --output-on-failure --parallel 2 --timeout 300 -L "$fast"
