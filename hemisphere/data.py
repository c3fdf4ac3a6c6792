"""Load a catalogued table as a validated DataFrame.

Every table is checked against its schema on load, so a notebook never draws a chart from a
file that has silently changed shape. Errors name the table, the column, the row and the rule.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from hemisphere import catalogue


class DataError(Exception):
    """A table is missing or breaks its schema."""


def load(name: str, descriptor_path: Path | None = None) -> pd.DataFrame:
    """The table `name`, typed and validated, with its catalogue block in `.attrs`.

    Columns are those of the table's schema in data/datapackage.yaml, typed as declared
    (string, integer/year as nullable Int64, number as float, boolean, date as datetime64).
    `describe(name)` lists them with their types, units and constraints, and
    `hemisphere data <name>` prints the same; `tables()` lists every table. In a build kernel
    each load is recorded as an input of the notebook (hemisphere.deps), so editing the table
    re-executes only the chapters that load it.
    """
    try:
        block = catalogue.resource(name, descriptor_path)
        path = catalogue.table_file(name, descriptor_path)
    except catalogue.CatalogueError as error:
        raise DataError(str(error)) from error
    if not path.is_file():
        raise DataError(f"table {name!r}: file {block['path']} is missing from data/")
    raw = _read_raw(name, path)
    if raw.empty:
        raise DataError(f"table {name!r}: {block['path']} has a header but no rows (an empty table is not data)")
    table = validate(name, raw, block.get("schema") or {})
    # A `rows:` selector naming a value no row holds would credit a publisher for nothing drawn.
    unused = catalogue.absent_selector_values(block, table)
    if unused:
        raise DataError("; ".join(unused))
    table.attrs["resource"] = SharedMetadata(block)
    table.attrs["sources"] = SharedSources(block.get("sources", []))
    return table


class _SharedWhenCopied:
    """Deep copies return the object itself.

    Why: pandas deep-copies `.attrs` into the result of every operation, and a catalogue block
    (schema, sources, caveats) made that copy most of the cost of row-by-row work. The block
    is read, never edited, so one shared instance is safe.
    """

    def __deepcopy__(self, memo: dict):
        return self


class SharedMetadata(_SharedWhenCopied, dict):
    """A table's catalogue block, shared (not copied) by every frame derived from the table."""


class SharedSources(_SharedWhenCopied, list):
    """A table's source list, shared like SharedMetadata."""


def _read_raw(name: str, path: Path) -> pd.DataFrame:
    """Every cell as text first, so type errors are ours to report, not pandas' guesses."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as error:
        raise DataError(f"table {name!r}: {path.name} is not a readable UTF-8 CSV: {error}") from error


def validate(name: str, raw: pd.DataFrame, schema: dict) -> pd.DataFrame:
    """Check columns, types and constraints; return the typed table."""
    fields = schema.get("fields") or []
    declared = [field["name"] for field in fields]
    missing = [column for column in declared if column not in raw.columns]
    if missing:
        raise DataError(f"table {name!r}: column {missing[0]!r} is declared in the schema but missing from the file")
    undeclared = [column for column in raw.columns if column not in declared]
    if undeclared:
        raise DataError(f"table {name!r}: column {undeclared[0]!r} is in the file but not declared in the schema")
    typed = pd.DataFrame(index=raw.index)
    for field in fields:
        typed[field["name"]] = _check_field(name, raw[field["name"]], field)
    _check_primary_key(name, typed, schema.get("primaryKey"))
    return typed[declared]


def _row_label(index) -> str:
    """Rows are numbered as a reader sees them in the file: header is line 1."""
    return f"row {index + 1} (line {index + 2})"


def _fail(table: str, column: str, index, rule: str, value) -> DataError:
    return DataError(f"table {table!r}, column {column!r}, {_row_label(index)}: {rule} (value {value!r})")


def _check_field(table: str, text: pd.Series, field: dict) -> pd.Series:
    column = field["name"]
    constraints = field.get("constraints") or {}
    present = text.notna()
    if constraints.get("required") and not present.all():
        index = text.index[~present][0]
        raise _fail(table, column, index, "a value is required", "")
    values = _convert(table, column, text, present, field.get("type", "string"))
    _check_constraints(table, column, values, text, present, constraints)
    return values


def _convert(table: str, column: str, text: pd.Series, present: pd.Series, kind: str) -> pd.Series:
    if kind in ("string", "any"):
        return text
    if kind in ("integer", "year"):
        numbers = pd.to_numeric(text, errors="coerce")
        bad = present & (numbers.isna() | (numbers % 1 != 0))
        _raise_first(table, column, text, bad, f"expected {kind}")
        return numbers.astype("Int64")
    if kind == "number":
        numbers = pd.to_numeric(text, errors="coerce")
        _raise_first(table, column, text, present & numbers.isna(), "expected number")
        return numbers.astype("float64")
    if kind == "boolean":
        lowered = text.str.lower()
        _raise_first(table, column, text, present & ~lowered.isin(["true", "false"]), "expected true or false")
        return lowered.map({"true": True, "false": False}).astype("boolean")
    if kind == "date":
        dates = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        _raise_first(table, column, text, present & dates.isna(), "expected a date as YYYY-MM-DD")
        return dates
    raise DataError(f"table {table!r}, column {column!r}: unknown field type {kind!r} in the schema")


def _raise_first(table: str, column: str, text: pd.Series, bad: pd.Series, rule: str) -> None:
    if bad.any():
        index = text.index[bad][0]
        raise _fail(table, column, index, rule, text[index])


def _check_constraints(table, column, values, text, present, constraints) -> None:
    if "enum" in constraints:
        allowed = [str(v) for v in constraints["enum"]]
        bad = present & ~text.isin(allowed)
        _raise_first(table, column, text, bad, f"not one of the allowed values {allowed}")
    if "minimum" in constraints:
        bound = _bound(values, constraints["minimum"])
        _raise_first(table, column, text, present & (values < bound).fillna(False), f"below the minimum {constraints['minimum']}")
    if "maximum" in constraints:
        bound = _bound(values, constraints["maximum"])
        _raise_first(table, column, text, present & (values > bound).fillna(False), f"above the maximum {constraints['maximum']}")
    if "pattern" in constraints:
        pattern = re.compile(constraints["pattern"])
        bad = present & ~text.fillna("").map(lambda cell: bool(pattern.fullmatch(cell)))
        _raise_first(table, column, text, bad, f"does not match the pattern {constraints['pattern']!r}")
    if "maxLength" in constraints:
        bad = present & (text.str.len() > constraints["maxLength"])
        _raise_first(table, column, text, bad, f"longer than {constraints['maxLength']} characters")
    if constraints.get("unique"):
        bad = present & text.duplicated(keep="first")
        _raise_first(table, column, text, bad, "duplicate value in a unique column")


def _bound(values: pd.Series, bound):
    """Date bounds arrive from YAML as dates or strings; compare like with like."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return pd.Timestamp(bound)
    return bound


