"""Claims checked: each claim in data/claims.csv tested against the report's tables.

Every claim has exactly one evaluator, registered by its claim_id. An evaluator computes the
measured figures from the tables through the theme packages' own analysis functions, writes a
one-sentence finding with the prose formatters, and applies a verdict rule whose thresholds are
module constants below, so a verdict changes only when the data (or a stated rule) change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from hemisphere import anchors, catalogue, data, events
from hemisphere import themes as registry
from hemisphere.eradication import analysis as eradication
from hemisphere.northern_triangle import analysis as northern_triangle
from hemisphere.northern_triangle.countries import NORTHERN_TRIANGLE
from hemisphere.prose import day, listing, money, num, pct, pct_change, plural
from hemisphere.terrorist_designation import designations as td_designations
from hemisphere.terrorist_designation import fto_list, reconciliation, violence
from hemisphere.venezuela import analysis as venezuela

SUPPORTED, CONTRADICTED, MIXED, NOT_TESTABLE = "supported", "contradicted", "mixed", "not testable with these data"
VERDICTS = (SUPPORTED, CONTRADICTED, MIXED, NOT_TESTABLE)
# THEMES and THEME_NOTEBOOKS come from the theme registry (hemisphere.themes), see __getattr__ below.


def __getattr__(name: str):
    """`claims.THEMES` (ids in report order) and `claims.THEME_NOTEBOOKS`, read from the theme registry."""
    from hemisphere import themes

    if name == "THEMES":
        return tuple(themes.ids())
    if name == "THEME_NOTEBOOKS":
        return themes.notebooks()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# --- verdict thresholds (each is quoted in the test column of data/claims.csv) ----------------
RECORD_WINDOW_YEARS = 1          # a record counts if set in the claim year or this many years before
KEEP_PACE_SHARE = 0.5            # share of eradication years after which cultivation still grew
SIGNIFICANCE = 0.05              # permutation p-value below which a link counts as significant
FIGURE_POINTS = 0.05             # a claimed percentage fall holds within 5 percentage points
CUT_SHARE = 0.10                 # a fall of more than 10 percent counts as a cut
FLAT_BAND = 0.05                 # a homicide-rate change within 5 percent counts as flat
PRESSURE_MULTIPLE = 2.0          # designations at least double the earlier yearly average
HOLD_YEARS = 4                   # one US presidential term in office after being sanctioned
REBOUND_FLOOR = 0.5              # encounters below half the pre-administration year contradict
FIGURE_SHARE = 0.10              # a claimed count holds within 10 percent of official counts
PRE_PANDEMIC_YEAR = 2019         # last year before COVID-19 confounded migration and violence
SECOND_TERM_FIRST_MONTH = "2025-02-01"  # first full month of the second Trump term
# A strike announcement ties the strike to the designations if it names a designated group or
# calls its target a "designated terrorist organization" (classes from terrorist_designation.designations).
DESIGNATION_TIES = (td_designations.NAMED_GROUP, td_designations.GENERIC)

VENEZUELA_PROGRAMS = ["VENEZUELA", "VENEZUELA-EO13850", "VENEZUELA-EO13884", "SDNTK"]
MADURO_DESIGNATED = "venezuela_maduro_designated_2017"
MADURO_REMOVED = "venezuela_maduro_captured_2026"
# Tables that would measure organised crime inside Venezuela; none exists in the catalogue yet.
VENEZUELA_CRIME_TABLES = ("venezuela_organized_crime", "venezuela_drug_flows")
# How each official Mexican homicide count is described in a finding.
OFFICIAL_COUNTS = {"homicide_victims": "victims in {counter} case files", "homicides": "deaths registered by {counter}"}


class ClaimError(ValueError):
    """A claim has no evaluator, an unknown theme, or an evaluator broke the contract."""


@dataclass(frozen=True)
class Evidence:
    """Where the reader sees the data behind a verdict: chapter, section and tables."""

    notebook: str
    chapter: str
    section: str
    tables: tuple[str, ...]
    # Parameters the report runs the chapter with that differ from its defaults, as "name = value":
    # claims are tested on fixed data, so the linked section may then show other figures.
    differs: tuple[str, ...] = ()

    def caveat(self) -> str:
        if not self.differs:
            return ""
        return (f"; in this edition that chapter runs with {', '.join(self.differs)}, so the section shows a "
                "different selection from the one this claim is tested on")

    def data_titles(self) -> str:
        """The tables behind the verdict by their catalogue titles (readers never see table ids)."""
        return "; ".join(_table_title(name) for name in self.tables)

    def text(self) -> str:
        """'Chapter › Section', the chapter by the short name before its colon (the data are named with each claim)."""
        return f"{self.chapter.split(':')[0]} › {self.section}"

    @property
    def anchor(self) -> str:
        """The section's anchor in the assembled report."""
        return anchors.section_anchor(self.notebook, self.section)

    def markdown(self) -> str:
        """The evidence as a Markdown link to its section in the report."""
        return (f"[{self.chapter.split(':')[0]} › {self.section}](#{self.anchor}) "
                f"(data: {self.data_titles()}{self.caveat()})")


def reader_text(text: str) -> str:
    """Claim-ledger prose for readers: each table id it names (`us_aid`) replaced by the table's catalogue title."""
    import re

    names = {block["name"]: block.get("title") for block in catalogue.resources()}

    def title(match):
        found = names.get(match.group(0))
        return found if found else match.group(0)

    return re.sub(r"(?<![\w/.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/])", title, str(text))


