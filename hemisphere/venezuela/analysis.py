"""Analysis of the Venezuela sanctions tables: what the notebook counts, computed in one place.

Every function takes the validated tables (``hemisphere.data.load``) and returns a small
DataFrame or a number; the notebook only draws and words the results.
"""

import pandas as pd

DESIGNATION_TYPES = (
    "executive_order_and_designation", "designation", "designation_and_rewards", "terrorist_designation",
)
COUNT_COLUMNS = ("individuals", "entities", "vessels_aircraft_or_unsplit")
# The same counts with the third split: vessels and aircraft, and totals the source gave without a split.
KIND_COLUMNS = ("individuals", "entities", "vessels_or_aircraft", "type_not_stated")
OPEC_OFFICIAL = "OPEC direct communication (Venezuelan government)"
OPEC_INDEPENDENT = "OPEC secondary sources (independent estimates)"
ENERGY_INSTITUTE = "Energy Institute Statistical Review (via Our World in Data)"
# What each OFAC program tag stands for, for chart legends.
PROGRAM_LABELS = {
    "VENEZUELA": "EO 13692 (VENEZUELA)",
    "VENEZUELA-EO13850": "EO 13850 (sectors)",
    "VENEZUELA-EO13884": "EO 13884 (government)",
    "SDNTK": "Kingpin Act (SDNTK)",
    "SDGT": "EO 13224 (SDGT)",
    "FTO": "Foreign Terrorist Org. (FTO)",
}
DIASPORA_TOTALS = (
    "venezuelan_refugees_and_migrants_abroad", "venezuelans_living_abroad", "venezuelans_who_fled",
)


class AnalysisError(ValueError):
    """A parameter asks for something the tables cannot answer (unknown program or snapshot)."""


def program_tags(program: str) -> list[str]:
    """'FTO; SDGT' -> ['FTO', 'SDGT']; an empty cell has no tags."""
    if not isinstance(program, str):
        return []
    return [tag.strip() for tag in program.split(";") if tag.strip()]


def designation_actions(actions: pd.DataFrame, programs: list[str], start, end) -> pd.DataFrame:
    """Designation actions under any of ``programs`` dated in [start, end], with a total designated.

    ``program_group`` is the first of the action's tags that was asked for, so an action
    tagged 'FTO; SDGT' is counted once.
    """
    known = {tag for cell in actions["program"] for tag in program_tags(cell)}
    unknown = sorted(set(programs) - known)
    if unknown:
        raise AnalysisError(f"no action carries program tag(s) {unknown}; known tags: {sorted(known)}")
    in_window = actions["date"].between(pd.Timestamp(start), pd.Timestamp(end))
    designations = actions[in_window & actions["action_type"].isin(DESIGNATION_TYPES)].copy()
    designations["program_group"] = designations["program"].map(
        lambda cell: next((tag for tag in program_tags(cell) if tag in programs), None)
    )
    designations = designations[designations["program_group"].notna()]
    designations["designated"] = designations[list(COUNT_COLUMNS)].fillna(0).sum(axis=1).astype(int)
    # A source that gives one total for companies and people leaves `entities` blank and puts the
    # total in `vessels_aircraft_or_unsplit` (the 2018-09-25 action; see the catalogue caveats).
    third = designations["vessels_aircraft_or_unsplit"]
    unsplit = designations["entities"].isna() & third.fillna(0).gt(0)
    designations["vessels_or_aircraft"] = third.mask(unsplit)
    designations["type_not_stated"] = third.where(unsplit, 0)
    return designations.sort_values("date").reset_index(drop=True)


def cumulative_designations(designations: pd.DataFrame) -> pd.DataFrame:
    """Running total of persons and property designated, per program group (for a step chart)."""
    ordered = designations.sort_values("date")
    totals = ordered.groupby(["program_group", "date"], as_index=False)["designated"].sum()
    totals["cumulative"] = totals.groupby("program_group")["designated"].cumsum()
    return totals


