#!/usr/bin/env bash
# Refreshes the JavaScript the site serves itself (no CDN for code), from the
# npm registry at pinned versions. Run after changing a version; commit the result.
set -euo pipefail
LEAFLET=1.9.4
WORLD_ATLAS=2.0.2        # Natural Earth country outlines (1:50m), the maps' offline basemap
TOPOJSON_CLIENT=3.1.0    # reads them in the browser
cd "$(dirname "$0")/.."
out=docs/assets/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" \
  "topojson-client@$TOPOJSON_CLIENT" >/dev/null)
tar -xzf "$work/leaflet-$LEAFLET.tgz" -C "$work" package/dist package/LICENSE
mkdir -p "$out/leaflet/images"
cp "$work/package/dist/leaflet.js" "$work/package/dist/leaflet.css" "$out/leaflet/"
cp "$work/package/dist/images/"*.png "$out/leaflet/images/"
cp "$work/package/LICENSE" "$out/leaflet/LICENSE.txt"
rm -rf "$work/package"
tar -xzf "$work/world-atlas-$WORLD_ATLAS.tgz" -C "$work" package/countries-50m.json package/LICENSE
mkdir -p "$out/world-atlas"
cp "$work/package/countries-50m.json" "$out/world-atlas/" && cp "$work/package/LICENSE" "$out/world-atlas/LICENSE.txt"
rm -rf "$work/package"
tar -xzf "$work/topojson-client-$TOPOJSON_CLIENT.tgz" -C "$work" package/dist/topojson-client.min.js package/LICENSE
mkdir -p "$out/topojson-client"
cp "$work/package/dist/topojson-client.min.js" "$out/topojson-client/" && cp "$work/package/LICENSE" "$out/topojson-client/LICENSE.txt"
printf 'leaflet %s\nworld-atlas %s\ntopojson-client %s\n' "$LEAFLET" "$WORLD_ATLAS" "$TOPOJSON_CLIENT" > "$out/VERSIONS"
echo "vendored leaflet $LEAFLET, world-atlas $WORLD_ATLAS and topojson-client $TOPOJSON_CLIENT into $out"
