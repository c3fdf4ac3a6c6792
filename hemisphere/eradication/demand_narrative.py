"""Sentences about the opioid response, built from the numbers in `demand` (pure functions)."""

from __future__ import annotations

import pandas as pd

from hemisphere.eradication import demand
from hemisphere.prose import listing, money, num, pct, plural


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


_WORDS = {2: "two", 3: "three"}


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _partial_comparisons(rates: pd.DataFrame, leaders: pd.Series) -> list[str]:
    """For each run of led years in which a type had no rate, 'in 2019-2020 against heroin only'."""
    clauses = []
    compared = rates.loc[leaders.index]
    missing = compared.isna()
    runs: list[tuple[tuple[str, ...], int, int]] = []
    for year, row in missing.iterrows():
        absent = tuple(kind for kind in rates.columns if row[kind])
        if not absent:
            continue
        year = int(year)
        if runs and runs[-1][0] == absent and runs[-1][2] == year - 1:
            runs[-1] = (absent, runs[-1][1], year)
        else:
            runs.append((absent, year, year))
    for absent, first, last in runs:
        held = [kind for kind in rates.columns if kind not in absent]
        names = [demand.OPIOID_TYPES[kind].split(" (")[0] for kind in held]
        if len(held) > 1:
            clauses.append(f"in {_span(first, last)} only {listing(names)} have a final rate, so the comparison "
                           f"there is between {_WORDS.get(len(held), str(len(held)))} types")
        else:
            clauses.append(f"in {_span(first, last)} only {listing(names)} has a final rate")
    return clauses


def last_rates(rates: pd.DataFrame) -> str:
    """The last year of final rate held for each opioid type, newest first (why lines stop early)."""
    ends = {kind: int(rates[kind].dropna().index.max()) for kind in rates.columns if rates[kind].notna().any()}
    if not ends:
        return ""
    newest = max(ends.values())
    early = sorted(((year, kind) for kind, year in ends.items() if year < newest), reverse=True)
    if not early:
        return f"Final rates for all three types are held to {newest}."
    stops = [f"{demand.OPIOID_TYPES[kind].split(' (')[0]} to {year}" for year, kind in early]
    latest = [demand.OPIOID_TYPES[kind].split(" (")[0] for kind, year in ends.items() if year == newest]
    return (f"Final rates are held for {listing(latest)} to {newest}, for {listing(stops)}; no later final "
            "rate for those types was found in the stored material, so their lines stop early.")


def waves(rates: pd.DataFrame) -> str:
    """Which opioid type had the highest death rate, year by year, as runs of years."""
    leaders = demand.leading_type(rates)
    if leaders.empty:
        return "No year in the period shown has a final death rate for at least two opioid types."
    runs = demand.leader_runs(leaders)
    parts = [f"{demand.OPIOID_TYPES[kind]} in {_span(first, last)}" for kind, first, last in runs]
    last_year = int(leaders.index.max())
    share = demand.share_of_opioid_rates(rates, demand.SYNTHETIC)
    lead = ("Among the opioid types, the highest final death rate belonged to "
            if len(runs) > 1 else
            ("In the one year shown with at least two rates, the highest final death rate belonged to "
             if len(leaders) == 1 else "In every year with at least two rates, the highest final death rate belonged to "))
    text = lead + listing(parts)
    partial = _partial_comparisons(rates, leaders)
    text += ("; " + "; ".join(partial) + "." if partial else ".")
    if len(share) >= 2 and share.index.min() != share.index.max():
        a, b = int(share.index.min()), int(share.index.max())
        text += (f" Synthetic opioids' part of the three rates added together went from {pct(share.loc[a])} "
                 f"in {a} to {pct(share.loc[b])} in {b}, the last year with all three.")
    if demand.SYNTHETIC in rates and rates[demand.SYNTHETIC].notna().any():
        synthetic = rates[demand.SYNTHETIC].dropna()
        peak_year = int(synthetic.idxmax())
        if peak_year > last_year:
            others = rates.drop(columns=[demand.SYNTHETIC])
            ends = [f"{_possessive(demand.OPIOID_TYPES[kind].split(' (')[0])} in {int(others[kind].dropna().index.max())}"
                    for kind in others.columns if others[kind].notna().any()]
            text += (f" The synthetic-opioid rate alone kept rising, to {num(synthetic.max(), 1)} per 100,000 in "
                     f"{peak_year}" + (f"; the last final rates held for the other types are {listing(ends)}."
                                       if ends else "."))
    return text


