"""Claims about the venezuela theme, tested against its tables.

Each evaluator registers with `hemisphere.claims.evaluates` and returns
(measured, headline, finding, verdict); see hemisphere/claims.py for the contract. Every test
uses the one window fixed in advance, both Trump terms (`hemisphere.claims.window_terms`).
"""

from __future__ import annotations

import pandas as pd

from hemisphere import data, events
from hemisphere.claims import CONTRADICTED, CUT_SHARE, MIXED, NOT_TESTABLE, SUPPORTED, _by_parts, evaluates, window_terms
from hemisphere.prose import day, listing, moved, num, pct
from hemisphere.venezuela import analysis

OIL_SECTOR_DESIGNATION = "venezuela_pdvsa_designated_2019"   # maximum pressure on oil, Trump I
TANKER_DESIGNATIONS = "venezuela_nephews_tankers_designated_2025"  # maximum pressure on oil, Trump II
FINANCIAL_ORDER = "venezuela_eo13808_2017"                   # the first sanctions on the state's finances
CAPTURE = "venezuela_maduro_captured_2026"
SUCCESSOR_SWORN_IN = "venezuela_delcy_rodriguez_sworn_in_2026"
AMNESTY = "venezuela_amnesty_law_2026"
OPEC_BASES = (analysis.OPEC_INDEPENDENT, analysis.OPEC_OFFICIAL, "OPEC Annual Statistical Bulletin")


def _event_date(event_id: str) -> pd.Timestamp:
    return events.select(ids=[event_id])["date"].iloc[0]


def baseline_year(designated: pd.Timestamp) -> int:
    """The rule's Trump I baseline: the calendar year before the oil-sector designation (2018)."""
    return designated.year - 1


def term_one_oil_changes(points: pd.DataFrame, designated: pd.Timestamp, term_end: pd.Timestamp) -> dict:
    """Per OPEC basis: its annual average of the baseline year (the year before the oil-sector
    designation) and its first annual average from the designation's year to the year Trump I
    ended (each basis against itself). A basis without a baseline-year average is left out: an
    earlier year is not put in its place."""
    changes = {}
    base = baseline_year(designated)
    for reporter in OPEC_BASES:
        annual = analysis.annual_by_basis(points, reporter)
        after = annual[(annual.index >= designated.year) & (annual.index <= term_end.year)]
        if base in annual.index and len(after):
            changes[reporter] = (base, float(annual[base]), int(after.index[0]), float(after.iloc[0]))
    return changes


def without_baseline(points: pd.DataFrame, designated: pd.Timestamp) -> list[str]:
    """The OPEC bases that have annual averages but none for the baseline year."""
    base = baseline_year(designated)
    return [reporter for reporter in OPEC_BASES
            if len(analysis.annual_by_basis(points, reporter)) and base not in analysis.annual_by_basis(points, reporter).index]


def term_two_oil_changes(points: pd.DataFrame, designated: pd.Timestamp) -> dict:
    """Per OPEC basis: its last monthly figure before the month of the tanker designations and its
    figure for the latest month (each basis against itself)."""
    changes = {}
    monthly = points[points["frequency"] == "month"]
    for reporter in OPEC_BASES:
        basis = monthly[monthly["reporter"] == reporter].sort_values("period_end")
        before = basis[basis["period_end"] < designated.replace(day=1)]
        after = basis[basis["period_start"] >= designated.replace(day=1)]
        if len(before) and len(after):
            changes[reporter] = (before["period"].iloc[-1], float(before["value"].iloc[-1]),
                                 after["period"].iloc[-1], float(after["value"].iloc[-1]))
    return changes


def _fell(changes: dict) -> bool:
    return bool(changes) and all(new < old * (1 - CUT_SHARE) for _, old, _, new in changes.values())


def _describe(changes: dict) -> str:
    return "; ".join(f"{analysis_name(r)} {moved(old, new)} ({a} to {b})" for r, (a, old, b, new) in changes.items())


def _fell_text(changes: dict, share: float) -> str:
    """'fell by more than 10% on the one basis with figures on both sides' / '... on both bases ...' /
    '... on every one of the 3 bases ...', worded for the count of bases compared."""
    count = len(changes)
    where = ("on the one OPEC basis with figures on both sides" if count == 1
             else "on both OPEC bases with figures on both sides" if count == 2
             else f"on every one of the {count} OPEC bases with figures on both sides")
    if not count:
        return "could not be compared (no OPEC basis has figures on both sides)"
    if _fell(changes):
        return f"fell by more than {pct(share)} {where}"
    if count == 1:
        return f"did not fall by more than {pct(share)} {where}"
    fell = sum(new < old * (1 - share) for _, old, _, new in changes.values())
    return f"fell by more than {pct(share)} on {num(fell)} of the {num(count)} OPEC bases with figures on both sides"


def analysis_name(reporter: str) -> str:
    return {analysis.OPEC_INDEPENDENT: "secondary sources", analysis.OPEC_OFFICIAL: "direct communication",
            "OPEC Annual Statistical Bulletin": "Annual Statistical Bulletin"}[reporter]


