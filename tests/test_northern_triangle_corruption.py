"""Corruption: the commissions register, US actions, the Venezuela contrast and its claim."""

import pandas as pd
import pytest

from hemisphere import claims, data
from hemisphere.northern_triangle import corruption


@pytest.fixture(scope="module")
def commissions():
    return data.load("anticorruption_commissions")


@pytest.fixture(scope="module")
def actions():
    return data.load("corruption_actions")


def test_known_rows(commissions, actions):
    cicig = commissions[commissions["body"] == "CICIG"].set_index("step")
    assert cicig.loc["agreement", "date"] == pd.Timestamp("2006-12-12")
    assert cicig.loc["end", "date"] == pd.Timestamp("2019-09-03")
    hold = cicig.loc["us_funding_hold"]
    assert hold["amount_usd"] == 6_000_000 and "Rubio" in hold["actor"]
    maccih = commissions[commissions["body"] == "MACCIH"].set_index("step")
    assert maccih.loc["start", "date"] == pd.Timestamp("2016-04-19")
    assert maccih.loc["end", "date"] == pd.Timestamp("2020-01-19")
    joh = actions.set_index("action_id")
    assert joh.loc["hn_joh_extradition_2022", "date"] == pd.Timestamp("2022-04-21")
    assert joh.loc["hn_joh_sentence_2024", "date"] == pd.Timestamp("2024-06-26")
    assert joh.loc["hn_joh_pardon_2025", "date"] == pd.Timestamp("2025-12-01")
    first_list = actions[(actions["action"] == "visa_list") & (actions["date"] == "2021-07-01")]
    assert first_list["persons"].sum() == 55


FIXTURE_COMMISSIONS = pd.DataFrame({
    "body": ["CICIG", "CICIG", "CICIG", "CICIG", "CICIG"],
    "country": ["Guatemala"] * 5,
    "date": pd.to_datetime(["2006-12-12", "2008-01-01", "2018-05-01", "2018-08-22", "2019-09-03"]),
    "date_precision": ["day", "month", "month", "day", "day"],
    "step": ["agreement", "start", "us_funding_hold", "us_funding_release", "end"],
    "actor": ["UN", "CICIG", "A senator", "Congress", "UN"],
    "detail": ["", "", "", "", ""],
    "amount_usd": [None, None, 6e6, 6e6, None],
})


def test_commission_life_and_sentence_without_renewals():
    life = corruption.commission_life(FIXTURE_COMMISSIONS, "CICIG")
    assert life["renewals"] == 0 and life["non_renewal"] is None
    sentence = corruption.commission_sentence(life)
    assert sentence == ("CICIG (Guatemala) was agreed on 12 December 2006 and began work in January 2008; "
                        "it ended on 3 September 2019.")


def test_funding_sentence_names_hold_and_release():
    text = corruption.funding_sentence(corruption.us_funding(FIXTURE_COMMISSIONS))
    assert "A senator held $6 million from May 2018, released on 22 August 2018" in text
    assert corruption.funding_sentence(FIXTURE_COMMISSIONS.iloc[0:0]).startswith("No US funding")


FIXTURE_ACTIONS = pd.DataFrame({
    "date": pd.to_datetime(["2017-12-21", "2021-07-01", "2025-12-01"]),
    "country": ["Guatemala", "Guatemala", "Honduras"],
    "target": ["A deputy", "List", "A former president"],
    "persons": [1, 20, 1],
    "action": ["sdn_designation", "visa_list", "pardon"],
})
FIXTURE_OFAC = pd.DataFrame({
    "action_id": ["a", "b", "c"],
    "date": pd.to_datetime(["2018-01-05", "2019-01-28", "2023-10-18"]),
    "program": ["VENEZUELA", "VENEZUELA-EO13850", None],
    "action_type": ["designation", "designation", "sanctions_relief"],
    "individuals": [4, 0, None], "entities": [0, 1, None],
})
TERMS = [(pd.Timestamp("2017-01-20"), pd.Timestamp("2021-01-20")), (pd.Timestamp("2025-01-20"), None)]


def test_contrast_counts_only_the_terms():
    counts = corruption.contrast(FIXTURE_ACTIONS, FIXTURE_OFAC, ["Guatemala", "Honduras"], TERMS)
    assert counts["enforcement_actions"] == 1 and counts["enforcement_persons"] == 1
    assert counts["venezuela_actions"] == 2 and counts["venezuela_named"] == 5
    assert counts["pardons"] == 1 and counts["pardoned"] == ["A former president"]
    text = corruption.contrast_sentence(counts, ["Guatemala", "Honduras"])
    assert "1 US enforcement action against figures from Guatemala and Honduras, against 2 OFAC" in text
    assert "1 presidential pardon, of A former president" in text
    # The rule behind the Venezuela count is stated with it (it differs from the Venezuela chapter's count).
    assert "Foreign Terrorist Organization designations, rewards alone, indictments and relief are left out" in text


def test_contrast_sentence_for_a_country_without_actions():
    counts = corruption.contrast(FIXTURE_ACTIONS, FIXTURE_OFAC, ["El Salvador"], TERMS)
    text = corruption.contrast_sentence(counts, ["El Salvador"])
    assert "no US enforcement action against figures from El Salvador" in text
    assert "pardon" not in text


def test_attribution_note_computes_the_largest_list():
    assert "the 20-person list of 1 July 2021" in corruption.attribution_note(FIXTURE_ACTIONS)


def test_claim_verdict_and_rule_can_go_either_way():
    claim = claims.load_claims(["northern_triangle"]).set_index("claim_id", drop=False).loc[
        "northern_triangle_corruption_only_venezuela"]
    result = claims.evaluate(claim)
    assert result.verdict == claims.SUPPORTED
    assert result.measured["venezuela_actions"] >= 3 * result.measured["enforcement_actions"]
    assert result.measured["pardoned"] == ["Juan Orlando Hernández"]


@pytest.mark.parametrize("year", [2000, 2026])
def test_a_year_with_nothing_dated_says_so_instead_of_failing(commissions, actions, year):
    ofac = data.load("ofac_actions")
    start, end = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    text = corruption.timeline_coverage(commissions, actions, ofac, ["Guatemala", "Honduras", "El Salvador"], start, end)
    assert text == "no dated step or action falls in the chosen years"
    assert corruption.timeline_coverage(commissions, actions, ofac, ["Guatemala"], pd.Timestamp(2018, 1, 1),
                                        pd.Timestamp(2018, 12, 31)).startswith("data to ")


def test_every_register_step_has_words():
    steps = set(data.load("anticorruption_commissions")["step"])
    assert steps <= set(corruption.STEP_LABELS)
    assert corruption.step_label("us_funding_hold") == "US funding held"
    assert corruption.step_label("new_code") == "new code"
