"""Sentences the Northern Triangle chapter prints, composed from the analysis module's numbers.

Each function takes small frames or numbers and returns text, so the wording is tested on
fixtures (one year, one country, a country outside the Northern Triangle, an empty selection)
and stays true for every parameter the notebook accepts.
"""

from __future__ import annotations

import pandas as pd

from hemisphere import events
from hemisphere.northern_triangle import analysis
from hemisphere.northern_triangle.countries import NORTHERN_TRIANGLE
from hemisphere.prose import listing, money, num, pct

# One measure per question. "The FY2018 request" is the region-wide Strategy for Central America
# line (central_america_aid_budget), and "the cut it proposed" sets it against the FY2017 enacted
# amount reported by CRS, the official source among the two that give one; the other figure stays
# in the table, labelled. The per-country stages (us_aid) are another measure, always named as
# "bilateral State and USAID accounts".
FY2018_CUT = {"request_year": 2018, "enacted_year": 2017, "enacted_source": "CRS"}



def aid_download_month() -> str:
    """The month of the ForeignAssistance.gov download, from the catalogue: 'November 2025'."""
    from hemisphere import catalogue
    retrieved = str(catalogue.resource("us_aid")["sources"][0]["date_retrieved"])
    return f"{pd.Timestamp(retrieved + '-01' if len(retrieved) == 7 else retrieved):%B %Y}"


def partial_year_phrase(year: int) -> str:
    """'FY2025 is partial in the ForeignAssistance.gov download of November 2025 (reporting lags, so its figures
    may still be incomplete)'."""
    return (f"FY{year} is partial in the ForeignAssistance.gov download of {aid_download_month()} (reporting lags, "
            "so its figures may still be incomplete)")

def years_text(first: int, last: int) -> str:
    """'FY2018' or 'FY2018-FY2021'."""
    return f"FY{first}" if first == last else f"FY{first}-FY{last}"


def period(first: int, last: int) -> str:
    """'2020' or '2000 to 2025'."""
    return str(first) if first == last else f"{first} to {last}"


def during(first: int, last: int) -> str:
    """'in 2020' or 'between 2000 and 2025'."""
    return f"in {first}" if first == last else f"between {first} and {last}"


def change_words(old: float, new: float) -> str:
    """'rose 12%', 'fell 37%' or 'did not change'."""
    if old == new:
        return "did not change"
    return f"{'rose' if new > old else 'fell'} {pct(abs(new / old - 1))}"


def aid_title(closed: pd.Series, countries_text: str) -> str:
    """Title of the obligations chart: the first and last complete fiscal years of the window.

    `closed` holds the summed obligations of complete fiscal years (index: fiscal year).
    """
    closed = closed.dropna()
    if closed.empty:
        raise analysis.AnalysisError("no complete fiscal year of obligations")
    first, last = int(closed.index.min()), int(closed.index.max())
    if first == last:
        return f"Aid obligated to {countries_text} in FY{first}: {money(closed[first])}"
    return f"Aid obligated to {countries_text} {change_words(closed[first], closed[last])} from FY{first} to FY{last}"


def aid_sentence(closed: pd.Series, countries_text: str, together: bool, partial: int | None,
                 partial_amount: float | None) -> str:
    """Obligations at the window's ends, its highest year and an open (partial) year."""
    closed = closed.dropna()
    first, last = int(closed.index.min()), int(closed.index.max())
    peak = int(closed.idxmax())
    subject = f"Obligations to {countries_text}{' together' if together else ''}"
    if first == last:
        text = f"{subject} came to {money(closed[first])} in FY{first}, the only complete fiscal year in the window."
    else:
        text = (f"{subject} came to {money(closed[first])} in FY{first} and {money(closed[last])} in FY{last}, "
                f"the latest complete year in the window; the highest was FY{peak} ({money(closed[peak])}).")
    if partial is not None and partial_amount is not None:
        text += (f" {partial_year_phrase(partial)}: the {money(partial_amount)} shown for it is what had "
                 "been recorded as obligated by then, not a year's total.")
    return text