def peak_year(designations: pd.DataFrame) -> tuple[int, int, str]:
    """(year, designated that year, program group with most that year) of the busiest year."""
    by_year = designations.assign(year=designations["date"].dt.year)
    totals = by_year.groupby("year")["designated"].sum()
    year = int(totals.idxmax())
    leader = by_year[by_year["year"] == year].groupby("program_group")["designated"].sum().idxmax()
    return year, int(totals[year]), leader


def designated_by_kind(designations: pd.DataFrame) -> pd.Series:
    """Individuals, entities, vessels/aircraft and designations of unstated type, summed over the actions given."""
    return designations[list(KIND_COLUMNS)].fillna(0).sum().astype(int)


def names_preview(notable_names, limit: int = 110) -> str:
    """The names a source gives for an action, shortened for a table cell without cutting a word.

    Whole ';'-separated names are kept while they fit in ``limit`` characters, and '; …' marks
    that the source lists more (the count columns beside it give the total). A first name
    longer than ``limit`` is cut before its last bracket or comma or, failing that, after its
    last whole word, and ends with ' …'. A blank cell gives ''.
    """
    if not isinstance(notable_names, str) or not notable_names.strip():
        return ""
    items = [item.strip() for item in notable_names.split(";") if item.strip()]
    shown: list[str] = []
    for position, item in enumerate(items):
        more = "; …" if position < len(items) - 1 else ""
        if len("; ".join(shown + [item]) + more) > limit:
            break
        shown.append(item)
    if shown:
        return "; ".join(shown) + ("; …" if len(shown) < len(items) else "")
    head = items[0][:limit - 2]
    bracket, comma = head.rfind(" ("), head.rfind(", ")
    clause = bracket if bracket > limit // 2 else comma
    cut = head[:clause] if clause > limit // 2 else head.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;(") + " …"


def snapshot_entries(entries: pd.DataFrame, snapshot: str) -> pd.DataFrame:
    """The Venezuela-related entries of one SDN copy; an unknown copy is an error naming those held."""
    dates = entries["snapshot_date"].dt.strftime("%Y-%m-%d")
    if snapshot not in set(dates):
        raise AnalysisError(f"no SDN copy dated {snapshot}; copies held: {sorted(set(dates))}")
    return entries[dates == snapshot].reset_index(drop=True)


def entries_by_type_and_program(entries: pd.DataFrame, programs: list[str]) -> pd.DataFrame:
    """Entries of one copy counted by SDN type and the first requested program tag they carry.

    An entry under several programs is counted once: under its Venezuela program if it carries a
    requested one (the first in ``programs`` order), otherwise under the first requested tag in the
    list's own order. So a vessel tagged 'SDGT; VENEZUELA-EO13850' counts under VENEZUELA-EO13850,
    and the Venezuela columns add up to the entries carrying a Venezuela tag, while Tren de Aragua
    ('FTO; SDGT') stays under FTO. Entries carrying none of ``programs`` count under 'other programs'.
    """
    venezuela = [tag for tag in programs if tag.startswith("VENEZUELA")]

    def first(cell) -> str:
        tags = program_tags(cell)
        return next((tag for tag in venezuela if tag in tags),
                    next((tag for tag in tags if tag in programs), "other programs"))

    group = entries["programs"].map(first)
    table = pd.crosstab(entries["sdn_type"], group)
    order = [p for p in programs if p in table.columns] + (["other programs"] if "other programs" in table.columns else [])
    return table.reindex(columns=order).reindex(["individual", "entity", "vessel", "aircraft"]).fillna(0).astype(int)


def reward_steps(rewards: pd.DataFrame) -> pd.DataFrame:
    """Dated reward offers per person, with the amount each offer replaced (0 for a first offer)."""
    dated = rewards[rewards["date"].notna()].sort_values(["person", "date"]).copy()
    dated["previous_usd"] = dated.groupby("person")["amount_usd"].shift(1).fillna(0).astype(int)
    return dated.sort_values(["date", "amount_usd"], ascending=[True, False]).reset_index(drop=True)


