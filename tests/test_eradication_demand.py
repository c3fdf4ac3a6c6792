"""The opioid response: the overdose, seizure and funding tables, their analysis and sentences, and
the chapter's demand-side sections at several parameter values."""

import nbformat
import pandas as pd
import pytest

from hemisphere import data
from hemisphere.eradication import demand, demand_narrative
from hemisphere.execute import execute_notebook

NOTEBOOK = "eradication_pressure"


def _texts(executed) -> str:
    cells = nbformat.read(executed, as_version=4).cells
    return "\n".join(output["data"]["text/markdown"] for cell in cells if cell.cell_type == "code"
                     for output in cell.get("outputs", []) if "text/markdown" in output.get("data", {}))


# --- the tables: schema and known rows from their sources ---------------------------------------

def test_overdose_table_keeps_final_and_provisional_apart_with_known_values():
    table = data.load("overdose_deaths").set_index(["year", "period", "drug_class", "measure", "data_status"])["value"]
    assert table[(2020, "calendar year", "all drug overdose", "deaths", "final")] == 91799    # NCHS, via CDC SUDORS brief
    assert table[(2020, "calendar year", "synthetic opioids other than methadone", "age_adjusted_rate", "final")] == 17.8
    assert table[(2024, "calendar year", "all drug overdose", "deaths", "final")] == 79384
    assert table[(2024, "calendar year", "all drug overdose", "deaths", "provisional")] == 80391  # a different series
    assert table[(2026, "12 months to Jan 2026", "all drug overdose", "deaths", "provisional")] == 69147


def test_synthetic_opioid_rates_cover_every_year_1999_to_2023():
    rates = demand.opioid_rates(data.load("overdose_deaths"))[demand.SYNTHETIC].dropna()
    assert list(rates.index) == list(range(1999, 2024))


def test_seizure_table_known_rows_and_partial_years():
    seizures = data.load("fentanyl_border_seizures")
    full = demand.full_year_seizures(seizures)
    assert full.loc[2023, "pounds"] == 27023 and full.loc[2024, "pounds"] == 21889
    assert full.loc[2020, "sources_disagree"] and full.loc[2020, "other_figures"] == "4,791"
    assert 2025 not in full.index  # only part-years are held for FY2025
    partial = demand.latest_partial(seizures)
    assert (int(partial["fiscal_year"]), int(partial["months"]), partial["pounds"]) == (2025, 7, 7700)
    assert seizures["source_url"].str.match(r"https?://").all()


def test_funding_table_known_rows():
    funding = data.load("opioid_response_funding")
    assert demand.emergency_fund_balance(funding) == 57000
    grants = demand.grants_to_states(funding)
    assert set(grants["programme"]) == {"STR", "SOR"}
    assert demand.peak_award_year(grants) == 2020   # first of the $1.5 billion years
    assert len(funding[funding["line"].str.startswith("FY2018 omnibus")]) == 3  # conflicting totals all kept


# --- analysis on tiny labelled fixtures ----------------------------------------------------------

def _rates(rows):
    """Fixture: opioid-type rates by year (not real data)."""
    return pd.DataFrame(rows, columns=["year", *demand.OPIOID_TYPES]).set_index("year")


def test_leader_needs_two_types_and_runs_join_consecutive_years():
    rates = _rates([(2000, 3, 1, 0.5), (2001, 3, 2, 1), (2002, None, 2, 4), (2003, None, None, 5), (2004, 1, 2, 6)])
    leaders = demand.leading_type(rates)
    assert 2003 not in leaders.index  # one type only: no leader named
    assert demand.leader_runs(leaders) == [("natural and semisynthetic opioids", 2000, 2001),
                                           (demand.SYNTHETIC, 2002, 2002), (demand.SYNTHETIC, 2004, 2004)]


def test_latest_provisional_respects_the_last_year_shown():
    fixture = pd.DataFrame({
        "year": [2024, 2025], "period": ["12 months to Sep 2024", "12 months to Jan 2026"],
        "drug_class": ["all drug overdose"] * 2, "measure": ["deaths"] * 2, "value": [10.0, 8.0],
        "data_status": ["provisional"] * 2})
    assert demand.latest_provisional(fixture)["value"] == 8.0
    # A count to January 2026 covers February 2025 to January 2026: it is 2025's.
    assert demand.latest_provisional(fixture, until=2025)["value"] == 8.0
    assert demand.latest_provisional(fixture, until=2024)["value"] == 10.0
    with pytest.raises(demand.DemandError):
        demand.latest_provisional(fixture, until=2023)


def test_data_year_is_the_year_holding_most_months():
    assert demand.data_year(pd.Timestamp("2026-01-01")) == 2025
    assert demand.data_year(pd.Timestamp("2025-08-01")) == 2025
    assert demand.data_year(pd.Timestamp("2024-12-01")) == 2024


def test_newest_provisional_month_is_the_table_s_newest_at_the_default_period():
    """The chapter's sentence and chart subtitle both read this one row (was August 2025 in one
    place and January 2026 in another)."""
    newest = demand.latest_provisional(data.load("overdose_deaths"), until=2025)
    assert newest["period"] == "12 months to Jan 2026" and newest["value"] == 69147
    # A calendar year counts as the 12 months to December, and is said as the year.
    from hemisphere.eradication import demand_narrative
    calendar = demand.latest_provisional(data.load("overdose_deaths"), until=2024)
    text = demand_narrative.final_and_provisional(pd.Series({2023: 105007.0, 2024: 79384.0}), calendar)
    assert "in 2024 at 80,391" in text


