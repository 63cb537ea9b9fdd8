"""The benchmark keeps working: run at a small size, it prints every figure of its table.
(Its figures are read on the performance page; no time is asserted here.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

COLUMNS = ("N", "mkdocs build s", "peak MB", "pages", "site MB per 1,000 docs", "docs that fit 1 GB",
           "largest page KB", "search bundle MB", "first search KB (sent)", "second search KB (sent)")


def test_the_benchmark_runs_at_a_small_size(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "scripts/benchmark.py", "--sizes", "30", "--repeat", "1", "--preview-size", "0",
         "--work", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    table = [line for line in run.stdout.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    row = dict(zip(header, (cell.strip() for cell in table[1].strip("|").split("|")), strict=True))
    assert [column for column in COLUMNS if column not in header] == []
    assert row["N"] == "30" and int(row["pages"]) > 30
    first_stored = float(row["first search KB (sent)"].split()[0])
    assert first_stored > 50  # the search box and the index chunks a query needs were fetched
    assert "hostile input (1,000 hops, 500,000 edges): validated in" in run.stdout
