"""The benchmark keeps working: run at a small size, it prints every figure of its table.
(Its figures are read on the performance page; no time is asserted here.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

COLUMNS = (
    "N",
    "mkdocs build s",
    "peak MB",
    "pages",
    "search index s",
    "search index peak MB",
    "search index parts",
    "site MB per 1,000 docs",
    "docs that fit 1 GB",
    "largest page KB",
    "search bundle MB",
    "first search KB (sent)",
    "second search KB (sent)",
)


@pytest.mark.slow  # the whole benchmark, browsers and builds included: minutes (pyproject.toml)
def test_the_benchmark_runs_at_a_small_size(tmp_path: Path) -> None:
    """Two small corpora, indexed for search in parts of a few pages (as 100,000 documents
    are in a full run, in parts of 40,000)."""
    run = subprocess.run(
        [
            sys.executable,
            "scripts/benchmark.py",
            "--sizes",
            "20",
            "30",
            "--part-pages",
            "60",
            "--repeat",
            "1",
            "--preview-size",
            "0",
            "--work",
            str(tmp_path),
            "--linear-scale",
            "0.02",
            "--linear-patterns",
            "2",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    table = [line for line in run.stdout.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    smaller, larger = (
        dict(zip(header, (c.strip() for c in line.strip("|").split("|")), strict=True)) for line in table[1:3]
    )
    assert [column for column in COLUMNS if column not in header] == []
    assert smaller["N"] == "20" and int(smaller["pages"]) > 20
    assert larger["N"] == "30" and int(larger["pages"]) > int(smaller["pages"])
    for row in (smaller, larger):
        assert int(row["search index peak MB"]) > 0
        assert int(row["search index parts"]) == -(-int(row["pages"]) // 60)  # every page indexed, 60 a part
        first_stored = float(row["first search KB (sent)"].split()[0])
        assert first_stored > 50  # the search engine and the index chunks a query needs were fetched
    assert "build time from N=20 to N=30: ×" in run.stdout
    assert "hostile input (1,000 hops, 500,000 edges): validated in" in run.stdout
    linear = [line for line in run.stdout.splitlines() if line.startswith("linear time (")]
    assert len(linear) == 2 * 2 + 2 + 2 and all(" s, " in line and "×" in line for line in linear), linear