def _table_title(name: str) -> str:
    """A table's title from the catalogue, for readers; its name when the catalogue gives none."""
    try:
        return str(catalogue.resource(name).get("title") or name)
    except catalogue.CatalogueError:
        return name


@dataclass(frozen=True)
class Result:
    """One evaluated claim: what was measured, the finding, the verdict and the rule behind it."""

    claim_id: str
    measured: dict
    headline: str
    finding: str
    verdict: str
    evidence: Evidence


Evaluator = Callable[[pd.Series], tuple[dict, str, str, str]]
EVALUATORS: dict[str, Evaluator] = {}


def evaluates(claim_id: str) -> Callable[[Evaluator], Evaluator]:
    """Register an evaluator; it returns (measured, headline, finding, verdict)."""
    def register(function: Evaluator) -> Evaluator:
        if claim_id in EVALUATORS:
            raise ClaimError(f"two evaluators for claim {claim_id!r}")
        EVALUATORS[claim_id] = function
        return function
    return register


# --- the one test window ----------------------------------------------------------------------
# Claims are tested over both Trump terms (2017-2021, and 2025 to the newest figure), fixed
# before any verdict was computed, so no verdict depends on a window chosen afterwards.
TRUMP_TERMS = ("Trump I", "Trump II")


def window_terms() -> list[tuple[pd.Timestamp, pd.Timestamp | None]]:
    """(start, end) of each Trump term from administrations.csv; the open term ends None."""
    terms = events.administrations().set_index("administration")
    return [(terms.at[name, "start_date"],
             None if pd.isna(terms.at[name, "end_date"]) else terms.at[name, "end_date"])
            for name in TRUMP_TERMS]


def in_window(moment) -> bool:
    """Whether a date falls in either Trump term."""
    stamp = pd.Timestamp(moment)
    return any(start <= stamp and (end is None or stamp < end) for start, end in window_terms())


# --- running the checks -----------------------------------------------------------------------

def load_claims(themes: list[str] | None = None) -> pd.DataFrame:
    """The claims table, optionally only some themes (an unknown theme is an error)."""
    claims = data.load("claims")
    if themes is None:
        return claims
    known = registry.ids()
    unknown = sorted(set(themes) - set(known))
    if unknown:
        raise ClaimError(f"unknown theme(s) {unknown}; themes are {', '.join(known)}")
    return claims[claims["theme"].isin(themes)].reset_index(drop=True)


def chapter_title(notebook: str) -> str:
    """The chapter's H1, read from the notebook so evidence links follow renamed chapters."""
    try:
        return anchors.chapter_title(notebook)
    except ValueError as error:
        raise ClaimError(str(error)) from None


def evidence_for(claim: pd.Series) -> Evidence:
    """The chapter and section that show the claim's data, and the tables it uses."""
    tables = tuple(claim["tables"].split(";"))
    for table in tables:
        catalogue.resource(table)  # an unknown table is a CatalogueError naming the known ones
    notebook = registry.notebooks()[claim["theme"]]
    return Evidence(notebook, chapter_title(notebook), claim["evidence_section"], tables, chapter_differences(notebook))


def chapter_differences(notebook: str) -> tuple[str, ...]:
    """'name = value' for each parameter the report runs `notebook` with that is not its default."""
    from hemisphere import params

    actual = params.section_parameters(notebook)
    defaults = params.declaration(notebook).defaults()
    shown = lambda value: ", ".join(map(str, value)) if isinstance(value, list) else str(value)  # noqa: E731
    return tuple(f"{name} = {shown(value)}" for name, value in actual.items() if defaults.get(name) != value)


def source_located(claim: pd.Series) -> bool:
    """Whether the claim's own page was found (its row gives an address)."""
    url = claim.get("source_url")
    return isinstance(url, str) and bool(url.strip())


# The results table's rows are claims (each with its own page) and verdicts computed from the data each
# claim names; listing every publisher of every table used would credit dozens with no row drawn.
RESULTS_TABLE_SOURCE = ("Source: the claims table (each claim's own page is given with it below); each verdict is "
                        "computed from the data named under its \"How it was tested\" (publishers in the appendix)")


def attribution(claimant: str, year) -> str:
    """'(InSight Crime, 2017)': who made the claim and when, with no brackets inside the brackets."""
    import re

    who = re.sub(r"\s*\(([^()]*)\)", r", \1", str(claimant)).strip()
    return f"({who}, {year})"


def claim_paragraph(claim: pd.Series, result: "Result") -> str:
    """The claim in bold, who made it, the finding, the verdict and the evidence link; the claim's own
    full stop moves after who made it ('... went on (InSight Crime, 2017).')."""
    return (f"**{str(claim['claim']).rstrip().rstrip('.')}** {attribution(claim['claimant'], claim['year'])}. "
            f"{reader_text(result.finding)} Verdict: *{result.verdict}*. Evidence: {result.evidence.markdown()}.")


def not_checked_sentence(theme_title: str) -> str:
    """What the chapter says of a theme this run leaves out."""
    return f"Claims about {theme_title} are not checked in this run, which covers other themes only."


def unlocated_sentence(claims_table: pd.DataFrame) -> str:
    """What the chapter says of claims whose own page was not found (they are not scored)."""
    unlocated = claims_table[~claims_table.apply(source_located, axis=1)]
    if unlocated.empty:
        return "Every claim checked here links to the page it comes from."
    who = listing([f"{row.claimant}, {row.year}" for row in unlocated.itertuples()])
    one = len(unlocated) == 1
    return (f"{'One claim' if one else f'{num(len(unlocated))} claims'} checked here ({who}) "
            f"{'has' if one else 'have'} no address: the original page could not be located in the stored copies "
            f"searched. {'It restates' if one else 'Each restates'} the argument as it was summarised to the authors, "
            "could not be checked against the original wording, and is not scored.")


