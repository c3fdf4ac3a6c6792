"""Converters for Border Patrol encounter releases.

Two releases are read: DHS OHSS's "Key Homeland Security Metrics" USBP workbook (monthly, by
region and citizenship, from FY2000; values rounded to tens) and CBP's "Southwest Land Border
Encounters" CSV (monthly from FY2022, by component, demographic and a five-way citizenship
grouping). OHSS is the long series; CBP carries the months after the workbook ends.
"""

from pathlib import Path

import pandas as pd

from hemisphere.northern_triangle._columns import SourceFormatError, normalise

SOUTHWEST = "Southwest Land Border"
OHSS = "DHS OHSS"
CBP = "CBP"
ALL_OTHERS = "All other countries"
CBP_OTHER = "Other (CBP grouping)"

MONTHS = ["October", "November", "December", "January", "February", "March",
          "April", "May", "June", "July", "August", "September"]
_ABBREVIATIONS = {name[:3].upper(): name for name in MONTHS}

# CBP's demographic codes, named as OHSS names its family-status categories.
CBP_DEMOGRAPHICS = {
    "Single Adults": "Single Adults",
    "FMUA": "Family Unit Individuals",
    "UAC": "Unaccompanied Children",
    "Accompanied Minors": "Accompanied Minors",
}


def month_start(fiscal_year: pd.Series, month_name: pd.Series) -> pd.Series:
    """First day of the calendar month; October-December belong to the previous calendar year."""
    position = month_name.map({name: i for i, name in enumerate(MONTHS)})
    if position.isna().any():
        raise SourceFormatError(f"unknown month name(s): {sorted(set(month_name[position.isna()]))}")
    calendar_month = (position + 9) % 12 + 1
    calendar_year = fiscal_year - (calendar_month >= 10).astype(int)
    return pd.to_datetime({"year": calendar_year, "month": calendar_month, "day": 1})


def read_ohss_sheet(path: Path, sheet: str) -> pd.DataFrame:
    """One sheet of the OHSS workbook as a frame with snake-case headers."""
    import openpyxl  # only converters read workbooks; notebooks importing this module should not pay for it

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet not in workbook.sheetnames:
            raise SourceFormatError(f"OHSS workbook {Path(path).name}: no sheet {sheet!r}; sheets are {workbook.sheetnames}")
        rows = list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()
    frame = pd.DataFrame(rows[1:], columns=rows[0]).dropna(how="all")
    return normalise(frame, ["fiscal_year", "quantity"], f"OHSS sheet {sheet!r}")


def _ohss_monthly(path: Path, sheet: str, category: str) -> pd.DataFrame:
    """Southwest-border rows of a monthly cross-tab sheet, with month dates attached."""
    frame = normalise(read_ohss_sheet(path, sheet), ["month", "region", category], f"OHSS sheet {sheet!r}")
    frame = frame[frame["region"] == SOUTHWEST].copy()
    frame["fiscal_year"] = frame["fiscal_year"].astype(int)
    # Months are written "01 October": the number is the position in the fiscal year.
    frame["month"] = month_start(frame["fiscal_year"], frame["month"].str.replace(r"^\d+\s+", "", regex=True))
    frame["encounters"] = frame["quantity"].astype(int)
    return frame


def ohss_by_citizenship(path: Path, citizenships: list[str]) -> pd.DataFrame:
    """Southwest-border USBP encounters per month for the named citizenships plus all others."""
    frame = _ohss_monthly(path, "Monthly Rgn and Citp", "citizenship")
    named = frame["citizenship"].isin(citizenships)
    frame.loc[~named, "citizenship"] = ALL_OTHERS
    tidy = frame.groupby(["fiscal_year", "month", "citizenship"], as_index=False)["encounters"].sum()
    tidy["source"] = OHSS
    return tidy


def ohss_by_family_status(path: Path) -> pd.DataFrame:
    """Southwest-border USBP encounters per month by family status (single adults, family units, children)."""
    frame = _ohss_monthly(path, "Monthly Rgn and Fam Status", "family_status")
    tidy = frame.groupby(["fiscal_year", "month", "family_status"], as_index=False)["encounters"].sum()
    tidy["source"] = OHSS
    return tidy


_CBP_REQUIRED = ["fiscal_year", "month_abbv", "component", "demographic", "citizenship_grouping", "encounter_count"]


def read_cbp_southwest(path: Path) -> pd.DataFrame:
    """CBP's southwest-border CSV, Border Patrol rows only, with fiscal year and month dates."""
    frame = normalise(pd.read_csv(path, dtype=str), _CBP_REQUIRED, f"CBP southwest border file {Path(path).name}")
    frame = frame[frame["component"] == "U.S. Border Patrol"].copy()
    # The current year is written "2025 (FYTD)".
    frame["fiscal_year"] = frame["fiscal_year"].str.extract(r"(\d{4})", expand=False).astype(int)
    month_name = frame["month_abbv"].str.upper().map(_ABBREVIATIONS)
    if month_name.isna().any():
        raise SourceFormatError(f"CBP file: unknown month(s) {sorted(set(frame['month_abbv'][month_name.isna()]))}")
    frame["month"] = month_start(frame["fiscal_year"], month_name)
    frame["encounters"] = pd.to_numeric(frame["encounter_count"], errors="raise").astype(int)
    return frame


def cbp_by_citizenship(frame: pd.DataFrame) -> pd.DataFrame:
    """Border Patrol encounters per month by CBP's citizenship grouping."""
    named = frame["citizenship_grouping"].replace({"Other": CBP_OTHER})
    tidy = (frame.assign(citizenship=named)
            .groupby(["fiscal_year", "month", "citizenship"], as_index=False)["encounters"].sum())
    tidy["source"] = CBP
    return tidy


def cbp_by_family_status(frame: pd.DataFrame) -> pd.DataFrame:
    """Border Patrol encounters per month by demographic, named as OHSS names family status."""
    status = frame["demographic"].map(CBP_DEMOGRAPHICS)
    if status.isna().any():
        raise SourceFormatError(f"CBP file: unknown demographic(s) {sorted(set(frame['demographic'][status.isna()]))}")
    tidy = (frame.assign(family_status=status)
            .groupby(["fiscal_year", "month", "family_status"], as_index=False)["encounters"].sum())
    tidy["source"] = CBP
    return tidy
