#!/usr/bin/env bash
# Installs the Debian 12 packages MeterDesk needs, only those that are missing.
#   scripts/deps.sh            build + run
#   scripts/deps.sh test       also what the tests need (PostgreSQL server, Xvfb, fonts, wixl, msitools)
#   scripts/deps.sh bench      also what bench/ingest and bench/postgres need (wrk, curl, PostgreSQL)
set -euo pipefail
packages=(cmake g++ ninja-build ccache pkg-config
          qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev
          qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql libssl-dev libgl-dev
          fonts-wqy-microhei)
if [ "${1:-}" = test ]; then
    packages+=(postgresql xvfb xauth wixl msitools dpkg-dev file poppler-utils)
    packages+=(faketime) # test.sh reruns the fast suites at other hours and zones
fi
if [ "${1:-}" = bench ]; then
    packages+=(postgresql wrk curl)
fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
