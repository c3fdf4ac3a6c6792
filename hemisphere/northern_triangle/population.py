"""Converter for World Bank WDI total population (SP.POP.TOTL) in long form (iso3, year, population)."""

from pathlib import Path

import pandas as pd

from hemisphere.northern_triangle._columns import SourceFormatError, normalise

INDICATOR = "SP.POP.TOTL"


def tidy_population(path: Path, countries: dict[str, str], first_year: int) -> pd.DataFrame:
    """Mid-year population for the given ISO3 codes (mapped to our names) from `first_year`."""
    frame = normalise(pd.read_csv(path), ["iso3", "year", "population"], f"WDI population file {Path(path).name}")
    if "indicator" in frame.columns and set(frame["indicator"]) != {INDICATOR}:
        raise SourceFormatError(f"WDI population file: expected indicator {INDICATOR}, found {sorted(set(frame['indicator']))}")
    rows = frame[frame["iso3"].isin(countries) & (frame["year"] >= first_year)]
    tidy = pd.DataFrame(
        {
            "country": rows["iso3"].map(countries),
            "year": rows["year"].astype(int),
            "population": rows["population"].astype(int),
        }
    )
    return tidy.sort_values(["country", "year"]).reset_index(drop=True)
