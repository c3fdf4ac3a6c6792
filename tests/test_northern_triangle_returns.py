"""Returns: the receiving governments' counts, side by side with ICE removals, and the claim."""

import pandas as pd

from hemisphere import claims, data
from hemisphere.northern_triangle import returns


def test_known_rows():
    table = data.load("returnees_received")
    guatemala = returns.received(table, "Guatemala", "from_us").set_index("year")["returnees"]
    assert guatemala[2025] == 48405 and guatemala[2024] == 61680
    partial = table[(table["country"] == "El Salvador") & (table["period_end"] == "2025-06-30")]
    assert partial["returnees"].item() == 5551
    assert 2025 not in returns.received(table, "El Salvador", "from_us")["year"].tolist()  # part-years left out


FIXTURE = pd.DataFrame({
    "country": ["Guatemala", "Guatemala", "Guatemala", "Honduras", "Honduras"],
    "year": [2024, 2025, 2025, 2024, 2024],
    "period_end": pd.to_datetime(["2024-12-31", "2025-12-31", "2025-06-30", "2024-12-31", "2024-12-31"]),
    "scope": ["from_us", "from_us", "from_us", "all_countries", "all_countries"],
    "returnees": [100, 80, 40, 50, 44],
    "counter": ["IGM", "IGM", "IGM", "CONMIGHO", "INM"],
})


def test_year_change_and_sentence():
    change = returns.year_change(FIXTURE, "Guatemala", 2025)
    assert (change["before"], change["after"]) == (100, 80)
    assert returns.change_sentence(change, "Guatemala", 2025) == (
        "Guatemala: IGM counted 80 people returned from the United States in 2025, down 20% on the 100 of 2024.")
    sentences = returns.change_sentences({"Guatemala": change, "Honduras": None}, 2025)
    assert sentences[-1] == "No pair of whole-year counts from one counter lets returns in 2025 be set against 2024 for Honduras."


def test_conflicts_are_named_not_averaged():
    table = returns.conflicts(FIXTURE)
    assert list(table["country"]) == ["Honduras"]
    assert "Honduras 2024 (44 against 50)" in returns.conflicts_sentence(table)
    assert returns.conflicts_sentence(table.iloc[0:0]).startswith("The receiving-country figures")


def test_side_by_side_never_splices():
    removals = pd.DataFrame({"country": ["Guatemala"] * 2, "fiscal_year": [2024, 2025], "removals": [66435, 70000]})
    table = returns.side_by_side(FIXTURE, removals, "Guatemala", 2024, 2025)
    assert list(table.columns) == ["ICE removals (fiscal year)", "IGM: returned from the United States (calendar year)"]
    assert table.loc[2025, "ICE removals (fiscal year)"] == 70000


def test_claim_rule():
    claim = claims.load_claims(["northern_triangle"]).set_index("claim_id", drop=False).loc[
        "northern_triangle_returns_more_deportations"]
    result = claims.evaluate(claim)
    assert result.measured["ice_change"] > 0.10
    assert result.verdict == claims.MIXED
    assert "by IGM" in result.finding


def test_no_count_sentence_names_the_chosen_years_not_the_series_start():
    # A one-year 2013 run: the counts start later, and the sentence must not read "in 2015 to 2013".
    assert returns.none_received_sentence(["Honduras"], 2013, 2013) == (
        "No receiving-government count of returnees for Honduras in 2013 could be sourced.")
    assert "2000 to 2014" in returns.none_received_sentence(["Guatemala", "Honduras"], 2000, 2014)