def paternal_surname(person: str) -> str:
    """'Nicolas Maduro Moros' -> 'Maduro'; 'Tareck Zaidan El Aissami Maddah' -> 'El Aissami' (chart labels)."""
    words = person.split()
    if len(words) < 3:
        return words[-1]
    surname = words[-2]
    return f"{words[-3]} {surname}" if words[-3] in ("El", "De", "Del", "La") else surname


def reward_points(steps: pd.DataFrame) -> pd.DataFrame:
    """One point per announcement date and amount, naming everyone offered that amount that day."""
    points = steps.assign(surname=steps["person"].map(paternal_surname))
    grouped = points.groupby(["date", "amount_usd"], as_index=False).agg(people=("surname", ", ".join),
                                                                          count=("person", "size"))
    return grouped.sort_values(["date", "amount_usd"]).reset_index(drop=True)


def official_vs_independent(oil: pd.DataFrame) -> pd.DataFrame:
    """Months for which OPEC reports both the government's figure and its independent estimate.

    ``gap_kbd`` is official minus independent; positive when the government reports more.
    """
    opec = oil[oil["reporter"].isin([OPEC_OFFICIAL, OPEC_INDEPENDENT])]
    wide = opec.pivot_table(index="period", columns="reporter", values="value", aggfunc="first")
    # A window may hold one basis only (or none): the missing column is empty, not an error.
    wide = wide.reindex(columns=[OPEC_OFFICIAL, OPEC_INDEPENDENT])
    both = wide.dropna(subset=[OPEC_OFFICIAL, OPEC_INDEPENDENT])
    result = pd.DataFrame({
        "period": both.index,
        "official_kbd": both.get(OPEC_OFFICIAL, pd.Series(dtype=float)).to_numpy(),
        "independent_kbd": both.get(OPEC_INDEPENDENT, pd.Series(dtype=float)).to_numpy(),
    })
    result["gap_kbd"] = result["official_kbd"] - result["independent_kbd"]
    return result.reset_index(drop=True)


def energy_institute_series(oil: pd.DataFrame) -> pd.DataFrame:
    """The annual Energy Institute oil production series (TWh) with integer years."""
    series = oil[oil["reporter"] == ENERGY_INSTITUTE][["period", "value"]].copy()
    series["year"] = series["period"].astype(int)
    return series[["year", "value"]].rename(columns={"value": "twh"}).sort_values("year").reset_index(drop=True)


def change_between(series: pd.DataFrame, first_year: int, last_year: int) -> tuple[float, float]:
    """(value in first_year, value in last_year) of a year-indexed series; missing years are an error."""
    values = series.set_index("year")["twh"]
    missing = [y for y in (first_year, last_year) if y not in values.index]
    if missing:
        raise AnalysisError(f"no value for year(s) {missing}; series covers {values.index.min()}-{values.index.max()}")
    return float(values[first_year]), float(values[last_year])


def diaspora_totals(migrants: pd.DataFrame) -> pd.DataFrame:
    """Worldwide totals of Venezuelans abroad (R4V, UNHCR/IOM, CRS), one row per dated estimate."""
    totals = migrants[migrants["indicator"].isin(DIASPORA_TOTALS) & (migrants["scope"].str.startswith("worldwide"))]
    return totals.sort_values("date").reset_index(drop=True)


# --- additions: the SDN list's own count, computed titles, OPEC crude in kb/d, R4V totals --------

BLOOMBERG_SURVEY = "Bloomberg survey (tanker tracking and industry sources)"
KBD = "thousand barrels per day"
# The OPEC bases and other crude estimates in thousand barrels a day, in legend order.
CRUDE_REPORTERS = (OPEC_INDEPENDENT, OPEC_OFFICIAL, "OPEC Annual Statistical Bulletin", "OPEC, basis not stated",
                   BLOOMBERG_SURVEY)
PLATFORM_TOTAL = "venezuelan_refugees_and_migrants_abroad"