def evaluate(claim: pd.Series) -> Result:
    """Run one claim's evaluator and check it returned a verdict from the allowed set."""
    evaluator = EVALUATORS.get(claim["claim_id"])
    if evaluator is None:
        raise ClaimError(f"no evaluator registered for claim {claim['claim_id']!r}")
    measured, headline, finding, verdict = evaluator(claim)
    if verdict not in VERDICTS:
        raise ClaimError(f"claim {claim['claim_id']!r}: verdict {verdict!r} is not one of {VERDICTS}")
    if not source_located(claim):
        # A claim whose own page was not found cannot be checked for its wording, so it is not scored;
        # what its rule would give is kept in `measured` and the figures are shown for context.
        measured = {**measured, "verdict_by_rule": verdict}
        headline = f"not scored: the claim's page was not located; {headline}"
        finding += (" The page the claim comes from was not located, so its wording cannot be checked against "
                    "the source and no verdict is given; the figures are shown for context only.")
        verdict = NOT_TESTABLE
    return Result(claim["claim_id"], measured, headline, finding, verdict, evidence_for(claim))


def evaluate_all(claims: pd.DataFrame) -> list[Result]:
    """Every claim in the table, in table order."""
    return [evaluate(claim) for _, claim in claims.iterrows()]


def results_table(claims: pd.DataFrame, results: list[Result]) -> pd.DataFrame:
    """Reader-facing table: claim, who and when, what was measured, verdict, evidence."""
    by_id = {result.claim_id: result for result in results}
    return pd.DataFrame({
        "Claim": claims["claim"],
        "Who, when": claims["claimant"] + ", " + claims["year"].astype(str),
        "Measured": [reader_text(by_id[i].headline) for i in claims["claim_id"]],
        "Verdict": [by_id[i].verdict for i in claims["claim_id"]],
        "Evidence": [by_id[i].evidence.text() for i in claims["claim_id"]],
    })


def verdict_counts(claims: pd.DataFrame, results: list[Result]) -> pd.DataFrame:
    """Claims per theme (rows) and verdict (columns, every verdict shown)."""
    verdicts = pd.Series({result.claim_id: result.verdict for result in results})
    frame = pd.DataFrame({"theme": claims["theme"], "verdict": claims["claim_id"].map(verdicts)})
    counts = pd.crosstab(frame["theme"], frame["verdict"])
    themes = [theme for theme in registry.ids() if theme in counts.index]
    return counts.reindex(index=themes, columns=list(VERDICTS), fill_value=0)


def _by_parts(parts_holding: int, parts: int) -> str:
    """All parts hold: supported; none: contradicted; some: mixed."""
    if parts_holding == parts:
        return SUPPORTED
    return CONTRADICTED if parts_holding == 0 else MIXED


# --- eradication ------------------------------------------------------------------------------

@evaluates("eradication_cannot_keep_up")
def _eradication_cannot_keep_up(claim):
    cultivation = eradication.cultivation_series(data.load("coca_cultivation"), "Colombia", eradication.UNODC)
    eradicated = eradication.eradication_series(data.load("coca_eradication"), "Colombia")
    every_pair = eradication.eradication_and_next_change(cultivation, eradicated)
    # The test window: eradication years in either Trump term (1 July of the year in office).
    paired = every_pair[[in_window(f"{int(year)}-07-01") for year in every_pair.index]]
    r, years = eradication.correlation(paired)
    p_value = eradication.permutation_p_value(paired)
    grew = int((paired["cultivation_change_next_year"] > 0).sum())
    share = grew / years
    significant_brake = r < 0 and p_value < SIGNIFICANCE
    if share >= KEEP_PACE_SHARE and not significant_brake:
        verdict = SUPPORTED
    elif share < KEEP_PACE_SHARE and significant_brake:
        verdict = CONTRADICTED
    else:
        verdict = MIXED
    first, last = int(paired.index.min()), int(paired.index.max())
    # The chapter's scatter pairs every year held; its coefficient is stated beside this one so the two are read apart.
    r_all, years_all = eradication.correlation(every_pair)
    p_all = eradication.permutation_p_value(every_pair)
    first_all, last_all = int(every_pair.index.min()), int(every_pair.index.max())
    measured = {"years": years, "years_cultivation_grew": grew, "share_grew": share, "r": r, "p_value": p_value,
                "all_years": years_all, "r_all_years": r_all, "p_value_all_years": p_all}
    headline = (f"grew after {num(grew)} of {num(years)} Trump-term eradication years; r = {num(r, 2)} "
                f"(p = {num(p_value, 2)}; all {num(years_all)} years: r = {num(r_all, 2)})")
    chance = "could well be chance" if p_value >= SIGNIFICANCE else "is unlikely to be chance"
    both_chance = p_value >= SIGNIFICANCE and p_all >= SIGNIFICANCE
    finding = (f"In {num(grew)} of the {num(years)} years between {first} and {last} with a Colombian eradication "
               f"figure, UNODC-measured coca still grew the following year. The link between hectares eradicated and "
               f"the next year's change looks {eradication.strength(r)} over these {num(years)} pairs (r = {num(r, 2)}) "
               f"but {chance} (permutation p = {num(p_value, 2)}). The chapter's chart pairs all {num(years_all)} "
               f"eradication years from {first_all} to {last_all}, not only the Trump-term ones, and finds a "
               f"{eradication.strength(r_all)} link (r = {num(r_all, 2)}, p = {num(p_all, 2)}): the two coefficients "
               f"describe different years and numbers of pairs"
               + ("; neither can be told apart from chance." if both_chance else "."))
    return measured, headline, finding, verdict


