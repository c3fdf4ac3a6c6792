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
from hemisphere.claims import (CONTRADICTED, CUT_SHARE, MIXED, NOT_TESTABLE, SUPPORTED, evaluates, in_window,
                               window_terms)
from hemisphere.eradication import analysis, colombia, demand
from hemisphere.prose import listing, money, moved, num, pct, plural

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
    """Each estimator: is its highest figure up to the claim year in the claim year or the year before?

    A series with no figure for the claim year or the year before cannot show a record then: it is
    left out of the verdict (not testable for that term), and the verdict rests on the others."""
    year = int(claim["year"])
    peaks, latest = {}, {}
    for estimator in ESTIMATORS:
        series = _colombia(table, estimator)
        held = series[series.index <= year]
        peaks[estimator] = analysis.peak(held)
        latest[estimator] = int(held.index.max())
    testable = [estimator for estimator in ESTIMATORS if latest[estimator] >= year - 1]
    records = [estimator for estimator in testable if peaks[estimator][0] >= year - 1]
    if not testable:
        verdict = NOT_TESTABLE
    else:
        verdict = SUPPORTED if len(records) == len(testable) else CONTRADICTED if not records else MIXED
    measured = {NAMES[e]: {"peak_year": y, unit: v, "latest_year_held": latest[e], "testable": e in testable}
                for e, (y, v) in peaks.items()}
    headline = "; ".join(f"{NAMES[e]}: peak {num(v)} {unit} in {y}" + ("" if e in testable else f" (no figure after {latest[e]})")
                         for e, (y, v) in peaks.items())
    parts, untested = [], []
    for estimator, (peak_year, value) in peaks.items():
        text = f"{NAMES[estimator]}'s series peaks at {num(value)} {unit} in {peak_year}"
        if estimator not in testable:
            text += f" and holds no figure after {latest[estimator]}"
            untested.append(NAMES[estimator])
        parts.append(text)
    finding = f"Up to {year}, {listing(parts)}."
    if untested:
        finding += (f" With no figure for {year - 1} or {year}, {listing(untested)} cannot show whether a record was set "
                    f"then, so {'it is' if len(untested) == 1 else 'they are'} not testable for this term and left out of the verdict")
        finding += (f"; the verdict rests on {listing([NAMES[e] for e in testable])} alone: "
                    f"{'a record' if records else 'no record'} in the claim year or the year before."
                    if testable else ".")
    else:
        finding += (f" A record in the claim year or the year before in {num(len(records))} of the "
                    f"{num(len(testable))} series.")
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


# === Demand side and Colombia (claim ids eradication_demand_*, eradication_colombia_*) ===========
# Thresholds are quoted in the test column of data/claims.csv.
FIRST_WAVE_YEARS = (1999, 2009)     # the prescription-opioid wave, before heroin's rise from 2010
EMERGENCY_SHARE = 0.01              # a fund below 1% of one year's state grants brings "no money" to speak of
SEIZURE_FALL = 0.10                 # a monthly pace more than 10% below the year before counts as a fall
PAYMENTS_STOPPED_SHARE = 0.10       # obligations below 10% of the last full year count as stopped


def _term_years(last_year: int) -> list[int]:
    """Calendar years wholly or mostly inside a Trump term, up to the newest year held."""
    years = []
    for start, end in window_terms():
        final = (end.year - 1) if end is not None else last_year
        years.extend(range(start.year, final + 1))
    return [year for year in years if year <= last_year]


def _term_fiscal_years(last_fiscal_year: int) -> list[int]:
    """Fiscal years that began during a Trump term (FY N begins 1 October N-1)."""
    years = []
    for start, end in window_terms():
        first = start.year + 1
        final = end.year if end is not None else last_fiscal_year
        years.extend(range(first, final + 1))
    return [year for year in years if year <= last_fiscal_year]


