"""The one country list of the briefs, and the spellings each publisher uses for its countries.

Publishers name countries differently: ForeignAssistance.gov writes "St. Lucia" (and gives ISO3
codes), the State Department writes "The Bahamas", UN M49 writes "Bolivia (Plurinational State
of)". Every brief table is keyed by our name, resolved through this one list.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from hemisphere import paths


@lru_cache(maxsize=4)
def _read(path: str) -> tuple[dict, ...]:
    with open(path, encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def countries() -> list[dict]:
    """Rows of data/countries.csv (iso3, iso2, m49, name, un_name, subregion), sorted by name."""
    return sorted((dict(row) for row in _read(str(paths.DATA / "countries.csv"))), key=lambda row: row["name"])


def names() -> list[str]:
    return [row["name"] for row in countries()]


def iso3_to_name() -> dict[str, str]:
    return {row["iso3"]: row["name"] for row in countries()}


def name_to_iso3() -> dict[str, str]:
    return {row["name"]: row["iso3"] for row in countries()}


def subregion(name: str) -> str:
    return {row["name"]: row["subregion"] for row in countries()}[name]


def spellings() -> dict[str, str]:
    """Every known spelling (our names, UN names and publishers' aliases) -> our name."""
    by_code = iso3_to_name()
    known = {row["name"]: row["name"] for row in countries()}
    known.update({row["un_name"]: row["name"] for row in countries()})
    for row in _read(str(paths.DATA / "country_aliases.csv")):
        known[row["spelling"]] = by_code[row["iso3"]]
    return known


def resolve(spelling: str) -> str | None:
    """Our name for a publisher's spelling, or None when it is not a country of the list."""
    return spellings().get(str(spelling).strip())


def split(field) -> list[str]:
    """A '; '-separated countries cell as our names, unknown spellings dropped."""
    if not isinstance(field, str):
        return []
    return [name for name in (resolve(part) for part in field.split(";")) if name]
