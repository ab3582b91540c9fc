#!/usr/bin/env bash
# Configures and builds MeterDesk into build/release (Ninja, ccache when present).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build/release}
BUILD_TYPE=${BUILD_TYPE:-Release}   # no debug info: the first build on 2 cores stays short
[ -f "$BUILD_DIR/build.ninja" ] || cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "$@"
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