@evaluates("venezuela_max_pressure_cut_oil")
def _max_pressure_cut_oil(claim):
    (first_start, first_end), (second_start, _) = window_terms()
    points = analysis.crude_points(data.load("oil_production"), first_start, pd.Timestamp("2026-12-31"))
    one = term_one_oil_changes(points, _event_date(OIL_SECTOR_DESIGNATION), first_end)
    two = term_two_oil_changes(points, _event_date(TANKER_DESIGNATIONS))
    if not one and not two:
        return {"trump_i": one, "trump_ii": two}, "no OPEC basis on both sides", "No basis has figures on both sides.", NOT_TESTABLE
    verdict = _by_parts(_fell(one) + _fell(two), 2)
    measured = {"trump_i": one, "trump_ii": two, "cut_share": CUT_SHARE}
    headline = f"Trump I: {_describe(one)}; Trump II: {_describe(two)}"
    tanker = events.select(ids=[TANKER_DESIGNATIONS]).iloc[0]
    first_part = _fell_text(one, CUT_SHARE)
    second_part = _fell_text(two, CUT_SHARE)
    designated = _event_date(OIL_SECTOR_DESIGNATION)
    base = baseline_year(designated)
    missing = without_baseline(points, designated)
    missing_text = (f"; {listing([analysis_name(r) for r in missing])} {'has' if len(missing) == 1 else 'have'} "
                    f"no {base} average in the tables and {'is' if len(missing) == 1 else 'are'} not compared"
                    if missing else "")
    measured["baseline_year"], measured["without_baseline"] = base, missing
    finding = (f"Against the {base} annual average, the year before the oil-sector designation of "
               f"{designated:%B %Y}, crude output {first_part} "
               f"({_describe(one) or 'no basis with figures on both sides'}{missing_text}). After the designations of "
               f"{day(tanker['date'])} ({tanker['label'].removesuffix(' designated')}, the register's entry) it {second_part} ({_describe(two) or 'no basis with figures on both sides'}). "
               "Output was already falling before 2019 and other forces acted too; this tests timing, not cause.")
    return measured, headline, finding, verdict


@evaluates("venezuela_sanctions_drove_emigration")
def _sanctions_drove_emigration(claim):
    migrants = data.load("migrants_refugees")
    # Both sides of the 2017 order from one publication, UNHCR and IOM's joint statements (R4V's own
    # counts begin after the first term and are used for the second term only).
    totals = analysis.agency_statements(migrants)
    r4v = analysis.r4v_counts(migrants)
    order = _event_date(FINANCIAL_ORDER)
    (first_start, first_end), (second_start, second_end) = window_terms()
    before = totals[totals["date"] < order]
    during_one = totals[(totals["date"] >= order) & (totals["date"] < first_end)]
    during_two = r4v[r4v["date"] >= second_start]
    measured = {"before": None if before.empty else int(before["persons"].iloc[-1]),
                "trump_i_last": None if during_one.empty else int(during_one["persons"].iloc[-1]),
                "trump_ii_counts": len(during_two)}
    if before.empty or during_one.empty:
        return measured, "no counts on both sides of the 2017 order", "The platform has no counts on both sides.", NOT_TESTABLE
    first, last = before.iloc[-1], during_one.iloc[-1]
    rose = last["persons"] > first["persons"]
    verdict = SUPPORTED if rose else CONTRADICTED
    two_text = ("R4V has no count dated in Trump II, so the second term cannot be tested"
                if during_two.empty else f"in Trump II R4V's latest count is {num(during_two['persons'].iloc[-1] / 1e6, 1)} million")
    weak = ("; known only from a repost, low confidence"
            if first["confidence"] == "low" else "")
    headline = (f"{num(first['persons'] / 1e6, 1)} million ({first['date']:%b %Y}) to {num(last['persons'] / 1e6, 1)} "
                f"million ({last['date']:%b %Y}); no Trump II count")
    finding = (f"Venezuelans abroad, in UNHCR and IOM's joint statements, went from {num(first['persons'] / 1e6, 1)} million "
               f"({first['date']:%B %Y}, before the financial sanctions of {order:%B %Y}){weak} to "
               f"{num(last['persons'] / 1e6, 1)} million ({last['date']:%B %Y}) during the first term; {two_text}. "
               "The rise came after the sanctions, as claimed; the counts cannot say how much the sanctions caused.")
    return measured, headline, finding, verdict


@evaluates("venezuela_capture_brings_transition")
def _capture_brings_transition(claim):
    register = events.select(theme="venezuela")
    capture = _event_date(CAPTURE)
    after = register[register["date"] > capture]
    elections = after[after["kind"] == "election"]
    successor = after[after["event_id"] == SUCCESSOR_SWORN_IN]
    named = data.load("named_entries").set_index("key")
    successor_role = named.at["delcy_rodriguez", "role"]
    releases = data.load("prisoner_releases")
    verified = releases[(releases["measure"] == "political_prisoners_released_verified")
                        & (releases["counter"] == "Foro Penal")]
    released = int(verified["persons"].max()) if len(verified) else 0
    amnesty = not after[after["event_id"] == AMNESTY].empty
    latest = after["date"].max() if len(after) else capture
    if len(elections):
        verdict = SUPPORTED
    elif len(successor) and (released or amnesty):
        verdict = MIXED
    elif len(successor):
        verdict = CONTRADICTED
    else:
        verdict = NOT_TESTABLE
    measured = {"elections_after_capture": len(elections), "successor_sworn_in": bool(len(successor)),
                "released_verified": released, "amnesty_law": amnesty, "latest_event": latest}
    headline = (f"{'no' if not len(elections) else num(len(elections))} "
                f"{'election' if len(elections) <= 1 else 'elections'} in the register after the capture; Maduro's vice-president sworn in; "
                f"{num(released)} political prisoners released (Foro Penal)")
    finding = (f"By {day(latest)}, the newest Venezuela event in the register, no election had been held or dated; Delcy "
               f"Rodríguez ({successor_role[:1].lower() + successor_role[1:]}) governed. Foro Penal verified "
               f"{num(released)} releases of political prisoners and an amnesty law was signed, a partial opening "
               "under the same government rather than a transition of power.")
    return measured, headline, finding, verdict
