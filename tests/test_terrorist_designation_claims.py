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


def test_timing_alone_never_contradicts_the_little_effect_claim():
    violence = _results()["terrorist_designation_little_effect_on_violence"]
    assert violence.verdict == claims.MIXED
    assert "fits an effect but does not show one" in violence.finding


def test_first_criminal_groups_is_tested_on_the_whole_history_held():
    result = _results()["terrorist_designation_first_criminal_groups"]
    assert result.verdict == claims.SUPPORTED
    assert result.measured["criminal_before"] == 0 and result.measured["criminal_after"] == 8
    assert result.measured["fto_designations_before"] > 60 and result.measured["ofac_copies_before"] == 2
    assert "Kingpin Act" in result.finding and "United Self-Defense Forces of Colombia" in result.finding
