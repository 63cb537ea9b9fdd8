"""The site's own fonts for other scripts: every file a stylesheet names is there, each
script of scripts/vendor.sh has its stylesheet, no two scripts share a code point, and a
page links the stylesheets of the scripts its text shows, none for Latin text."""

from __future__ import annotations

import itertools
import re

import pytest

from generator.render.fonts import FONTS, stylesheets_for
from tests.conftest import ROOT

VENDOR = ROOT / "scripts" / "vendor.sh"


def _vendored() -> dict[str, str]:
    """Script → version of @fontsource/noto-sans-<script>, as scripts/vendor.sh pins them."""
    listed = re.search(r"^FONTS=\((.*?)^\)", VENDOR.read_text(encoding="utf-8"), re.M | re.S)
    assert listed, "scripts/vendor.sh has no FONTS=( ... ) list"
    return dict(re.findall(r"^\s+([a-z]+) (\d+\.\d+\.\d+)$", listed[1], re.M))


def _code_points(css: str) -> set[int]:
    points: set[int] = set()
    for declared in re.findall(r"unicode-range:\s*([^;]+);", css):
        for first, last in re.findall(r"U\+([0-9A-F]+)(?:-([0-9A-F]+))?", declared):
            points |= set(range(int(first, 16), int(last or first, 16) + 1))
    return points


def test_every_font_a_stylesheet_names_is_a_woff2_beside_it() -> None:
    sheets = sorted(FONTS.glob("*.css"))
    assert sheets
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        urls = re.findall(r"url\(([^)]*)\)", css)
        assert len(urls) == css.count("@font-face") == 2, sheet.name  # weights 400 and 700
        assert css.count('font-family: "Briefing Scripts";') == 2, sheet.name
        for url in urls:
            path = url.strip("\"'")
            assert re.fullmatch(rf"{sheet.stem}/[\w.-]+\.woff2", path), f"{sheet.name}: {url}"
            assert (FONTS / path).read_bytes()[:4] == b"wOF2", f"{sheet.name}: {path}"
        assert (FONTS / sheet.stem / "OFL.txt").is_file(), f"{sheet.stem}: no licence"
        assert "SIL Open Font License" in (FONTS / sheet.stem / "OFL.txt").read_text(encoding="utf-8")


def test_every_script_vendor_sh_names_has_its_stylesheet_and_version() -> None:
    vendored = _vendored()
    assert len(vendored) >= 9
    assert {sheet.stem for sheet in FONTS.glob("*.css")} == set(vendored)
    versions = (FONTS / "VERSIONS").read_text(encoding="utf-8").splitlines()
    assert versions == [f"@fontsource/noto-sans-{script}@{version}" for script, version in vendored.items()]


def test_no_two_scripts_share_a_code_point_and_none_is_latin() -> None:
    covered = {sheet.stem: _code_points(sheet.read_text(encoding="utf-8")) for sheet in FONTS.glob("*.css")}
    for script, points in covered.items():
        assert points, script
        assert min(points) > 0x036F, f"{script} covers Latin or its accents"
        assert not points & set(range(0x2000, 0x20D0)), f"{script} covers punctuation or currency signs"
    for (one, ones), (other, others) in itertools.combinations(covered.items(), 2):
        assert not ones & others, f"{one} and {other} share {sorted(ones & others)[:5]}"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["กองทัพบกไทยแถลงว่า"], ("thai",)),
        (["ក្រសួងការពារជាតិ"], ("khmer",)),
        (["قالت وزارة الدفاع", "وزارت امور خارجه می‌گوید"], ("arabic",)),  # Arabic, Persian with ZWNJ
        (
            ["Bangkok (กรุงเทพฯ) and Phnom Penh", "ភ្នំពេញ", "Yerevan, Երևան", "ירושלים", "नई दिल्ली"],
            ("armenian", "devanagari", "hebrew", "khmer", "thai"),
        ),
        (["ວຽງຈັນ", "မြန်မာ", "თბილისი"], ("georgian", "lao", "myanmar")),
        (["Plain ASCII text.", "Café, naïve, Əliyev, Dağlıq Qarabağ – “quoted” … €5 ‐ ◌ 👨‍👩‍👧"], ()),
        (["Ωμέγα, русский, 中文, 日本語"], ()),  # scripts the reader's system fonts cover
        ([], ()),
    ],
)
def test_a_page_links_the_stylesheets_of_the_scripts_it_shows(texts: list[str], expected: tuple[str, ...]) -> None:
    assert stylesheets_for(texts) == tuple(f"assets/fonts/{script}.css" for script in expected)


def test_stylesheets_are_read_from_the_folder_given(tmp_path) -> None:
    (tmp_path / "runic.css").write_text(
        '@font-face { font-family: "Briefing Scripts"; unicode-range: U+16A0-16F8, U+16FA; }', encoding="utf-8"
    )
    assert stylesheets_for(iter(["ᚠᚢᚦ"]), tmp_path) == ("assets/fonts/runic.css",)
    assert stylesheets_for(["\u16f9", "กข"], tmp_path) == ()  # U+16F9 is outside; no Thai here
    assert stylesheets_for(["\U00016ffa"], tmp_path) == ()
    assert stylesheets_for(["\u16fa"], tmp_path) == ("assets/fonts/runic.css",)
