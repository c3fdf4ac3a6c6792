"""The demand-side and Colombia claims: their verdict rules can go either way (fixtures change the
tables the evaluators read; the real tables are untouched)."""

import pandas as pd
import pytest

from hemisphere import claims, data
from hemisphere.eradication import claims as eradication_claims


@pytest.fixture(scope="module")
def table():
    return claims.load_claims(["eradication"]).set_index("claim_id", drop=False)


ORIGINAL_LOAD = data.load


def _with(monkeypatch, name, change):
    real = ORIGINAL_LOAD

    def load(table_name):
        frame = real(table_name)
        return change(frame.copy()) if table_name == name else frame

    monkeypatch.setattr(eradication_claims.data, "load", load)


def test_seizure_claim_turns_supported_when_the_part_year_runs_faster(monkeypatch, table):
    claim = table.loc["eradication_demand_narcotics_pouring_in"]
    assert claims.evaluate(claim).verdict == claims.CONTRADICTED

    def faster(frame):  # fixture: seven months at 3,000 pounds a month
        frame.loc[frame["period"] == "October 2024 to April 2025", "pounds"] = 21000.0
        return frame

    _with(monkeypatch, "fentanyl_border_seizures", faster)
    assert claims.evaluate(claim).verdict == claims.SUPPORTED


def test_payments_claim_becomes_testable_with_a_fiscal_2026_figure(monkeypatch, table):
    claim = table.loc["eradication_colombia_payments_stopped"]
    assert claims.evaluate(claim).verdict == claims.NOT_TESTABLE

    def add_fy2026(amount):
        def change(frame):  # fixture row, not real data
            row = frame[(frame["country"] == "Colombia") & (frame["fiscal_year"] == 2024)
                        & (frame["measure"] == "obligations")].copy()
            row["fiscal_year"], row["amount_usd"], row["partial_year"] = 2026, amount, False
            return pd.concat([frame, row], ignore_index=True)
        return change

    _with(monkeypatch, "us_aid", add_fy2026(1.0e6))
    assert claims.evaluate(claim).verdict == claims.SUPPORTED
    _with(monkeypatch, "us_aid", add_fy2026(5.0e8))
    assert claims.evaluate(claim).verdict == claims.CONTRADICTED


def test_emergency_and_waves_claims_measure_known_values(table):
    emergency = claims.evaluate(table.loc["eradication_demand_emergency_no_money"])
    assert emergency.measured["fund_balance"] == 57000 and emergency.measured["fy2017_state_grants"] == 485e6
    waves = claims.evaluate(table.loc["eradication_demand_three_waves"])
    assert waves.verdict == claims.SUPPORTED and waves.measured["prescription_led"] == 11
    output = claims.evaluate(table.loc["eradication_colombia_output_exploded"])
    assert output.measured["base_year"] == 2021 and output.verdict in claims.VERDICTS
