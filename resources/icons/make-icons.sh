#!/usr/bin/env bash
# Regenerates the app icon's PNGs (16..256) and meterdesk.ico from meterdesk.svg.
# Run after editing the SVG and commit the results (builds never run this script).
# Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert (Debian: imagemagick).
set -euo pipefail
cd "$(dirname "$0")"
sizes=(16 24 32 48 64 128 256)
CONVERT=${CONVERT:-/usr/bin/convert}
command -v rsvg-convert >/dev/null || { echo "make-icons: rsvg-convert missing (apt-get install librsvg2-bin)" >&2; exit 1; }
[ -x "$CONVERT" ] || { echo "make-icons: ImageMagick convert missing at $CONVERT" >&2; exit 1; }
pngs=()
for s in "${sizes[@]}"; do
    rsvg-convert --width "$s" --height "$s" --format png --output "meterdesk-$s.png" meterdesk.svg
    # Strip timestamps/text chunks so regenerating an unchanged SVG gives identical files.
    "$CONVERT" "meterdesk-$s.png" -strip "PNG32:meterdesk-$s.png"
    pngs+=("meterdesk-$s.png")
done
# Windows icon: the sizes Explorer, the taskbar and the installer use (256 is stored as PNG).
"$CONVERT" meterdesk-16.png meterdesk-24.png meterdesk-32.png meterdesk-48.png meterdesk-64.png \
    meterdesk-128.png meterdesk-256.png meterdesk.ico
echo "make-icons: wrote ${pngs[*]} meterdesk.ico"
