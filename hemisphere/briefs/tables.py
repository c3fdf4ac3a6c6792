"""Converters from the region-wide releases to the briefs' tidy tables.

Each reuses the Northern Triangle chapter's converter for the same release (ForeignAssistance.gov
country summary, OWID's copy of UNODC homicide rates) with every country of data/countries.csv,
so one format is parsed in one place. Run `python -m hemisphere.briefs.tables` to rewrite the
committed CSVs from the copies under ../shared/sources/northern_triangle/.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from hemisphere import paths
from hemisphere.briefs import countries
from hemisphere.northern_triangle import foreign_assistance, homicide
from hemisphere.northern_triangle._columns import SourceFormatError, normalise

FIRST_YEAR = 2000
# The ForeignAssistance.gov download was made in late 2025: FY2025 was still open.
AID_PARTIAL_YEAR = 2025
# The OHSS workbook fy25m11 ends in November 2024: FY2025 holds two months.
USBP_PARTIAL_YEAR = 2025

SOURCES = paths.SHARED_SOURCES / "northern_triangle"
AID_FILE = "us_foreign_aid_country_western_hemisphere.csv"
HOMICIDE_FILE = "owid_homicide_rate_unodc.csv"
USBP_FILE = "usbp_encounters_annual_by_region_citizenship_fy2000_fy2025.csv"


def us_aid_hemisphere(release: pd.DataFrame) -> pd.DataFrame:
    """ForeignAssistance.gov rows for every country of the list, FY2000 on, current dollars."""
    return foreign_assistance.tidy_us_aid(release, countries.iso3_to_name(), FIRST_YEAR, AID_PARTIAL_YEAR)


def homicide_rate_hemisphere(owid: pd.DataFrame) -> pd.DataFrame:
    """UNODC homicide rates (OWID's copy) for every country of the list, 2000 on."""
    tidy = homicide.tidy_unodc_rates(owid, countries.iso3_to_name(), FIRST_YEAR)
    tidy.insert(1, "iso3", tidy["country"].map(countries.name_to_iso3()))
    return tidy


def read_usbp_annual(path: Path) -> pd.DataFrame:
    """OHSS 'Annual Rgn and Citp' sheet as extracted (fiscal_year, region, citizenship, encounters)."""
    return normalise(pd.read_csv(path), ["fiscal_year", "region", "citizenship", "encounters"],
                     f"OHSS USBP annual file {Path(path).name}")


def usbp_by_citizenship(annual: pd.DataFrame) -> pd.DataFrame:
    """Border Patrol encounters per fiscal year, border region and citizenship, for the listed countries."""
    named = annual.assign(country=annual["citizenship"].map(countries.resolve))
    unknown_region = sorted(set(named["region"]) - {"Southwest Land Border", "Northern Land Border", "Coastal Border"})
    if unknown_region:
        raise SourceFormatError(f"OHSS USBP file: unexpected region(s) {unknown_region}")
    rows = named[named["country"].notna() & (named["fiscal_year"] >= FIRST_YEAR)]
    tidy = pd.DataFrame({
        "country": rows["country"],
        "iso3": rows["country"].map(countries.name_to_iso3()),
        "fiscal_year": rows["fiscal_year"].astype(int),
        "region": rows["region"],
        "encounters": rows["encounters"].astype(int),
        "partial_year": rows["fiscal_year"].astype(int) >= USBP_PARTIAL_YEAR,
    })
    if tidy.duplicated(["country", "fiscal_year", "region"]).any():
        raise SourceFormatError("OHSS USBP file: duplicated country-year-region rows")
    return tidy.sort_values(["country", "fiscal_year", "region"]).reset_index(drop=True)


def write_all(sources: Path = SOURCES, target: Path | None = None) -> dict[str, int]:
    target = Path(target or paths.DATA / "briefs")
    target.mkdir(parents=True, exist_ok=True)
    tables = {
        "us_aid_hemisphere": us_aid_hemisphere(foreign_assistance.read_country_summary(sources / AID_FILE)),
        "homicide_rate_hemisphere": homicide_rate_hemisphere(homicide.read_owid_homicide(sources / HOMICIDE_FILE)),
        "usbp_citizenship_hemisphere": usbp_by_citizenship(read_usbp_annual(sources / USBP_FILE)),
    }
    for name, table in tables.items():
        out = table.copy()
        if "partial_year" in out:
            out["partial_year"] = out["partial_year"].map({True: "true", False: "false"})
        out.to_csv(target / f"{name}.csv", index=False, lineterminator="\n")
    return {name: len(table) for name, table in tables.items()}


if __name__ == "__main__":
    print(write_all())
