"""The overview's headline findings, computed by the same package functions the chapters use.

Each finding is one sentence with its figures computed from the tables, the theme it belongs
to, and the anchor of the chapter section that shows the evidence. Each finding uses the
parameters the report runs that chapter with (`params.section_parameters`: report.yaml and any
`-p` override), so the overview and the chapters state the same numbers about the same
countries, programmes and dates. Where a headline rests on a fixed comparison (the 2018 plan to
halve Colombia's coca, the FY2016-FY2019 aid cut to the Northern Triangle, the early-2017
fall in crossings) and the chapter's parameters leave it out, the finding states the same
measure for what the chapter does show.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hemisphere import anchors, data, params
from hemisphere import themes as registry
from hemisphere.eradication import analysis as eradication
from hemisphere.eradication import narrative as eradication_narrative
from hemisphere.northern_triangle import analysis as northern_triangle
from hemisphere.northern_triangle.countries import NORTHERN_TRIANGLE
from hemisphere.prose import day, listing, money, moved, num, pct, pct_change
from hemisphere.terrorist_designation import fto_list, reconciliation
from hemisphere.venezuela import analysis as venezuela

COLOMBIA = "Colombia"
# The March 2018 plan: halve cultivation from its 2017 level by 2023 (one definition, in the chapter's package).
HALVING_PLAN_YEARS = (eradication_narrative.HALVING_PLAN_BASE, eradication_narrative.HALVING_PLAN_TARGET)
OIL_YEARS = (2015, 2024)
FINANCIAL_SANCTIONS_YEAR = 2017  # EO 13808, August 2017
EARLY_2017_YEARS = (2016, 2017)  # the months the administration's statement compared


def __getattr__(name: str):
    """`overview.THEME_CHAPTERS` (theme id -> chapter notebook), read from the theme registry."""
    if name == "THEME_CHAPTERS":
        return registry.notebooks()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def chapter_parameters(theme: str) -> dict:
    """The parameters the report runs a theme's chapter with (-p overrides included)."""
    return params.section_parameters(registry.get(theme).notebook)


@dataclass(frozen=True)
class Finding:
    theme: str
    sentence: str
    section: str  # the heading, in the theme's chapter, that shows the evidence
    values: dict
    shared: tuple[str, ...] = ()  # figures, formatted, that the chapter states too (tested)

    @property
    def anchor(self) -> str:
        return anchors.section_anchor(registry.get(self.theme).notebook, self.section)

    def markdown(self) -> str:
        return f"{self.sentence} [See the evidence.](#{self.anchor})"


def _in_years(series: pd.Series, first: int, last: int) -> pd.Series:
    return series[(series.index >= first) & (series.index <= last)].dropna()


def colombia_coca() -> Finding:
    """Coca in the chapter's country on UNODC's count; for Colombia, against the plan to halve it."""
    chosen = chapter_parameters("eradication")
    country, start, end = chosen["country"], chosen["start_year"], chosen["end_year"]
    area = _in_years(eradication.cultivation_series(data.load("coca_cultivation"), country, eradication.UNODC), start, end)
    production = _in_years(eradication.production_series(data.load("cocaine_production"), country, eradication.UNODC),
                           start, end)
    first, last = HALVING_PLAN_YEARS
    section = "Two ways of counting coca"
    if area.empty:
        return Finding("eradication", f"UNODC publishes no coca figure for {country} between {start} and {end}.",
                       section, {"country": country})
    peak_year, peak_area = eradication.peak(area)
    plan = country == COLOMBIA and first in area.index and last in area.index and first in production.index \
        and last in production.index
    if plan:
        values = {"country": country, "area_first": eradication.value_in(area, first),
                  "area_last": eradication.value_in(area, last),
                  "production_first": eradication.value_in(production, first),
                  "production_last": eradication.value_in(production, last),
                  "peak_year": peak_year, "peak_area": peak_area, "plan": True}
        area_moved = moved(values["area_first"], values["area_last"])
        output_moved = moved(values["production_first"], values["production_last"])
        # Each estimator's own direction first (they disagreed in the first term), then UNODC's over the plan.
        values["directions"] = eradication_narrative.halving_plan_headline(data.load("coca_cultivation"), country)
        sentence = (f"{values['directions']}. The 2018 US-Colombia plan was to halve coca from its {first} level by "
                    f"{last}; on UNODC's count the area instead {area_moved} over those years and potential cocaine "
                    f"output {output_moved}, and the crop reached {num(peak_area)} hectares in {peak_year}.")
        return Finding("eradication", sentence, section, values, (area_moved, output_moved, num(peak_area)))
    first_year, last_year = int(area.index.min()), int(area.index.max())
    values = {"country": country, "area_first": float(area.iloc[0]), "area_last": float(area.iloc[-1]),
              "first_year": first_year, "last_year": last_year, "peak_year": peak_year, "peak_area": peak_area,
              "plan": False}
    if first_year == last_year:
        sentence = f"On UNODC's count, {country} grew {num(peak_area)} hectares of coca in {peak_year}."
    else:
        sentence = (f"On UNODC's count, coca in {country} {moved(values['area_first'], values['area_last'])} from "
                    f"{first_year} to {last_year}, and was largest in {peak_year}, at {num(peak_area)} hectares.")
    return Finding("eradication", sentence, section, values, (num(peak_area),))