def fy2018_request_sentence(aid_budget: pd.DataFrame) -> str | None:
    """The first request of the administration, set against the one FY2017 enacted measure (FY2018_CUT)."""
    request = aid_budget[(aid_budget["fiscal_year"] == FY2018_CUT["request_year"]) & (aid_budget["stage"] == "request")]
    enacted = aid_budget[(aid_budget["fiscal_year"] == FY2018_CUT["enacted_year"]) & (aid_budget["stage"] == "enacted")
                         & (aid_budget["source"] == FY2018_CUT["enacted_source"])]
    if len(request) != 1 or len(enacted) != 1:
        return None
    asked, had = float(request["amount_usd"].item()), float(enacted["amount_usd"].item())
    return (f"The Trump administration's first budget request, for FY{FY2018_CUT['request_year']}, asked "
            f"{analysis.budget_amount_text(asked, request['qualifier'].item())} for the region-wide strategy "
            f"({analysis.source_phrase(request['source'].item())}): {pct(abs(asked / had - 1))} "
            f"{'below' if asked < had else 'above'} the {money(had)} enacted for FY{FY2018_CUT['enacted_year']} "
            f"according to {analysis.source_phrase(FY2018_CUT['enacted_source'])}. This chapter measures the proposed "
            "cut this one way throughout; the other FY2017 figure in the table is kept, labelled, but not used for it.")


def fy2018_cut(aid_budget: pd.DataFrame) -> float:
    """The proposed cut as a fraction (-0.39 = 39% below), by the FY2018_CUT measure."""
    request = aid_budget[(aid_budget["fiscal_year"] == FY2018_CUT["request_year"]) & (aid_budget["stage"] == "request")]
    enacted = aid_budget[(aid_budget["fiscal_year"] == FY2018_CUT["enacted_year"]) & (aid_budget["stage"] == "enacted")
                         & (aid_budget["source"] == FY2018_CUT["enacted_source"])]
    if len(request) != 1 or len(enacted) != 1:
        raise analysis.AnalysisError("the FY2018 request or CRS's FY2017 enacted amount is missing")
    return float(request["amount_usd"].item()) / float(enacted["amount_usd"].item()) - 1


def single_source_ends(rates: pd.DataFrame) -> pd.DataFrame:
    """Per country, the source with the longest run in the window, with its first and last year and rate.

    Endpoints are compared within one source only, never one source's first year against
    another's last. Columns: country, source, first_year, first_rate, last_year, last_rate, peak_year, peak_rate.
    """
    rows = []
    order = {source: rank for rank, source in enumerate(analysis.HOMICIDE_SOURCE_PREFERENCE)}
    for country, own in rates.groupby("country", sort=False):
        counts = own.groupby("source")["year"].nunique()
        best = sorted(counts.index, key=lambda source: (-counts[source], order.get(source, 99)))[0]
        series = own[own["source"] == best].set_index("year")["rate_per_100k"].sort_index()
        first, last, peak = int(series.index.min()), int(series.index.max()), int(series.idxmax())
        rows.append({"country": country, "source": best, "first_year": first, "first_rate": float(series[first]),
                     "last_year": last, "last_rate": float(series[last]), "peak_year": peak,
                     "peak_rate": float(series[peak])})
    return pd.DataFrame(rows)


def homicide_title(ends: pd.DataFrame, countries_text: str, first_year: int, last_year: int) -> str:
    """The biggest fall from a peak to the latest year, within one source; otherwise a neutral title."""
    if ends.empty:
        return f"Homicide rates in {countries_text}, {period(first_year, last_year)}"
    ends = ends.assign(drop=ends["peak_rate"] - ends["last_rate"])
    top = ends.sort_values("drop", ascending=False, kind="stable").iloc[0]
    if top["drop"] <= 0 or top["peak_year"] == top["last_year"]:
        return f"Homicide rates in {countries_text}, {period(first_year, last_year)}"
    return (f"{top['country']}'s homicide rate fell from {num(top['peak_rate'], 1)} in {top['peak_year']} to "
            f"{num(top['last_rate'], 1)} per 100,000 in {top['last_year']} ({analysis.source_phrase(top['source'])})")


