"""How well ``python -m generator new`` reads attribution: its claim candidates on the
fixture texts against the attributions a person recorded (``gold.yaml``): texts
written in six house styles (``tests/fixtures/attribution``) and real news
excerpts (``tests/fixtures/attribution-real``).

Figures: candidates that are real attributions (precision), attributions found
(recall), found ones with the right claimant, and found ones whose quote is exactly
the words attributed. A candidate finds an attribution when their quotes overlap by
at least half of the attribution's words, and each candidate finds one attribution
at most: a candidate spanning three claims finds one of them (strict recall).

    python scripts/scaffold_quality.py [--details]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build.pipeline import check  # noqa: E402
from generator.scaffold.drafts import analyse  # noqa: E402

SETS = {
    "written": ROOT / "tests" / "fixtures" / "attribution",
    "real": ROOT / "tests" / "fixtures" / "attribution-real",
    "blind": ROOT / "tests" / "fixtures" / "attribution-blind",
    "patterns": ROOT / "tests" / "fixtures" / "attribution-patterns",
}
# Sets whose figures are given text by text (the others by house style).
BY_TEXT = {"real", "blind", "patterns"}


@dataclass
class Figures:
    candidates: int = 0
    real: int = 0
    attributions: int = 0
    found: int = 0
    right_claimant: int = 0
    exact_quote: int = 0

    def add(self, other: Figures) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def rates(self) -> dict[str, float]:
        return {
            "precision": self.real / max(self.candidates, 1),
            "recall": self.found / max(self.attributions, 1),
            "claimant": self.right_claimant / max(self.found, 1),
            "quote": self.exact_quote / max(self.found, 1),
        }


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    return (start, start + len(quote)) if start >= 0 else (-1, -1)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def measure(fixtures: Path, details: bool = False) -> dict[str, Figures]:
    """Figures by house style (the part of a text's name after its first hyphen)."""
    corpus = check(fixtures / "seeds", fixtures / "seeds").corpus
    gold = yaml.safe_load((fixtures / "gold.yaml").read_text(encoding="utf-8"))
    by_style: dict[str, Figures] = {}
    for name, expected in gold.items():
        text = (fixtures / "texts" / name).read_text(encoding="utf-8")
        candidates = analyse(text, name, corpus).candidates
        spans = [_span(text, c.quote) for c in candidates]
        figures = Figures(candidates=len(candidates), attributions=len(expected))
        matched: set[int] = set()
        for claimant, quote in expected:
            target = _span(text, quote)
            free = [i for i in range(len(candidates)) if i not in matched]
            best = max(
                free, key=lambda i: (_overlap(spans[i], target), candidates[i].claimant == claimant), default=None
            )
            if best is None or _overlap(spans[best], target) * 2 < target[1] - target[0]:
                if details:
                    print(f"{name}: missed [{claimant}] {quote!r}")
                continue
            matched.add(best)
            figures.found += 1
            figures.right_claimant += candidates[best].claimant == claimant
            figures.exact_quote += candidates[best].quote == quote
            if details and candidates[best].claimant != claimant:
                print(f"{name}: claimant {candidates[best].claimant} instead of {claimant}: {quote!r}")
            if details and candidates[best].quote != quote:
                print(f"{name}: quote {candidates[best].quote!r} instead of {quote!r}")
        figures.real = len(matched)
        if details:
            for index, candidate in enumerate(candidates):
                if index not in matched:
                    print(f"{name}: extra [{candidate.claimant}] {candidate.quote!r}")
        if fixtures == SETS["written"]:
            style = name.split("-", 1)[1].removesuffix(".txt")
        elif fixtures in (SETS[label] for label in BY_TEXT):
            style = name.removesuffix(".txt")
        else:
            style = "news excerpts"
        by_style.setdefault(style, Figures()).add(figures)
    return by_style


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--details", action="store_true", help="list every miss, extra and wrong claimant")
    args = parser.parse_args()
    print(
        "| Texts | House style or text | Attributions | Candidates | Precision | Recall "
        "| Right claimant | Exact quote |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for label, fixtures in SETS.items():
        by_style = measure(fixtures, args.details)
        total = Figures()
        for style, figures in [*sorted(by_style.items()), ("all", total)]:
            if style != "all":
                total.add(figures)
            rates = figures.rates()
            print(
                f"| {label} | {style} | {figures.attributions} | {figures.candidates} | {rates['precision']:.0%} | "
                f"{rates['recall']:.0%} | {rates['claimant']:.0%} | {rates['quote']:.0%} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