def eradication_and_regrowth() -> Finding:
    """How often coca grew in the year after a year of eradication, in the chapter's country and period."""
    chosen = chapter_parameters("eradication")
    country, start, end = chosen["country"], chosen["start_year"], chosen["end_year"]
    area = eradication.cultivation_series(data.load("coca_cultivation"), country, eradication.UNODC)
    removed = eradication.eradication_series(data.load("coca_eradication"), country)
    paired = eradication.eradication_and_next_change(area, removed)
    paired = paired[(paired.index >= start) & (paired.index <= end)]
    grew = int((paired["cultivation_change_next_year"] > 0).sum())
    values = {"country": country, "years": len(paired), "grew_next_year": grew,
              "total_eradicated": float(paired["eradicated"].sum())}
    section = "Eradication against cultivation"
    if paired.empty:
        return Finding("eradication", f"No year from {start} to {end} has both {country}'s eradication figure and "
                       "UNODC's coca count for the year after.", section, values)
    years = "the one year" if len(paired) == 1 else f"the {num(len(paired))}"
    sentence = (f"{country} eradicated {num(values['total_eradicated'])} hectares of coca in the years with both "
                f"figures, yet the crop grew in the year after {num(grew)} of {years}.")
    return Finding("eradication", sentence, section, values, (f"{num(grew)} of {years}",))


def early_2017_apprehensions() -> Finding:
    """The early-2017 fall in southwest-border apprehensions and its reversal, as the chapter measures them."""
    chosen = chapter_parameters("northern_triangle")
    start, end = chosen["start_year"], chosen["end_year"]
    monthly = northern_triangle.monthly_encounters(data.load("border_apprehensions"))
    section = "Border encounters"
    if start > EARLY_2017_YEARS[0] or end < EARLY_2017_YEARS[1]:
        shown = monthly[(monthly.index.year >= start) & (monthly.index.year <= end)].dropna()
        if shown.empty:
            return Finding("northern_triangle", f"The border tables hold no monthly apprehension figure from {start} "
                           f"to {end}.", section, {})
        low, high = shown.idxmin(), shown.idxmax()
        values = {"low": float(shown[low]), "low_month": low, "high": float(shown[high]), "high_month": high}
        sentence = (f"Border Patrol apprehensions at the southwest border ranged from {num(values['low'])} a month "
                    f"({low:%B %Y}) to {num(values['high'])} ({high:%B %Y}) between {start} and {end}.")
        return Finding("northern_triangle", sentence, section, values, (num(values["low"]), num(values["high"])))
    comparisons = northern_triangle.early_2017_comparisons(monthly)
    claimed, rebound = comparisons.loc["statement"], comparisons.loc["rebound"]
    values = {"change": claimed["change"], "base": claimed["base_value"], "month": claimed["value"],
              "low": rebound["base_value"], "low_month": rebound["base_month"], "year_end": rebound["value"]}
    sentence = (f"Border Patrol apprehensions at the southwest border fell from {num(claimed['base_value'])} in "
                f"{claimed['base_month']:%B %Y} to {num(claimed['value'])} in {claimed['month']:%B %Y} "
                f"({pct_change(claimed['base_value'], claimed['value'])}), as the administration said; from the "
                f"year's low of {num(rebound['base_value'])} in {rebound['base_month']:%B} they climbed back to "
                f"{num(rebound['value'])} by {rebound['month']:%B %Y} "
                f"({pct_change(rebound['base_value'], rebound['value'])}).")
    return Finding("northern_triangle", sentence, section, values,
                   (num(claimed["base_value"]), num(claimed["value"]), num(rebound["base_value"]), num(rebound["value"])))


