#!/usr/bin/env bash
# Draws the console's icon and writes it in each format the bundles need. Run it after changing the drawing and
# commit the results; the build only copies them. Needs ImageMagick and png2icns (Debian: imagemagick icnsutils).
set -euo pipefail
cd "$(dirname "$0")/../../.."
master=$(mktemp --suffix=.png)
trap 'rm -f "$master"' EXIT

# A door (a room) on a blue tile, with the green "live" light of the console's status.
/usr/bin/convert -size 1024x1024 xc:none \
  -fill '#1e40af' -draw 'roundrectangle 48,48 976,976 208,208' \
  -fill '#2563eb' -draw 'roundrectangle 48,48 976,900 208,208' \
  -fill none -stroke white -strokewidth 72 -draw 'roundrectangle 300,232 700,800 36,36' \
  -stroke none -fill white -draw 'rectangle 212,800 788,872' \
  -fill white -draw 'circle 598,540 598,584' \
  -fill '#22c55e' -stroke white -strokewidth 40 -draw 'circle 792,244 792,370' \
  "$master"

resources=desktop-client/src/main/resources/app/roomwatch/console
bundles=installer/src/jpackage
mkdir -p "$resources" "$bundles/linux" "$bundles/windows" "$bundles/macos"
/usr/bin/convert "$master" -strip -resize 256x256 "$resources/roomwatch-console.png"
/usr/bin/convert "$master" -strip -resize 256x256 "$bundles/linux/roomwatch-console.png"
/usr/bin/convert "$master" -strip -define icon:auto-resize=256,128,64,48,32,16 "$bundles/windows/roomwatch-console.ico"
icns=$(mktemp -d)
for size in 16 32 128 256 512; do /usr/bin/convert "$master" -strip -resize ${size}x${size} "$icns/$size.png"; done
png2icns "$bundles/macos/roomwatch-console.icns" "$icns"/{16,32,128,256,512}.png >/dev/null
rm -rf "$icns"
