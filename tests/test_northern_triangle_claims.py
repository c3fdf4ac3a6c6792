"""Northern Triangle claims: verdicts that follow their pre-stated rules, and findings in reader's words."""

import pytest

from hemisphere import claims


@pytest.fixture(scope="module")
def results():
    table = claims.load_claims(["northern_triangle"]).set_index("claim_id", drop=False)
    return {claim_id: claims.evaluate(row) for claim_id, row in table.iterrows()}


def test_lowest_since_1970_is_mixed_because_fy1970_fy1999_cannot_be_checked(results):
    result = results["northern_triangle_fy2025_lowest_apprehensions"]
    assert result.verdict == claims.MIXED
    assert "FY1970-FY1999 cannot be checked here" in result.finding
    assert "mixed, not supported" in result.finding


def test_second_term_homicide_clause_names_all_three_countries(results):
    finding = results["northern_triangle_aid_cuts_hurt_security"].finding
    for country in ("Guatemala", "Honduras", "El Salvador"):
        assert finding.count(country) >= 2, country  # in the first-term sentence and in the 2024-2025 clause
    assert "two sources and so not compared" in finding


def test_findings_carry_no_code_names(results):
    for claim_id, result in results.items():
        assert "_" not in result.finding, claim_id
        assert "(press compilation)" not in result.finding, claim_id
