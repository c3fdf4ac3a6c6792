"""Colombia as a relationship: aid by fiscal year and administration, the register's events, sentences."""

import pandas as pd

from hemisphere import data, events
from hemisphere.eradication import colombia, colombia_narrative


def _aid(rows):
    """Fixture: yearly obligations (not real data)."""
    return pd.DataFrame(rows, columns=["fiscal_year", "amount_usd", "partial_year"]).set_index("fiscal_year")


def test_colombia_aid_known_rows_from_foreignassistance_gov():
    obligations = colombia.aid(data.load("us_aid"), "obligations")
    assert obligations.loc[2019, "amount_usd"] == 799476847
    assert bool(obligations.loc[2025, "partial_year"])


def test_fiscal_years_are_grouped_by_the_administration_that_began_them():
    assert colombia.administration_of_fiscal_year(2017) == "Obama"    # began 1 October 2016
    assert colombia.administration_of_fiscal_year(2018) == "Trump I"
    assert colombia.administration_of_fiscal_year(2026) == "Trump II"
    assert colombia.administration_of_fiscal_year(2005) is None        # before the register's first term
    averages = colombia.averages_by_administration(_aid([(2020, 100.0, False), (2021, 300.0, False),
                                                          (2022, 50.0, False), (2025, 1.0, True)]))
    assert list(averages["administration"]) == ["Trump I", "Biden"]
    assert list(averages["mean_usd"]) == [200.0, 50.0]


def test_relationship_events_are_in_the_register_and_filtered_by_date():
    register = set(events.load()["event_id"])
    assert set(colombia.RELATIONSHIP_EVENTS) <= register
    chosen = colombia.relationship_events(2025, 2025)
    assert "eradication_colombia_petro_sanctioned_2025" in set(chosen["event_id"])
    assert "eradication_colombia_decertification_threat_2017" not in set(chosen["event_id"])
    assert colombia.fiscal_year_of("2025-10-24") == 2026


def test_sentences_singular_one_year_and_empty():
    one = colombia.averages_by_administration(_aid([(2019, 5e8, False)]))
    text = colombia_narrative.aid_by_administration(one)
    assert "were $500 million in FY2019, a fiscal year that began under Trump I" in text and "averaged" not in text
    assert colombia_narrative.aid_title(one).endswith("under Trump I")
    assert colombia_narrative.aid_by_administration(one.iloc[0:0]).startswith("No complete fiscal year")
    assert colombia_narrative.open_year(_aid([(2019, 5e8, False)])) == ""
    assert "partial" in colombia_narrative.open_year(_aid([(2025, 2e8, True)]))
    single = colombia.relationship_events(2026, 2025)
    assert "1 turning point in" in colombia_narrative.events_sentence(single.iloc[:1]) if len(single) else True
    assert colombia_narrative.events_sentence(single.iloc[0:0]).startswith("None of")


def test_extradition_table_known_rows_and_shares():
    table = data.load("colombia_extraditions")
    yearly = colombia.yearly_extraditions(table)
    assert yearly.loc[2021, "extraditions"] == 239 and yearly.loc[2019, "extraditions"] == 163   # MinJusticia
    shares = colombia.united_states_shares(table)
    duque = shares[(shares["period_end"] == pd.Timestamp("2022-02-28"))].iloc[0]
    assert (duque["United States"], duque["all countries"]) == (498, 660)
    text = colombia_narrative.extraditions(yearly.loc[[2019]], shares.iloc[0:0])
    assert text == "Colombia extradited 163 in 2019 (to all countries; the only calendar year held in the years shown)."
    assert colombia_narrative.extraditions(yearly.iloc[0:0], shares).startswith("No calendar-year count")


def test_output_before_and_since_petro_on_a_fixture():
    """Fixture series (not real data)."""
    series = pd.Series({2020: 100.0, 2021: 120.0, 2022: 150.0, 2023: 140.0})
    figures = colombia.output_before_and_since(series)
    assert (figures["base_year"], figures["last_year"], figures["peak_year"]) == (2021, 2023, 2022)
    text = colombia_narrative.output_since(figures)
    assert "120 metric tons in 2021" in text and "peaked at 150 in 2022" in text
    assert colombia.output_before_and_since(series.loc[:2021]) is None
    assert "no year on both sides" in colombia_narrative.output_since(None)
