"""Claims about the eradication theme, tested against its tables.

Each evaluator registers with `hemisphere.claims.evaluates` and returns
(measured, headline, finding, verdict); see hemisphere/claims.py for the contract.

The test window is the same for every claim: both Trump terms. A crop or eradication figure
describes a calendar year, so a data year is in the window when the administration in office on
1 July of that year is a Trump administration (2017-2020, and 2025 on).
"""

from __future__ import annotations

import pandas as pd

from hemisphere import data
from hemisphere.claims import CONTRADICTED, CUT_SHARE, MIXED, SUPPORTED, evaluates, in_window
from hemisphere.eradication import analysis
from hemisphere.prose import listing, moved, num

ESTIMATORS = (analysis.UNODC, analysis.ONDCP)
NAMES = {analysis.UNODC: "UNODC", analysis.ONDCP: "the US government"}


def window_years(years) -> list[int]:
    """The data years that fall in either Trump term (1 July of the year in office)."""
    return [int(year) for year in years if in_window(f"{int(year)}-07-01")]


def _colombia(table: str, estimator: str) -> pd.Series:
    loaded = data.load(table)
    if table == "coca_cultivation":
        return analysis.cultivation_series(loaded, "Colombia", estimator)
    return analysis.production_series(loaded, "Colombia", estimator)


def _record_at_claim(claim, table: str, unit: str):
    """Each estimator: is its highest figure up to the claim year in the claim year or the year before?"""
    year = int(claim["year"])
    peaks, latest = {}, {}
    for estimator in ESTIMATORS:
        series = _colombia(table, estimator)
        held = series[series.index <= year]
        peaks[estimator] = analysis.peak(held)
        latest[estimator] = int(held.index.max())
    records = [estimator for estimator, (peak_year, _) in peaks.items() if peak_year >= year - 1]
    verdict = SUPPORTED if len(records) == len(peaks) else CONTRADICTED if not records else MIXED
    measured = {NAMES[e]: {"peak_year": y, unit: v, "latest_year_held": latest[e]} for e, (y, v) in peaks.items()}
    headline = "; ".join(f"{NAMES[e]}: peak {num(v)} {unit} in {y}" for e, (y, v) in peaks.items())
    parts = []
    for estimator, (peak_year, value) in peaks.items():
        text = f"{NAMES[estimator]}'s series peaks at {num(value)} {unit} in {peak_year}"
        if latest[estimator] < year - 1:
            text += f" and holds no figure after {latest[estimator]}"
        parts.append(text)
    finding = (f"Up to {year}, {listing(parts)}: a record in the claim year or the year before in "
               f"{num(len(records))} of the {num(len(peaks))} series.")
    return measured, headline, finding, verdict


@evaluates("eradication_crops_colombia_record_2025")
def _colombia_record_2025(claim):
    return _record_at_claim(claim, "coca_cultivation", "hectares")


@evaluates("eradication_crops_cocaine_record_2025")
def _cocaine_record_2025(claim):
    return _record_at_claim(claim, "cocaine_production", "metric tons")


@evaluates("eradication_crops_decertification_no_cut")
def _decertification_no_cut(claim):
    """After each threat or designation, did either estimator's own series fall by more than a tenth?"""
    pressure_years = (2017, 2025)  # the FY2018 threat (Sept 2017) and the FY2026 designation (Sept 2025)
    measured, parts, cut, tested = {}, [], 0, 0
    lacking: dict[int, list[str]] = {}
    for estimator in ESTIMATORS:
        series = _colombia("coca_cultivation", estimator)
        for start in pressure_years:
            term = [year for year in window_years(series.index) if year >= start and year - start < 4]
            if len(term) < 2 or term[0] != start:
                lacking.setdefault(start, []).append(NAMES[estimator])
                continue
            first, last = series.loc[term[0]], series.loc[term[-1]]
            change = last / first - 1
            tested += 1
            cut += int(change < -CUT_SHARE)
            measured[f"{NAMES[estimator]} {term[0]}-{term[-1]}"] = {"from": first, "to": last, "change": change}
            parts.append(f"{NAMES[estimator]}'s estimate {moved(first, last)} from {term[0]} to {term[-1]}")
    for start, names in lacking.items():
        who = "neither body has" if len(names) == len(ESTIMATORS) else f"{listing(names)} {'has' if len(names) == 1 else 'have'}"
        parts.append(f"{who} two figures from {start} within that term yet")
    if tested == 0:
        from hemisphere.claims import NOT_TESTABLE
        return measured, "no series with two figures", "No estimator has two figures after a threat.", NOT_TESTABLE
    verdict = SUPPORTED if cut == 0 else CONTRADICTED if cut == tested else MIXED
    headline = f"a cut of more than {num(CUT_SHARE * 100)}% in {num(cut)} of {num(tested)} series tested"
    finding = (f"Measured from the year of the threat (2017) or of the designation (2025) to the last figure of that "
               f"term: {'; '.join(parts)}."
               + (" The series disagree, so the verdict depends on which estimate is believed." if verdict == MIXED else ""))
    return measured, headline, finding, verdict


@evaluates("eradication_crops_record_manual_2020")
def _record_manual_2020(claim):
    eradicated = analysis.eradication_series(data.load("coca_eradication"), "Colombia")
    manual = eradicated[eradicated["methods"] == "manual"]["hectares"]
    window = window_years(manual.index)
    in_term = manual.loc[window]
    record_year = int(manual.idxmax())
    claimed = float(claim["claimed_value"])
    figure = float(manual.get(2020, float("nan")))
    close = abs(figure / claimed - 1) <= 0.05 if figure == figure else False
    holds = [record_year == 2020, close]
    verdict = SUPPORTED if all(holds) else CONTRADICTED if not any(holds) else MIXED
    measured = {"manual_2020": figure, "record_year": record_year, "record_hectares": float(manual.max()),
                "largest_in_trump_terms": {int(y): float(v) for y, v in in_term.items()}}
    headline = f"2020: {num(figure)} ha manual; largest manual-only year {record_year}"
    finding = (f"The table gives {num(figure)} hectares of manual eradication for 2020 (claimed: about {num(claimed)}); "
               f"the largest manual-only figure in any year held is {num(manual.max())} hectares, in {record_year}. "
               f"Years of aerial spraying (to 2015) eradicated more in total, so 'record' holds for manual eradication only.")
    return measured, headline, finding, verdict
