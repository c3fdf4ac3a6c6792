"""Fixes from the independent reader (issue 15): computed Mexico trend, one-register title, headline
measures, counters named without nested brackets. Fixture values below are test data, not real data."""

import pandas as pd

from hemisphere.terrorist_designation import narrative, violence


def _rates(values: dict[int, float]) -> pd.DataFrame:
    return pd.DataFrame({"year": list(values), "value": list(values.values())})


def test_mexico_rate_before_calls_equal_rounded_rates_level_not_falling():
    text = narrative.mexico_rate_before(_rates({2019: 27.3, 2023: 22.66, 2024: 22.71}), 2025)
    assert "level with 2023" in text and "falling" not in text
    assert "below its 2019 peak of 27.3" in text
    assert "in 2024, the last full year before its cartels were designated" in text


def test_mexico_rate_before_states_direction_from_the_data():
    assert "up from 20.0 in 2023" in narrative.mexico_rate_before(_rates({2023: 20.0, 2024: 21.0}), 2025)
    assert "down from 21.0 in 2023" in narrative.mexico_rate_before(_rates({2023: 21.0, 2024: 20.0}), 2025)
    one_year = narrative.mexico_rate_before(_rates({2024: 20.0}), 2025)
    assert "20.0 per 100,000" in one_year and "peak" not in one_year
    assert narrative.mexico_rate_before(None, 2025) == ""
    assert narrative.mexico_rate_before(_rates({2026: 20.0}), 2025) == ""


def test_violence_caveat_without_rates_claims_no_mexican_trend():
    fto = pd.DataFrame({"name": ["A"], "kind": ["criminal"], "western_hemisphere": [True],
                        "designation_date": pd.to_datetime(["2025-02-20"]), "countries": ["Mexico"]})
    text = narrative.violence_caveat(fto, "2026-01-01")
    assert "Mexico" not in text and "falling" not in text
    with_rates = narrative.violence_caveat(fto, "2026-01-01", _rates({2023: 22.66, 2024: 22.71}))
    assert "level with 2023" in with_rates


def test_teller_splits_copies_and_speakers():
    assert narrative.teller("Associated Press (via PrismNews)") == ("Associated Press", "as carried by PrismNews")
    assert narrative.teller("US Southern Command (Col. A B) to The Intercept") == (
        "US Southern Command", "Col. A B, speaking to The Intercept")
    assert narrative.teller("Reuters") == ("Reuters", "")
    assert narrative.teller_inline("Associated Press (via PrismNews)") == "Associated Press, as carried by PrismNews"
    assert "(" not in narrative.teller_inline("Reuters via Baird Maritime (official X, statement)")


def test_headline_latest_keeps_one_measure_per_country_and_no_region():
    known = pd.DataFrame({
        "country": ["Mexico", "Mexico", "Mexico", "Ecuador", "Haiti", "Latin America & Caribbean"],
        "year": [2024, 2025, 2025, 2025, 2025, 2024],
        "period": ["year", "Jan-Jun", "Jan-Jun", "year", "Q4", "year"],
        "indicator": ["homicide_rate", "femicide_victims", "homicide_rate", "homicide_rate", "gang_violence_killings",
                      "homicides"],
        "series": ["SESNSP", "SESNSP", "SESNSP", "Ecuador Ministerio del Interior", "UN", "InSight Crime"],
        "value": [22.0, 300.0, 9.0, 50.0, 1500.0, 120000.0],
        "data_status": ["final", "partial year", "partial year", "final", "lower bound", "estimate"],
    })
    latest = violence.headline_latest(known)
    assert list(latest["country"]) == ["Mexico", "Ecuador", "Haiti"]
    mexico = latest[latest["country"] == "Mexico"].iloc[0]
    assert (mexico["indicator"], mexico["year"], mexico["period"]) == ("homicide_rate", 2024, "year")
    assert violence.headline_latest(known.iloc[0:0]).empty
