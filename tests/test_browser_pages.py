"""Every page kind of the built seed site in a real headless browser, in one visit per
view: it loads only the scripts it uses, within its budget; at desktop and phone widths, in the light and
the dark scheme, nothing must be scrolled sideways, nothing is wider than a phone,
axe-core finds no serious or critical violation, and the console stays clean.

With ``SCREENSHOTS=1`` each view is saved to tests/screenshots/ (ignored by git)
for a person to look at.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.browsing import KINDS, OPEN_SHADOW_ROOTS, SCROLLED_SIDEWAYS, TILE, _settle

SCREENSHOTS = Path(__file__).parent / "screenshots" if os.environ.get("SCREENSHOTS") == "1" else None


# Script bytes a page may load (docs/contributing/performance.md): the theme and search
# everywhere; Leaflet where there is a map; Mermaid, which is most of it, where there is a diagram.
SCRIPT_BUDGET_KB = {"plain": 200, "map": 400, "diagram": 3900}


def _check_scripts(page: Page, scripts: dict[str, int]) -> None:
    """The page loaded only the scripts it uses, within their budget."""
    has_diagram = page.locator(".mermaid").count() > 0
    has_map = page.locator(".briefing-map").count() > 0
    budget = SCRIPT_BUDGET_KB["diagram" if has_diagram else "map" if has_map else "plain"]
    assert sum(scripts.values()) / 1024 <= budget, scripts
    assert ("mermaid.min.js" in scripts) == has_diagram and ("leaflet.js" in scripts) == has_map, scripts


@pytest.mark.parametrize("kind", KINDS)
def test_page_kind_loads_its_scripts_is_accessible_and_fits_a_phone(browser: Browser, server: str, kind: str,
                                                                     kinds: dict[str, str]) -> None:
    for (width, height, label), scheme in itertools.product(((1280, 900, "desktop"), (375, 812, "phone")),
                                                            ("light", "dark")):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        context.add_init_script(OPEN_SHADOW_ROOTS)
        context.route("https://tile.openstreetmap.org/**",
                      lambda route: route.fulfill(status=200, body=TILE, content_type="image/png"))
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        scripts: dict[str, int] = {}
        page.on("requestfinished", lambda request: request.resource_type == "script"
                and scripts.setdefault(request.url.rsplit("/", 1)[-1], len(request.response().body())))
        page.goto(server + kinds[kind])
        _settle(page)
        if (label, scheme) == ("desktop", "light"):
            _check_scripts(page, scripts)
        if SCREENSHOTS is not None:
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{kind}-{label}-{scheme}.png"), full_page=True)
        assert page.evaluate(SCROLLED_SIDEWAYS) == [], f"{kind} ({label}): content a reader must scroll sideways to find"
        if label == "desktop":  # axe, in each scheme: the dark one has contrast of its own to keep
            violations = Axe().run(page).response["violations"]
            serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                       for v in violations if v["impact"] in ("serious", "critical")]
            assert serious == [], serious
        else:
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{kind} is {overflow}px wider than a 375px phone"
        assert errors == []
        context.close()
