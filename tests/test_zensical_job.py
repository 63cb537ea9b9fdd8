"""CI builds the generated Markdown with the newest Zensical, through the script anyone can run."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT


def test_ci_builds_the_markdown_with_the_newest_zensical_through_the_script() -> None:
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    job = ci["jobs"]["zensical"]
    assert "if" not in job, "the job runs on every push and pull request, as `check` does"
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "pip install --require-hashes -r requirements.lock" in runs
    assert "pip install --no-deps -e ." in runs
    installs = [line.split() for line in runs.splitlines() if "zensical" in line and "pip install" in line]
    assert installs and all(words[-1] == "zensical" for words in installs), "Zensical unpinned: the newest"
    assert any(line.strip().startswith("python scripts/zensical_site.py") for line in runs.splitlines())
    assert (ROOT / "scripts" / "zensical_site.py").is_file()
