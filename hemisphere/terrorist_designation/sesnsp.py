"""Converter: SESNSP's state-level victims release -> yearly homicide tables for Mexico.

SESNSP publishes victims of 'fuero común' crimes by state, month, crime subtype, modality and
sex. The chapter needs only intentional homicide (and femicide) per year, nationally and by
state, so the multi-megabyte release shrinks to a few hundred rows. The input is the yearly
layout used by the isaacarroyov/datos_facil_acceso mirror (one row per year, state, subtype,
modality and sex), whose counts are SESNSP's and whose rates use CONAPO mid-year population.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

NATIONAL_CODE = "00"
HOMICIDE = "Homicidio doloso"
FEMICIDE = "Feminicidio"
FIREARM = "Con arma de fuego"
COLUMNS = {"n_year", "cve_ent", "nombre_estado", "subtipo_de_delito", "modalidad", "genero",
           "n_victimas", "n_victimas_x100khab"}


class SesnspFormatError(ValueError):
    """The file is not in the SESNSP victims layout this converter reads."""


def read_victims(path: Path | str) -> pd.DataFrame:
    """The release as published, with state codes kept as two-digit text."""
    table = pd.read_csv(path, dtype={"cve_ent": str}, encoding="utf-8")
    missing = sorted(COLUMNS - set(table.columns))
    if missing:
        raise SesnspFormatError(f"{Path(path).name}: not a SESNSP victims file; missing columns {missing}")
    return table


def _totals(victims: pd.DataFrame, subtype: str, sex: str = "Total") -> pd.DataFrame:
    """Victims of one subtype and sex, summed over modalities (rates add: same population).

    Femicide is published for women only, so it is read with sex 'Mujer'.
    """
    rows = victims[(victims["subtipo_de_delito"] == subtype) & (victims["genero"] == sex)]
    if rows.empty:
        raise SesnspFormatError(f"no rows for subtype {subtype!r} with genero == {sex!r}")
    return rows.groupby(["n_year", "cve_ent", "nombre_estado"], as_index=False)[["n_victimas", "n_victimas_x100khab"]].sum()


def _period(last_month: int) -> str:
    """Label of a partial year, e.g. 'Jan-Jun'."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"Jan-{months[last_month - 1]}"


def national_homicides(victims: pd.DataFrame, last_year_months: int = 6) -> pd.DataFrame:
    """National intentional-homicide victims, rate, firearm victims and femicide victims per year.

    `last_year_months` is how many months the newest year covers (the shared copy stops in June).
    Returns the long layout of the `homicides` table (SESNSP rows only).
    """
    national = victims[victims["cve_ent"] == NATIONAL_CODE]
    homicide = _totals(national, HOMICIDE)
    firearm = _totals(national[national["modalidad"] == FIREARM], HOMICIDE)
    femicide = _totals(national, FEMICIDE, sex="Mujer")
    newest = int(homicide["n_year"].max())
    measures = [
        ("homicide_victims", "victims", homicide, "n_victimas"),
        ("homicide_rate", "per 100,000", homicide, "n_victimas_x100khab"),
        ("firearm_homicide_victims", "victims", firearm, "n_victimas"),
        ("femicide_victims", "victims", femicide, "n_victimas"),
    ]
    rows = []
    for indicator, unit, frame, column in measures:
        for record in frame.itertuples(index=False):
            year = int(record.n_year)
            value = getattr(record, column)
            partial = year == newest and last_year_months < 12
            rows.append({
                "country": "Mexico", "year": year,
                "period": _period(last_year_months) if partial else "year",
                "indicator": indicator, "series": "SESNSP",
                "value": round(float(value), 2) if unit != "victims" else int(value), "unit": unit,
                "data_status": "partial year" if partial else "final",
            })
    return pd.DataFrame(rows)


def state_homicides(victims: pd.DataFrame, last_year_months: int = 6) -> pd.DataFrame:
    """Intentional-homicide victims and rate per state and year (the national total excluded)."""
    states = _totals(victims[victims["cve_ent"] != NATIONAL_CODE], HOMICIDE)
    newest = int(states["n_year"].max())
    table = pd.DataFrame({
        "year": states["n_year"].astype(int),
        "period": [_period(last_year_months) if (y == newest and last_year_months < 12) else "year" for y in states["n_year"]],
        "state_code": states["cve_ent"],
        "state": states["nombre_estado"],
        "homicide_victims": states["n_victimas"].astype(int),
        "homicide_rate": states["n_victimas_x100khab"].round(2),
    })
    return table.sort_values(["year", "state_code"]).reset_index(drop=True)


# --- incidence (offences recorded in case files), monthly, national ---------------------------
# SESNSP's second release counts offences in prosecutors' case files rather than victims. From
# January 2026 the states report through a new register (RNID) with a longer crime catalogue, so
# the monthly series has a break there; the two registers are kept as separate series.
INCIDENCE_SERIES = {"NM-2015": "CNSP/38/15 register", "NR-2026": "RNID register (from 2026)"}


def incidence_months(release: dict, subtype_key: str = "homicidio-doloso") -> pd.DataFrame:
    """One row per month of a national monthly incidence release (the JSON layout of the
    AISENSITIVITYSOLUTIONS/delitos_sesnsp mirror: `meses`, `metodologia`, `series`), months the
    official file has not yet published (null) dropped."""
    for key in ("meses", "metodologia", "series"):
        if key not in release:
            raise SesnspFormatError(f"not a SESNSP monthly incidence release; missing {key!r}")
    if release["metodologia"] not in INCIDENCE_SERIES:
        raise SesnspFormatError(f"unknown register {release['metodologia']!r}")
    values = release["series"].get(subtype_key)
    if values is None or len(values) != len(release["meses"]):
        raise SesnspFormatError(f"series {subtype_key!r} missing or not one value per month")
    rows = pd.DataFrame({"month": release["meses"], "offences": values}).dropna()
    rows["register"] = INCIDENCE_SERIES[release["metodologia"]]
    rows["offences"] = rows["offences"].astype(int)
    return rows.reset_index(drop=True)