def _records(series_by_estimator: dict[str, pd.Series], year: int) -> dict[str, tuple[int, float]]:
    """Each estimator's peak (year, value) among the years up to `year`."""
    return {name: eradication.peak(series[series.index <= year]) for name, series in series_by_estimator.items()}


def _record_verdict(peaks: dict[str, tuple[int, float]], year: int) -> tuple[int, str]:
    records = sum(peak_year >= year - RECORD_WINDOW_YEARS for peak_year, _ in peaks.values())
    return records, _by_parts(records, len(peaks))


def _record_sentence(peaks: dict[str, tuple[int, float]], year: int, unit: str) -> str:
    parts = [f"{name} estimates peaked at {num(value)} {unit} in {peak_year}" for name, (peak_year, value) in peaks.items()]
    return f"Up to {year}, " + " and ".join(parts)


def _count_or_none(count: int) -> str:
    """'none' for zero, else the number: for sentences like 'rose in none'."""
    return "none" if count == 0 else num(count)


def _relative(old: float, new: float) -> str:
    """'37% below' or '108% above': a change worded for a sentence about levels."""
    change = new / old - 1
    return f"{pct(abs(change))} {'below' if change < 0 else 'above'}"


@evaluates("eradication_colombia_cultivation_record")
def _cultivation_record(claim):
    cultivation = data.load("coca_cultivation")
    year = int(claim["year"])
    series = {estimator: eradication.cultivation_series(cultivation, "Colombia", estimator)
              for estimator in (eradication.UNODC, eradication.ONDCP)}
    peaks = _records(series, year)
    records, verdict = _record_verdict(peaks, year)
    later_year, later_value = eradication.peak(series[eradication.UNODC])
    measured = {name: {"peak_year": y, "hectares": v} for name, (y, v) in peaks.items()}
    headline = "; ".join(f"{name}: peak {num(v)} ha in {y}" for name, (y, v) in peaks.items())
    finding = (_record_sentence(peaks, year, "hectares")
               + f" (records in {num(records)} of {num(len(peaks))} series); UNODC's series has since climbed to "
               f"{num(later_value)} hectares in {later_year}.")
    return measured, headline, finding, verdict


@evaluates("eradication_colombia_production_record")
def _production_record(claim):
    production = data.load("cocaine_production")
    year = int(claim["year"])
    series = {estimator: eradication.production_series(production, "Colombia", estimator)
              for estimator in (eradication.UNODC, eradication.ONDCP)}
    peaks = _records(series, year)
    records, verdict = _record_verdict(peaks, year)
    measured = {name: {"peak_year": y, "metric_tons": v} for name, (y, v) in peaks.items()}
    headline = "; ".join(f"{name}: peak {num(v)} t in {y}" for name, (y, v) in peaks.items())
    finding = (_record_sentence(peaks, year, "metric tons")
               + f" (records in {num(records)} of {num(len(peaks))} series, among the years each series holds).")
    return measured, headline, finding, verdict


# --- Northern Triangle ------------------------------------------------------------------------

@evaluates("northern_triangle_apprehensions_down_70pct")
def _apprehensions_down(claim):
    monthly = northern_triangle.monthly_encounters(data.load("border_apprehensions"))
    claimed = float(claim["claimed_value"])
    falls = {
        "December 2016 to March 2017": -northern_triangle.change(monthly, "2016-12-01", "2017-03-01"),
        "April 2016 to April 2017": -northern_triangle.change(monthly, "2016-04-01", "2017-04-01"),
    }
    inauguration_month = f"{window_terms()[0][0]:%Y-%m}-01"  # the first term's start (administrations.csv)
    from_inauguration = -northern_triangle.change(monthly, inauguration_month, "2017-04-01")
    holding = sum(abs(fall - claimed) <= FIGURE_POINTS for fall in falls.values())
    verdict = _by_parts(holding, len(falls))
    measured = {**falls, "January 2017 to April 2017": from_inauguration, "claimed": claimed}
    headline = "; ".join(f"{pct(-fall)} ({label})" for label, fall in falls.items())
    finding = (f"Border Patrol encounters fell {pct(falls['December 2016 to March 2017'])} from December 2016 to "
               f"March 2017 and {pct(falls['April 2016 to April 2017'])} from April 2016 to April 2017, against a "
               f"claimed fall of {pct(claimed)}; measured from the inauguration month the fall to April 2017 was "
               f"{pct(from_inauguration)}.")
    return measured, headline, finding, verdict


def _obligations_change(us_aid: pd.DataFrame, year: int) -> tuple[float, float, float]:
    """Mean yearly obligations to the three countries, FY2015-FY2017 against FY2018-FY2020.

    The chapter's one measure of the fall in obligations (northern_triangle.obligations_cut); the
    claims made in 2017 are tested on it.
    """
    if northern_triangle.OBLIGATIONS_CUT_YEARS["before"][1] != year:
        raise ClaimError(f"the obligations measure is set for claims made in "
                         f"{northern_triangle.OBLIGATIONS_CUT_YEARS['before'][1]}, not {year}")
    try:
        cut = northern_triangle.obligations_cut(us_aid, list(NORTHERN_TRIANGLE))
    except northern_triangle.AnalysisError as error:
        raise ClaimError(str(error)) from error
    return cut["before"], cut["after"], cut["change"]


