"""Mano dura: the state of exception table, its sentences, the CECOT counts and the claim."""

import pandas as pd
import pytest

from hemisphere import claims, data
from hemisphere.northern_triangle import mano_dura


@pytest.fixture(scope="module")
def exception():
    return data.load("el_salvador_state_of_exception")


def test_known_rows(exception):
    assert mano_dura.declared(exception) == pd.Timestamp("2022-03-27")
    newest = mano_dura.latest(exception, "extensions")
    assert int(newest["value"]) == 48 and newest["date"] == pd.Timestamp("2026-02-24")
    cristosal = mano_dura.measure(exception, "deaths_in_custody", "Cristosal")
    assert cristosal.iloc[0]["value"] == 139
    cecot = data.load("cecot_transfers")
    assert set(cecot.loc[cecot["event"] == "return_from_cecot", "persons"]) == {252, 238}


FIXTURE = pd.DataFrame({
    "date": pd.to_datetime(["2022-03-27", "2022-12-19", "2023-03-01", "2023-03-27", "2024-04-05", "2022-04-30"]),
    "date_precision": ["day", "day", "month", "day", "day", "month"],
    "measure": ["declared", "detained", "extensions", "deaths_in_custody", "deaths_in_custody", "extensions"],
    "value": [None, 60452, 11, 139, 241, 1],
    "qualifier": [None, "exact", "exact", "exact", "exact", "exact"],
    "counter": ["Assembly", "Government of El Salvador", "Assembly", "Cristosal", "Socorro Jurídico Humanitario",
                "Assembly"],
})


def test_extensions_sentence_singular_and_plural():
    assert "extended 11 times by March 2023" in mano_dura.extensions_sentence(FIXTURE)
    assert "extended 1 time by April 2022" in mano_dura.extensions_sentence(FIXTURE, end="2022-12-31")
    assert mano_dura.extensions_sentence(FIXTURE, end="2022-04-01").startswith("No count of extensions")


def test_deaths_kept_apart_by_counter():
    text = mano_dura.deaths_sentence(FIXTURE)
    assert "Cristosal, 139 by 27 March 2023" in text and "Socorro Jurídico Humanitario, 241 by 5 April 2024" in text
    assert mano_dura.deaths_sentence(FIXTURE, end="2022-06-01").startswith("No count of deaths")


def test_detention_sentence_and_qualifier():
    row = pd.Series({"value": 65000, "qualifier": "more_than"})
    assert mano_dura.figure(row) == "more than 65,000"
    assert mano_dura.detention_sentence(FIXTURE) == ("By 19 December 2022 the government counted 60,452 people "
                                                     "detained under the measure.")


def test_homicide_sentence_needs_both_sides():
    rates = pd.DataFrame({"year": [2019, 2021, 2022, 2024], "rate_per_100k": [38.5, 17.3, 7.9, 1.9],
                          "source": ["UNODC", "UNODC", "UNODC", "InSight Crime"]})
    text = mano_dura.homicide_sentence(rates, pd.Timestamp("2022-03-27"))
    # One source only: InSight Crime has no figure before the measure, so it is not spliced onto UNODC.
    assert text == ("According to UNODC, recorded homicides per 100,000 had already fallen from 38.5 in 2019 to 17.3 "
                    "in 2021, before the measure, and were 7.9 in 2022.")
    assert "No one homicide source" in mano_dura.homicide_sentence(rates[rates["year"] > 2022], pd.Timestamp("2022-03-27"))


def test_cecot_sentence_keeps_both_counts():
    text = mano_dura.cecot_sentence(mano_dura.cecot_summary(data.load("cecot_transfers")))
    assert "252 according to" in text and "238 according to" in text
    assert "10 US citizens and residents" in text


def test_cecot_sentence_explains_238_sent_against_252_returned():
    cecot = data.load("cecot_transfers")
    every = cecot[cecot["event"] == "cumulative_to_cecot"].iloc[0]
    assert int(every["persons"]) == 252 and every["counter"] == "Human Rights Watch and Cristosal"
    text = mano_dura.cecot_sentence(mano_dura.cecot_summary(cecot))
    assert "on 30 March 2025, 17 alleged Tren de Aragua" in text
    assert "Human Rights Watch and Cristosal count 252 Venezuelans" in text
    assert "252 matches the count of all flights and 238 equals the Venezuelans of the first flights alone" in text


def test_cecot_sentence_on_a_fixture_without_the_all_flights_count():
    fixture = pd.DataFrame({
        "date": pd.to_datetime(["2025-03-16", "2025-07-18"]), "event": ["transfer_to_cecot", "return_from_cecot"],
        "group": ["Venezuelans", "Venezuelans held in CECOT"], "persons": [100, 100], "amount_usd": [None, None],
        "counter": ["A", "B"]})
    text = mano_dura.cecot_sentence(mano_dura.cecot_summary(fixture))
    assert text.startswith("On 16 March 2025 the United States sent 100 Venezuelans to El Salvador's CECOT prison.")
    assert "Later transfers" not in text and "equals the Venezuelans of the first flights alone" in text
    assert "0 US citizens and residents" in text


def test_table_codes_have_words():
    cecot = data.load("cecot_transfers")
    assert set(cecot["event"]) <= set(mano_dura.EVENT_LABELS)
    exception = data.load("el_salvador_state_of_exception")
    assert set(exception["measure"]) <= set(mano_dura.MEASURE_LABELS)
    assert all("_" not in label for label in list(mano_dura.EVENT_LABELS.values()) + list(mano_dura.MEASURE_LABELS.values()))


def test_claim_is_mixed_on_the_data():
    claim = claims.load_claims(["northern_triangle"]).set_index("claim_id", drop=False).loc[
        "northern_triangle_mano_dura_backed"]
    result = claims.evaluate(claim)
    assert result.measured["persons_sent_to_cecot"] == 238 + 23 + 17  # 16 March and 30 March 2025
    assert result.verdict == (claims.MIXED if result.measured["homicide_fall"] > 0.5 else claims.SUPPORTED)


def test_a_run_without_el_salvador_is_told_how_to_see_the_section():
    sentence = mano_dura.not_followed_sentence(["Honduras"])
    assert sentence == ("This section concerns El Salvador alone, which this run does not follow (Honduras is "
                        "followed); run the chapter with countries=['El Salvador'] to see it.")
    assert "(Guatemala and Honduras are followed)" in mano_dura.not_followed_sentence(["Guatemala", "Honduras"])