def homicide_sentence(country: str, rates: pd.DataFrame) -> str:
    """One country: each source's latest figure, and where the main series stops and another takes over."""
    own = rates[rates["country"] == country]
    ends = single_source_ends(own).iloc[0]
    main = analysis.source_phrase(ends["source"])
    if ends["first_year"] == ends["last_year"]:
        text = (f"{country}: {num(ends['last_rate'], 1)} per 100,000 in {ends['last_year']}, according to {main}")
    else:
        text = (f"{country}: by {main}, the rate went from {num(ends['first_rate'], 1)} per 100,000 in "
                f"{ends['first_year']} to {num(ends['last_rate'], 1)} in {ends['last_year']}"
                + (f", peaking at {num(ends['peak_rate'], 1)} in {ends['peak_year']}"
                   if ends["peak_year"] not in (ends["first_year"], ends["last_year"]) else ""))
    later = own[(own["source"] != ends["source"]) & (own["year"] > ends["last_year"])]
    if len(later):
        newest = later.sort_values("year").iloc[-1]
        text += (f"; that series stops there, and later years come from another source: the newest figure, "
                 f"{num(newest['rate_per_100k'], 1)} for {newest['year']} from "
                 f"{analysis.source_phrase(newest['source'])}, is not comparable with the series above")
    return text + "."


def per_resident_reason(latest_year: int, population_last: int, encounters_last: int | None, window_last: int) -> str:
    """Why the per-resident table stops at `latest_year`: whichever of its inputs ends there."""
    reasons = []
    if population_last == latest_year:
        reasons.append(f"the population figures end in {population_last}")
    if encounters_last == latest_year:
        reasons.append(f"FY{encounters_last} is the last complete fiscal year of encounters by citizenship")
    if window_last == latest_year:
        reasons.append(f"the window ends in {window_last}")
    if not reasons:
        return f"the latest year with encounters and population both recorded"
    return listing(reasons)


TPS_ACTION_WORDS = {"court_stay": "a court ruling halted or set aside the termination",
                    "court_stay_lifted": "a higher court let the termination take effect again",
                    "termination_announced": "a termination was announced", "extension": "an extension",
                    "designation": "a designation", "rescission": "a rescission of the termination"}


def tps_after_window(after: pd.DataFrame, window_end: pd.Timestamp) -> str | None:
    """The decisions of the countries shown taken after the window ends, each dated, with the countries concerned."""
    if after.empty:
        return None
    parts = []
    for (date, action), rows in after.groupby(["decision_date", "action"], sort=True):
        what = TPS_ACTION_WORDS.get(action, action.replace("_", " "))
        parts.append(f"on {date:%-d %B %Y}, {what} for {listing(list(dict.fromkeys(rows['country'])))}")
    many = len(parts) > 1
    return (f"After the window (which ends on {window_end:%-d %B %Y}) the record holds {num(len(parts))} more "
            f"{'decisions' if many else 'decision'}: {'; '.join(parts)}; the table and the timeline above include "
            f"{'them' if many else 'it'}.")


def tps_other_countries(decisions: pd.DataFrame, chosen: list[str]) -> str | None:
    """A sentence naming the countries in the TPS record that the countries shown leave out."""
    others = [country for country in dict.fromkeys(decisions["country"]) if country not in chosen]
    if not others:
        return None
    return (f"The TPS record also holds {listing(others)}, not among the countries shown ({listing(chosen)}); "
            "their decisions in the window are listed in the table below.")


def reporter_words(source: str) -> str:
    """Who carried a reported month, from its source label: '... as reported by WOLA' -> 'WOLA';
    '... (copy of CBP's press release)' -> "copies of CBP's press releases"; anything else unchanged."""
    if "as reported by " in source:
        return source.split("as reported by ", 1)[1]
    if "copy of CBP's press release" in source:
        return "copies of CBP's press releases"
    return source


def recent_months_sentence(recent: pd.Series, last_file_month: pd.Timestamp, reporters: list[str] | None = None) -> str | None:
    """The months after CBP's last file, drawn from reports or copies of CBP's monthly release.

    `reporters` names who carried the figures (from the rows' source column); without it the sentence
    says only that they come from reports of CBP's monthly release.
    """
    recent = recent[recent.index > last_file_month].dropna()
    if recent.empty:
        return None
    months = [f"{month:%B %Y} ({num(value)})" for month, value in recent.items()]
    many = len(months) > 1
    via = f" ({listing(list(dict.fromkeys(reporter_words(source) for source in reporters)))})" if reporters else ""
    return (f"CBP's machine-readable files stop in {last_file_month:%B %Y}; the {'totals' if many else 'total'} for "
            f"{listing(months)} {'come' if many else 'comes'} from reports of CBP's monthly releases{via} and "
            f"{'have' if many else 'has'} no breakdown by citizenship, so the lower panel stops earlier.")


