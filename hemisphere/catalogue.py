"""The data catalogue: `data/datapackage.yaml`, read once and looked up by table name.

One descriptor owns what is known about every table (sources, licence, vintage, units,
caveats, schema), so the loader, the chart source lines and the appendix all say the same.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from hemisphere import deps, paths


class CatalogueError(Exception):
    """The descriptor is missing, malformed, or does not describe the table asked for."""


# libyaml's safe loader when PyYAML was built with it (PyPI wheels are): every kernel parses the
# descriptor once, and the pure-Python parser took most of a second of each notebook's start.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

REQUIRED_RESOURCE_KEYS = ("name", "path", "title", "sources", "licenses", "vintage", "units", "schema")


def descriptor(path: Path | None = None) -> dict:
    """The parsed descriptor; cached per file version so edits are picked up in a live kernel."""
    if path is None:
        deps.record("catalogue", "*")  # the whole descriptor is an input of whoever asks for it
    return _descriptor(path)


def _descriptor(path: Path | None = None) -> dict:
    """The descriptor, its read not recorded: callers record what they use (a block or all)."""
    path = Path(path or paths.DATAPACKAGE)
    if not path.is_file():
        raise CatalogueError(f"data catalogue not found: {path}")
    with deps.quietly():
        return _parse(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _parse(path: str, _mtime: int) -> dict:
    try:
        parsed = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        raise CatalogueError(f"data catalogue {path} is not valid YAML: {error}") from error
    if not isinstance(parsed, dict) or not isinstance(parsed.get("resources"), list):
        raise CatalogueError(f"data catalogue {path} has no `resources:` list")
    names = [r.get("name") for r in parsed["resources"]]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise CatalogueError(f"data catalogue {path} lists these tables twice: {', '.join(duplicates)}")
    return parsed


def resources(path: Path | None = None) -> list[dict]:
    """Every resource block, in descriptor order."""
    return descriptor(path)["resources"]


def resource(name: str, path: Path | None = None) -> dict:
    """The resource block for one table, or a CatalogueError naming the tables that exist.

    In a build kernel this records the one block as an input (hemisphere.deps), not the file.
    """
    if path is None:
        deps.record("table", name)
    blocks = _descriptor(path)["resources"]
    for block in blocks:
        if block.get("name") == name:
            return block
    known = ", ".join(sorted(r.get("name", "?") for r in blocks))
    raise CatalogueError(f"no table named {name!r} in the data catalogue; known tables: {known}")


def table_file(name: str, path: Path | None = None) -> Path:
    """Where a table's CSV lives on disk."""
    base = Path(path).parent if path else paths.DATA
    return base / resource(name, path)["path"]


def missing_keys(block: dict) -> list[str]:
    """The catalogue fields a resource lacks; every table must carry them all."""
    return [key for key in REQUIRED_RESOURCE_KEYS if not block.get(key)]


def publishers(names: list[str]) -> list[str]:
    """Distinct publishers of the given tables, in first-seen order, for source lines."""
    seen: list[str] = []
    for name in names:
        for source in resource(name)["sources"]:
            # A source compiled from several publishers names them joined by "; ".
            for publisher in (source.get("publisher") or source.get("title", "")).split(";"):
                if publisher.strip() and publisher.strip() not in seen:
                    seen.append(publisher.strip())
    return seen


def source_entries(names: list[str]) -> list[str]:
    """'Publisher, title' for each distinct source of the given tables."""
    seen: list[str] = []
    for name in names:
        for source in resource(name)["sources"]:
            text = ", ".join(part for part in (source.get("publisher"), source.get("title")) if part)
            if text and text not in seen:
                seen.append(text)
    return seen
