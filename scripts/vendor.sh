#!/usr/bin/env bash
# Refreshes the JavaScript the site serves itself (no CDN for code), from the
# npm registry at pinned versions. Run after changing a version; commit the result.
set -euo pipefail
MERMAID=11.17.2
LEAFLET=1.9.4
cd "$(dirname "$0")/.."
out=docs/assets/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "mermaid@$MERMAID" "leaflet@$LEAFLET" >/dev/null)
tar -xzf "$work/mermaid-$MERMAID.tgz" -C "$work" package/dist/mermaid.min.js package/LICENSE
mkdir -p "$out/mermaid" && cp "$work/package/dist/mermaid.min.js" "$out/mermaid/" && cp "$work/package/LICENSE" "$out/mermaid/LICENSE.txt"
rm -rf "$work/package"
tar -xzf "$work/leaflet-$LEAFLET.tgz" -C "$work" package/dist package/LICENSE
mkdir -p "$out/leaflet/images"
cp "$work/package/dist/leaflet.js" "$work/package/dist/leaflet.css" "$out/leaflet/"
cp "$work/package/dist/images/"*.png "$out/leaflet/images/"
cp "$work/package/LICENSE" "$out/leaflet/LICENSE.txt"
printf 'mermaid %s\nleaflet %s\n' "$MERMAID" "$LEAFLET" > "$out/VERSIONS"
echo "vendored mermaid $MERMAID and leaflet $LEAFLET into $out"