def northern_triangle_aid() -> Finding:
    """US aid obligated to the chapter's countries; for the Northern Triangle, before and after the cuts."""
    chosen = chapter_parameters("northern_triangle")
    countries, start, end = list(chosen["countries"]), chosen["start_year"], chosen["end_year"]
    aid = data.load("us_aid")
    obligations = northern_triangle.aid_by_year(aid[~aid["partial_year"].astype(bool)], countries)  # whole years only
    present = [c for c in countries if c in obligations.columns]
    totals = obligations[present].sum(axis=1, min_count=1).dropna() if present else pd.Series(dtype=float)
    totals = totals[(totals.index >= start) & (totals.index <= end)]
    section = "US assistance"
    named = listing(countries)
    (before_first, before_last), (_, after_last) = (northern_triangle.OBLIGATIONS_CUT_YEARS["before"],
                                                              northern_triangle.OBLIGATIONS_CUT_YEARS["after"])
    if set(countries) == set(NORTHERN_TRIANGLE) and start <= before_first and end >= after_last:
        # The chapter's one measure of the fall (mean obligations, first-term budgets against the three before).
        cut = northern_triangle.obligations_cut(aid, countries)
        values = {"first": cut["before"], "last": cut["after"], "change": cut["change"], "countries": countries}
        sentence = (f"Mean yearly US aid obligated to Guatemala, Honduras and El Salvador fell from "
                    f"{money(cut['before'])} over FY{before_first}-FY{before_last} to {money(cut['after'])} over "
                    f"{northern_triangle.obligations_cut_years_text()} ({pct(abs(cut['change']))} lower); "
                    "in 2019 the administration cut off new programmes.")
        return Finding("northern_triangle", sentence, section, values, (money(cut["before"]), money(cut["after"])))
    if totals.empty:
        return Finding("northern_triangle", f"The aid table records no US obligation to {named} from FY{start} to "
                       f"FY{end}.", section, {"countries": countries})
    first_year, last_year = int(totals.index.min()), int(totals.index.max())
    values = {"first": float(totals[first_year]), "last": float(totals[last_year]), "countries": countries,
              "first_year": first_year, "last_year": last_year}
    if first_year == last_year:
        sentence = f"US aid obligated to {named} was {money(values['first'])} in FY{first_year}."
    else:
        sentence = (f"US aid obligated to {named} went from {money(values['first'])} in FY{first_year} to "
                    f"{money(values['last'])} in FY{last_year} ({pct_change(values['first'], values['last'])}).")
    return Finding("northern_triangle", sentence, section, values, (money(values["first"]), money(values["last"])))


def _venezuela_designations_chosen() -> tuple[dict, pd.DataFrame]:
    chosen = chapter_parameters("venezuela")
    actions = venezuela.designation_actions(data.load("ofac_actions"), chosen["programs"],
                                            chosen["start_date"], chosen["end_date"])
    return chosen, actions


def venezuela_designations() -> Finding:
    """The SDN list's own count of Venezuela-related entries on the chapter's copy, then the sourced actions.

    The action list is a sample read from press releases, so the headline leads with the list's
    count and names the actions for what they are (issue: '283 designations' read as a total).
    """
    from hemisphere.venezuela import narrative as venezuela_narrative

    chosen, actions = _venezuela_designations_chosen()
    count = venezuela.sdn_count(data.load("sdn_entries"), data.load("sdn_snapshots"), chosen["snapshot"])
    values = {"listed": count["venezuela_related"], "snapshot": count["snapshot"],
              "designated": int(actions["designated"].sum()) if len(actions) else 0, "actions": len(actions)}
    sentence = venezuela_narrative.overview_finding(chosen)
    return Finding("venezuela", sentence, "What the SDN list holds", values, (num(count["venezuela_related"]),))