def beyond_window_sentence(total: pd.Series, window_end: pd.Timestamp) -> str | None:
    """Said when the monthly series runs past the chosen window: its last month, so every statement of the
    period (chapter, claims, currency table) can be read against the same table."""
    later = total[total.index > window_end].dropna()
    if later.empty:
        return None
    last = later.index.max()
    return (f"The table runs on past the window (which ends in {window_end:%B %Y}) to {last:%B %Y}, "
            f"with {num(later[last])} encounters that month; the claims chapter and the currency table read it to "
            "that month.")


def encounters_range(total: pd.Series) -> str:
    """The lowest and highest month of the window, or the single month it holds."""
    total = total.dropna()
    if total.empty:
        raise analysis.AnalysisError("no monthly encounters in the window")
    if len(total) == 1:
        month = total.index[0]
        return f"The window holds one month of data, {month:%B %Y}, with {num(total.iloc[0])} encounters."
    low, high = total.idxmin(), total.idxmax()
    return (f"Across the window, the lowest month was {low:%B %Y} ({num(total[low])}) and the highest "
            f"{high:%B %Y} ({num(total[high])}).")


def encounters_title(total: pd.Series) -> str:
    """Peak and latest month; a single-month window names that month only."""
    total = total.dropna()
    last = total.index.max()
    if len(total) == 1:
        return f"Southwest-border encounters were {num(total[last])} in {last:%B %Y}"
    peak = total.idxmax()
    if peak == last:
        return f"Southwest-border encounters reached {num(total[peak])} in {peak:%B %Y}, the last month shown"
    return (f"Southwest-border encounters peaked at {num(total[peak])} in {peak:%B %Y} and were "
            f"{num(total[last])} in {last:%B %Y}")


# --- TPS -------------------------------------------------------------------------------------------

def tps_title(in_window: pd.DataFrame, first_year: int, last_year: int) -> str:
    """Terminations announced in the window, by country; else the countries with decisions."""
    terminations = in_window[in_window["action"] == "termination_announced"]
    if len(terminations):
        countries = listing(list(dict.fromkeys(terminations["country"])))
        word = "termination" if len(terminations) == 1 else "terminations"
        return f"{num(len(terminations))} TPS {word} announced for {countries} {during(first_year, last_year)}"
    return f"TPS decisions for {listing(list(dict.fromkeys(in_window['country'])))}, {period(first_year, last_year)}"


def termination_sentence(row) -> str:
    """'Honduras: termination announced 8 July 2025, to take effect 8 September 2025. It concerned ...'."""
    effective = f", to take effect {row.effective_date:%-d %B %Y}" if pd.notna(row.effective_date) else ""
    holders = (f" It concerned about {num(row.beneficiaries)} people, counted as {row.beneficiaries_basis}."
               if pd.notna(row.beneficiaries) else "")
    return f"{row.country}: termination announced {row.decision_date:%-d %B %Y}{effective}.{holders}"


def court_sentence(in_window: pd.DataFrame) -> str | None:
    """How many court rulings halted terminations and how many higher-court stays let them proceed."""
    stays = in_window[in_window["action"] == "court_stay"]
    lifted = in_window[in_window["action"] == "court_stay_lifted"]
    if stays.empty and lifted.empty:
        return None
    parts = []
    if len(stays):
        parts.append(f"{num(len(stays))} court {'ruling' if len(stays) == 1 else 'rulings'} halted or set aside a "
                     f"termination ({listing(list(dict.fromkeys(stays['country'])))})")
    if len(lifted):
        parts.append(f"{num(len(lifted))} higher-court {'stay' if len(lifted) == 1 else 'stays'} let "
                     f"{'it' if len(lifted) == 1 else 'them'} take effect again "
                     f"({listing(list(dict.fromkeys(lifted['country'])))}), the latest on "
                     f"{lifted['decision_date'].max():%-d %B %Y}")
    text = "In the window, " + " and ".join(parts)
    rulings = pd.concat([stays, lifted]).sort_values("decision_date")
    newest = rulings.iloc[-1]
    if len(stays) and len(lifted) and newest["action"] == "court_stay":
        # Said, so 'the latest' stay lifted is not read as the latest ruling of all.
        text += (f"; the newest ruling of either kind, on {newest['decision_date']:%-d %B %Y}, halted the "
                 f"termination for {newest['country']}")
    return text + "."