def sdn_count(entries: pd.DataFrame, snapshots: pd.DataFrame, snapshot: str) -> dict:
    """The SDN list's own count for one copy: entries in all, Venezuela-related, and by type.

    `venezuela_related` counts every entry the chapter ties to Venezuela; `tagged` those carrying a
    Venezuela program tag (VENEZUELA, VENEZUELA-EO13850, VENEZUELA-EO13884); `untagged` the rest,
    listed under narcotics or terrorism programs only and counted for their Venezuelan ties.
    """
    on_list = snapshot_entries(entries, snapshot)
    held = snapshots.set_index(snapshots["snapshot_date"].dt.strftime("%Y-%m-%d"))
    types = on_list["sdn_type"].value_counts().reindex(["individual", "entity", "vessel", "aircraft"], fill_value=0)
    tagged = int(on_list["venezuela_tag"].sum())
    with_remarks = snapshots[snapshots["has_remarks"].astype(bool) & (snapshots["snapshot_date"] <= pd.Timestamp(snapshot))]
    return {"snapshot": pd.Timestamp(snapshot), "entries_total": int(held.at[snapshot, "entries_total"]),
            "has_remarks": bool(held.at[snapshot, "has_remarks"]),
            "remarks_copy": with_remarks["snapshot_date"].max() if len(with_remarks) else None,
            "venezuela_related": len(on_list), "tagged": tagged, "untagged": len(on_list) - tagged,
            "by_type": {kind: int(count) for kind, count in types.items()}}


def terror_individuals_since(actions: pd.DataFrame, since) -> int:
    """Individuals designated under the terrorism program (SDGT) in the sourced actions dated after
    `since` (actions whose sources give no count add nothing)."""
    chosen = actions[(actions["date"] > pd.Timestamp(since))
                     & actions["program"].fillna("").str.split(";").map(lambda tags: "SDGT" in [t.strip() for t in tags])]
    return int(pd.to_numeric(chosen["individuals"], errors="coerce").fillna(0).sum())


def program_totals(designations: pd.DataFrame) -> pd.Series:
    """Designated per program group over the actions given, largest first (ties by program name)."""
    if designations.empty:
        return pd.Series(dtype=int)
    totals = designations.groupby("program_group")["designated"].sum().astype(int)
    return totals.sort_index().sort_values(ascending=False, kind="stable")


def uncounted_actions(designations: pd.DataFrame) -> int:
    """Designation actions whose sources state no count at all (they add 0 to the totals)."""
    counts = designations[list(COUNT_COLUMNS)]
    return int(counts.isna().all(axis=1).sum())


def decimal_period(period: str, frequency: str) -> float:
    """'2024-05' -> mid-May as a decimal year; '2025-Q1' -> mid-quarter; '2024' -> mid-year."""
    if frequency == "month":
        year, month = period.split("-")
        return int(year) + (int(month) - 0.5) / 12
    if frequency == "quarter":
        year, quarter = period.split("-Q")
        return int(year) + (int(quarter) - 0.5) / 4
    return int(period) + 0.5


def period_end(period: str, frequency: str) -> pd.Timestamp:
    """The last day a period covers (for 'data to ...' and window tests)."""
    if frequency == "month":
        return pd.Period(period, "M").end_time.normalize()
    if frequency == "quarter":
        return pd.Period(period.replace("-Q", "Q"), "Q").end_time.normalize()
    return pd.Timestamp(f"{period}-12-31")


def crude_points(oil: pd.DataFrame, start, end) -> pd.DataFrame:
    """Crude figures in thousand barrels a day whose period overlaps [start, end], one row each.

    Columns: period, frequency, reporter, value, x (decimal year), period_start, period_end.
    """
    crude = oil[oil["unit"] == KBD].copy()
    crude["x"] = [decimal_period(p, f) for p, f in zip(crude["period"], crude["frequency"])]
    crude["period_end"] = [period_end(p, f) for p, f in zip(crude["period"], crude["frequency"])]
    crude["period_start"] = [pd.Timestamp(f"{p[:4]}-01-01") if f == "year" else
                             (pd.Period(p, "M").start_time if f == "month" else
                              pd.Period(p.replace("-Q", "Q"), "Q").start_time)
                             for p, f in zip(crude["period"], crude["frequency"])]
    inside = (crude["period_end"] >= pd.Timestamp(start)) & (crude["period_start"] <= pd.Timestamp(end))
    columns = ["period", "frequency", "reporter", "value", "x", "period_start", "period_end"]
    return crude.loc[inside, columns].sort_values(["reporter", "x"]).reset_index(drop=True)


