"""The Python floor and the hashed locks: what `make` installs, and that it refuses an old Python."""

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from hemisphere import paths
from hemisphere.build import cache

ROOT = paths.ROOT
LOCKS = {"build": ROOT / "requirements.lock", "test": ROOT / "requirements" / "test.txt",
         "lab": ROOT / "requirements" / "lab.txt"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def _pins(path: Path) -> dict[str, str]:
    """name -> version for every pin, failing if a pin carries no sha256 hash."""
    pins, current, hashed = {}, None, set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = match.group(1).lower().replace("_", "-")
            pins[current] = match.group(2)
        if current and "--hash=sha256:" in line:
            hashed.add(current)
    unhashed = sorted(set(pins) - hashed)
    assert not unhashed, f"{path.name}: pins without hashes: {unhashed}"
    return pins


def test_the_floor_is_stated_once_and_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^MIN_PYTHON := 3\.11$", makefile, re.M)
    classifiers = set(project["classifiers"])
    assert {f"Programming Language :: Python :: 3.{minor}" for minor in (11, 12, 13)} <= classifiers
    assert "Python 3.11 or newer" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_lock_is_hashed_and_the_test_and_lab_locks_carry_the_build_pins():
    build = _pins(LOCKS["build"])
    assert {"pandas", "numpy", "matplotlib", "weasyprint", "papermill", "setuptools"} <= set(build)
    assert "pytest" not in build and "jupyterlab" not in build  # the build lock holds the build only
    for name in ("test", "lab"):
        pins = _pins(LOCKS[name])
        assert {package: pins.get(package) for package in build} == build, f"{name} lock differs from the build's pins"
    assert {"pytest", "pypdf", "frictionless"} <= set(_pins(LOCKS["test"]))
    assert "jupyterlab" in _pins(LOCKS["lab"])


def test_make_installs_each_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for lock in ("requirements.lock", "requirements/test.txt", "requirements/lab.txt"):
        assert re.search(rf"install --require-hashes -r {re.escape(lock)}$", makefile, re.M), lock
    assert re.search(r"^test: \$\(INSTALLED_TEST\)", makefile, re.M)
    assert re.search(r"^report: \$\(INSTALLED\)", makefile, re.M)
    assert re.search(r"^lab: \$\(INSTALLED_LAB\)", makefile, re.M)


def test_the_build_cache_still_keys_on_the_build_lock():
    assert cache.LOCK_FILE == LOCKS["build"] and cache.LOCK_FILE.is_file()


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("target", ["test", "report"])
def test_make_refuses_an_old_python_before_creating_the_venv(target, tmp_path):
    old_python = tmp_path / "python3.10"
    # Stands in for an interpreter below the floor: it answers the version probe with 3.10.12.
    old_python.write_text("#!/bin/sh\necho 3.10.12\nexit 1\n")
    old_python.chmod(0o755)
    venv = tmp_path / "venv"
    result = subprocess.run(["make", "-C", str(ROOT), f"PYTHON={old_python}", f"VENV={venv}", target],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "Hemisphere needs Python 3.11 or newer" in result.stderr and "is 3.10.12" in result.stderr
    assert not venv.exists()


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_accepts_this_python(tmp_path):
    """The same check passes for the interpreter running the tests (>= 3.11 by the floor): the venv is made."""
    import sys

    venv = tmp_path / "venv"
    made = subprocess.run(["make", "-C", str(ROOT), f"PYTHON={sys.executable}", f"VENV={venv}", f"{venv}/bin/python"],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert (venv / "bin" / "python").exists()
    result = subprocess.run(["make", "-C", str(ROOT), "-n", f"PYTHON={sys.executable}", f"VENV={tmp_path / 'v'}", "test"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "--require-hashes -r requirements/test.txt" in result.stdout