def venezuela_oil_and_emigration() -> Finding:
    """Oil output (before and after the 2017 financial sanctions) and Venezuelans abroad."""
    oil = venezuela.energy_institute_series(data.load("oil_production"))
    first_year, last_year = OIL_YEARS
    first, sanctioned = venezuela.change_between(oil, first_year, FINANCIAL_SANCTIONS_YEAR)
    _, last = venezuela.change_between(oil, first_year, last_year)
    # One series only: R4V's first and last worldwide counts (UNHCR and IOM's earlier statements,
    # one of them a low-confidence repost, are a different publication and are not spliced on).
    abroad = venezuela.r4v_counts(data.load("migrants_refugees"))
    earliest, latest = abroad.iloc[0], abroad.iloc[-1]
    values = {"oil_first": first, "oil_sanctioned": sanctioned, "oil_last": last,
              "abroad_first": float(earliest["persons"]), "abroad_last": float(latest["persons"])}
    sentence = (f"Venezuela's oil output (Energy Institute) {moved(first, sanctioned)} from {first_year} to "
                f"{FINANCIAL_SANCTIONS_YEAR}, before the financial sanctions of that August, and "
                f"{moved(sanctioned, last)} more by {last_year}; the R4V platform counted "
                f"{num(values['abroad_first'] / 1e6, 1)} million Venezuelan refugees and migrants abroad in "
                f"{earliest['date']:%B %Y} and {num(values['abroad_last'] / 1e6, 1)} million in "
                f"{latest['date']:%B %Y}.")
    return Finding("venezuela", sentence, "Outcomes beside the measures: oil and emigration", values,
                   (f"{num(values['abroad_first'] / 1e6, 1)} million", f"{num(values['abroad_last'] / 1e6, 1)} million"))


def hemisphere_fto_count() -> Finding:
    """Western Hemisphere organizations on the FTO list before the cartel designations and at the chapter's date."""
    fto = data.load("fto_list")
    first_cartel_day = fto.loc[fto["kind"] == "criminal", "designation_date"].min()
    as_of = pd.Timestamp(chapter_parameters("terrorist_designation")["as_of"])
    after = fto_list.count_on(fto, as_of, western_hemisphere=True)
    criminal = fto_list.count_on(fto, as_of, western_hemisphere=True, kind="criminal")
    section = "The FTO list over time"
    if as_of < first_cartel_day:
        values = {"after": after, "criminal": criminal, "as_of": as_of}
        sentence = (f"On {day(as_of)}, {num(after)} Western Hemisphere "
                    f"{'organization was' if after == 1 else 'organizations were'} on the State Department's "
                    "terrorist list, none of them a criminal group.")
        return Finding("terrorist_designation", sentence, section, values, (num(after),))
    before = fto_list.count_on(fto, first_cartel_day - pd.Timedelta(days=1), western_hemisphere=True)
    values = {"before": before, "after": after, "criminal": criminal, "first_cartel_day": first_cartel_day,
              "as_of": as_of}
    sentence = (f"Western Hemisphere organizations on the State Department's terrorist list went from {num(before)} "
                f"before {day(first_cartel_day)} to {num(after)} by {day(as_of)}, {num(criminal)} of them criminal groups.")
    return Finding("terrorist_designation", sentence, section, values, (num(after), num(criminal)))


def boat_strikes() -> Finding:
    """US strikes on alleged drug boats in the chapter's seas, to its date: totals from the event list."""
    chosen = chapter_parameters("terrorist_designation")
    seas, as_of = list(chosen["seas"]), chosen["as_of"]
    strikes = data.load("boat_strikes")
    every_sea = sorted(strikes["sea"].dropna().unique()) == sorted(seas) or set(strikes["sea"].dropna()) <= set(seas)
    where = "" if every_sea else f" ({'sea not stated' if seas == ['Unknown'] else 'seas: ' + listing(seas)})"
    confirmed = reconciliation.confirmed(strikes, seas, as_of)
    section = "Boat strikes"
    if confirmed.empty:
        return Finding("terrorist_designation", f"The event list records no US strike on a boat alleged to carry "
                       f"drugs{where} by {day(as_of)}.", section, {"strikes": 0})
    totals = reconciliation.totals(strikes, seas, as_of)
    first, last = confirmed["date"].min(), confirmed["date"].max()
    values = dict(totals, first=first, last=last)
    aboard = totals["killed"] + totals["survivors"]
    strikes_text = "one US strike" if totals["strikes"] == 1 else f"{num(totals['strikes'])} US strikes"
    span = f"On {day(first)}" if first == last else f"From {day(first)} to {day(last)}"
    survived = (f"; {pct(totals['survivors'] / aboard)} of those aboard are reported to have survived"
                if aboard else "")
    sentence = (f"{span}, {strikes_text} on boats alleged to carry drugs{where} killed "
                f"{num(totals['killed'])} {'person' if totals['killed'] == 1 else 'people'}, by the event list's "
                f"count{survived}.")
    return Finding("terrorist_designation", sentence, section, values,
                   (num(totals["strikes"]), num(totals["killed"])))


