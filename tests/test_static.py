"""Scans of the code for what must never be there: network access in the build, hard-coded paths."""

import re

import pytest

from hemisphere import paths

CODE = [p for p in (paths.ROOT / "hemisphere").rglob("*.py")]
NETWORK = re.compile(r"^\s*(import|from)\s+(requests|urllib\.request|http\.client|httpx|aiohttp)\b", re.M)
# Sockets are allowed for talking to local processes only: Unix domain sockets, never an address.
SOCKET_IMPORT = re.compile(r"^\s*(import|from)\s+socket\b", re.M)
SOCKET_CREATION = re.compile(r"socket\.socket\(([^)]*)\)")
INTERNET_SOCKET = re.compile(r"AF_INET|create_connection|getaddrinfo|create_server|gethostbyname")


def local_sockets_only(text: str) -> bool:
    created = SOCKET_CREATION.findall(text)
    return (not INTERNET_SOCKET.search(text)
            and all("AF_UNIX" in arguments or "fileno=" in arguments for arguments in created))


def test_package_opens_no_network_connection():
    offenders = [p.name for p in CODE if NETWORK.search(p.read_text())]
    offenders += [p.name for p in CODE
                  if SOCKET_IMPORT.search(p.read_text()) and not local_sockets_only(p.read_text())]
    assert offenders == []


@pytest.mark.parametrize("code", [
    "import socket\nsocket.socket(socket.AF_INET, socket.SOCK_STREAM)",
    "import socket\nsocket.socket()",
    "import socket\nsocket.create_connection(('pypi.org', 443))",
])
def test_network_sockets_are_spotted(code):
    """Test fixtures: code the scan must refuse."""
    assert not local_sockets_only(code)


def test_no_machine_paths_in_code_or_notebooks():
    files = CODE + list(paths.NOTEBOOKS.glob("*.ipynb")) + list((paths.ROOT / "tests").rglob("*.py"))
    pattern = re.compile(r"(?<![\w.])/(work|farm|root|tmp)/")
    offenders = [p.name for p in files if p.name != "test_static.py" and pattern.search(p.read_text())]
    assert offenders == []
