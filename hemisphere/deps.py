"""What a notebook read, recorded inside its kernel, so its cache key covers exactly that.

The build starts each kernel with `start(record_file)` (an IPython `exec_lines` before the first
cell). From then on the kernel appends one JSON line per new input:

- ``file``: a file under the project (data/, notebooks/, report.yaml, ...) that was opened, seen
  by a Python audit hook, so a read through any API counts, not only `hemisphere.data.load`;
- ``dir``: a project folder whose listing was read (a glob over data/ depends on what is there);
- ``table``: a table's catalogue block, looked up by name (`catalogue.resource`);
- ``catalogue``: the whole catalogue (`catalogue.resources()`, e.g. the appendix);
- ``section``: the report's parameters of a chapter (`params.section_parameters`);
- ``title``: a chapter's title (its notebook's first `# ` heading).

The semantic records (table, title) stand for their file reads: reading one catalogue block
does not make a notebook depend on every other block. Anything else opened under the project
is recorded as a file. `hemisphere.build.cache` hashes the current state of each recorded input;
an entry with no record is never fresh (when in doubt, rebuild).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading

from hemisphere import paths

KINDS = ("file", "dir", "table", "catalogue", "section", "title")
# Project folders whose files are code or outputs, covered by the shared fingerprint or not inputs.
_IGNORED_TOP = {"hemisphere", "build", ".venv", ".git", "figures", "tests", "benchmarks", "__pycache__"}

_state = {"handle": None, "seen": set(), "installed": False}
_local = threading.local()


def active() -> bool:
    return _state["handle"] is not None


def start(record_file: str) -> None:
    """Begin recording this process's reads into `record_file` (one JSON object per line)."""
    _state["handle"] = open(record_file, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 (kept open)
    _state["seen"] = set()
    if not _state["installed"]:
        sys.addaudithook(_hook)
        _state["installed"] = True


def record(kind: str, name: str) -> None:
    """Note one input (once per kernel); a no-op outside a recorded build kernel."""
    handle = _state["handle"]
    if handle is None or (kind, name) in _state["seen"]:
        return
    _state["seen"].add((kind, name))
    handle.write(json.dumps({"kind": kind, "name": name}) + "\n")


@contextlib.contextmanager
def standing_for(kind: str, name: str):
    """Record a semantic input; the file reads made to get it are not recorded on their own."""
    record(kind, name)
    _local.quiet = getattr(_local, "quiet", 0) + 1
    try:
        yield
    finally:
        _local.quiet -= 1


@contextlib.contextmanager
def quietly():
    """File reads inside are not recorded (the caller records what they stand for)."""
    _local.quiet = getattr(_local, "quiet", 0) + 1
    try:
        yield
    finally:
        _local.quiet -= 1


def project_relative(path) -> str | None:
    """'data/x.csv' for a path inside the project that can be an input, else None."""
    try:
        text = os.path.abspath(os.fsdecode(path))
    except (TypeError, ValueError):
        return None
    root = str(paths.ROOT)
    candidates = [(root, "")]
    # The data and notebook folders may live elsewhere (tests point them at copies).
    for folder, prefix in ((str(paths.DATA), "data"), (str(paths.NOTEBOOKS), "notebooks")):
        if not folder.startswith(root + os.sep):
            candidates.insert(0, (folder, prefix))
    for base, prefix in candidates:
        if text == base or text.startswith(base + os.sep):
            relative = os.path.relpath(text, base).replace(os.sep, "/")
            relative = f"{prefix}/{relative}".strip("/") if prefix else relative
            if relative in (".", "") or relative.split("/")[0] in _IGNORED_TOP:
                return None
            return relative
    return None


def _hook(event: str, args: tuple) -> None:
    if event == "open":
        kind = "file"
    elif event in ("os.listdir", "os.scandir"):
        kind = "dir"
    else:
        return
    if _state["handle"] is None or getattr(_local, "quiet", 0) or not args or isinstance(args[0], int):
        return
    if kind == "dir" and args[0] is None:
        return
    relative = project_relative(args[0])
    if relative is not None:
        record(kind, relative)


def read_record(record_file) -> list[tuple[str, str]] | None:
    """The inputs a run recorded, in order; None when there is no readable record."""
    try:
        lines = open(record_file, encoding="utf-8").read().splitlines()
        entries = [json.loads(line) for line in lines if line.strip()]
        return [(entry["kind"], entry["name"]) for entry in entries if entry["kind"] in KINDS]
    except (OSError, ValueError, KeyError, TypeError):
        return None