def final_and_provisional(final: pd.Series, provisional: pd.Series | None) -> str:
    """The newest final count and, as a separate series, the newest provisional 12-month count."""
    if final.empty:
        return "No final overdose death count is held for the years shown."
    year = int(final.index.max())
    text = f"The newest final count is {num(final.loc[year])} overdose deaths in {year}"
    earlier = final[final.index < year]
    if len(earlier):
        peak_year = int(earlier.idxmax())
        text += f", against {num(earlier.max())} in {peak_year}, the highest final count held before it"
    text += "."
    if provisional is not None:
        end = provisional["period_end"]
        span = (f"in {end.year}" if provisional.get("period") == "calendar year"
                else f"in the 12 months to {end:%B %Y}")
        text += (f" A separate, provisional series (predicted counts that CDC revises) puts deaths {span} at "
                 f"{num(provisional['value'])}; it is reported beside the final series, not joined to it.")
    return text


def seizures(full: pd.DataFrame, partial: pd.Series | None, single: pd.DataFrame | None = None) -> str:
    """Peak and newest full fiscal year of fentanyl seized, the pace of the newest part-year, and any
    single months held after it."""
    if full.empty:
        return "No full-year fentanyl seizure figure is held."
    peak_year = int(full["pounds"].idxmax())
    last_year = int(full.index.max())
    text = (f"CBP's fentanyl seizures peaked at {num(full.loc[peak_year, 'pounds'])} pounds in FY{peak_year}"
            + (f" and were {num(full.loc[last_year, 'pounds'])} pounds in FY{last_year}, the newest full year held."
               if last_year != peak_year else ", the newest full year held."))
    if partial is not None and int(partial["fiscal_year"]) > last_year:
        pace = demand.monthly_pace(partial["pounds"], int(partial["months"]))
        before = demand.monthly_pace(full.loc[last_year, "pounds"], 12)
        months = int(partial["months"])
        text += (f" In the first {plural(months, 'month')} of FY{int(partial['fiscal_year'])} ({partial['period']}) about "
                 f"{num(partial['pounds'])} pounds were seized, {num(pace)} a month against {num(before)} a month in "
                 f"FY{last_year}, {pct(abs(pace / before - 1))} {'less' if pace < before else 'more'}.")
    if single is not None and len(single):
        items = [f"{num(row['pounds'])} pounds in {row['month']:%B %Y}" for _, row in single.iterrows()]
        text += f" The newest single month{'s' if len(items) > 1 else ''} held: {listing(items)}."
    return text


PROGRAMME_NAMES = {"STR": "State Targeted Response", "SOR": "State Opioid Response"}


def funding(balance: float, grants: pd.DataFrame) -> str:
    """What the emergency fund held against the grants already flowing and those that came later."""
    awards = demand.awards(grants)
    if awards.empty:
        return f"When the emergency was declared, the Public Health Emergency Fund held {money(balance)}."
    first = awards.iloc[0]
    text = (f"When the emergency was declared, the Public Health Emergency Fund held {money(balance)}: "
            f"{pct(balance / first['amount_usd'], 2)} of the {money(first['amount_usd'])} in {PROGRAMME_NAMES.get(first['programme'], first['programme'])} grants "
            f"already awarded to states for FY{int(first['fiscal_year'])}, money Congress had voted the year before.")
    largest = awards.loc[awards["amount_usd"].idxmax()]
    if largest["fiscal_year"] != first["fiscal_year"]:
        text += (f" State grants reached {money(largest['amount_usd'])} in FY{int(largest['fiscal_year'])} "
                 f"({PROGRAMME_NAMES.get(largest['programme'], largest['programme'])} grants), money Congress appropriated year by year, not money that came with the declaration.")
    return text


