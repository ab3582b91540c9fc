#!/usr/bin/env bash
# Builds MeterDesk and its packages into build/packages/ (Debian 12):
#   meterdesk_<ver>_amd64.deb, meterdesk-<ver>-linux-x86_64.tar.gz   (cpack DEB + TGZ, installable)
#   meterdesk-<ver>-wixl-structure-check.msi   (packaging/wix/meterdesk.wxs built by wixl with the
#       LINUX binaries standing in for the .exe files: for inspecting the MSI's structure only,
#       NOT installable on Windows; the real MSI comes from CPack WIX on Windows, see
#       .github/workflows/windows.yml and packaging/README.md)
#   BUILD_DIR=build/release OUT=build/packages scripts/package.sh
#   SKIP_BUILD=1: package an existing build as it is (its three executables must be built).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build/release}
OUT=${OUT:-build/packages}
for tool in dpkg-deb dpkg-shlibdeps wixl msiinfo; do
    command -v "$tool" >/dev/null || { echo "package: $tool missing: run scripts/deps.sh test" >&2; exit 1; }
done
[ -n "${SKIP_BUILD:-}" ] || BUILD_DIR="$BUILD_DIR" scripts/build.sh
mkdir -p "$OUT"
cpack --config "$BUILD_DIR/CPackConfig.cmake" -G "DEB;TGZ" -B "$OUT"
rm -rf "$OUT/_CPack_Packages"
version=$(sed -n 's/^MD_VERSION="\(.*\)"$/\1/p' "$BUILD_DIR/packaging/wix-defines.env")
packaging/check-msi.sh "$BUILD_DIR" "$OUT/meterdesk-$version-wixl-structure-check.msi"
echo "package: built into $OUT:"
ls -l "$OUT"