FINDINGS = (colombia_coca, eradication_and_regrowth, early_2017_apprehensions, northern_triangle_aid,
            venezuela_designations, venezuela_oil_and_emigration, hemisphere_fto_count, boat_strikes)


def findings(themes: list[str] | None = None) -> list[Finding]:
    """The headline findings, in report order, for the chosen themes."""
    order = registry.ids()
    computed = [make() for make in FINDINGS if themes is None or _theme_of(make) in themes]
    return sorted(computed, key=lambda finding: order.index(finding.theme))


def _theme_of(make) -> str:
    """The theme a finding function belongs to, without computing it."""
    return FINDING_THEMES[make.__name__]


FINDING_THEMES = {"colombia_coca": "eradication", "eradication_and_regrowth": "eradication",
                  "early_2017_apprehensions": "northern_triangle", "northern_triangle_aid": "northern_triangle",
                  "venezuela_designations": "venezuela", "venezuela_oil_and_emigration": "venezuela",
                  "hemisphere_fto_count": "terrorist_designation", "boat_strikes": "terrorist_designation"}


# --- the four themes at a glance --------------------------------------------------------------

GLANCE_START = pd.Timestamp("2001-01-01")  # the first year of the oldest headline series (UNODC's coca)
GLANCE_EVENTS = ["eradication_colombia_decertification_threat_2017", "terrorist_designation_eo14157_2025"]


def _year_dates(series: pd.Series) -> pd.DatetimeIndex:
    """Annual values drawn at mid-year on a date axis."""
    return pd.to_datetime([f"{int(year)}-07-01" for year in series.index])


PANEL_COLUMNS = ["panel", "series", "date", "value"]


def _no_data(ax, text: str) -> None:
    """A panel whose selection has no data says so in words, not as an empty frame."""
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", fontsize=7.5, color="#555555")


def _coca_panel(ax, charts) -> pd.DataFrame:
    cultivation = data.load("coca_cultivation")
    country = chapter_parameters("eradication")["country"]
    frames = []
    for estimator, colour in ((eradication.UNODC, charts.COLORS["blue"]), (eradication.ONDCP, charts.COLORS["orange"])):
        series = eradication.cultivation_series(cultivation, country, estimator).dropna()
        if series.empty:
            continue
        ax.plot(_year_dates(series), series.values / 1000, color=colour, marker="o", ms=2.5, label=estimator)
        # Each year's publisher rides along, so the source line credits only the publishers drawn.
        rows = cultivation[(cultivation["country"] == country) & (cultivation["estimator"] == estimator)]
        publisher = rows.groupby("year")["publisher"].first()
        frames.append(pd.DataFrame({"panel": "coca", "series": estimator, "date": _year_dates(series),
                                    "value": series.values, "estimator": estimator,
                                    "publisher": [publisher.get(int(year), "") for year in series.index]}))
    ax.set_title(f"Coca in {country}, thousand ha", fontsize=GLANCE_TITLE_SIZE)
    if not frames:
        _no_data(ax, f"No coca estimate for {country}")
        return pd.DataFrame(columns=PANEL_COLUMNS)
    ax.legend(loc="upper left", fontsize=GLANCE_TEXT_SIZE)
    return pd.concat(frames)


def _border_panel(ax, charts) -> pd.DataFrame:
    countries = list(chapter_parameters("northern_triangle")["countries"])
    monthly = northern_triangle.monthly_encounters(data.load("border_apprehensions"), countries).dropna()
    ax.plot(monthly.index, monthly.values / 1000, color=registry.get("northern_triangle").hex, lw=1.2)
    who = "N. Triangle" if set(countries) == set(NORTHERN_TRIANGLE) else ", ".join(countries)
    ax.set_title(f"{who} apprehensions, '000/month", fontsize=GLANCE_TITLE_SIZE)
    if monthly.empty:
        _no_data(ax, "No monthly apprehension figure by citizenship")
    return pd.DataFrame({"panel": "border", "series": listing(countries), "date": monthly.index,
                         "value": monthly.values})