@evaluates("northern_triangle_aid_cut")
def _aid_cut(claim):
    """One measure per question: the region-wide FY2018 request against CRS's FY2017 enacted amount."""
    from hemisphere.northern_triangle import narrative

    us_aid, aid_budget = data.load("us_aid"), data.load("central_america_aid_budget")
    year = int(claim["year"])
    request_change = narrative.fy2018_cut(aid_budget)
    before, after, obligations_change = _obligations_change(us_aid, year)
    cuts = sum(change < -CUT_SHARE for change in (request_change, obligations_change))
    verdict = _by_parts(cuts, 2)
    partial = sorted(int(y) for y in us_aid.loc[us_aid["partial_year"], "fiscal_year"].unique())
    measured = {"request_change": request_change, "obligations_before": before, "obligations_after": after,
                "obligations_change": obligations_change, "second_term_open_years": partial}
    from hemisphere.northern_triangle import narrative as _nt_narrative
    headline = f"FY{year + 1} request {pct(request_change)} on FY{year} enacted; obligations {pct_change(before, after)}"
    finding = (f"The FY{year + 1} request for the region-wide Central America strategy was {pct(abs(request_change))} "
               f"{'below' if request_change < 0 else 'above'} the FY{year} enacted amount (CRS), and obligations to "
               f"Guatemala, Honduras and El Salvador averaged {money(after)} a year in FY{year + 1}-FY{year + 3}, "
               f"{_relative(before, after)} the {money(before)} of FY{year - 2}-FY{year}."
               + (f" For the second term, {'; '.join(_nt_narrative.partial_year_phrase(y) for y in partial)}, so "
                  "its obligations cannot yet be set against earlier years." if partial else ""))
    return measured, headline, finding, verdict


@evaluates("northern_triangle_wall_little_effect")
def _wall_little_effect(claim):
    by_year = northern_triangle.fiscal_year_encounters(data.load("border_apprehensions"))
    year = int(claim["year"])
    base_year = year - 1
    for fiscal_year in (base_year, year, PRE_PANDEMIC_YEAR):
        if not by_year.loc[fiscal_year, "complete"]:
            raise ClaimError(f"FY{fiscal_year} encounters are incomplete")
    base, low, later = (float(by_year.loc[y, "encounters"]) for y in (base_year, year, PRE_PANDEMIC_YEAR))
    ratio = later / base
    first = SUPPORTED if ratio > 1 else CONTRADICTED if ratio < REBOUND_FLOOR else MIXED
    # Second term: each month from February 2025 (the first full month) to the latest reported one,
    # against the monthly average of the same base year.
    monthly = northern_triangle.monthly_total_with_recent(data.load("border_apprehensions"),
                                                         data.load("border_apprehensions_recent"))["encounters"]
    second_term = monthly.loc[SECOND_TERM_FIRST_MONTH:].dropna()
    base_month = base / 12
    latest_month = second_term.index.max()
    second = (SUPPORTED if second_term.iloc[-1] > base_month
              else CONTRADICTED if (second_term < REBOUND_FLOOR * base_month).all() else MIXED)
    verdict = first if first == second else MIXED
    measured = {f"FY{base_year}": base, f"FY{year}": low, f"FY{PRE_PANDEMIC_YEAR}": later, "ratio": ratio,
                "second_term_highest_month": float(second_term.max()), "second_term_latest": float(second_term.iloc[-1]),
                "first_term": first, "second_term": second}
    headline = (f"first term: FY{PRE_PANDEMIC_YEAR} {pct_change(base, later)} on FY{base_year}; second term: "
                f"at most {num(second_term.max())} a month to {latest_month:%B %Y}")
    finding = (f"Southwest-border Border Patrol encounters fell to {num(low)} in FY{year} but reached {num(later)} "
               f"in FY{PRE_PANDEMIC_YEAR}, {_relative(base, later)} the {num(base)} of FY{base_year} (first term: "
               f"{first}). In the second term, from {pd.Timestamp(SECOND_TERM_FIRST_MONTH):%B %Y} to "
               f"{latest_month:%B %Y}, no month exceeded {num(second_term.max())}, against a FY{base_year} monthly "
               f"average of {num(base_month)} (second term so far: {second}).")
    return measured, headline, finding, verdict