@evaluates("eradication_demand_three_waves")
def _three_waves(claim):
    leaders = demand.leading_type(demand.opioid_rates(data.load("overdose_deaths")))
    first, last = FIRST_WAVE_YEARS
    early = leaders.loc[first:last]
    prescription = "natural and semisynthetic opioids"
    early_holds = len(early) == last - first + 1 and (early == prescription).all()
    window = [year for year in _term_years(int(leaders.index.max())) if year in leaders.index]
    late = leaders.loc[window]
    late_holds = len(late) > 0 and (late == demand.SYNTHETIC).all()
    holding = int(early_holds) + int(late_holds)
    verdict = SUPPORTED if holding == 2 else MIXED if holding == 1 else CONTRADICTED
    years_early = int((early == prescription).sum())
    years_late = int((late == demand.SYNTHETIC).sum())
    measured = {"first_wave_years": len(early), "prescription_led": years_early, "term_years": window,
                "synthetic_led": years_late}
    headline = (f"prescription-type led {num(years_early)} of {num(len(early))} years {first}-{last}; "
                f"synthetic led {num(years_late)} of {num(len(late))} Trump-term years")
    second_term_start = window_terms()[-1][0].year
    missing = [year for year in (second_term_start,) if year not in window]
    finding = (f"Prescription-type opioids had the highest final death rate in {num(years_early)} of the "
               f"{num(len(early))} years {first}-{last}, and synthetic opioids (mainly fentanyl) in {num(years_late)} "
               f"of the {num(len(late))} Trump-term years with at least two rates ({listing([str(y) for y in window])})"
               + (f"; no final rates by type are held for the second term ({missing[0]} on)." if missing else "."))
    return measured, headline, finding, verdict


@evaluates("eradication_demand_emergency_no_money")
def _emergency_no_money(claim):
    funding = data.load("opioid_response_funding")
    balance = demand.emergency_fund_balance(funding)
    grants = demand.grants_to_states(funding)
    awarded = demand.awards(grants)
    before = awarded[awarded["fiscal_year"] == 2017]
    if before.empty:
        return {}, "no FY2017 grant figure", "The table holds no state grant award for FY2017.", NOT_TESTABLE
    already = float(before["amount_usd"].sum())
    share = balance / already
    largest = awarded.loc[awarded["amount_usd"].idxmax()]
    verdict = SUPPORTED if share < EMERGENCY_SHARE else CONTRADICTED
    measured = {"fund_balance": balance, "fy2017_state_grants": already, "share": share,
                "largest_award": float(largest["amount_usd"]), "largest_award_fy": int(largest["fiscal_year"])}
    headline = f"fund {money(balance)} = {pct(share, 2)} of FY2017 state grants"
    second = awarded[awarded["fiscal_year"] >= window_terms()[-1][0].year + 1]
    later = (f"; in FY{int(second['fiscal_year'].iloc[0])}, the first second-term year held, SOR awards were "
             f"{money(second['amount_usd'].iloc[0])}" if len(second) else "; no second-term funding figure is held")
    finding = (f"The Public Health Emergency Fund held {money(balance)} when the emergency was declared, "
               f"{pct(share, 2)} of the {money(already)} in state opioid grants already awarded for FY2017; grants "
               f"later reached {money(largest['amount_usd'])} in FY{int(largest['fiscal_year'])}, through appropriations "
               f"rather than the declaration{later}.")
    return measured, headline, finding, verdict


@evaluates("eradication_demand_narcotics_pouring_in")
def _narcotics_pouring_in(claim):
    seizures = data.load("fentanyl_border_seizures")
    full = demand.full_year_seizures(seizures)
    partial = demand.latest_partial(seizures)
    # The claim was made in March of its year: the fiscal year it falls in shares the year's number.
    claim_fy = int(claim["year"])
    if partial is None or int(partial["fiscal_year"]) < claim_fy or int(partial["fiscal_year"]) - 1 not in full.index:
        return ({}, "no seizure figure for the claim's fiscal year",
                f"No fentanyl seizure figure for FY{claim_fy} or later is held beside a full year before it.", NOT_TESTABLE)
    year = int(partial["fiscal_year"])
    pace = demand.monthly_pace(partial["pounds"], int(partial["months"]))
    before = demand.monthly_pace(full.loc[year - 1, "pounds"], 12)
    change = pace / before - 1
    verdict = SUPPORTED if change >= 0 else CONTRADICTED if change < -SEIZURE_FALL else MIXED
    first_term_end = window_terms()[0][1].year
    first_term = [fy for fy in _term_fiscal_years(year) if fy in full.index and fy <= first_term_end]
    first_pace = full.loc[first_term, "pounds"].mean() / 12 if first_term else None
    measured = {"fiscal_year": year, "months": int(partial["months"]), "pounds_per_month": pace,
                "previous_year_per_month": before, "change": change, "first_term_per_month": first_pace,
                "claim_fiscal_year": claim_fy}
    headline = f"{num(pace)} lb a month in FY{year} so far vs {num(before)} in FY{year - 1}"
    finding = (f"CBP seized about {num(pace)} pounds of fentanyl a month in the first "
               f"{plural(int(partial['months']), 'month')} of FY{year}, {pct(abs(change))} {'less' if change < 0 else 'more'} than the {num(before)} a month "
               f"of FY{year - 1}"
               + (f" but above the first term's average of {num(first_pace)} a month (FY{first_term[0]}-FY{first_term[-1]})"
                  if first_pace is not None and pace > first_pace else "")
               + f". The test rests on one drug, fentanyl (the only one whose seizures are held), and on the newest "
               f"part-year held ({partial['period']}), set against the full year before it per month. The rule stated in "
               f"advance scores a pace more than {pct(SEIZURE_FALL)} lower as contradicted; that score concerns fentanyl "
               "seizures only, not narcotics of all kinds, and seizures count what was caught, not what crossed, so a "
               "slower pace of seizures does not by itself show that less crossed.")
    return measured, headline, finding, verdict


