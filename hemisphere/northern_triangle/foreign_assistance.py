"""Converter for ForeignAssistance.gov's country-summary download (`us_foreign_aid_country.csv`).

The release has one row per country, transaction type and fiscal year, in current and constant
dollars. We keep current dollars (the constant-dollar base year differs between transaction
types in the release) and name the measures in plain words.
"""

from pathlib import Path

import pandas as pd

from hemisphere.northern_triangle._columns import SourceFormatError, normalise

MEASURES = {
    "Obligations": "obligations",
    "Disbursements": "disbursements",
    "Appropriated and Planned": "appropriated_and_planned",
    "President's Budget Requests": "budget_request",
}

# ForeignAssistance.gov reports regional programmes (CARSI among them) under this pseudo-country.
CENTRAL_AMERICA_REGION = {"CNA": "Central America Region"}

_REQUIRED = ["country_code", "country_name", "transaction_type_name", "fiscal_year", "current_amount_usd"]
_ALIASES = {"current_amount": "current_amount_usd", "constant_amount": "constant_amount_usd"}


def read_country_summary(path: Path) -> pd.DataFrame:
    """The release as published, with normalised headers; raises SourceFormatError on another layout."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    return normalise(raw, _REQUIRED, f"ForeignAssistance.gov country summary {Path(path).name}", _ALIASES)


def tidy_us_aid(
    release: pd.DataFrame,
    countries: dict[str, str],
    first_year: int,
    partial_year: int,
) -> pd.DataFrame:
    """One row per country, fiscal year and measure, in current US dollars.

    `countries` maps ISO3 codes (as in the release) to the names used in our tables;
    `partial_year` is the fiscal year still open when the release was downloaded: its
    obligations and disbursements are flagged as partial.
    """
    unknown = sorted(set(release["transaction_type_name"]) - set(MEASURES))
    if unknown:
        raise SourceFormatError(f"ForeignAssistance.gov: unexpected transaction type(s) {unknown}")
    rows = release[release["country_code"].isin(countries)]
    # The release carries a "1976tq" transition quarter; only whole fiscal years are kept.
    rows = rows[rows["fiscal_year"].str.fullmatch(r"\d{4}")]
    tidy = pd.DataFrame(
        {
            "country": rows["country_code"].map(countries),
            "country_code": rows["country_code"],
            "fiscal_year": rows["fiscal_year"].astype(int),
            "measure": rows["transaction_type_name"].map(MEASURES),
            "amount_usd": pd.to_numeric(rows["current_amount_usd"], errors="raise"),
        }
    )
    tidy = tidy[tidy["fiscal_year"] >= first_year]
    tidy["partial_year"] = tidy["fiscal_year"] >= partial_year
    duplicated = tidy.duplicated(["country_code", "fiscal_year", "measure"])
    if duplicated.any():
        raise SourceFormatError(f"ForeignAssistance.gov: {int(duplicated.sum())} duplicated country-year-measure rows")
    return tidy.sort_values(["country", "measure", "fiscal_year"]).reset_index(drop=True)
