#!/usr/bin/env bash
# Builds the Windows MSI with wixl from the staged tree (scripts/windows/stage.sh) and the WiX
# sources of packaging/wix/ (meterdesk.wxs with firewall.wxi: the UpgradeCode, shortcut and firewall
# feature CPack's WIX path shares), plus a wixl-heat listing of the staged runtime.
#   msi.sh <build-dir> <stage-dir> <out.msi> [version]
# version defaults to the project's (wix-defines.env); scripts/windows.sh passes a higher one to
# build the MSI it upgrades with.
set -euo pipefail
BUILD=$(cd "$1" && pwd)
STAGE=$(cd "$2" && pwd)
OUT=$3
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck disable=SC1091
. "$BUILD/packaging/wix-defines.env"
VERSION=${4:-$MD_VERSION}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/md-msi.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# wixl wants sources relative to the folder it runs in.
ln -s "$STAGE" "$WORK/stage"
cp "$MD_ICON_ICO" "$WORK/meterdesk.ico"
cd "$WORK"
# The three programs are written out in meterdesk.wxs (the shortcut points at one): heat lists the rest.
(cd "$WORK" && find -L stage/bin -type f ! -name meterdesk.exe ! -name meterdesk-cli.exe ! -name qinchuan-sim.exe | sort) \
    | wixl-heat --prefix stage/bin/ --directory-ref MD_BIN --component-group CG_RuntimeBin \
        --var var.StageDir/bin --win64 > runtime-bin.wxs
(cd "$WORK" && find -L stage -type f ! -path 'stage/bin/*' | sort) \
    | wixl-heat --prefix stage/ --directory-ref INSTALL_ROOT --component-group CG_RuntimeRoot \
        --var var.StageDir --win64 > runtime-root.wxs
# wixl-heat writes "$(var.StageDir/bin)/file": make it "$(var.StageDir)/bin/file".
sed -i 's|\$(var.StageDir/bin)|$(var.StageDir)/bin|g' runtime-bin.wxs

wixl -a x64 -I "$ROOT/packaging/wix" \
    -D "Version=$VERSION" -D "UpgradeCode=$MD_UPGRADE_CODE" -D "Manufacturer=$MD_MANUFACTURER" \
    -D "MdListenPort=$MD_LISTEN_PORT" -D IconFile=meterdesk.ico -D StageDir=stage -D ExeSuffix=.exe \
    -D HaveGui=1 -D HaveSim=1 -D HaveRuntime=1 -D Win64=yes \
    -o out.msi "$ROOT/packaging/wix/meterdesk.wxs" runtime-bin.wxs runtime-root.wxs
mkdir -p "$(dirname "$OUT")"
cd - >/dev/null
cp "$WORK/out.msi" "$OUT"
echo "msi: $OUT ($(du -h "$OUT" | cut -f1), version $VERSION, $(msiinfo export "$OUT" File | tail -n +4 | wc -l) files)"
