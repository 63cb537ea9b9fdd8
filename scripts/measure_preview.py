"""Measure the live preview: from saving a metadata edit to the rebuilt page being served.

Starts ``mkdocs serve --dirty`` (the documented preview; ``--plain`` for plain
``mkdocs serve``) on a temporary copy of the project (or of another seed folder,
such as a synthetic corpus), then, several times, edits the first document's
title and polls that document's page until the new title is served, a few
seconds apart (in which the search index of each save is made). Also saves an
invalid edit and checks that the server keeps running, prints the problem, and
recovers once the edit is undone. Prints its figures; nothing is asserted on time.

    python scripts/measure_preview.py [--runs 10] [--seeds DIR] [--plain] [--pause 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return ""  # not up yet, or stuck on a failed build


def wait_for(url: str, needle: str, limit: float = 60.0, present: bool = True) -> float | None:
    """Seconds until ``needle`` is served at ``url`` (or, with ``present=False``, until it is
    gone from a page that is served), or None after ``limit``."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        page = fetch(url)
        if (needle in page) if present else (page and needle not in page):
            return time.monotonic() - start
        time.sleep(0.05)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--plain",
        action="store_true",
        help="serve with plain mkdocs serve, which writes every page at each rebuild "
        "(default: mkdocs serve --dirty, the documented preview)",
    )
    parser.add_argument(
        "--pause", type=float, default=3.0, help="seconds between saves (the search index of a save is made in them)"
    )
    parser.add_argument(
        "--seeds",
        type=Path,
        default=ROOT / "seeds",
        help="seed folder to serve (default: the project's); e.g. a synthetic corpus",
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="preview-"))
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, work / name)
    shutil.copytree(ROOT / "docs", work / "docs")
    shutil.copytree(args.seeds, work / "seeds")
    # The edited file is the first document's metadata; the watched page is that document's.
    edited = sorted((work / "seeds" / "documents").glob("*.yaml"))[0]
    original = edited.read_text(encoding="utf-8")
    document_id = re.search(r"^id: (\S+)$", original, re.M).group(1)
    title = re.search(r"^title: (.+)$", original, re.M).group(0)
    PAGE = f"documents/{document_id}/"
    ANCHOR = "<h1"

    port = free_port()
    url = f"http://127.0.0.1:{port}/{PAGE}"
    log_path = work / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *([] if args.plain else ["--dirty"])],
            cwd=work,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        first = wait_for(url, ANCHOR, limit=120)
        print(f"first build served after {first:.2f} s" if first else "server did not come up")
        if first is None:
            return 1
        timings = []
        for run in range(args.runs):
            marker = f"Edited{run}x{time.time_ns()}"
            edited.write_text(original.replace(title, f"title: {marker}", 1), encoding="utf-8")
            elapsed = wait_for(url, marker)
            timings.append(elapsed if elapsed is not None else float("inf"))
            time.sleep(args.pause)
        served = [t for t in timings if t != float("inf")]
        print(
            f"save → rebuilt page served, {len(served)}/{args.runs} runs: "
            f"median {statistics.median(served):.2f} s, min {min(served):.2f} s, max {max(served):.2f} s"
        )

        edited.write_text(re.sub(r"^kind: .*$", "kind: hearsay", original, count=1, flags=re.M), encoding="utf-8")
        shown = wait_for(url, "briefing-build-error")
        time.sleep(1)
        log_text = log_path.read_text()
        alive = server.poll() is None
        reported = "'hearsay' is not allowed for 'kind'" in log_text
        print(
            f"invalid edit: problems shown in the page after {shown:.2f} s; "
            if shown is not None
            else "invalid edit: problems NOT shown in the page; ",
            end="",
        )
        print(f"server still running: {alive}; problem printed in the terminal: {reported}")
        edited.write_text(original, encoding="utf-8")
        recovered = wait_for(url, "briefing-build-error", present=False)
        print(
            f"after undoing the invalid edit, the problems were gone after {recovered:.2f} s"
            if recovered is not None
            else "server did not recover after the invalid edit was undone"
        )
        builds = log_text.count("Building documentation")
        time.sleep(3)
        idle_builds = log_path.read_text().count("Building documentation") - builds
        print(f"rebuilds while idle for 3 s (a rebuild loop would show here): {max(idle_builds - 1, 0)}")
        print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
        return 0 if alive and reported and shown is not None and recovered is not None else 1
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
