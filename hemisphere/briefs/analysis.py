"""Per-country numbers for the briefs, from the project's tables (pure functions on frames).

`country_inputs` gathers, for one country, every row a brief reads (and the region-wide
homicide median it compares with). The brief derives everything from that dictionary, so its
digest is a true cache key: a table edit re-runs only the briefs whose rows it touched.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from hemisphere.briefs import countries as country_list

# Every table a brief can read; the sweep loads them once for the cache keys.
TABLES = (
    "us_aid_hemisphere", "homicide_rate_hemisphere", "usbp_citizenship_hemisphere", "removals", "tps",
    "majors_list", "designations_2025", "fto_list", "cartel_sanctions_rewards", "sdn_entries", "sdn_snapshots",
    "coca_cultivation", "poppy_cultivation", "events",
)
# Sections of a brief, in order; each is one key of country_inputs' result.
SECTIONS = ("aid", "homicide", "border", "removals", "tps", "majors", "designations", "ofac", "crops", "events")

AID_MEASURES = ("obligations", "disbursements", "appropriated_and_planned")


def load_tables() -> dict[str, pd.DataFrame]:
    from hemisphere import data

    return {name: data.load(name) for name in TABLES}


def _countries_cell(series: pd.Series, country: str) -> pd.Series:
    return series.map(lambda cell: country in country_list.split(cell))


# -- one function per section: the country's rows in the period -----------------------------

def aid_by_year(aid: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    """Fiscal year x measure (current US dollars) for the country, with the partial-year flag."""
    rows = aid[(aid["country"] == country) & aid["fiscal_year"].between(start, end)
               & aid["measure"].isin(AID_MEASURES)]
    if rows.empty:
        return pd.DataFrame(columns=["fiscal_year", *AID_MEASURES, "partial_year"])
    wide = rows.pivot_table(index="fiscal_year", columns="measure", values="amount_usd", aggfunc="sum")
    wide = wide.reindex(columns=list(AID_MEASURES))
    wide["partial_year"] = rows.groupby("fiscal_year")["partial_year"].any()
    return wide.reset_index().rename_axis(columns=None)


def homicide_vs_region(rates: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    """The country's UNODC rate each year beside the median of every listed country with a figure."""
    inside = rates[rates["year"].between(start, end)]
    region = inside.groupby("year")["rate_per_100k"].agg(regional_median="median", countries_reporting="count")
    own = inside[inside["country"] == country].set_index("year")["rate_per_100k"].rename("rate_per_100k")
    if own.empty:
        return pd.DataFrame(columns=["year", "rate_per_100k", "regional_median", "countries_reporting"])
    joined = region.join(own, how="inner")[["rate_per_100k", "regional_median", "countries_reporting"]]
    return joined.reset_index()


