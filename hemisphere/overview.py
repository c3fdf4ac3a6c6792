"""The overview's headline findings, computed by the same package functions the chapters use.

Each finding is one sentence with its figures computed from the tables, the theme it belongs
to, and the anchor of the chapter section that shows the evidence. The chapters' own default
parameters (their declarations) fix the country, programs and dates, so the overview and the
chapters state the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hemisphere import anchors, data, params
from hemisphere.eradication import analysis as eradication
from hemisphere.northern_triangle import analysis as northern_triangle
from hemisphere.northern_triangle.countries import NORTHERN_TRIANGLE
from hemisphere.prose import day, money, moved, num, pct, pct_change
from hemisphere.terrorist_designation import fto_list, reconciliation
from hemisphere.venezuela import analysis as venezuela

THEME_CHAPTERS = {
    "eradication": "eradication_pressure",
    "northern_triangle": "northern_triangle",
    "venezuela": "venezuela_sanctions",
    "terrorist_designation": "terrorist_designation",
}
COLOMBIA = "Colombia"
HALVING_PLAN_YEARS = (2017, 2023)  # the March 2018 plan: halve cultivation from 2017 levels by 2023
AID_YEARS = (2016, 2019)  # last full year before the cuts, and the year aid was cut off
OIL_YEARS = (2015, 2024)
FINANCIAL_SANCTIONS_YEAR = 2017  # EO 13808, August 2017


@dataclass(frozen=True)
class Finding:
    theme: str
    sentence: str
    section: str  # the heading, in the theme's chapter, that shows the evidence
    values: dict
    shared: tuple[str, ...] = ()  # figures, formatted, that the chapter states too (tested)

    @property
    def anchor(self) -> str:
        return anchors.section_anchor(THEME_CHAPTERS[self.theme], self.section)

    def markdown(self) -> str:
        return f"{self.sentence} [See the evidence.](#{self.anchor})"


def colombia_coca() -> Finding:
    """Coca in Colombia against the plan to halve it, on UNODC's count."""
    area = eradication.cultivation_series(data.load("coca_cultivation"), COLOMBIA, eradication.UNODC)
    production = eradication.production_series(data.load("cocaine_production"), COLOMBIA, eradication.UNODC)
    first, last = HALVING_PLAN_YEARS
    peak_year, peak_area = eradication.peak(area)
    values = {"area_first": eradication.value_in(area, first), "area_last": eradication.value_in(area, last),
              "production_first": eradication.value_in(production, first),
              "production_last": eradication.value_in(production, last),
              "peak_year": peak_year, "peak_area": peak_area}
    area_moved = moved(values["area_first"], values["area_last"])
    output_moved = moved(values["production_first"], values["production_last"])
    sentence = (f"The 2018 US-Colombia plan was to halve coca from its {first} level by {last}; on UNODC's count "
                f"the area instead {area_moved} and potential cocaine output {output_moved}, and the crop "
                f"reached {num(peak_area)} hectares in {peak_year}.")
    return Finding("eradication", sentence, "Two ways of counting coca", values,
                   (area_moved, output_moved, num(peak_area)))


def eradication_and_regrowth() -> Finding:
    """How often coca grew in the year after a year of eradication, in Colombia."""
    area = eradication.cultivation_series(data.load("coca_cultivation"), COLOMBIA, eradication.UNODC)
    removed = eradication.eradication_series(data.load("coca_eradication"), COLOMBIA)
    paired = eradication.eradication_and_next_change(area, removed)
    grew = int((paired["cultivation_change_next_year"] > 0).sum())
    values = {"years": len(paired), "grew_next_year": grew, "total_eradicated": float(paired["eradicated"].sum())}
    sentence = (f"Colombia eradicated {num(values['total_eradicated'])} hectares of coca in the years with both "
                f"figures, yet the crop grew in the year after {num(grew)} of the {num(len(paired))}.")
    return Finding("eradication", sentence, "Eradication against cultivation", values,
                   (f"{num(grew)} of the {num(len(paired))}",))