def attribution(rates: pd.Series, year: int) -> str:
    """Death rates around the year money rose, with what that can and cannot show."""
    before, during = rates.get(year - 1), rates.get(year)
    after = rates.get(year + 1)
    if before is None or during is None:
        return (f"The table lacks a final all-drug death rate for {year - 1} or {year}, so deaths cannot be set "
                "beside the rise in grants.")
    text = (f"The all-drug death rate was {num(before, 1)} per 100,000 in {year - 1} and {num(during, 1)} in {year}, "
            f"the calendar year holding most of FY{year}, when state grant awards were largest")
    text += f", then {num(after, 1)} in {year + 1}." if after is not None else "."
    text += (" Deaths moving after money moves is not attribution: the drug supply, naloxone, the pandemic and "
             "treatment capacity changed at the same time, and grants take years to be spent.")
    return text


def waves_title(rates: pd.DataFrame) -> str:
    """A chart title naming which opioid type led first and which leads last."""
    leaders = demand.leading_type(rates)
    if leaders.empty:
        return "US overdose death rates by opioid type"
    runs = demand.leader_runs(leaders)
    short = {"natural and semisynthetic opioids": "Prescription-type opioids", "heroin": "Heroin",
             "synthetic opioids other than methadone": "synthetic opioids (mainly fentanyl)"}
    (first_kind, a, b), (last_kind, c, d) = runs[0], runs[-1]
    first_name = short[first_kind][0].upper() + short[first_kind][1:]
    if len(runs) == 1:
        return f"{first_name} had the highest opioid death rate in every year compared, {_span(a, d)}"
    title = f"{first_name} had the highest opioid death rate in {_span(a, b)}; {short[last_kind]} in {_span(c, d)}"
    if last_kind == demand.SYNTHETIC:
        synthetic = rates[demand.SYNTHETIC].dropna()
        if int(synthetic.idxmax()) > d:
            title += f", and their rate rose to {num(synthetic.max(), 1)} per 100,000 by {int(synthetic.idxmax())}"
    return title


def seizures_title(full: pd.DataFrame, partial: pd.Series | None) -> str:
    if full.empty:
        return "Fentanyl seized by CBP"
    peak_year = int(full["pounds"].idxmax())
    text = f"CBP's fentanyl seizures peaked in FY{peak_year} at {num(full.loc[peak_year, 'pounds'] / 12)} pounds a month"
    if partial is not None and int(partial["fiscal_year"]) > int(full.index.max()):
        pace = demand.monthly_pace(partial["pounds"], int(partial["months"]))
        text += f"; the first months of FY{int(partial['fiscal_year'])} ran at {num(pace)}"
    return text


def grants_title(balance: float, grants: pd.DataFrame) -> str:
    """A title setting the emergency fund's balance against the largest year of state grants."""
    if grants.empty:
        return f"The 2017 emergency came with a fund of {money(balance)}"
    awards = demand.awards(grants)
    if awards.empty:
        return f"The 2017 emergency came with a fund of {money(balance)}"
    largest = awards.loc[awards["amount_usd"].idxmax()]
    return (f"The 2017 emergency came with a fund of {money(balance)}; state opioid grants voted by Congress "
            f"reached {money(largest['amount_usd'])} in FY{int(largest['fiscal_year'])}")


def synthetic_change(change: float, year: int) -> str:
    """The final year's change in the synthetic-opioid rate, against the year before (unnamed, so the
    sentence stays inside a one-year period)."""
    return (f"The final {year} data put the synthetic-opioid death rate {num(abs(change), 1)}% "
            f"{'below' if change < 0 else 'above'} the year before; the table holds that change but not the {year} "
            "rate itself.")


def requested_and_enacted(funding: pd.DataFrame) -> str:
    """What the administration asked for in its FY2019 budget beside what the FY2018 omnibus held."""
    requested = demand.funding_rows(funding, "budget request (HHS)", "new opioid and mental-health funding proposed")
    enacted = demand.funding_rows(funding, "FY2018 omnibus", "opioid funding in the enacted bill")
    if requested.empty:
        return ""
    total = float(requested["amount_usd"].sum())
    first, last = int(requested["fiscal_year_start"].min()), int(requested["fiscal_year_end"].max())
    text = (f"In its FY2019 budget (February 2018) the administration asked for {money(total)} of new HHS "
            f"money for opioids and mental health over FY{first}-FY{last}")
    if len(enacted):
        row = enacted.iloc[0]
        text += (f"; the FY2018 omnibus Congress passed in March 2018 held about {money(row['amount_usd'], 2)} for opioids "
                 f"across the government ({row['source']})")
    return text + ". Requests are not appropriations, and the sources count programmes differently."