# --- Removals ----------------------------------------------------------------------------------------

def removals_title(totals: pd.Series, removed_to: str) -> str:
    """'ICE removals to X: N in FYa, M in FYb' or the single year's figure."""
    first, last = int(totals.index.min()), int(totals.index.max())
    if first == last:
        return f"ICE removals to {removed_to} in FY{first}: {num(totals[first])}"
    return f"ICE removals to {removed_to}: {num(totals[first])} in FY{first}, {num(totals[last])} in FY{last}"


def removals_extremes(totals: pd.Series, removed_to: str, countries: int) -> str | None:
    """The highest and lowest fiscal year among those with a figure for every country shown."""
    if len(totals) < 2:
        return None
    high, low = int(totals.idxmax()), int(totals.idxmin())
    many = countries > 1
    return (f"Of the fiscal years with a figure for {'each of ' if many else ''}{removed_to}, ICE removed the most "
            f"people to {'them together' if many else 'it'} in FY{high}, {num(totals[high])}, and the fewest in "
            f"FY{low}, {num(totals[low])}.")


# --- Per-resident view ------------------------------------------------------------------------------

def per_resident_title(at_latest: pd.DataFrame, year: int) -> str:
    top = at_latest["encounters_per_100k"].idxmax()
    return (f"In {year}, {top} had {num(at_latest.loc[top, 'encounters_per_100k'])} border encounters per 100,000 "
            f"residents" + (f", the most of {listing(list(at_latest.index))}" if len(at_latest) > 1 else ""))


def per_resident_sentence(country: str, row: pd.Series, year: int) -> str:
    aid = (f"{money(row['aid_per_resident_usd'], 2)} of aid obligated per resident"
           if pd.notna(row["aid_per_resident_usd"]) else "no aid obligation recorded")
    rate = (f"a homicide rate of {num(row['homicide_rate'], 1)} per 100,000 according to "
            f"{analysis.source_phrase(row['homicide_source'])}" if pd.notna(row["homicide_rate"])
            else "no homicide rate recorded")
    return f"{country}, {year}: {aid}, {rate}, and {num(row['encounters_per_100k'])} encounters per 100,000 residents."


# --- What is missing ----------------------------------------------------------------------------------

def gaps_sentence(gaps: list[str]) -> str:
    """'The sources gathered for this chapter do not give A; B; or C.' (one item: 'do not give A.')."""
    if not gaps:
        raise analysis.AnalysisError("no gaps to name")
    if len(gaps) == 1:
        listed = gaps[0]
    elif len(gaps) == 2:
        listed = f"{gaps[0]} or {gaps[1]}"
    else:
        listed = "; ".join(gaps[:-1]) + "; or " + gaps[-1]
    return f"The sources gathered for this chapter do not give {listed}."


def obligations_cut_sentence(us_aid: pd.DataFrame, countries: list[str], first_year: int, last_year: int) -> str | None:
    """The one measure of the fall in obligations (analysis.obligations_cut), when the window covers it."""
    (b0, b1), (_, a1) = analysis.OBLIGATIONS_CUT_YEARS["before"], analysis.OBLIGATIONS_CUT_YEARS["after"]
    if first_year > b0 or last_year < a1:
        return None
    try:
        cut = analysis.obligations_cut(us_aid, countries)
    except analysis.AnalysisError:
        return None
    text = (f"Measured one way throughout this chapter, mean yearly obligations to {listing(countries)} over "
            f"{analysis.obligations_cut_years_text()}, were {money(cut['after'])}, {pct(abs(cut['change']))} "
            f"{'below' if cut['change'] < 0 else 'above'} the {money(cut['before'])} a year of FY{b0}-FY{b1}.")
    if set(countries) & set(NORTHERN_TRIANGLE):
        text += (f" The proposed cut in the FY{FY2018_CUT['request_year']} request is a different question, answered "
                 "below with the region-wide budget line.")
    return text


def share_text(fraction: float) -> str:
    """Small shares keep a decimal so they do not read as zero (0.4%, 3.2%, 41%)."""
    return pct(fraction, 1) if fraction < 0.05 else pct(fraction)