def early_2017_apprehensions() -> Finding:
    """The early-2017 fall in southwest-border apprehensions and its reversal, as the chapter measures them."""
    monthly = northern_triangle.monthly_encounters(data.load("border_apprehensions"))
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
    return Finding("northern_triangle", sentence, "Border encounters", values,
                   (num(claimed["base_value"]), num(claimed["value"]), num(rebound["base_value"]), num(rebound["value"])))


def northern_triangle_aid() -> Finding:
    """US aid obligated to Guatemala, Honduras and El Salvador before and after the cuts."""
    obligations = northern_triangle.aid_by_year(data.load("us_aid"), list(NORTHERN_TRIANGLE))
    totals = obligations[list(NORTHERN_TRIANGLE)].sum(axis=1)
    first, last = AID_YEARS
    values = {"first": float(totals[first]), "last": float(totals[last])}
    sentence = (f"US aid obligated to Guatemala, Honduras and El Salvador went from {money(values['first'])} in "
                f"FY{first} to {money(values['last'])} in FY{last} ({pct_change(values['first'], values['last'])}), "
                f"the year the administration cut off new programmes.")
    return Finding("northern_triangle", sentence, "US assistance", values,
                   (money(values["first"]), money(values["last"])))


def venezuela_designations() -> Finding:
    """Venezuela-related designations under the chapter's default programs and dates."""
    defaults = params.declaration("venezuela_sanctions").defaults()
    chosen = venezuela.designation_actions(data.load("ofac_actions"), defaults["programs"],
                                           defaults["start_date"], defaults["end_date"])
    busiest_year, busiest_count, _ = venezuela.peak_year(chosen)
    values = {"designated": int(chosen["designated"].sum()), "actions": len(chosen),
              "busiest_year": busiest_year, "busiest_count": busiest_count}
    sentence = (f"The US designated {num(values['designated'])} Venezuela-related persons, companies, vessels and "
                f"aircraft in {num(values['actions'])} sourced actions between {defaults['start_date'][:4]} and "
                f"{defaults['end_date'][:4]}, {num(busiest_count)} of them in {busiest_year} alone.")
    return Finding("venezuela", sentence, "Designations over time", values, (num(busiest_count),))


def venezuela_oil_and_emigration() -> Finding:
    """Oil output (before and after the 2017 financial sanctions) and Venezuelans abroad."""
    oil = venezuela.energy_institute_series(data.load("oil_production"))
    first_year, last_year = OIL_YEARS
    first, sanctioned = venezuela.change_between(oil, first_year, FINANCIAL_SANCTIONS_YEAR)
    _, last = venezuela.change_between(oil, first_year, last_year)
    abroad = venezuela.diaspora_totals(data.load("migrants_refugees"))
    earliest, latest = abroad.iloc[0], abroad.iloc[-1]
    values = {"oil_first": first, "oil_sanctioned": sanctioned, "oil_last": last,
              "abroad_first": float(earliest["persons"]), "abroad_last": float(latest["persons"])}
    sentence = (f"Venezuela's oil output {moved(first, sanctioned)} from {first_year} to "
                f"{FINANCIAL_SANCTIONS_YEAR}, before the financial sanctions of that August, and "
                f"{moved(sanctioned, last)} more by {last_year}; Venezuelans living abroad went from "
                f"{num(values['abroad_first'] / 1e6, 1)} million ({earliest['date']:%Y}) to "
                f"{num(values['abroad_last'] / 1e6, 1)} million ({latest['date']:%Y}).")
    return Finding("venezuela", sentence, "Outcomes beside the measures: oil and emigration", values,
                   (f"{num(values['abroad_first'] / 1e6, 1)} million", f"{num(values['abroad_last'] / 1e6, 1)} million"))


