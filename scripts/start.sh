#!/usr/bin/env bash
# Installs what is missing, builds, and starts the console on a demo world.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
if [ -x build/release/app/gui/meterdesk ]; then
    exec build/release/app/gui/meterdesk "$@"
fi
exec build/release/app/cli/meterdesk-cli "$@"