def _check_primary_key(table: str, typed: pd.DataFrame, key) -> None:
    if not key:
        return
    key = [key] if isinstance(key, str) else list(key)
    unknown = [column for column in key if column not in typed.columns]
    if unknown:
        raise DataError(f"table {table!r}: primary key column {unknown[0]!r} is not a column")
    duplicated = typed.duplicated(subset=key, keep="first")
    if duplicated.any():
        index = typed.index[duplicated][0]
        values = ", ".join(f"{column}={_plain(typed.at[index, column])}" for column in key)
        raise DataError(f"table {table!r}, {_row_label(index)}: primary key ({', '.join(key)}) repeats {values}")


def _plain(value) -> str:
    """A cell as a reader wrote it: 2009, not np.int64(2009); 2025-02-20, not Timestamp(...)."""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return str(value)


def validate_all(descriptor_path: Path | None = None) -> int:
    """Load every catalogued table, so a broken file fails the build before any kernel starts."""
    blocks = catalogue.resources(descriptor_path)
    for block in blocks:
        load(block["name"], descriptor_path)
    return len(blocks)


def describe(name: str) -> pd.DataFrame:
    """One row per column of table `name`: type, unit, whether required, allowed values or range, description."""
    try:
        block = catalogue.resource(name)
    except catalogue.CatalogueError as error:
        raise DataError(str(error)) from error
    rows = []
    key = (block.get("schema") or {}).get("primaryKey") or []
    key = [key] if isinstance(key, str) else list(key)
    for field in (block.get("schema") or {}).get("fields") or []:
        constraints = field.get("constraints") or {}
        allowed = []
        if "enum" in constraints:
            allowed.append("one of " + ", ".join(map(str, constraints["enum"])))
        if "minimum" in constraints or "maximum" in constraints:
            allowed.append(f"{constraints.get('minimum', '-inf')} to {constraints.get('maximum', 'inf')}")
        if "pattern" in constraints:
            allowed.append(f"matches {constraints['pattern']}")
        if constraints.get("unique"):
            allowed.append("unique")
        rows.append({"column": field["name"], "type": field.get("type", "string"), "unit": field.get("unit", ""),
                     "required": bool(constraints.get("required")), "key": field["name"] in key,
                     "allowed": "; ".join(allowed), "description": field.get("description", "")})
    return pd.DataFrame(rows, columns=["column", "type", "unit", "required", "key", "allowed", "description"])


def tables() -> pd.DataFrame:
    """Every catalogued table: name, theme, title, rows, period covered and publishers."""
    rows = []
    for block in catalogue.resources():
        table = load(block["name"])
        rows.append({"name": block["name"], "theme": block.get("theme", "general"), "title": block.get("title", ""),
                     "rows": len(table), "period": period(table),
                     "publishers": "; ".join(catalogue.publishers([block["name"]]))})
    return pd.DataFrame(rows, columns=["name", "theme", "title", "rows", "period", "publishers"])


def period(table: pd.DataFrame) -> str:
    """The span of the table's first date or year column ('2001-2025', '2017-01-20 to 2026-08-20'), or ''."""
    fields = {f["name"]: f.get("type") for f in (table.attrs.get("resource") or {}).get("schema", {}).get("fields", [])}
    for column, kind in fields.items():
        values = table[column].dropna() if column in table else pd.Series(dtype=object)
        if values.empty:
            continue
        if kind == "date":
            return f"{values.min():%Y-%m-%d} to {values.max():%Y-%m-%d}"
        if kind == "year" or (kind == "integer" and column in ("year", "fiscal_year")):
            first, last = int(values.min()), int(values.max())
            return str(first) if first == last else f"{first}-{last}"
    return ""
