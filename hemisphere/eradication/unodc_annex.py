"""Read UNODC World Drug Report statistical-annex workbooks into tidy rows.

The annex tables (e.g. 6.1.1 coca cultivation, 6.1.2 coca eradication) share one layout: a
title row, a header row of years (some stored by Excel as dates), one row per country whose
label may carry a footnote letter, optional "Method"/"Unit" columns, a formula "Total" row and
footnotes. Reading that layout, rather than hand-copying cells, lets the committed tables be
regenerated from UNODC's own release and checked against it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

# UNODC's formal names mapped to the short names used across the project.
COUNTRY_NAMES = {
    "Bolivia (Plurinational State of)": "Bolivia",
    "Colombia": "Colombia",
    "Peru": "Peru",
}
_FOOTNOTE = re.compile(r"\s+[a-z]\)?$")
_NOT_AVAILABLE = {"..", ". .", "-", ""}


class AnnexFormatError(ValueError):
    """The workbook does not have the annex layout this reader expects."""


def _as_year(value) -> int | None:
    """A header cell as a year: an integer 1990-2100, or the year of an Excel date artefact."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.year
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1990 <= value <= 2100:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit() and 1990 <= int(value.strip()) <= 2100:
        return int(value.strip())
    return None


def _country(label) -> str | None:
    """The short country name for a row label, or None for totals and non-country rows."""
    if not isinstance(label, str):
        return None
    name = _FOOTNOTE.sub("", label.strip()).strip()
    return COUNTRY_NAMES.get(name)


def _header_row(rows: list[tuple]) -> int:
    """Index of the first row holding at least three year cells."""
    for index, row in enumerate(rows):
        if sum(_as_year(cell) is not None for cell in row) >= 3:
            return index
    raise AnnexFormatError("no header row of years found")


def read_annex_table(path: Path | str, value_name: str = "hectares") -> pd.DataFrame:
    """Tidy rows (country, year, value_name[, method, unit]) from one annex workbook.

    Only the countries in COUNTRY_NAMES are kept; totals, footnotes and cells marked as not
    available are dropped. Values are kept exactly as published (Colombia's eradication carries
    decimals, cultivation is rounded to the hundred).
    """
    import openpyxl  # only converters read workbooks; notebooks importing this module should not pay for it

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    sheet = workbook.worksheets[0]
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    header_index = _header_row(rows)
    header = rows[header_index]
    year_columns = {col: _as_year(cell) for col, cell in enumerate(header) if _as_year(cell) is not None}
    labels = {str(cell).strip().lower(): col for col, cell in enumerate(header) if isinstance(cell, str)}
    method_col = next((col for label, col in labels.items() if label.startswith("method")), None)
    unit_col = labels.get("unit")
    first_year_col = min(year_columns)

    records = []
    for row in rows[header_index + 1:]:
        country = next((_country(cell) for cell in row[:first_year_col] if _country(cell)), None)
        if country is None:
            continue
        for col, year in year_columns.items():
            value = row[col] if col < len(row) else None
            if value is None or (isinstance(value, str) and value.strip() in _NOT_AVAILABLE):
                continue
            if not isinstance(value, (int, float)):
                raise AnnexFormatError(f"{Path(path).name}: {country} {year} holds {value!r}, not a number")
            record = {"country": country, "year": year, value_name: float(value)}
            if method_col is not None:
                record["method"] = row[method_col]
            if unit_col is not None:
                record["unit"] = row[unit_col]
            records.append(record)
    if not records:
        raise AnnexFormatError(f"{Path(path).name}: no country rows found")
    return pd.DataFrame.from_records(records).sort_values(["country", "year"], ignore_index=True)
