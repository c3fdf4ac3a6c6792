"""Regenerate the chapter's committed CSVs under data/northern_triangle/ from the publishers' files.

Run `python -m hemisphere.northern_triangle.tables` on a machine holding ../shared/sources.
Tables built from machine-readable releases go through the converters; national homicide
figures transcribed from web pages are taken from the reference fact table by fact id, keeping
each row's own source. The page-derived tables (tps, removals, central_america_aid_budget,
border_apprehensions_recent) and the homicide rows read from pages after the fact table (see
CURATED_SOURCES) are curated by hand in their CSVs and kept as they are.
"""

from pathlib import Path

import pandas as pd

from hemisphere import paths
from hemisphere.northern_triangle import encounters, foreign_assistance, homicide, population
from hemisphere.northern_triangle.countries import ISO3, NAME_BY_ISO3

SOURCES = paths.SHARED_SOURCES / "northern_triangle"
OUTPUT = paths.DATA / "northern_triangle"

FIRST_YEAR = 2000
# ForeignAssistance.gov download of late 2025: FY2025 still open.
AID_PARTIAL_YEAR = 2025

AID_FILE = "us_foreign_aid_country_western_hemisphere.csv"
OHSS_FILE = "ohss_khsm_encounters_usbp_fy25m11.xlsx"
CBP_FILE = "cbp_sw_land_border_encounters_fy22_fy25aug.csv"
OWID_FILE = "owid_homicide_rate_unodc.csv"
WDI_FILE = "population_worldbank_americas_1990_2023.csv"
FACTS_FILE = "facts_from_pages.csv"

UNODC_CITATION = {
    "source_title": "UNODC intentional homicide victims per 100,000 (Global Study on Homicide / UN-CTS), via Our World in Data",
    "source_url": "https://ourworldindata.org/grapher/homicide-rate-unodc",
    "confidence": "high",
}

# Page-transcribed national and InSight Crime rates: fact id in facts_from_pages.csv -> source label.
NATIONAL_HOMICIDE_FACTS = {
    **{fact: "National figures (press compilation)" for fact in range(1, 31)},
    **{fact: "InSight Crime" for fact in (31, *range(39, 51))},
    **{fact: "National figures (press compilation)" for fact in (34, 36, 53, 55, 57)},
}

# Rows read from stored pages after the reference fact table was compiled (the UCA observatory's
# 2022 estimate, the 2025 national figures) live only in the committed table: regeneration keeps
# them, with their own sources, rather than holding figures in code.
CURATED_SOURCES = ("National figures (press compilation)", "InSight Crime", "UCA human-rights observatory estimate")


def _curated_homicide_rows(national: pd.DataFrame, output: Path = OUTPUT) -> pd.DataFrame:
    """Page-derived rows of the committed homicide table that the fact table does not hold."""
    committed = output / "homicide_rate.csv"
    if not committed.exists():
        return national.iloc[0:0]
    table = pd.read_csv(committed)
    table = table[table["source"].isin(CURATED_SOURCES)]
    known = set(zip(national["country"], national["year"], national["source"]))
    keep = [(c, y, s) not in known for c, y, s in zip(table["country"], table["year"], table["source"])]
    return table[keep]


def us_aid(sources: Path = SOURCES) -> pd.DataFrame:
    release = foreign_assistance.read_country_summary(sources / AID_FILE)
    countries = {**NAME_BY_ISO3, **foreign_assistance.CENTRAL_AMERICA_REGION}
    return foreign_assistance.tidy_us_aid(release, countries, FIRST_YEAR, AID_PARTIAL_YEAR)


def border_apprehensions(sources: Path = SOURCES) -> pd.DataFrame:
    ohss = encounters.ohss_by_citizenship(sources / OHSS_FILE, list(ISO3))
    cbp = encounters.cbp_by_citizenship(encounters.read_cbp_southwest(sources / CBP_FILE))
    return _months_as_dates(pd.concat([ohss, cbp], ignore_index=True), "citizenship")


def border_apprehensions_family_status(sources: Path = SOURCES) -> pd.DataFrame:
    ohss = encounters.ohss_by_family_status(sources / OHSS_FILE)
    cbp = encounters.cbp_by_family_status(encounters.read_cbp_southwest(sources / CBP_FILE))
    return _months_as_dates(pd.concat([ohss, cbp], ignore_index=True), "family_status")


def _months_as_dates(frame: pd.DataFrame, category: str) -> pd.DataFrame:
    frame = frame.sort_values(["source", "month", category]).reset_index(drop=True)
    frame["month"] = frame["month"].dt.strftime("%Y-%m-%d")
    return frame[["fiscal_year", "month", category, "encounters", "source"]]


def homicide_rate(sources: Path = SOURCES) -> pd.DataFrame:
    unodc = homicide.tidy_unodc_rates(homicide.read_owid_homicide(sources / OWID_FILE), NAME_BY_ISO3, FIRST_YEAR)
    unodc = unodc.assign(**UNODC_CITATION)
    facts = pd.read_csv(sources / FACTS_FILE).set_index("fact_id").loc[list(NATIONAL_HOMICIDE_FACTS)]
    national = pd.DataFrame(
        {
            "country": facts["country"],
            "year": facts["reference_period"].astype(int),
            "source": facts.index.map(NATIONAL_HOMICIDE_FACTS),
            "rate_per_100k": facts["value"].astype(float),
            "source_title": facts["source_title"] + " (" + facts["source_publisher"] + ")",
            "source_url": facts["source_url"],
            # Grades read "medium-low (reason)"; the grade alone is kept.
            "confidence": facts["trust"].str.split(" ").str[0],
        }
    )
    national = national[national["country"].isin(ISO3) & (national["year"] >= FIRST_YEAR)]
    table = pd.concat([unodc, national, _curated_homicide_rows(national)], ignore_index=True)
    return table.sort_values(["country", "year", "source"]).reset_index(drop=True)


def population_table(sources: Path = SOURCES) -> pd.DataFrame:
    return population.tidy_population(sources / WDI_FILE, NAME_BY_ISO3, FIRST_YEAR)


BUILDERS = {
    "us_aid": us_aid,
    "border_apprehensions": border_apprehensions,
    "border_apprehensions_family_status": border_apprehensions_family_status,
    "homicide_rate": homicide_rate,
    "population": population_table,
}


def write_all(sources: Path = SOURCES, output: Path = OUTPUT) -> dict[str, int]:
    """Write every converter-built table; returns rows written per table."""
    output.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, build in BUILDERS.items():
        table = build(sources)
        # The catalogue's boolean type is spelled true/false.
        for column in table.select_dtypes(include="bool").columns:
            table[column] = table[column].map({True: "true", False: "false"})
        table.to_csv(output / f"{name}.csv", index=False, lineterminator="\n")
        written[name] = len(table)
    return written


if __name__ == "__main__":
    for table_name, rows in write_all().items():
        print(f"{table_name}: {rows} rows")
