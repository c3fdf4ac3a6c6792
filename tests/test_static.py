"""Scans of the code for what must never be there: network access in the build, hard-coded paths."""

import re

from hemisphere import paths

CODE = [p for p in (paths.ROOT / "hemisphere").rglob("*.py")]
NETWORK = re.compile(r"^\s*(import|from)\s+(requests|urllib\.request|http\.client|socket|httpx|aiohttp)\b", re.M)


def test_package_opens_no_network_connection():
    offenders = [p.name for p in CODE if NETWORK.search(p.read_text())]
    assert offenders == []


def test_no_machine_paths_in_code_or_notebooks():
    files = CODE + list(paths.NOTEBOOKS.glob("*.ipynb")) + list((paths.ROOT / "tests").rglob("*.py"))
    pattern = re.compile(r"(?<![\w.])/(work|farm|root|tmp)/")
    offenders = [p.name for p in files if p.name != "test_static.py" and pattern.search(p.read_text())]
    assert offenders == []