def surge_share_sentence(share: pd.DataFrame, total_surge: float, countries: list[str]) -> str:
    """FY2021-FY2023: the encounters of those years and how the chosen citizenships' share moved."""
    start, end = float(share.loc[2021, "share"]), float(share.loc[2023, "share"])
    direction = "rose" if end > start else "fell" if end < start else "stayed"
    text = (f"FY2021 to FY2023 brought {num(total_surge)} encounters in three years; the share of citizens of "
            f"{listing(countries)} {direction} from {share_text(start)} to {share_text(end)}")
    if set(countries) <= set(NORTHERN_TRIANGLE) and end < start:
        text += " as Mexicans, Venezuelans and others made up more of the flow"
    return text + " (Title 42 expulsions were counted until May 2023)."


def budget_title(aid_budget: pd.DataFrame, disputed: list[str]) -> str:
    """Title of the region-wide budget chart: the enacted line's change within one source only.

    The source with the widest span of enacted years is used (ties: the earliest first year);
    a title never sets one source's first year against another's last.
    """
    enacted = aid_budget[aid_budget["stage"] == "enacted"]
    spans = []
    for source, rows in enacted.groupby("source"):
        years = rows.set_index("fiscal_year")["amount_usd"].sort_index()
        if len(years) >= 2:
            spans.append((int(years.index.max() - years.index.min()), -int(years.index.min()), source, years))
    span_text = f"FY{int(aid_budget['fiscal_year'].min())}-FY{int(aid_budget['fiscal_year'].max())}"
    if spans:
        _, _, source, years = max(spans, key=lambda item: (item[0], item[1]))
        first, last = int(years.index.min()), int(years.index.max())
        title = (f"Region-wide funding enacted {change_words(years[first], years[last])} from FY{first} to FY{last} "
                 f"according to {analysis.source_phrase(source)}")
    else:
        title = f"Region-wide Central America budget lines, {span_text}"
    if disputed:
        title += f"; sources disagree on {listing(disputed)}"
    return title


def budget_outside_window_sentence(aid_budget: pd.DataFrame, first: int, last: int) -> str:
    """Said instead of the region-wide budget chart when the chosen period holds none of its lines."""
    covered = analysis.fiscal_year_runs(aid_budget["fiscal_year"].unique())
    return (f"The region-wide budget lines gathered for this report cover {covered}; none falls in the chosen "
            f"period ({years_text(first, last)}), so they are not drawn.")


# --- The early-2017 claim --------------------------------------------------------------------------

EARLY_2017_DESCRIBED = {
    "statement": "The months the April 2017 statement compared",
    "inauguration": "Inauguration month to the lowest month of 2017",
    "year_earlier": "Lowest month of 2017 against the same month of 2016",
    "seasonal": "The statement's months one year earlier",
    "rebound": "Lowest month of 2017 to the end of the year",
}


def early_2017_table(checks: pd.DataFrame) -> pd.DataFrame:
    """The table behind the check: each comparison with its two named months."""
    from hemisphere.prose import pct_change

    return pd.DataFrame({
        "comparison": [EARLY_2017_DESCRIBED[key] for key in checks.index],
        "from_month": checks["base_month"].dt.strftime("%b %Y"), "from_value": checks["base_value"],
        "to_month": checks["month"].dt.strftime("%b %Y"), "to_value": checks["value"],
        "change": [pct_change(base, value) for base, value in zip(checks["base_value"], checks["value"])],
    })