def border_by_year(usbp: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    """Border Patrol encounters with the country's citizens per complete fiscal year (all regions)."""
    rows = usbp[(usbp["country"] == country) & usbp["fiscal_year"].between(start, end) & ~usbp["partial_year"]]
    if rows.empty:
        return pd.DataFrame(columns=["fiscal_year", "encounters", "southwest_border_share"])
    total = rows.groupby("fiscal_year")["encounters"].sum()
    southwest = rows[rows["region"] == "Southwest Land Border"].groupby("fiscal_year")["encounters"].sum()
    frame = pd.DataFrame({"encounters": total, "southwest": southwest.reindex(total.index, fill_value=0)})
    frame["southwest_border_share"] = (frame["southwest"] / frame["encounters"]).where(frame["encounters"] > 0)
    return frame.drop(columns="southwest").reset_index()


def removals(table: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    rows = table[(table["country"] == country) & table["fiscal_year"].between(start, end)]
    return rows.sort_values("fiscal_year").reset_index(drop=True)


def tps(table: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    """TPS decisions for the country up to the end of the period (earlier ones explain later ones)."""
    rows = table[(table["country"] == country) & (table["decision_date"].dt.year <= end)]
    return rows.sort_values("decision_date").reset_index(drop=True)


def majors(table: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    """The country's majors-list rows (listed or not) for fiscal years of the period."""
    rows = table[(table["country_name"] if "country_name" in table else table["country"]).map(country_list.resolve)
                 == country]
    rows = rows[rows["fiscal_year"].between(start, end)]
    return rows.sort_values("fiscal_year").reset_index(drop=True)


def designations(designated: pd.DataFrame, fto: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    """Groups designated FTO/SDGT that operate in the country: the 2025-2026 designations, and
    earlier FTO designations still in force (or revoked) from the State Department's list."""
    recent = designated[_countries_cell(designated["countries"], country)
                        & (designated["entity_kind"] == "group") & (designated["date"].dt.year <= end)]
    rows = [{"organization": r.organization, "org_id": r.org_id, "instrument": r.instrument, "date": r.date,
             "status": "designated"} for r in recent.itertuples()]
    western = fto[(fto["western_hemisphere"]) & _countries_cell(fto["countries"], country)
                  & (fto["designation_date"].dt.year <= end)]
    seen = {(row["org_id"], "FTO") for row in rows}
    for r in western.itertuples():
        if (r.org_id, "FTO") in seen:
            continue
        revoked = pd.notna(r.revocation_date) and r.revocation_date.year <= end
        rows.append({"organization": r.name, "org_id": r.org_id, "instrument": "FTO", "date": r.designation_date,
                     "status": f"revoked {r.revocation_date:%Y-%m-%d}" if revoked else "designated"})
    if not rows:
        return pd.DataFrame({"organization": [], "org_id": [], "instruments": [], "date": pd.Series([], dtype="datetime64[ns]"),
                             "status": []})
    frame = pd.DataFrame(rows).sort_values(["date", "organization", "instrument"])
    # One row per group: its instruments joined ("FTO, SDGT"), dated by its first designation.
    merged = frame.groupby("org_id", sort=False).agg(
        organization=("organization", "first"), instruments=("instrument", lambda s: ", ".join(sorted(set(s)))),
        date=("date", "min"), status=("status", "first")).reset_index()
    return merged[["organization", "org_id", "instruments", "date", "status"]].sort_values(
        ["date", "organization"]).reset_index(drop=True)


def ofac(sdn: pd.DataFrame, snapshots: pd.DataFrame, actions: pd.DataFrame, groups: pd.DataFrame,
         country: str, start: int, end: int) -> dict[str, pd.DataFrame]:
    """OFAC entries the stored tables tie to the country.

    The SDN copies carry no addresses or nationalities, so an entry is tied to a country only by
    a program named for it (the Venezuela-related tag), and sanctions on the designated groups
    that operate there are counted from the cartel sanctions table.
    """
    tagged = pd.DataFrame(columns=["snapshot_date", "entries"])
    if country == "Venezuela":
        on = sdn[sdn["venezuela_tag"]]
        tagged = on.groupby("snapshot_date").size().rename("entries").reset_index()
    org_ids = set(groups["org_id"]) if not groups.empty else set()
    keep = actions["org_ids"].map(lambda cell: bool(org_ids & set(str(cell).replace(",", ";").split(";")))
                                  if isinstance(cell, str) else False)
    keep &= actions["date"].dt.year.between(start, end) & (actions["agency"].str.contains("OFAC", na=False))
    group_actions = actions[keep].sort_values("date").reset_index(drop=True)
    return {"sdn_by_snapshot": tagged, "group_sanctions": group_actions}


def crops(coca: pd.DataFrame, poppy: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    """Coca or poppy hectares for the country, one row per year and estimator (never spliced)."""
    frames = []
    for crop, table in (("coca", coca), ("opium poppy", poppy)):
        rows = table[(table["country"] == country) & table["year"].between(start, end)]
        if not rows.empty:
            frames.append(rows[["year", "estimator", "hectares"]].assign(crop=crop))
    if not frames:
        return pd.DataFrame(columns=["crop", "year", "estimator", "hectares"])
    return pd.concat(frames)[["crop", "year", "estimator", "hectares"]].sort_values(
        ["crop", "estimator", "year"]).reset_index(drop=True)


def country_events(register: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    rows = register[(register["country"] == country) & register["date"].dt.year.between(start, end)]
    return rows.sort_values(["date", "event_id"]).reset_index(drop=True)


# -- the whole brief --------------------------------------------------------------------------

def country_inputs(tables: dict[str, pd.DataFrame], country: str, start: int, end: int) -> dict:
    """Everything one brief shows, section by section."""
    if country not in country_list.names():
        raise ValueError(f"{country!r} is not a country of data/countries.csv")
    groups = designations(tables["designations_2025"], tables["fto_list"], country, start, end)
    return {
        "aid": aid_by_year(tables["us_aid_hemisphere"], country, start, end),
        "homicide": homicide_vs_region(tables["homicide_rate_hemisphere"], country, start, end),
        "border": border_by_year(tables["usbp_citizenship_hemisphere"], country, start, end),
        "removals": removals(tables["removals"], country, start, end),
        "tps": tps(tables["tps"], country, start, end),
        "majors": majors(tables["majors_list"], country, start, end),
        "designations": groups,
        "ofac": ofac(tables["sdn_entries"], tables["sdn_snapshots"], tables["cartel_sanctions_rewards"], groups,
                     country, start, end),
        "crops": crops(tables["coca_cultivation"], tables["poppy_cultivation"], country, start, end),
        "events": country_events(tables["events"], country, start, end),
        # What the tables cover, for sentences on a period they do not reach.
        "coverage": {"border_last": int(tables["usbp_citizenship_hemisphere"].loc[
            ~tables["usbp_citizenship_hemisphere"]["partial_year"], "fiscal_year"].max())},
    }


def is_empty(section: str, value) -> bool:
    """Whether a section has nothing to show for the country."""
    if section == "ofac":
        return all(frame.empty for frame in value.values())
    if section == "majors":
        return value.empty or not value["listed"].any()
    return value.empty


def present(inputs: dict) -> list[str]:
    return [name for name in SECTIONS if not is_empty(name, inputs[name])]


def absent(inputs: dict) -> list[str]:
    return [name for name in SECTIONS if is_empty(name, inputs[name])]


def digest(inputs: dict) -> str:
    """A stable digest of a brief's inputs (the sweep's per-brief cache key)."""
    hasher = hashlib.sha256()
    for name in SECTIONS:
        value = inputs[name]
        frames = value.items() if isinstance(value, dict) else [("", value)]
        for key, frame in frames:
            hasher.update(f"{name}/{key}\n".encode())
            hasher.update(frame.to_csv(index=False, lineterminator="\n").encode())
    return hasher.hexdigest()


# -- numbers the headlines use ----------------------------------------------------------------

def aid_totals(by_year: pd.DataFrame) -> dict:
    """Obligations over the complete fiscal years shown, the peak year, the newest complete year."""
    complete = by_year[~by_year["partial_year"].astype(bool)].dropna(subset=["obligations"])
    if complete.empty:
        return {}
    peak = complete.loc[complete["obligations"].idxmax()]
    last = complete.iloc[-1]
    return {"first": int(complete["fiscal_year"].min()), "last": int(last["fiscal_year"]),
            "total": float(complete["obligations"].sum()), "years": len(complete),
            "peak_year": int(peak["fiscal_year"]), "peak": float(peak["obligations"]),
            "latest": float(last["obligations"])}


def homicide_latest(by_year: pd.DataFrame) -> dict:
    if by_year.empty:
        return {}
    last = by_year.iloc[-1]
    first = by_year.iloc[0]
    return {"year": int(last["year"]), "rate": float(last["rate_per_100k"]), "median": float(last["regional_median"]),
            "reporting": int(last["countries_reporting"]), "first_year": int(first["year"]),
            "first_rate": float(first["rate_per_100k"])}


def border_peak(by_year: pd.DataFrame) -> dict:
    if by_year.empty or by_year["encounters"].sum() == 0:
        return {}
    peak = by_year.loc[by_year["encounters"].idxmax()]
    last = by_year.iloc[-1]
    return {"peak_year": int(peak["fiscal_year"]), "peak": int(peak["encounters"]),
            "last_year": int(last["fiscal_year"]), "last": int(last["encounters"]),
            "total": int(by_year["encounters"].sum()), "first_year": int(by_year["fiscal_year"].min())}
