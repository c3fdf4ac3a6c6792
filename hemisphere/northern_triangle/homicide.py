"""Converter for UNODC homicide rates as republished by Our World in Data (grapher CSV).

OWID's download of UNODC's intentional-homicide series has one row per entity and year, with
the rate in a column named after the indicator. We keep the countries asked for, by ISO3 code.
"""

from pathlib import Path

import pandas as pd

from hemisphere.northern_triangle._columns import SourceFormatError, normalise

UNODC = "UNODC"


def read_owid_homicide(path: Path) -> pd.DataFrame:
    """The grapher CSV with normalised headers and the rate column named `rate_per_100k`."""
    frame = normalise(pd.read_csv(path), ["code", "year"], f"OWID homicide file {Path(path).name}")
    rate_columns = [column for column in frame.columns if column.startswith("homicide_rate")]
    if len(rate_columns) != 1:
        raise SourceFormatError(f"OWID homicide file: expected one homicide-rate column, found {rate_columns}")
    return frame.rename(columns={rate_columns[0]: "rate_per_100k"})


def tidy_unodc_rates(frame: pd.DataFrame, countries: dict[str, str], first_year: int) -> pd.DataFrame:
    """UNODC rates per 100,000 for the given ISO3 codes (mapped to our names) from `first_year`."""
    rows = frame[frame["code"].isin(countries) & (frame["year"] >= first_year)]
    tidy = pd.DataFrame(
        {
            "country": rows["code"].map(countries),
            "year": rows["year"].astype(int),
            "source": UNODC,
            "rate_per_100k": rows["rate_per_100k"].astype(float).round(2),
        }
    )
    return tidy.sort_values(["country", "year"]).reset_index(drop=True)