def early_2017_sentences(checks: pd.DataFrame, statement_date: pd.Timestamp, claimed: float,
                         tolerance: float) -> list[str]:
    """The statement, the two comparisons the claim is tested on, and the seasonal and rebound checks."""
    from hemisphere.prose import moved

    statement, inauguration, year_earlier, seasonal, rebound = (
        checks.loc[key] for key in ("statement", "inauguration", "year_earlier", "seasonal", "rebound"))
    low_month = inauguration["month"]
    holds = all(abs(-row["change"] - claimed) <= tolerance for row in (statement, year_earlier))
    verdict = ("On those two comparisons the claim holds. " if holds else
               f"On those two comparisons the claim is not borne out within {pct(tolerance)} points. ")
    return [
        f"The events register records the statement on {statement_date:%-d %B %Y}: Secretary Kelly put the fall in "
        f"crossings at almost {pct(claimed)}.",
        f"From {statement['base_month']:%B %Y} to {statement['month']:%B %Y}, the months the statement compared, "
        f"Border Patrol encounters {moved(statement['base_value'], statement['value'])}, from "
        f"{num(statement['base_value'])} to {num(statement['value'])}; from {year_earlier['base_month']:%B %Y} to "
        f"{year_earlier['month']:%B %Y}, the same month a year apart, they "
        f"{moved(year_earlier['base_value'], year_earlier['value'])}. " + verdict
        + f"From {inauguration['base_month']:%B %Y}, the inauguration month, to {low_month:%B %Y}, the lowest month "
        f"of {low_month:%Y}, they {moved(inauguration['base_value'], inauguration['value'])}.",
        f"From {seasonal['base_month']:%B %Y} to {seasonal['month']:%B %Y}, the same months one year earlier, "
        f"encounters {moved(seasonal['base_value'], seasonal['value'])}"
        + (f", a far smaller move: the 2017 drop was much larger than the same winter-to-spring change in "
           f"{seasonal['month']:%Y}, the one earlier year this comparison uses. "
           if abs(seasonal["change"]) < abs(statement["change"]) / 2 else ". ")
        + f"The drop did not last: from {low_month:%B %Y} to {rebound['month']:%B %Y} encounters "
        f"{moved(rebound['base_value'], rebound['value'])}, to {num(rebound['value'])}.",
    ]


# --- Aid stages and the region-wide budget lines ------------------------------------------------------

FIRST_TERM = analysis.FIRST_TERM  # its budgets (FY2018-FY2021) are read from the administrations table


def stages_title(both: pd.DataFrame, countries_text: str, first: int, last: int) -> str:
    above = both[both["appropriated_and_planned"] > both["budget_request"]]
    if len(both):
        return (f"Appropriations exceeded the request in {num(len(above))} of {num(len(both))} fiscal "
                f"{'year' if len(both) == 1 else 'years'} with both figures")
    return f"Aid stages for {countries_text}, {years_text(first, last)}"


def first_term_stages_sentence(both: pd.DataFrame, window_years, countries_text: str, region_shown: bool) -> str | None:
    """Requested against appropriated, summed over the first-term budgets in the window with both figures."""
    first_term = [year for year in events.budget_years(FIRST_TERM) if year in window_years]
    with_both = both[both.index.isin(first_term)]
    if with_both.empty:
        return None
    left_out = [year for year in first_term if year not in with_both.index]
    text = (f"Summed over the budgets {FIRST_TERM} requested in the window ({analysis.fiscal_year_runs(first_term)}; a request "
            f"belongs to the administration that made it, whoever spent the money) that have both figures, {analysis.fiscal_year_runs(with_both.index)}, "
            f"the administration requested {money(with_both['budget_request'].sum())} for {countries_text} in the "
            "bilateral State and USAID accounts"
            + (" (a different measure from the region-wide strategy line below)" if region_shown else "")
            + f" and the appropriated and planned amounts came to {money(with_both['appropriated_and_planned'].sum())}")
    if left_out:
        one = len(left_out) == 1
        text += (f"; {analysis.fiscal_year_runs(left_out)} {'lacks' if one else 'lack'} one of the two figures and "
                 f"{'is' if one else 'are'} left out of both sums.")
    return text + ("" if left_out else ".")


def missing_appropriations_sentence(missing: list[int]) -> str | None:
    if not missing:
        return None
    return ("The release gives no appropriated-and-planned figure for " + listing([f"FY{year}" for year in missing])
            + " for at least one of the countries shown"
            + (" — for FY2019 consistent with the March 2019 cut-off, when only a regional amount was recorded."
               if 2019 in missing else "."))


def stage_figures(rows: pd.DataFrame, verb: str) -> str:
    """'$750 million enacted' or '$750 million enacted according to CRS, $655 million according to ...'."""
    ordered = rows.sort_values("amount_usd", ascending=False, kind="stable")
    texts = [analysis.budget_amount_text(row.amount_usd, row.qualifier) for row in ordered.itertuples()]
    if len(texts) == 1:
        return f"{texts[0]} {verb}"
    sources = [analysis.source_phrase(source) for source in ordered["source"]]
    return f"{texts[0]} {verb} according to {sources[0]}, " + ", ".join(
        f"{text} according to {source}" for text, source in zip(texts[1:], sources[1:]))


