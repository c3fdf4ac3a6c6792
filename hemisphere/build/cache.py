"""Content-addressed cache of executed notebooks.

A notebook's output is determined by the notebook, its parameters and declaration, the data
it can read, the package code and the pinned environment; if none changed, its previous
execution is reused and nothing runs.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from hemisphere import paths

LOCK_FILE = paths.ROOT / "requirements.lock"


def _digest_files(files: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def installed_versions() -> str:
    """Every installed distribution (name and version, from its metadata folder's name), sorted.

    Why: the lock says what should be installed; a hand-upgraded package (or a different
    system build) changes outputs without changing the lock's text. Folder names carry name
    and version, so this reads no file and costs milliseconds.
    """
    found = set()
    for entry in sys.path:
        folder = Path(entry or ".")
        if folder.is_dir():
            found.update(p.name for pattern in ("*.dist-info", "*.egg-info") for p in folder.glob(pattern))
    return "\n".join(sorted(found))


def shared_fingerprint() -> str:
    """What every notebook depends on: all data, the package code, the environment."""
    data_files = [p for p in paths.DATA.rglob("*") if p.is_file()]
    code_files = [p for p in (paths.ROOT / "hemisphere").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    extra = [p for p in (LOCK_FILE,) if p.is_file()]
    digest = hashlib.sha256()
    for part in (_digest_files(data_files, paths.DATA), _digest_files(code_files, paths.ROOT),
                 _digest_files(extra, paths.ROOT), installed_versions(), sys.version):
        digest.update(part.encode())
    return digest.hexdigest()


def notebook_key(notebook: str, parameters: dict, shared: str) -> str:
    """The cache key of one section: the shared fingerprint plus its own inputs."""
    digest = hashlib.sha256(shared.encode())
    for path in (paths.NOTEBOOKS / f"{notebook}.ipynb", paths.NOTEBOOKS / f"{notebook}.params.yaml"):
        digest.update(path.read_bytes() if path.is_file() else b"")
    digest.update(json.dumps(parameters, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def entry_dir(notebook: str) -> Path:
    return paths.BUILD / "cache" / notebook


def is_fresh(notebook: str, key: str) -> bool:
    folder = entry_dir(notebook)
    key_file = folder / "key.txt"
    return (folder / "executed.ipynb").is_file() and key_file.is_file() and key_file.read_text() == key