EXPLODED_RISE = 0.5                 # output more than 50% above the last pre-Petro year counts as "exploded"


@evaluates("eradication_colombia_output_exploded")
def _output_exploded(claim):
    from hemisphere.eradication import analysis as eradication_analysis

    series = eradication_analysis.production_series(data.load("cocaine_production"), "Colombia",
                                                    eradication_analysis.UNODC)
    figures = colombia.output_before_and_since(series)
    if figures is None:
        return {}, "no UNODC year on both sides of 2022", "UNODC's series has no year on both sides of August 2022.", NOT_TESTABLE
    rise = figures["last"] / figures["base"] - 1
    record = figures["peak_year"] == figures["last_year"]
    if record and rise > EXPLODED_RISE:
        verdict = SUPPORTED
    elif rise < 0:
        verdict = CONTRADICTED
    else:
        verdict = MIXED
    measured = {**figures, "rise": rise, "record": record}
    headline = (f"{num(figures['base'])} t ({figures['base_year']}) to {num(figures['last'])} t ({figures['last_year']}), "
                f"{'record' if record else 'not a record'}")
    finding = (f"UNODC's estimate of Colombian potential cocaine output went from {num(figures['base'])} metric tons in "
               f"{figures['base_year']}, before President Petro took office, to {num(figures['last'])} in "
               f"{figures['last_year']} ({pct(abs(rise))} {'more' if rise >= 0 else 'less'})"
               + (", the highest in the series" if record else f", below the series peak of {num(figures['peak'])} in {figures['peak_year']}")
               + "; the claim's attribution to his policies is not tested.")
    return measured, headline, finding, verdict


@evaluates("eradication_colombia_payments_stopped")
def _payments_stopped(claim):
    obligations = colombia.aid(data.load("us_aid"), "obligations")
    announced_fy = colombia.fiscal_year_of(pd.Timestamp(year=int(claim["year"]), month=10, day=19))
    complete = obligations[~obligations["partial_year"] & (obligations.index < announced_fy)]
    last_full = int(complete.index.max())
    if announced_fy not in obligations.index:
        newest = int(obligations.index.max())
        measured = {"announced_fiscal_year": announced_fy, "newest_fiscal_year": newest,
                    "newest_partial": bool(obligations.loc[newest, "partial_year"])}
        headline = f"no FY{announced_fy} figure; newest FY{newest}" + (" (partial)" if measured["newest_partial"] else "")
        finding = (f"The announcement fell in FY{announced_fy}, for which the aid table holds no figure; obligations "
                   f"were {money(complete.loc[last_full, 'amount_usd'])} in FY{last_full}, the last complete year, and "
                   f"{money(obligations.loc[newest, 'amount_usd'])} so far in FY{newest}.")
        return measured, headline, finding, NOT_TESTABLE
    after = float(obligations.loc[announced_fy, "amount_usd"])
    base = float(complete.loc[last_full, "amount_usd"])
    share = after / base
    verdict = SUPPORTED if share < PAYMENTS_STOPPED_SHARE else CONTRADICTED
    measured = {"announced_fiscal_year": announced_fy, "obligations": after, "base_year": last_full, "share": share}
    headline = f"FY{announced_fy} obligations {pct(share)} of FY{last_full}"
    finding = (f"Obligations to Colombia were {money(after)} in FY{announced_fy}, {pct(share)} of the "
               f"{money(base)} of FY{last_full}.")
    return measured, headline, finding, verdict
