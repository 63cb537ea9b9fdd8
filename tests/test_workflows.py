"""The GitHub workflows pass actionlint and do what the project promises."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert found, "actionlint is not installed: pip install -e '.[test]'"
    return found


def test_workflows_pass_actionlint() -> None:
    result = subprocess.run([_actionlint(), "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_get_annotations_tests_build_and_link_check() -> None:
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in ci["jobs"]["check"]["steps"]]
    assert "python -m generator validate --format github" in runs
    assert "python -m pytest" in runs
    assert "mkdocs build --strict" in runs
    assert "python -m generator check-links site" in runs
    setup = next(s for s in ci["jobs"]["check"]["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"


def test_pages_deploy_is_least_privilege_and_never_races() -> None:
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    uses = [s.get("uses", "") for job in pages["jobs"].values() for s in job["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert any(u.startswith(action + "@") for u in uses), action


def _pinned(lock: Path) -> dict[str, str]:
    """The packages a lock file pins, by normalised name, each with its version; every pin
    carries at least one hash."""
    text = lock.read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\\n\s+--hash=sha256:[0-9a-f]{64}", text, re.M))
    assert len(pins) == len(re.findall(r"^[A-Za-z0-9_.-]+==", text, re.M)), f"a pin of {lock.name} has no hash"
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in pins.items()}


def _requirements(extra: str | None = None) -> set[str]:
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = r"^dependencies = \[(.*?)^\]" if extra is None else rf"^{extra} = \[(.*?)^\]"
    listed = re.search(block, project, re.M | re.S)
    assert listed
    names = re.findall(r'^\s*"([A-Za-z0-9_.-]+)', listed[1], re.M)
    return {re.sub(r"[-_.]+", "-", name).lower() for name in names}


def test_ci_and_pages_install_from_lock_files_that_pin_every_dependency() -> None:
    """The workflows install the exact versions of the lock files, checked by hash, and each lock
    pins every dependency pyproject.toml names (regenerate them with pip-compile, as their header
    says, after changing one)."""
    runtime, test = _pinned(ROOT / "requirements.lock"), _pinned(ROOT / "requirements-test.lock")
    assert _requirements() <= set(runtime), sorted(_requirements() - set(runtime))
    wanted = _requirements() | _requirements("test")
    assert wanted <= set(test), sorted(wanted - set(test))
    assert {name: runtime[name] for name in runtime} == {name: test[name] for name in runtime}  # one version each
    for workflow, lock in (("ci.yml", "requirements-test.lock"), ("pages.yml", "requirements.lock")):
        text = (ROOT / ".github" / "workflows" / workflow).read_text(encoding="utf-8")
        assert f"pip install --require-hashes -r {lock}" in text and "pip install --no-deps -e ." in text, workflow
