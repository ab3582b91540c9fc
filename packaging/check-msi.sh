#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Structural check of the Windows installer, on Linux:
#   packaging/check-msi.sh [BUILD_DIR] [OUT_MSI]
# 1. stages the build's install tree (cmake --install --strip into a temp prefix),
# 2. builds packaging/wix/meterdesk.wxs with Debian's wixl (version, UpgradeCode, names from
#    BUILD_DIR/packaging/wix-defines.env, written by packaging/Packaging.cmake: one source of truth),
# 3. inspects the MSI with msiinfo/msiextract and fails on any mismatch.
# The Linux binaries stand in for the .exe files: this checks the installer's STRUCTURE (tables,
# UpgradeCode, shortcut, features, payload), not that the Windows build runs. The real MSI is
# built by CPack's WIX generator on Windows (.github/workflows/windows.yml).
# OUT_MSI: keep the MSI there (scripts/package.sh); otherwise it is deleted with the temp folder.
set -euo pipefail

SRC_DIR=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=$(cd "${1:-$SRC_DIR/build/release}" && pwd)
OUT_MSI=${2:-}
ENV_FILE="$BUILD_DIR/packaging/wix-defines.env"

failures=0
fail() { echo "check-msi: FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "check-msi: ok: $*"; }
die() { echo "check-msi: ERROR: $*" >&2; exit 1; }

for tool in wixl msiinfo msiextract cmake; do
    command -v "$tool" >/dev/null || die "$tool not found (Debian: apt-get install wixl msitools cmake)"
done
[ -f "$ENV_FILE" ] || die "$ENV_FILE missing: configure the build first (cmake -S . -B $BUILD_DIR)"
# shellcheck source=/dev/null
. "$ENV_FILE"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/meterdesk-msi.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# --- 1. stage --------------------------------------------------------------------------------
cmake --install "$BUILD_DIR" --prefix "$WORK/stage" --strip >"$WORK/install.log" 2>&1 \
    || { cat "$WORK/install.log" >&2; die "cmake --install failed (is the build complete?)"; }
exe_suffix=""
[ -f "$WORK/stage/bin/meterdesk-cli.exe" ] && exe_suffix=".exe"
for exe in $MD_EXECUTABLES; do
    [ -f "$WORK/stage/bin/$exe$exe_suffix" ] || fail "staged tree lacks bin/$exe$exe_suffix"
done
[ -z "$exe_suffix" ] && echo "check-msi: note: Linux binaries stand in for the .exe files (structural check)"
[ "$MD_HAVE_GUI" = 1 ] || echo "check-msi: note: target meterdesk does not exist yet: no GUI file, no shortcut to check"
[ "$MD_HAVE_SIM" = 1 ] || echo "check-msi: note: target qinchuan-sim does not exist yet: not packaged"

# --- 2. wixl (sources must be given relative to the current directory) ------------------------
cp "$MD_ICON_ICO" "$WORK/meterdesk.ico"
defines=(-D "Version=$MD_VERSION" -D "UpgradeCode=$MD_UPGRADE_CODE" -D "Manufacturer=$MD_MANUFACTURER"
         -D "MdListenPort=$MD_LISTEN_PORT" -D "IconFile=meterdesk.ico" -D "StageDir=stage"
         -D "ExeSuffix=$exe_suffix")
[ "$MD_HAVE_GUI" = 1 ] && defines+=(-D HaveGui=1)
[ "$MD_HAVE_SIM" = 1 ] && defines+=(-D HaveSim=1)
(cd "$WORK" && wixl -a x64 -I "$(dirname "$MD_WXS")" "${defines[@]}" -o out.msi "$MD_WXS") \
    >"$WORK/wixl.log" 2>&1 || { cat "$WORK/wixl.log" >&2; die "wixl failed"; }
MSI="$WORK/out.msi"
ok "wixl built $(du -h "$MSI" | cut -f1) MSI from $(basename "$MD_WXS")"

# --- 3. inspect ---------------------------------------------------------------------------------
table() { msiinfo export "$MSI" "$1" | tr -d '\r' | tail -n +4; }   # rows only, CRLF -> LF
property() { table Property | awk -F'\t' -v k="$1" '$1 == k { print $2 }'; }
expect_eq() { # what actual expected
    if [ "$2" = "$3" ]; then ok "$1 = $2"; else fail "$1 is '$2', expected '$3'"; fi
}

expect_eq ProductName "$(property ProductName)" "$MD_PRODUCT_NAME"
expect_eq ProductVersion "$(property ProductVersion)" "$MD_VERSION"
expect_eq Manufacturer "$(property Manufacturer)" "$MD_MANUFACTURER"
expect_eq UpgradeCode "$(property UpgradeCode)" "{$MD_UPGRADE_CODE}"
expect_eq "ALLUSERS (per-machine)" "$(property ALLUSERS)" 1
expect_eq ARPPRODUCTICON "$(property ARPPRODUCTICON)" ProductIcon.ico
expect_eq "LISTENPORT (firewall rule port)" "$(property LISTENPORT)" "$MD_LISTEN_PORT"
# The same UpgradeCode must reach CPack's WIX generator (the MSI users actually install).
cpack_guid=$(sed -n 's/^set(CPACK_WIX_UPGRADE_GUID "\(.*\)")$/\1/p' "$BUILD_DIR/CPackConfig.cmake")
expect_eq "CPACK_WIX_UPGRADE_GUID" "$cpack_guid" "$MD_UPGRADE_CODE"

template=$(msiinfo suminfo "$MSI" | sed -n 's/^Template: //p')
expect_eq "summary Template (x64)" "$template" "x64;1033"

# MajorUpgrade: an older version is found by the UpgradeCode and removed, a newer one blocks.
upgrades=$(table Upgrade)
grep -q "^{$MD_UPGRADE_CODE}.*WIX_UPGRADE_DETECTED" <<<"$upgrades" && ok "Upgrade row replaces older versions" \
    || fail "Upgrade table has no WIX_UPGRADE_DETECTED row for the UpgradeCode"
grep -q "^{$MD_UPGRADE_CODE}.*WIX_DOWNGRADE_DETECTED" <<<"$upgrades" && ok "Upgrade row blocks downgrades" \
    || fail "Upgrade table has no WIX_DOWNGRADE_DETECTED row"
grep -q "^RemoveExistingProducts" <<<"$(table InstallExecuteSequence)" && ok "RemoveExistingProducts scheduled" \
    || fail "RemoveExistingProducts is not in InstallExecuteSequence"

# Directories: ProgramFiles64Folder\MeterDesk\bin
dirs=$(table Directory)
grep -qP "^INSTALL_ROOT\tProgramFiles64Folder\tMeterDesk$" <<<"$dirs" && ok "INSTALL_ROOT = ProgramFiles64Folder\\MeterDesk" \
    || fail "INSTALL_ROOT is not ProgramFiles64Folder\\MeterDesk: $(grep INSTALL_ROOT <<<"$dirs" | head -1)"
grep -qP "^MD_BIN\tINSTALL_ROOT\tbin$" <<<"$dirs" && ok "executables go to MeterDesk\\bin" \
    || fail "MD_BIN is not INSTALL_ROOT\\bin"

# Files: every packaged executable, with the staged bytes.
files=$(table File)
mkdir -p "$WORK/extract"
msiextract -C "$WORK/extract" "$MSI" >"$WORK/extract.log" 2>&1 || fail "msiextract failed: $(cat "$WORK/extract.log")"
for exe in $MD_EXECUTABLES; do
    if grep -qP "^[^\t]+\t[^\t]+\t([^\t|]*\|)?$exe\.exe\t" <<<"$files"; then
        ok "File table has $exe.exe"
    else
        fail "File table lacks $exe.exe"
    fi
    extracted=$(find "$WORK/extract" -type f -name "$exe.exe" | head -1)
    if [ -n "$extracted" ] && cmp -s "$extracted" "$WORK/stage/bin/$exe$exe_suffix"; then
        ok "$exe.exe extracts identical to the staged bin/$exe$exe_suffix (${extracted#"$WORK/extract/"})"
    else
        fail "$exe.exe is missing from the payload or differs from the staged file"
    fi
done

# Start-menu shortcut to meterdesk.exe, and the icon.
if [ "$MD_HAVE_GUI" = 1 ]; then
    sc=$(table Shortcut)
    grep -qP "^[^\t]+\tPROGRAM_MENU_FOLDER\t([^\t|]*\|)?MeterDesk\t[^\t]+\t\[#meterdesk\.exe\]" <<<"$sc" \
        && ok "Start-menu shortcut MeterDesk -> [#meterdesk.exe]" || fail "no Start-menu shortcut to meterdesk.exe: $sc"
    grep -qP "^PROGRAM_MENU_FOLDER\tProgramMenuFolder\tMeterDesk$" <<<"$dirs" && ok "shortcut folder = Start menu\\MeterDesk" \
        || fail "PROGRAM_MENU_FOLDER is not ProgramMenuFolder\\MeterDesk"
fi
grep -q "^ProductIcon.ico" <<<"$(table Icon)" && ok "Icon table has ProductIcon.ico" || fail "Icon table lacks ProductIcon.ico"

# Optional firewall feature: present, off by default (Level 1000 > INSTALLLEVEL 1), netsh actions.
features=$(table Feature)
grep -qP "^FirewallRule\tProductFeature\t.*\t1000\t" <<<"$features" && ok "feature FirewallRule is optional (Level 1000)" \
    || fail "feature FirewallRule missing or not off by default: $features"
cas=$(table CustomAction)
grep -qP "^MdFirewallAdd\t\d+\tMD_NETSH\tadvfirewall firewall add rule .*localport=\[LISTENPORT\]" <<<"$cas" \
    && ok "MdFirewallAdd runs netsh for [LISTENPORT]" || fail "MdFirewallAdd custom action missing: $cas"
grep -qP "^MdFirewallRemove\t\d+\tMD_NETSH\tadvfirewall firewall delete rule" <<<"$cas" \
    && ok "MdFirewallRemove deletes the rule" || fail "MdFirewallRemove custom action missing"
seq=$(table InstallExecuteSequence)
seq_of() { awk -F'\t' -v a="$1" '$1 == a { print $3 }' <<<"$seq"; }
init=$(seq_of InstallInitialize); final=$(seq_of InstallFinalize)
for ca in MdFirewallAdd MdFirewallAddRollback MdFirewallRemove; do
    n=$(seq_of "$ca")
    if [ -n "$n" ] && [ "$n" -gt "$init" ] && [ "$n" -lt "$final" ]; then
        ok "$ca runs inside the install script ($init < $n < $final)"
    else
        fail "$ca is sequenced at '${n}', outside InstallInitialize($init)..InstallFinalize($final)"
    fi
done

if [ -n "$OUT_MSI" ]; then
    mkdir -p "$(dirname "$OUT_MSI")"
    cp "$MSI" "$OUT_MSI"
    echo "check-msi: wrote $OUT_MSI"
fi
if [ "$failures" -gt 0 ]; then
    echo "check-msi: $failures check(s) failed" >&2
    exit 1
fi
echo "check-msi: all checks passed"
