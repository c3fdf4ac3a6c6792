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
    problems = [problem for block in parsed["resources"] for problem in selector_problems(block)]
    if problems:
        raise CatalogueError(f"data catalogue {path}: " + "; ".join(problems))
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


# --- which sources a chart or table credits ------------------------------------------------------
#
# A source entry may say which rows of its table it covers, with `rows:` (a mapping of column to the
# values it covers: `rows: {country: [El Salvador]}`; several columns must all match). `countries:
# [...]` is short for `rows: {country: [...]}`. A source without either covers every row. A chart or
# table credits only the sources whose rows it shows (see `credited`).


def row_selector(source: dict) -> dict[str, list]:
    """The rows a source entry covers, as {column: [values]}; empty when it covers every row."""
    selector = dict(source.get("rows") or {})
    if source.get("countries") and "country" not in selector:
        selector["country"] = source["countries"]
    return {column: list(values) if isinstance(values, (list, tuple)) else [values]
            for column, values in selector.items()}


def selector_problems(block: dict) -> list[str]:
    """What is wrong with a block's row selectors: a column not in its schema, a value its enum refuses."""
    fields = {field.get("name"): field for field in (block.get("schema") or {}).get("fields") or []}
    problems = []
    for number, source in enumerate(block.get("sources") or [], start=1):
        rows = source.get("rows")
        label = f"table {block.get('name')!r}, source {number} ({source.get('publisher') or source.get('title')})"
        if rows is not None and (not isinstance(rows, dict) or not rows):
            problems.append(f"{label}: `rows:` must map a column to the values it covers")
            continue
        for column, values in row_selector(source).items():
            if column not in fields:
                problems.append(f"{label}: `rows:` names column {column!r}, which the table does not have "
                                f"(columns: {', '.join(fields)})")
                continue
            enum = ((fields[column].get("constraints") or {}).get("enum"))
            refused = [value for value in values if enum is not None and value not in enum]
            if refused or not values:
                problems.append(f"{label}: `rows:` selects {column} = {', '.join(map(str, refused)) or 'nothing'}, "
                                f"a value the column cannot hold")
    return problems


def absent_selector_values(block: dict, table) -> list[str]:
    """Selector values that no row of the loaded table holds (a selector that credits nothing)."""
    problems = []
    for number, source in enumerate(block.get("sources") or [], start=1):
        for column, values in row_selector(source).items():
            if column not in table.columns:
                continue
            held = {_plain(value) for value in table[column].dropna()}
            missing = [value for value in values if _plain(value) not in held]
            if missing:
                problems.append(f"table {block.get('name')!r}, source {number} "
                                f"({source.get('publisher') or source.get('title')}): `rows:` selects "
                                f"{column} = {', '.join(map(str, missing))}, which no row holds")
    return problems


def _plain(value) -> str:
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _missing(value) -> bool:
    try:
        return bool(value is None or value != value or str(value) == "<NA>")
    except TypeError:  # pd.NA refuses to be a truth value
        return True


def _covers(source: dict, data) -> bool:
    """Whether `data` (the rows shown) holds a row the source covers; True when it cannot tell."""
    selector = row_selector(source)
    present = {column: values for column, values in selector.items() if column in data.columns}
    if not present:
        return True  # the rows shown do not carry the selecting column: credit the source
    matched = None
    for column, values in present.items():
        wanted = {_plain(value) for value in values}
        hits = data[column].map(lambda value: not _missing(value) and _plain(value) in wanted).astype(bool)
        matched = hits if matched is None else matched & hits
    return bool(matched.any())


def credited(name: str, data=None) -> list[dict]:
    """The source entries of table `name` credited for the rows in `data`.

    Without `data` (or when `data` is not a DataFrame, or holds no row) every source is credited.
    A source with a row selector is credited only when `data` holds a row it covers, matched on
    the selector's columns that `data` carries; when `data` carries none of them, it is credited.
    When no source would be credited, all are: a source line is never empty.
    """
    sources = list(resource(name)["sources"])
    if data is None or not hasattr(data, "columns") or len(data) == 0:
        return sources
    chosen = [source for source in sources if _covers(source, data)]
    return chosen or sources


def _publisher_names(source: dict) -> list[str]:
    # A source compiled from several publishers names them joined by "; ".
    return [part.strip() for part in (source.get("publisher") or source.get("title", "")).split(";") if part.strip()]


def publishers(names: list[str], data=None) -> list[str]:
    """Distinct publishers of the given tables, in first-seen order, for source lines.

    With `data` (the rows a chart draws or a table shows), only the publishers of the sources
    covering those rows (see `credited`).
    """
    seen: list[str] = []
    for name in names:
        for source in credited(name, data):
            for publisher in _publisher_names(source):
                if publisher not in seen:
                    seen.append(publisher)
    return seen


def source_entries(names: list[str], data=None) -> list[str]:
    """'Publisher, title' for each distinct source of the given tables (with `data`: those credited)."""
    seen: list[str] = []
    for name in names:
        for source in credited(name, data):
            text = ", ".join(part for part in (source.get("publisher"), source.get("title")) if part)
            if text and text not in seen:
                seen.append(text)
    return seen