@evaluates("northern_triangle_aid_cuts_hurt_security")
def _aid_cuts_hurt_security(claim):
    year = int(claim["year"])
    before, after, obligations_change = _obligations_change(data.load("us_aid"), year)
    if obligations_change >= -CUT_SHARE:
        measured = {"obligations_change": obligations_change}
        finding = (f"Obligations to the three countries changed {pct_change(before, after)} after FY{year}, "
                   f"so the cut the claim assumes did not happen and its consequence cannot be tested.")
        return measured, f"obligations {pct_change(before, after)}", finding, NOT_TESTABLE
    homicide = data.load("homicide_rate")
    rates = homicide[homicide["source"] == "UNODC"]  # one series end to end, never spliced
    moves, details = {}, {}
    for country in NORTHERN_TRIANGLE:
        own = rates[rates["country"] == country].set_index("year")
        start, end = float(own.loc[year, "rate_per_100k"]), float(own.loc[PRE_PANDEMIC_YEAR, "rate_per_100k"])
        change = end / start - 1
        moves[country] = "rose" if change > FLAT_BAND else "fell" if change < -FLAT_BAND else "flat"
        details[country] = f"{country} (from {num(start, 1)} to {num(end, 1)}, {pct_change(start, end, 1)})"
    rose, fell = list(moves.values()).count("rose"), list(moves.values()).count("fell")
    flat = len(moves) - rose - fell
    verdict = SUPPORTED if rose >= 2 else CONTRADICTED if fell >= 2 and rose == 0 else MIXED
    measured = {"obligations_change": obligations_change, "homicide_moves": moves}
    headline = (f"obligations {pct_change(before, after)}; of {num(len(moves))} countries, homicide rates fell in "
                f"{_count_or_none(fell)}, were flat in {_count_or_none(flat)} and rose in {_count_or_none(rose)}")
    groups = []
    for move, wording in (("fell", "fell in"), ("rose", "rose in"), ("flat", "were flat in")):
        chosen = [details[country] for country, moved_ in moves.items() if moved_ == move]
        if move == "flat":
            chosen = [text[:-1] + f", within the {pct(FLAT_BAND)} band counted as flat)" for text in chosen]
        if chosen:
            groups.append(f"{wording} " + (chosen[0] if len(chosen) == 1 else ", ".join(chosen[:-1]) + " and " + chosen[-1]))
    from hemisphere.northern_triangle import narrative
    second_start = window_terms()[1][0]  # the second term reported from the year before it to its first year
    later = narrative.national_moves_sentence(homicide, list(NORTHERN_TRIANGLE), second_start.year - 1, second_start.year)
    finding = (f"Aid obligations fell {pct(-obligations_change)}; between {year} and {PRE_PANDEMIC_YEAR} UNODC homicide "
               f"rates per 100,000 " + (groups[0] if len(groups) == 1 else ", ".join(groups[:-1]) + " and " + groups[-1])
               + ". The second term's aid pause cannot be tested yet: " + narrative.partial_year_phrase(2025)
               + (f"; {later}." if later else "."))
    return measured, headline, finding, verdict


# --- Venezuela --------------------------------------------------------------------------------

def _designated_by_year(start, end) -> pd.Series:
    actions = venezuela.designation_actions(data.load("ofac_actions"), VENEZUELA_PROGRAMS, start, end)
    return actions.groupby(actions["date"].dt.year)["designated"].sum()


@evaluates("venezuela_pressure_on_officials")
def _pressure_on_officials(claim):
    # The first calendar year of each Trump term (the claim year, 2017, is the first term's) against
    # the yearly average of the two years before it.
    # The term's year counts from inauguration day: a designation of 10 January 2025 is Biden's.
    def pressure(start: pd.Timestamp) -> tuple[int, float, str]:
        year = start.year
        per_year = _designated_by_year(f"{year - 2}-01-01", f"{year - 1}-12-31").reindex(range(year - 2, year),
                                                                                         fill_value=0)
        earlier = float(per_year.mean())
        in_year = int(_designated_by_year(f"{start:%Y-%m-%d}", f"{year}-12-31").sum())
        held = (SUPPORTED if in_year >= PRESSURE_MULTIPLE * earlier
                else CONTRADICTED if in_year <= earlier else MIXED)
        return in_year, earlier, held

    starts = [start for start, _ in window_terms()]
    years = [start.year for start in starts]
    results = {start.year: pressure(start) for start in starts}
    first, second = years
    verdicts = {held for _, _, held in results.values()}
    verdict = verdicts.pop() if len(verdicts) == 1 else MIXED
    in_year, earlier, _ = results[first]
    second_in, second_earlier, _ = results[second]
    measured = {"designated_in_year": in_year, "earlier_yearly_average": earlier,
                "second_term_year": second, "second_term_designated": second_in,
                "second_term_earlier_average": second_earlier,
                "by_term": {year: held for year, (_, _, held) in results.items()}}
    headline = (f"{num(in_year)} designated in {first} vs {num(earlier, 1)} a year in {first - 2}-{first - 1}; "
                f"{num(second_in)} in {second} vs {num(second_earlier, 1)}")
    finding = (f"The US designated {num(in_year)} people, companies and assets under Venezuela-related programmes in "
               f"{first} from inauguration day, against an average of {num(earlier, 1)} a year in {first - 2}-{first - 1}; "
               f"in {second}, the second term's first year from {day(starts[1])}, it designated {num(second_in)} against "
               f"{num(second_earlier, 1)} a "
               f"year in {second - 2}-{second - 1} (the terrorism designations of 2025 are counted apart, under "
               "their own programs).")
    return measured, headline, finding, verdict