def _designations_panel(ax, charts) -> pd.DataFrame:
    _, chosen = _venezuela_designations_chosen()
    chosen = chosen.sort_values("date")
    running = chosen.groupby("date")["designated"].sum().cumsum()
    ax.step(running.index, running.values, where="post", color=registry.get("venezuela").hex, lw=1.5)
    ax.set_title("Sourced OFAC designations, cumulative", fontsize=GLANCE_TITLE_SIZE)
    return pd.DataFrame({"panel": "venezuela", "series": "designated, cumulative", "date": running.index,
                         "value": running.values})


def _fto_panel(ax, charts) -> pd.DataFrame:
    as_of = chapter_parameters("terrorist_designation")["as_of"]
    counts = fto_list.counts_over_time(data.load("fto_list"), "Western Hemisphere", as_of)
    hemisphere = counts[[c for c in counts.columns if c.startswith("Western Hemisphere")]].sum(axis=1)
    # A revocation and a new designation on the same day are one change, not a dip and a rise.
    hemisphere = hemisphere.groupby(level=0).last()
    ax.step(hemisphere.index, hemisphere.values, where="post", color=registry.get("terrorist_designation").hex, lw=1.5)
    ax.set_title("Hemisphere groups on the FTO list", fontsize=GLANCE_TITLE_SIZE)
    return pd.DataFrame({"panel": "fto", "series": "Western Hemisphere organizations", "date": hemisphere.index,
                         "value": hemisphere.values})


# The glance panels print at the page's full width, one a row, each with its own year axis, and
# their text larger than a chapter chart's, so each panel reads on its own on paper and on a phone.
GLANCE_COLUMNS = 1
GLANCE_PANEL_HEIGHT = 1.75  # inches per row
GLANCE_TITLE_SIZE = 10
GLANCE_TEXT_SIZE = 8.5

PANELS = {"eradication": _coca_panel, "northern_triangle": _border_panel,
          "venezuela": _designations_panel, "terrorist_designation": _fto_panel}
PANEL_SOURCES = {"eradication": ["coca_cultivation"], "northern_triangle": ["border_apprehensions"],
                 "venezuela": ["ofac_actions"], "terrorist_designation": ["fto_list"]}


def glance_intro(themes: list[str]) -> str:
    """The sentence before the panels, naming what each chosen theme's panel draws."""
    parts = {
        "eradication": lambda: f"{chapter_parameters('eradication')['country']}'s coca crop as UNODC and the US "
                               "government measure it",
        "northern_triangle": lambda: "Border Patrol apprehensions of people from "
                                     + ("the Northern Triangle" if set(chapter_parameters("northern_triangle")["countries"])
                                        == set(NORTHERN_TRIANGLE) else listing(chapter_parameters("northern_triangle")["countries"])),
        "venezuela": lambda: "the designations stated in the sourced OFAC actions, cumulated",
        "terrorist_designation": lambda: "the Western Hemisphere organisations on the State Department's list of "
                                         "foreign terrorist organisations",
    }
    chosen = [parts[theme]() for theme in parts if theme in themes]
    return f"One headline series per theme: {listing(chosen)}." if chosen else "No theme is chosen."