def hemisphere_fto_count() -> Finding:
    """Western Hemisphere organizations on the FTO list before the cartel designations and now."""
    fto = data.load("fto_list")
    first_cartel_day = fto.loc[fto["kind"] == "criminal", "designation_date"].min()
    as_of = params.declaration("terrorist_designation").defaults()["as_of"]
    before = fto_list.count_on(fto, first_cartel_day - pd.Timedelta(days=1), western_hemisphere=True)
    after = fto_list.count_on(fto, as_of, western_hemisphere=True)
    criminal = fto_list.count_on(fto, as_of, western_hemisphere=True, kind="criminal")
    values = {"before": before, "after": after, "criminal": criminal, "first_cartel_day": first_cartel_day}
    sentence = (f"Western Hemisphere organizations on the State Department's terrorist list went from {num(before)} "
                f"before {day(first_cartel_day)} to {num(after)} by {day(as_of)}, {num(criminal)} of them criminal groups.")
    return Finding("terrorist_designation", sentence, "The FTO list over time", values, (num(after), num(criminal)))


def boat_strikes() -> Finding:
    """US strikes on alleged drug boats: totals from the event list."""
    strikes = data.load("boat_strikes")
    totals = reconciliation.totals(strikes)
    confirmed = reconciliation.confirmed(strikes)
    first, last = confirmed["date"].min(), confirmed["date"].max()
    values = dict(totals, first=first, last=last)
    sentence = (f"From {day(first)} to {day(last)}, {num(totals['strikes'])} US strikes on "
                f"boats alleged to carry drugs killed {num(totals['killed'])} people, by the event list's count; "
                f"{pct(totals['survivors'] / (totals['killed'] + totals['survivors']))} of those aboard are reported "
                f"to have survived.")
    return Finding("terrorist_designation", sentence, "Boat strikes", values,
                   (num(totals["strikes"]), num(totals["killed"])))


FINDINGS = (colombia_coca, eradication_and_regrowth, early_2017_apprehensions, northern_triangle_aid,
            venezuela_designations, venezuela_oil_and_emigration, hemisphere_fto_count, boat_strikes)


def findings(themes: list[str] | None = None) -> list[Finding]:
    """The headline findings, in report order, for the chosen themes."""
    computed = [make() for make in FINDINGS]
    return [f for f in computed if themes is None or f.theme in themes]


# --- the four themes at a glance --------------------------------------------------------------

GLANCE_EVENTS = ["eradication_colombia_decertification_threat_2017", "terrorist_designation_eo14157_2025"]


def _year_dates(series: pd.Series) -> pd.DatetimeIndex:
    """Annual values drawn at mid-year on a date axis."""
    return pd.to_datetime([f"{int(year)}-07-01" for year in series.index])


def _coca_panel(ax, charts) -> pd.DataFrame:
    cultivation = data.load("coca_cultivation")
    frames = []
    for estimator, colour in ((eradication.UNODC, charts.COLORS["blue"]), (eradication.ONDCP, charts.COLORS["orange"])):
        series = eradication.cultivation_series(cultivation, COLOMBIA, estimator)
        ax.plot(_year_dates(series), series.values / 1000, color=colour, marker="o", ms=2.5, label=estimator)
        frames.append(pd.DataFrame({"panel": "coca", "series": estimator, "date": _year_dates(series),
                                    "value": series.values}))
    ax.set_title("Colombian coca, thousand ha", fontsize=8.5)
    ax.legend(loc="upper left", fontsize=6.5)
    return pd.concat(frames)


def _border_panel(ax, charts) -> pd.DataFrame:
    monthly = northern_triangle.monthly_encounters(data.load("border_apprehensions"), list(NORTHERN_TRIANGLE)).dropna()
    ax.plot(monthly.index, monthly.values / 1000, color=charts.COLORS["green"], lw=1.2)
    ax.set_title("N. Triangle apprehensions, '000/month", fontsize=8.5)
    return pd.DataFrame({"panel": "border", "series": "Guatemala, Honduras, El Salvador", "date": monthly.index,
                         "value": monthly.values})