def budget_comparison_sentence(aid_budget: pd.DataFrame, years) -> str | None:
    """The region-wide request and enacted amounts of each year that has both, every source kept."""
    compared = []
    for year in years:
        rows = aid_budget[aid_budget["fiscal_year"] == year]
        compared.append(f"FY{year}, {stage_figures(rows[rows['stage'] == 'request'], 'requested')} and "
                        f"{stage_figures(rows[rows['stage'] == 'enacted'], 'enacted')}")
    if not compared:
        return None
    return ("For the whole region, the years with both a request and an enacted amount in the sources compare as "
            "follows: " + "; ".join(compared) + ".")


def conflict_sentences(conflicts: pd.DataFrame) -> list[str]:
    sentences = []
    for (year, stage), rows in conflicts.groupby(["fiscal_year", "stage"]):
        gives = [f"{analysis.source_phrase(row.source)} gives {analysis.budget_amount_text(row.amount_usd, row.qualifier)}"
                 for row in rows.itertuples()]
        sentences.append(f"The sources disagree on the FY{year} {stage.replace('_', ' ')} amount: {listing(gives)}. "
                         "The pages do not say what each total counts, so both figures are kept and drawn side by side.")
    return sentences


def cutoff_years_sentence(closed: pd.Series, countries_text: str) -> str | None:
    """Obligation levels in FY2016 (the last budget before the first Trump requests) and FY2019 (the cut-off year).

    Levels only: the chapter's measure of the fall is `obligations_cut_sentence`.
    """
    closed = closed.dropna()
    if not {2016, 2019} <= set(closed.index):
        return None
    return (f"In FY2016, a year of Obama-era budgets, {money(closed[2016])} was obligated to "
            f"{countries_text}; in FY2019, the year the administration cut off new programmes to the three "
            f"governments, {money(closed[2019])}.")


def outside_triangle_sentence(chosen: list[str], record: str) -> str:
    """Said instead of a section whose `record` covers only the Northern Triangle, when the run follows none of it.

    Names only the chosen countries (never substitutes others) and points at the parameter.
    """
    if not chosen:
        return f"No country is shown; {record} covers only the Northern Triangle, so this section shows nothing."
    if len(chosen) == 1:
        subject = f"{chosen[0]}, the country this run follows, is not in the Northern Triangle, and"
    else:
        subject = f"None of the countries this run follows ({listing(chosen)}) is in the Northern Triangle, and"
    return (f"{subject} {record} covers only the Northern Triangle, so this section shows nothing for this run; "
            "choose one of its countries (countries=[...]) to see it.")


def national_moves_sentence(homicide: pd.DataFrame, countries: list[str], first: int, last: int) -> str | None:
    """A clause: how each country's recorded homicide rate moved from `first` to `last` outside UNODC's series.

    A country's two figures are compared only where one source gives both years; where they come
    from different sources, both are named with their sources and no change is read into them.
    Countries with no figure for one of the years are named as such. None when no country has both years.
    """
    recent = homicide[homicide["country"].isin(countries) & homicide["year"].isin([first, last])
                      & (homicide["source"] != "UNODC")]
    order = {source: rank for rank, source in enumerate(analysis.HOMICIDE_SOURCE_PREFERENCE)}
    parts, lacking = [], []
    for country in countries:
        own = recent[recent["country"] == country]
        both = [source for source, rows in own.groupby("source") if {first, last} <= set(rows["year"])]
        if both:
            source = min(both, key=lambda s: order.get(s, 99))
            rates = own[own["source"] == source].set_index("year")["rate_per_100k"]
            parts.append(f"{country} {num(rates[first], 1)} to {num(rates[last], 1)} ({analysis.source_phrase(source)})")
            continue
        ends = [own[own["year"] == year].sort_values("source", key=lambda s: s.map(order)) for year in (first, last)]
        if all(len(rows) for rows in ends):
            a, b = ends[0].iloc[0], ends[1].iloc[0]
            parts.append(f"{country} {num(a['rate_per_100k'], 1)} ({analysis.source_phrase(a['source'])}) and "
                         f"{num(b['rate_per_100k'], 1)} ({analysis.source_phrase(b['source'])}), two sources and so "
                         "not compared")
        else:
            lacking.append(country)
    if not parts:
        return None
    return (f"recorded homicide rates per 100,000 outside UNODC's series, {first} and {last}: " + "; ".join(parts)
            + (f"; no figure for both years is held for {listing(lacking)}" if lacking else ""))
