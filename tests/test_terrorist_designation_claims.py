"""The terrorist-designation claims: each has an evaluator, a rule and the verdict the tables give."""

from hemisphere import claims


def _results():
    table = claims.load_claims(["terrorist_designation"])
    return {result.claim_id: result for result in claims.evaluate_all(table)}


def test_at_least_five_claims_each_with_a_verdict():
    results = _results()
    assert len(results) >= 5
    assert all(result.verdict in claims.VERDICTS for result in results.values())


def test_verdicts_follow_the_tables():
    results = _results()
    assert results["terrorist_designation_no_drug_boats"].verdict == claims.CONTRADICTED
    assert results["terrorist_designation_strikes_hit_designated_groups"].verdict == claims.NOT_TESTABLE
    tariffs = results["terrorist_designation_tariffs_bring_handovers"]
    assert tariffs.verdict == claims.MIXED and tariffs.measured["within_window"] == 2
    violence = results["terrorist_designation_little_effect_on_violence"]
    assert violence.measured["months"] == 11 and violence.measured["after"] == 18184
    assert "cannot say which cause" in violence.finding