@evaluates("venezuela_isolate_not_weaken")
def _isolate_not_weaken(claim):
    chosen = events.select(ids=[MADURO_DESIGNATED, MADURO_REMOVED]).set_index("event_id")
    designated_on, removed_on = chosen.loc[MADURO_DESIGNATED, "date"], chosen.loc[MADURO_REMOVED, "date"]
    before = int(_designated_by_year("2015-01-01", designated_on).sum())
    # The window opens in 2015; the first Venezuela-related designation in it names the month.
    opened = venezuela.designation_actions(data.load("ofac_actions"), VENEZUELA_PROGRAMS, "2015-01-01",
                                           designated_on)["date"].min()
    # To the last whole month of the first term (administrations.csv: it ended 20 January 2021).
    first_term_last_month = (window_terms()[0][1].to_period("M") - 1).end_time.normalize()
    after = int(_designated_by_year(designated_on + pd.Timedelta(days=1), first_term_last_month).sum())
    years_in_office = (removed_on - designated_on).days / 365.25
    parts = (after > before) + (years_in_office >= HOLD_YEARS)
    verdict = _by_parts(parts, 2)
    measured = {"designated_before": before, "designated_after": after, "years_in_office_after": years_in_office}
    headline = (f"{num(before)} designated {opened:%B %Y} to {designated_on:%B %Y}, {num(after)} from "
                f"{designated_on + pd.Timedelta(days=1):%B %Y} to {first_term_last_month:%B %Y}; "
                f"Maduro in office {num(years_in_office, 1)} years after his designation")
    finding = (f"Designations under Venezuela-related programmes rose from {num(before)} ({opened:%B %Y} to "
               f"{designated_on:%B %Y}) to {num(after)} ({designated_on + pd.Timedelta(days=1):%B %Y} to "
               f"{first_term_last_month:%B %Y}), "
               f"counting people, companies and assets, and Maduro stayed in office "
               f"{num(years_in_office, 1)} years after his own designation, until US forces captured him in "
               f"{removed_on:%B %Y}.")
    return measured, headline, finding, verdict


@evaluates("venezuela_sanctions_reshape_crime")
def _sanctions_reshape_crime(claim):
    kingpin = venezuela.designation_actions(data.load("ofac_actions"), ["SDNTK"], "2015-01-01", "2026-12-31")
    individuals = int(kingpin["individuals"].fillna(0).sum())
    known = {block["name"] for block in catalogue.resources()}
    outcome_tables = [name for name in VENEZUELA_CRIME_TABLES if name in known]
    if outcome_tables:
        raise ClaimError(f"{outcome_tables} now measure crime in Venezuela: write the test for this claim")
    measured = {"kingpin_individuals": individuals, "outcome_tables": outcome_tables}
    headline = f"{num(individuals)} individuals designated under the Kingpin Act; no crime measure"
    finding = (f"The tables record {num(individuals)} individuals designated under the Kingpin Act in Venezuela-related "
               f"actions, but no measure of organised crime inside Venezuela, so the claim cannot be tested here.")
    return measured, headline, finding, NOT_TESTABLE


# --- terrorist designation --------------------------------------------------------------------

def _first_cartel_designation(fto: pd.DataFrame) -> pd.Timestamp:
    """When the first criminal group in the hemisphere joined the FTO list."""
    cartels = fto[(fto["kind"] == "criminal") & fto["western_hemisphere"]]
    return cartels["designation_date"].min()


@evaluates("terrorist_designation_opens_military_action")
def _opens_military_action(claim):
    fto, strikes = data.load("fto_list"), data.load("boat_strikes")
    first_designation = _first_cartel_designation(fto)
    confirmed = reconciliation.confirmed(strikes)
    confirmed = confirmed[confirmed["date"] >= first_designation]
    if confirmed.empty:
        finding = f"The register holds no confirmed US strike after the first designations on {first_designation:%-d %B %Y}."
        return {"events": 0}, "no confirmed strikes", finding, CONTRADICTED
    targets = td_designations.announcement_targets(confirmed, fto)
    counts = td_designations.target_counts(targets)
    tied = sum(counts[target] for target in DESIGNATION_TIES)
    verdict = SUPPORTED if tied else MIXED
    totals = reconciliation.totals(strikes[strikes["date"] >= first_designation])
    first_strike = confirmed["date"].min()
    seas = [sea for sea in reconciliation.SEAS if sea in set(confirmed["sea"]) and sea != "Unknown"]
    unrecorded = int((confirmed["sea"] == "Unknown").sum())
    where = " and ".join(seas) + (f", {num(unrecorded)} where the sea was not recorded" if unrecorded else "")
    measured = {**totals, "targets": counts, "named_designated_group": counts[td_designations.NAMED_GROUP],
                "tied_to_designation": tied, "first_strike": first_strike,
                "days_after_designation": (first_strike - first_designation).days, "seas": seas}
    headline = (f"{num(totals['strikes'])} strikes in {num(totals['events'])} confirmed announcements, "
                f"{num(totals['killed'])} killed; {num(counts[td_designations.NAMED_GROUP])} announcements named a "
                f"designated group, {num(counts[td_designations.GENERIC])} cited designation without naming one")
    finding = (f"Between {first_strike:%-d %B %Y} and {confirmed['date'].max():%-d %B %Y} the register holds "
               f"{num(totals['strikes'])} US strikes at sea in {num(totals['events'])} confirmed announcements (in the "
               f"{where}) that killed {num(totals['killed'])} people. Of those announcements, "
               f"{td_designations.describe_targets(targets)}; the first strike came "
               f"{num((first_strike - first_designation).days)} days after the first cartel designations took effect.")
    return measured, headline, finding, verdict