def test_monthly_pace_refuses_an_empty_period():
    assert demand.monthly_pace(1200, 12) == 100
    with pytest.raises(demand.DemandError):
        demand.monthly_pace(10, 0)


# --- sentences -------------------------------------------------------------------------------------

def test_waves_sentence_for_one_year_and_for_an_empty_selection():
    one_year = _rates([(2016, 4.4, 4.9, 6.2)])
    assert "In the one year shown with at least two rates" in demand_narrative.waves(one_year)
    assert "In every year" in demand_narrative.waves(_rates([(2016, 4.4, 4.9, 6.2), (2017, 4.4, 4.9, 9.0)]))
    assert "in 2016." in demand_narrative.waves(one_year)
    assert "No year" in demand_narrative.waves(_rates([]))
    title = demand_narrative.waves_title(_rates([(2000, 3, 1, 0.5), (2001, 1, 1, 4)]))
    assert title.startswith("Prescription-type opioids had the highest") and "in 2000;" in title


def test_final_and_provisional_never_joined():
    final = pd.Series({2022: 107941.0, 2023: 105007.0, 2024: 79384.0})
    provisional = pd.Series({"value": 69147.0, "period_end": pd.Timestamp("2026-01-01")})
    text = demand_narrative.final_and_provisional(final, provisional)
    assert "79,384 overdose deaths in 2024" in text and "12 months to January 2026 at 69,147" in text
    assert "not joined" in text
    assert "highest" not in demand_narrative.final_and_provisional(final.loc[[2024]], None)
    assert demand_narrative.final_and_provisional(pd.Series(dtype=float), None).startswith("No final")


def test_seizure_sentence_singular_month_and_no_partial():
    full = pd.DataFrame({"pounds": [1200.0, 2400.0]}, index=[2023, 2024])
    one_month = pd.Series({"fiscal_year": 2025, "months": 1, "pounds": 100.0, "period": "October 2024"})
    text = demand_narrative.seizures(full, one_month)
    assert "first 1 month of FY2025" in text
    assert "50% less" in text
    assert demand_narrative.seizures(full, None).endswith("newest full year held.")


def test_funding_sentence_states_share_and_later_money():
    grants = pd.DataFrame({"fiscal_year": [2017, 2019], "programme": ["STR", "SOR"],
                           "measure": ["awarded to states and territories", "total awards to states and territories in the year"],
                           "amount_usd": [485e6, 1.4e9], "source": ["a", "b"]})
    text = demand_narrative.funding(57000, grants)
    assert "$57,000" in text and "0.01%" in text and "$1.4 billion in FY2019" in text
    assert "not money that came with the declaration" in text


# --- the notebook ------------------------------------------------------------------------------------

CHARTS = ["opioid_waves", "fentanyl_border_seizures", "opioid_state_grants", "colombia_relationship"]


@pytest.mark.parametrize("overrides, expected, charts", [
    ({}, ["79,384 overdose deaths in 2024", "12 months to January 2026 at 69,147", "$57,000"],
     CHARTS + ["overdose_deaths_final_and_provisional"]),
    ({"end_year": 2026, "start_year": 2010}, ["12 months to January 2026 at 69,147"],
     CHARTS + ["overdose_deaths_final_and_provisional"]),
    # One final count only by 2019: no final-and-provisional chart, and no provisional figure yet.
    # Peru: the Colombia section is left out, with a sentence saying how to read it.
    ({"end_year": 2019, "country": "Peru"}, ["70,630 overdose deaths in 2019", "it is read in the chapter set to Colombia"],
     [name for name in CHARTS if name != "colombia_relationship"]),
])
def test_demand_sections_run_at_several_parameter_values(tmp_path, overrides, expected, charts):
    text = _texts(execute_notebook(NOTEBOOK, overrides, tmp_path))
    for phrase in expected:
        assert phrase in text, phrase
    figures = tmp_path / "figures" / "eradication"
    for name in charts:
        assert (figures / f"{name}.png").stat().st_size > 10_000, name
    drawn = {path.stem for path in figures.glob("*.png")}
    assert ("overdose_deaths_final_and_provisional" in drawn) == ("overdose_deaths_final_and_provisional" in charts)


def test_provisional_points_sit_at_the_end_of_their_periods():
    points = demand.provisional_points(data.load("overdose_deaths"))
    assert (points["period_end"].diff().dropna() >= pd.Timedelta(0)).all()
    newest = points.iloc[-1]
    assert newest["period"] == "12 months to Jan 2026" and newest["period_end"] == pd.Timestamp("2026-01-01")
    assert set(points["period"]) >= {"calendar year", "12 months to Sep 2024"}


def test_waves_say_where_a_type_is_missing_and_where_each_line_stops():
    rates = _rates([(2017, 4.4, 4.9, 9.0), (2018, 3.8, 4.7, 9.9), (2019, None, 4.4, 11.4), (2020, None, 4.1, 17.8),
                    (2021, None, None, 21.8)])
    text = demand_narrative.waves(rates)
    assert "in 2019-2020 only heroin and synthetic opioids other than methadone have a final rate" in text
    assert "2018, the last year with all three" in text
    assert "heroin's in 2020" in text and "prescription-type opioids' in 2018" in text
    stops = demand_narrative.last_rates(rates)
    assert "to 2021" in stops and "heroin to 2020" in stops and "prescription-type opioids to 2018" in stops
    assert "after 2020" not in stops