def draw_at_a_glance(themes: list[str]) -> pd.DataFrame:
    """One small panel per chosen theme carrying its headline series; returns the plotted data."""
    from hemisphere import charts

    chosen = [theme for theme in PANELS if theme in themes]
    columns = min(GLANCE_COLUMNS, max(1, len(chosen)))
    rows = max(1, (len(chosen) + columns - 1) // columns)
    pieces = []
    if "eradication" in chosen:
        coca = colombia_coca().values
        span = eradication_narrative.halving_plan_span(data.load("coca_cultivation"), coca["country"]) \
            if coca.get("plan") else None
        if span:
            # 'UNODC's fell 17% and the US government's rose 17%': both estimators, never one alone.
            pieces.append(f"{coca['country']}'s coca over {span[0]}-{span[1]}: {span[2]}")
        elif "area_first" in coca:
            pieces.append(f"coca in {coca['country']} {moved(coca['area_first'], coca['area_last'])}")
    if "venezuela" in chosen:
        # The panel draws the sourced actions' designations, so the title states that count (the
        # SDN list's own count leads the key findings above).
        pieces.append(f"the sourced OFAC actions designated {num(venezuela_designations().values['designated'])}")
    if "terrorist_designation" in chosen:
        listed = hemisphere_fto_count().values
        if "before" in listed:
            pieces.append(f"hemisphere FTO groups went from {num(listed['before'])} to {num(listed['after'])}")
        else:
            pieces.append(f"{num(listed['after'])} hemisphere groups were on the FTO list")
    title = "; ".join(pieces) if pieces else "The themes at a glance"
    chart = charts.Chart(
        theme="overview", name="at_a_glance", title=title[0].upper() + title[1:],
        subtitle=f"One headline series per theme, {GLANCE_START.year} to the latest figure (units in each panel's title)",
        alt=("Small multiples, one per theme: " + "; ".join(
            {"eradication": f"coca area in {chapter_parameters('eradication')['country']} by UNODC and the US government",
             "northern_triangle": "monthly border apprehensions of citizens of "
                                  + listing(chapter_parameters("northern_triangle")["countries"]),
             "venezuela": "cumulative designations stated in the sourced OFAC actions",
             "terrorist_designation": "Western Hemisphere organizations on the FTO list"}[t] for t in chosen) + "."),
        time_axis="date", nrows=rows, ncols=columns, height=GLANCE_PANEL_HEIGHT * rows, sharex=True,
    )
    axes = [chart.axes] if rows * columns == 1 else list(pd.Series(list(chart.axes.ravel())))
    from hemisphere import currency

    edition_year_end = pd.Timestamp(currency.edition_date().year, 12, 31)  # the axis runs to the edition's year
    plotted = []
    for ax, theme in zip(axes, chosen):
        plotted.append(PANELS[theme](ax, charts))
        ax.set_xlim(GLANCE_START, edition_year_end)
        ax.set_ylim(0, None)
        ax.tick_params(labelsize=GLANCE_TEXT_SIZE, labelbottom=True)
    for ax in axes[len(chosen):]:
        ax.set_visible(False)
    # Only the events of the themes drawn (an event id starts with its theme's id).
    marked = [event for event in GLANCE_EVENTS if any(event.startswith(theme + "_") for theme in chosen)]
    if marked:
        chart.mark_events(marked)
    table = pd.concat(plotted, ignore_index=True)
    chart.show(sources=[s for t in chosen for s in PANEL_SOURCES[t]], data=table)
    return table


# The stale-series table describes tables, not the publishers' figures: its source is the catalogue
# (each series' publishers are listed with it in the appendix), not a list of every publisher.
STALE_TABLE_SOURCE = ("Source: the report's data catalogue: each series' newest figure read from its table, its note "
                      "from the catalogue (publishers and addresses of every series in the appendix)")


def stale_for_readers(stale: pd.DataFrame) -> pd.DataFrame:
    """The stale-series table with each series by its title alone (the table ids are for the appendix)."""
    column = "Series (table)"
    if column not in stale.columns:
        return stale
    from hemisphere.claims import reader_text

    titles = stale[column].astype(str).str.replace(r"\s*\([a-z][a-z0-9_]*\)$", "", regex=True)
    readable = stale.drop(columns=[column]).assign(Series=titles)
    if "Why it stops there" in readable.columns:  # catalogue notes name other tables by id: give their titles
        readable["Why it stops there"] = readable["Why it stops there"].map(reader_text)
    return readable[["Series"] + [c for c in stale.columns if c != column]]


def events_by_theme(drawn: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """The register's events in the timeline, one table per theme lane: (theme id, caption, table).

    Why: one table of every event ran over five pages with the theme repeated on each row; by
    lane, each table is a short read with the date, country and event, and every fact is kept.
    """
    from hemisphere import timeline
    from hemisphere.prose import day, plural

    tables = []
    for theme, lane in timeline.LANES.items():
        rows = drawn[drawn["theme"] == theme].sort_values("date")
        if rows.empty:
            continue
        table = pd.DataFrame({"Date": [day(moment) for moment in rows["date"]],
                              "Country": rows["country"].fillna("").astype(str).to_numpy(),
                              "Event": rows["label"].astype(str).to_numpy()})
        tables.append((theme, f"{lane}: {plural(len(table), 'event')} in the register, by date", table))
    return tables