@evaluates("terrorist_designation_first_criminal_groups")
def _first_criminal_groups(claim):
    """Any criminal group in the whole terrorist-designation history held, before 20 February 2025.

    Searched: every FTO designation the rebuilt list holds since 1997 (revoked groups and earlier
    designations of re-listed groups included), the SDGT rows of the designations table, and the
    entries of OFAC's SDN copies of 2021 and 2024 that carry the FTO tag. Kingpin Act and
    transnational-criminal-organization (E.O. 13581) sanctions are not terrorist designations.
    """
    fto, actions, tags = data.load("fto_list"), data.load("designations_2025"), data.load("ofac_fto_tags")
    first_designation = _first_cartel_designation(fto)
    criminal = fto[fto["kind"] == "criminal"]
    earliest = criminal[["designation_date", "prior_designation_date"]].min(axis=1)
    fto_before = criminal[earliest < first_designation]
    sdgt_before = actions[(actions["instrument"] == "SDGT") & (actions["date"] < first_designation)]
    tagged = tags.merge(fto[["org_id", "kind"]], on="org_id", how="left")
    tagged_before = tagged[(tagged["snapshot_date"] < first_designation) & (tagged["kind"] == "criminal")]
    earlier = sorted(set(fto_before["name"]) | set(sdgt_before["organization"])
                     | set(fto.loc[fto["org_id"].isin(tagged_before["org_id"]), "name"]))
    after = fto_list.count_on(fto, first_designation, kind="criminal")
    verdict = CONTRADICTED if earlier else SUPPORTED if after else NOT_TESTABLE
    held = fto[fto["designation_date"] < first_designation]
    snapshots = sorted(tags.loc[tags["snapshot_date"] < first_designation, "snapshot_date"].dt.year.unique())
    measured = {"criminal_before": len(earlier), "criminal_after": after, "date": first_designation,
                "fto_designations_before": len(held), "sdgt_rows_before": len(sdgt_before),
                "ofac_copies_before": len(snapshots)}
    headline = (f"criminal groups designated before {first_designation:%-d %b %Y}: {num(len(earlier))} of "
                f"{num(len(held))} FTO designations held; {num(after)} on the list from that day")
    auc = fto[fto["org_id"] == "AUC"]
    auc_note = (f" The classing is this report's: the United Self-Defense Forces of Colombia (designated "
                f"{auc['designation_date'].iloc[0]:%Y}, revoked {auc['revocation_date'].iloc[0]:%Y}), a paramilitary "
                "force, is counted as political." if len(auc) and pd.notna(auc["revocation_date"].iloc[0]) else "")
    finding = (f"Before {first_designation:%-d %B %Y} the tables hold {num(len(held))} FTO "
               f"designations made since 1997 (groups later revoked included), "
               + (f"{plural(len(sdgt_before), 'SDGT row')}" if len(sdgt_before) else
                  f"no SDGT row (the SDGT actions held begin on {actions['date'].min():%-d %B %Y})")
               + " and the "
               f"FTO-tagged entries of OFAC's sanctions lists of {listing([str(year) for year in snapshots])}; "
               + (f"{num(len(earlier))} of them concerned groups classed as criminal ({listing(earlier)})." if earlier
                  else "none concerns a group classed as criminal.")
               + f" From that day {num(after)} criminal groups were on the list." + auc_note
               + " Kingpin Act and transnational-criminal-organization sanctions are not terrorist designations and "
                 "are not counted.")
    return measured, headline, finding, verdict


@evaluates("terrorist_designation_mexico_homicides")
def _mexico_homicides(claim):
    homicides = data.load("homicides")
    claimed = float(claim["claimed_value"])
    year = int(claim["year"]) - 1
    counts = {}
    for indicator, wording in OFFICIAL_COUNTS.items():
        rows = violence.preferred(homicides, "Mexico", indicator)
        for _, row in rows[rows["year"] == year].iterrows():
            counts[wording.format(counter=row["counter"])] = float(row["value"])
    if not counts:
        return {}, "no official count", f"No official Mexican homicide count for {year} is held.", NOT_TESTABLE
    gaps = {label: value / claimed - 1 for label, value in counts.items()}
    if all(abs(gap) <= FIGURE_SHARE for gap in gaps.values()):
        verdict = SUPPORTED
    elif any(gap < -FIGURE_SHARE for gap in gaps.values()):
        verdict = CONTRADICTED
    else:
        verdict = MIXED
    measured = {"claimed": claimed, **counts}
    headline = "; ".join(f"{num(value)} {label} ({pct_change(claimed, value)})" for label, value in counts.items())
    finding = (f"Against the claimed {num(claimed)} homicides in Mexico in {year}, the official counts held are "
               + " and ".join(f"{num(value)} {label}" for label, value in counts.items()))
    # The claimed figure may be SESNSP's count of case files (offences), which the rule does not score:
    # a case file can hold several victims, so it is said beside the counts of people killed.
    incidence = data.load("mexico_homicide_incidence_monthly")
    months = incidence[incidence["month"].str.startswith(str(year))]
    if len(months) == 12:
        files = float(months["offences"].sum())
        measured["offences in case files (SESNSP, sum of months)"] = files
        gap = files - claimed
        away = "the same figure" if gap == 0 else f"{num(abs(gap))} {'more' if gap > 0 else 'fewer'} than claimed"
        finding += (f". SESNSP's monthly count of intentional-homicide case files sums to {num(files)} for {year} "
                    f"({away}), so the claimed figure is most likely that count; "
                    "a case file can record several victims, which is why the counts of people killed are higher")
    finding += "; the global terrorism toll the claim compares with is not in the tables."
    return measured, headline, finding, verdict


# Each theme's newer evaluators live beside its analysis (hemisphere/<theme>/claims.py) and
# register themselves here on import; imported last because they use `evaluates`.
from hemisphere.eradication import claims as _eradication_claims  # noqa: E402,F401
from hemisphere.northern_triangle import claims as _northern_triangle_claims  # noqa: E402,F401
from hemisphere.terrorist_designation import claims as _terrorist_designation_claims  # noqa: E402,F401
from hemisphere.venezuela import claims as _venezuela_claims  # noqa: E402,F401