def annual_by_basis(points: pd.DataFrame, reporter: str) -> pd.Series:
    """Annual averages of one basis, indexed by year (a basis is never mixed with another)."""
    chosen = points[(points["reporter"] == reporter) & (points["frequency"] == "year")]
    return chosen.set_index(chosen["period"].astype(int))["value"].astype(float).sort_index()


def platform_totals(migrants: pd.DataFrame) -> pd.DataFrame:
    """The UNHCR-IOM / R4V platform's worldwide count of Venezuelan refugees and migrants, by date."""
    chosen = migrants[(migrants["indicator"] == PLATFORM_TOTAL) & migrants["scope"].str.startswith("worldwide")]
    return chosen.sort_values("date").reset_index(drop=True)


R4V = "R4V"


def r4v_counts(migrants: pd.DataFrame) -> pd.DataFrame:
    """R4V's own worldwide counts only: the one series whose first and last are compared."""
    totals = platform_totals(migrants)
    return totals[totals["publisher_of_figure"] == R4V].reset_index(drop=True)


def agency_statements(migrants: pd.DataFrame) -> pd.DataFrame:
    """UNHCR and IOM's joint statements of the worldwide total, before R4V's counts: shown apart,
    never joined to R4V's series (a different publication, one of them a low-confidence repost)."""
    totals = platform_totals(migrants)
    return totals[totals["publisher_of_figure"] != R4V].reset_index(drop=True)


def yearly_rise(totals: pd.DataFrame, start, end) -> float | None:
    """Average rise a year (persons) between the first and last estimates dated in [start, end]."""
    inside = totals[totals["date"].between(pd.Timestamp(start), pd.Timestamp(end))]
    if len(inside) < 2:
        return None
    first, last = inside.iloc[0], inside.iloc[-1]
    years = (last["date"] - first["date"]).days / 365.25
    return float(last["persons"] - first["persons"]) / years if years > 0 else None


def named_entry(named: pd.DataFrame, key: str) -> pd.Series:
    """One row of named_entries by key (a missing key is an error naming those held)."""
    rows = named[named["key"] == key]
    if rows.empty:
        raise AnalysisError(f"no named SDN entry {key!r}; held: {sorted(named['key'])}")
    return rows.iloc[0]


# Which catalogue publisher stands behind each `reporter` of oil_production (for source lines).
OIL_PUBLISHERS = {
    ENERGY_INSTITUTE: "Energy Institute; Our World in Data",
    OPEC_OFFICIAL: "Organization of the Petroleum Exporting Countries (OPEC)",
    OPEC_INDEPENDENT: "Organization of the Petroleum Exporting Countries (OPEC)",
    "OPEC Annual Statistical Bulletin": "Organization of the Petroleum Exporting Countries (OPEC)",
    "OPEC, basis not stated": "Organization of the Petroleum Exporting Countries (OPEC)",
    BLOOMBERG_SURVEY: "Bloomberg",
}


def oil_publishers(reporters) -> set[str]:
    """The catalogue publishers of the oil rows drawn, from their `reporter` values."""
    return {OIL_PUBLISHERS[reporter] for reporter in reporters}


def programs_with_actions(designations: pd.DataFrame, programs: list[str]) -> list[str]:
    """The chosen programs that have at least one action in ``designations``, in the chosen order."""
    present = set(designations["program_group"]) if len(designations) else set()
    return [tag for tag in programs if tag in present]