def _designations_panel(ax, charts) -> pd.DataFrame:
    defaults = params.declaration("venezuela_sanctions").defaults()
    chosen = venezuela.designation_actions(data.load("ofac_actions"), defaults["programs"],
                                           defaults["start_date"], defaults["end_date"]).sort_values("date")
    running = chosen.groupby("date")["designated"].sum().cumsum()
    ax.step(running.index, running.values, where="post", color=charts.COLORS["vermillion"], lw=1.5)
    ax.set_title("Venezuela designations, cumulative", fontsize=8.5)
    return pd.DataFrame({"panel": "venezuela", "series": "designated, cumulative", "date": running.index,
                         "value": running.values})


def _fto_panel(ax, charts) -> pd.DataFrame:
    as_of = params.declaration("terrorist_designation").defaults()["as_of"]
    counts = fto_list.counts_over_time(data.load("fto_list"), "Western Hemisphere", as_of)
    hemisphere = counts[[c for c in counts.columns if c.startswith("Western Hemisphere")]].sum(axis=1)
    # A revocation and a new designation on the same day are one change, not a dip and a rise.
    hemisphere = hemisphere.groupby(level=0).last()
    ax.step(hemisphere.index, hemisphere.values, where="post", color=charts.COLORS["purple"], lw=1.5)
    ax.set_title("Hemisphere groups on the FTO list", fontsize=8.5)
    return pd.DataFrame({"panel": "fto", "series": "Western Hemisphere organizations", "date": hemisphere.index,
                         "value": hemisphere.values})


PANELS = {"eradication": _coca_panel, "northern_triangle": _border_panel,
          "venezuela": _designations_panel, "terrorist_designation": _fto_panel}
PANEL_SOURCES = {"eradication": ["coca_cultivation"], "northern_triangle": ["border_apprehensions"],
                 "venezuela": ["ofac_actions"], "terrorist_designation": ["fto_list"]}


def draw_at_a_glance(themes: list[str]) -> pd.DataFrame:
    """One small panel per chosen theme carrying its headline series; returns the plotted data."""
    from hemisphere import charts

    chosen = [theme for theme in PANELS if theme in themes]
    columns = 2 if len(chosen) > 1 else 1
    rows = (len(chosen) + columns - 1) // columns
    pieces = []
    if "eradication" in chosen:
        coca = colombia_coca().values
        pieces.append(f"Colombian coca {moved(coca['area_first'], coca['area_last'])} under a plan to halve it")
    if "venezuela" in chosen:
        pieces.append(f"Venezuela designations reached {num(venezuela_designations().values['designated'])}")
    if "terrorist_designation" in chosen:
        listed = hemisphere_fto_count().values
        pieces.append(f"hemisphere FTO groups went from {num(listed['before'])} to {num(listed['after'])}")
    title = "; ".join(pieces) if pieces else "The themes at a glance"
    chart = charts.Chart(
        theme="overview", name="at_a_glance", title=title[0].upper() + title[1:],
        subtitle="One headline series per theme, 2001 to the latest figure (units in each panel's title)",
        alt=("Small multiples, one per theme: " + "; ".join(
            {"eradication": "Colombia's coca area by UNODC and the US government",
             "northern_triangle": "monthly border apprehensions of Guatemalans, Hondurans and Salvadorans",
             "venezuela": "cumulative Venezuela-related designations",
             "terrorist_designation": "Western Hemisphere organizations on the FTO list"}[t] for t in chosen) + "."),
        time_axis="date", nrows=rows, ncols=columns, height=2.3 * rows, sharex=True,
    )
    axes = [chart.axes] if len(chosen) == 1 else list(pd.Series(list(chart.axes.ravel())))
    plotted = []
    for ax, theme in zip(axes, chosen):
        plotted.append(PANELS[theme](ax, charts))
        ax.set_xlim(pd.Timestamp("2001-01-01"), pd.Timestamp("2026-12-31"))
        ax.set_ylim(0, None)
    for ax in axes[len(chosen):]:
        ax.set_visible(False)
    chart.mark_events(GLANCE_EVENTS)
    table = pd.concat(plotted, ignore_index=True)
    chart.show(sources=[s for t in chosen for s in PANEL_SOURCES[t]], data=table)
    return table
