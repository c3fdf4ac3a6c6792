"""The code passes the project's small lint rule set (pyproject.toml [tool.ruff]): no undefined
names, unused imports or variables, or redefinitions. Run as a test so CI runs it too."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def ruff() -> list[str]:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("ruff is not installed: it is pinned in requirements/test.txt (make test installs it)")
    return [found]


def test_the_code_passes_the_lint_rules():
    done = subprocess.run(ruff() + ["check", "--no-cache", "--output-format", "concise",
                                    "hemisphere", "tests", "benchmarks"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_linter_would_catch_an_undefined_name(tmp_path):
    """The rule set is live: a fixture file (not project code) with an undefined name fails."""
    fixture = tmp_path / "fixture_module.py"
    fixture.write_text("def f():\n    return undefined_name\n")
    done = subprocess.run(ruff() + ["check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(fixture)],
                          capture_output=True, text=True)
    assert done.returncode == 1 and "F821" in done.stdout
