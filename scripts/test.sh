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
