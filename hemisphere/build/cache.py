"""Content-addressed cache of executed notebooks, keyed on what each notebook actually read.

A section's entry is fresh when two things match:

- its static key: the notebook, its declaration, its parameters, the package code and the
  pinned environment (`notebook_key`);
- its inputs: everything the kernel recorded reading while it ran (hemisphere.deps: the tables
  and catalogue blocks it loaded, other chapters' parameters and titles, any other project file
  it opened), hashed in their current state (`inputs_digest`).

So editing one table re-executes only the chapters that loaded it, and editing another
chapter's declaration re-executes the overview and claims, which read it. An entry without a
readable record is never fresh: when in doubt, rebuild.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from hemisphere import deps, paths

LOCK_FILE = paths.ROOT / "requirements.lock"
RECORD = "inputs.jsonl"  # what the kernel read, one JSON line per input (hemisphere.deps)
INPUTS_DIGEST = "inputs.sha256"


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
    """What every notebook depends on: the package code and the environment (data is per notebook)."""
    code_files = [p for p in (paths.ROOT / "hemisphere").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    extra = [p for p in (LOCK_FILE,) if p.is_file()]
    digest = hashlib.sha256()
    for part in (_digest_files(code_files, paths.ROOT), _digest_files(extra, paths.ROOT), installed_versions(),
                 sys.version):
        digest.update(part.encode())
    return digest.hexdigest()


def notebook_key(notebook: str, parameters: dict, shared: str) -> str:
    """The static part of a section's key: the shared fingerprint plus its own inputs."""
    digest = hashlib.sha256(shared.encode())
    for path in (paths.NOTEBOOKS / f"{notebook}.ipynb", paths.NOTEBOOKS / f"{notebook}.params.yaml"):
        digest.update(path.read_bytes() if path.is_file() else b"")
    digest.update(json.dumps(parameters, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def project_file(name: str) -> Path:
    """The file a recorded project-relative name stands for (data/ and notebooks/ may be elsewhere)."""
    head, _, rest = name.partition("/")
    if head == "data" and rest:
        return paths.DATA / rest
    if head == "notebooks" and rest:
        return paths.NOTEBOOKS / rest
    return paths.ROOT / name


def _state_of(kind: str, name: str, report_parameters: dict[str, dict]) -> bytes:
    """The current content of one recorded input, as bytes to hash."""
    from hemisphere import anchors, catalogue, params

    try:
        if kind == "file":
            path = project_file(name)
            return path.read_bytes() if path.is_file() else b"<missing>"
        if kind == "dir":
            path = project_file(name)
            return "\n".join(sorted(os.listdir(path))).encode() if path.is_dir() else b"<missing>"
        if kind == "catalogue":
            return paths.DATAPACKAGE.read_bytes()
        if kind == "table":
            blocks = [b for b in catalogue._descriptor()["resources"] if b.get("name") == name]
            return json.dumps(blocks, sort_keys=True, default=str).encode()
        if kind == "section":
            values = report_parameters.get(name)
            return json.dumps(values if values is not None else params.validate(name, {}),
                              sort_keys=True, default=str).encode()
        if kind == "title":
            return anchors.chapter_title(name).encode()
    except Exception as error:  # an input that cannot be read now differs from when it could
        return f"<unreadable: {type(error).__name__}>".encode()
    return b"<unknown kind>"


def inputs_digest(record: list[tuple[str, str]], report_parameters: dict[str, dict]) -> str:
    """One hash over every recorded input's current state."""
    digest = hashlib.sha256()
    for kind, name in sorted(set(record)):
        digest.update(f"{kind}\0{name}\0".encode())
        digest.update(hashlib.sha256(_state_of(kind, name, report_parameters)).digest())
    return digest.hexdigest()


def effective_key(key: str, inputs: str) -> str:
    """What the assembled report keys on: the static key and the inputs' digest together."""
    return hashlib.sha256(f"{key}\n{inputs}".encode()).hexdigest()


def entry_dir(notebook: str) -> Path:
    return paths.BUILD / "cache" / notebook


def seal(folder: Path, key: str, report_parameters: dict[str, dict]) -> str:
    """Write the key and the inputs' digest of a finished run; return its effective key.

    A run whose record is missing gets no digest, so it is rebuilt next time.
    """
    (folder / "key.txt").write_text(key)
    record = deps.read_record(folder / RECORD)
    if record is None:
        return effective_key(key, "<no record>")
    inputs = inputs_digest(record, report_parameters)
    (folder / INPUTS_DIGEST).write_text(inputs)
    return effective_key(key, inputs)


def fresh_key(notebook: str, key: str, report_parameters: dict[str, dict]) -> str | None:
    """The effective key when the cached entry is still valid, else None."""
    folder = entry_dir(notebook)
    key_file, digest_file = folder / "key.txt", folder / INPUTS_DIGEST
    if not ((folder / "executed.ipynb").is_file() and key_file.is_file() and digest_file.is_file()):
        return None
    if key_file.read_text() != key:
        return None
    record = deps.read_record(folder / RECORD)
    if record is None:
        return None
    inputs = inputs_digest(record, report_parameters)
    return effective_key(key, inputs) if digest_file.read_text() == inputs else None


def is_fresh(notebook: str, key: str, report_parameters: dict[str, dict] | None = None) -> bool:
    return fresh_key(notebook, key, report_parameters or {}) is not None


def recorded_inputs(notebook: str) -> list[tuple[str, str]] | None:
    """What the cached run of `notebook` read (for `hemisphere` users and tests)."""
    return deps.read_record(entry_dir(notebook) / RECORD)
