#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (ctest). PostgreSQL tests get a private
# cluster started by scripts/with-postgres.sh when it exists. A failing test is run up to twice more
# (--repeat until-pass:3): the forms GUI test has an open intermittent failure (see the closing note
# of stop 9); a test that fails three times fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
scripts/build.sh
cd build/release
if [ -x ../../scripts/with-postgres.sh ]; then
    ../../scripts/with-postgres.sh ctest --output-on-failure --parallel 2 --timeout 600 --repeat until-pass:3
else
    ctest --output-on-failure --parallel 2 --timeout 600 --repeat until-pass:3
fi
