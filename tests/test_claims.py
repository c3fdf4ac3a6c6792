"""Claims checked: every claim has an evaluator, a verdict from the allowed set and evidence;
known measured values; verdict rules that can go either way; the notebook runs."""


import nbformat
import pandas as pd
import pytest

from hemisphere import claims, data, params, paths
from hemisphere.execute import execute_notebook

NOTEBOOK = "claims"


@pytest.fixture(scope="module")
def claims_table():
    return claims.load_claims()


@pytest.fixture(scope="module")
def results(claims_table):
    return {result.claim_id: result for result in claims.evaluate_all(claims_table)}


def _claim(claims_table, name, **changes):
    row = claims_table.set_index("claim_id", drop=False).loc[name].copy()
    for column, value in changes.items():
        row[column] = value
    return row


def _headings(notebook: str) -> set[str]:
    cells = nbformat.read(paths.NOTEBOOKS / f"{notebook}.ipynb", as_version=4).cells
    return {line.lstrip("#").strip() for cell in cells if cell.cell_type == "markdown"
            for line in cell.source.splitlines() if line.startswith("##")}


# --- the table and the registry ---------------------------------------------------------------

def test_at_least_ten_claims_across_all_four_themes(claims_table):
    assert len(claims_table) >= 10
    assert set(claims_table["theme"]) == set(claims.THEMES)


def test_every_claim_has_one_evaluator_and_every_evaluator_a_claim(claims_table):
    assert set(claims_table["claim_id"]) == set(claims.EVALUATORS)


def test_every_claim_gets_an_allowed_verdict_a_finding_and_evidence(claims_table, results):
    for claim_id in claims_table["claim_id"]:
        result = results[claim_id]
        assert result.verdict in claims.VERDICTS
        assert result.finding.endswith(".") and result.headline
        assert result.evidence.chapter and result.evidence.tables


def test_evidence_sections_exist_in_the_theme_chapters(results):
    for result in results.values():
        assert result.evidence.section in _headings(result.evidence.notebook), result.claim_id


def test_a_claim_without_a_page_says_why(claims_table):
    unlocated = claims_table[claims_table["source_url"].isna()]
    assert all("could not be found" in note for note in unlocated["source_note"])


def test_unknown_theme_and_unregistered_claim_are_clear_errors(claims_table):
    with pytest.raises(claims.ClaimError, match="unknown theme"):
        claims.load_claims(["mars"])
    with pytest.raises(claims.ClaimError, match="no evaluator"):
        claims.evaluate(_claim(claims_table, "venezuela_pressure_on_officials", claim_id="made_up_claim"))


def test_theme_filter_keeps_only_that_theme():
    chosen = claims.load_claims(["venezuela"])
    assert set(chosen["theme"]) == {"venezuela"} and len(chosen) >= 3


def test_verdict_counts_show_every_verdict(claims_table, results):
    counts = claims.verdict_counts(claims_table, list(results.values()))
    assert list(counts.columns) == list(claims.VERDICTS)
    assert counts.to_numpy().sum() == len(claims_table)


# --- known values (published figures in the committed tables) ---------------------------------

def test_early_2017_apprehension_drop(results):
    # OHSS: 43,210 encounters in Dec 2016, 12,170 in Mar 2017; 38,060 in Apr 2016, 11,110 in Apr 2017.
    measured = results["northern_triangle_apprehensions_down_70pct"].measured
    assert measured["December 2016 to March 2017"] == pytest.approx(1 - 12_170 / 43_210)
    assert measured["April 2016 to April 2017"] == pytest.approx(1 - 11_110 / 38_060)
    assert results["northern_triangle_apprehensions_down_70pct"].verdict == claims.SUPPORTED


def test_northern_triangle_aid_request_and_obligations(results):
    """One measure: the region-wide FY2018 request ($460m, AP) against CRS's FY2017 enacted $750m."""
    measured = results["northern_triangle_aid_cut"].measured
    assert measured["request_change"] == pytest.approx(460 / 750 - 1)
    assert measured["obligations_change"] == pytest.approx(-0.3232, abs=1e-3)


def test_northern_triangle_wall_claim_is_tested_over_both_terms(results):
    result = results["northern_triangle_wall_little_effect"]
    assert result.measured["first_term"] == "supported" and result.measured["second_term"] == "contradicted"
    assert result.verdict == "mixed"


def test_northern_triangle_fy2025_total_recomputed(results):
    measured = results["northern_triangle_fy2025_lowest_apprehensions"].measured
    assert measured["fy2025_recomputed"] == pytest.approx(237_565, rel=0.01)
    assert measured["lowest_earlier_year"] == 2017


def test_colombia_records_fall_in_2017(results):
    measured = results["eradication_colombia_cultivation_record"].measured
    assert measured["UNODC"] == {"peak_year": 2017, "hectares": 171_495}
    assert measured["US government (ONDCP)"] == {"peak_year": 2017, "hectares": 209_000}


def test_venezuela_designations_in_2017(results):
    measured = results["venezuela_pressure_on_officials"].measured
    assert measured["designated_in_year"] == 55
    assert measured["earlier_yearly_average"] == pytest.approx(3.5)
    # The 8 designated on 10 January 2025, before the second inauguration, are not the second term's.
    assert measured["second_term_designated"] == 16


def test_no_criminal_group_on_the_fto_list_before_february_2025(results):
    measured = results["terrorist_designation_first_criminal_groups"].measured
    assert (measured["criminal_before"], measured["criminal_after"]) == (0, 8)
    assert measured["date"] == pd.Timestamp("2025-02-20")


def test_first_boat_strike_came_194_days_after_the_first_designations(results):
    measured = results["terrorist_designation_opens_military_action"].measured
    assert measured["first_strike"] == pd.Timestamp("2025-09-02")
    assert measured["days_after_designation"] == 194
    assert 0 < measured["named_designated_group"] <= measured["events"]


def test_strike_announcements_are_counted_as_in_the_chapter(results):
    from hemisphere import data
    from hemisphere.terrorist_designation import designations, reconciliation

    measured = results["terrorist_designation_opens_military_action"].measured
    expected = designations.target_counts(
        designations.announcement_targets(reconciliation.confirmed(data.load("boat_strikes")), data.load("fto_list")))
    assert measured["targets"] == expected
    assert measured["named_designated_group"] == expected[designations.NAMED_GROUP] == 3
    assert measured["tied_to_designation"] == 3 + 31
    finding = results["terrorist_designation_opens_military_action"].finding
    assert "3 named a designated group" in finding and "14 named no group at all" in finding


def test_mexico_2024_official_counts(results):
    measured = results["terrorist_designation_mexico_homicides"].measured
    assert measured["victims in SESNSP case files"] == 30_046
    assert measured["deaths registered by INEGI"] == 33_550
    assert results["terrorist_designation_mexico_homicides"].verdict == claims.MIXED


# --- the rules can go either way --------------------------------------------------------------

def test_a_claimed_fall_far_from_the_measured_one_is_contradicted(claims_table):
    claim = _claim(claims_table, "northern_triangle_apprehensions_down_70pct", claimed_value=0.4)
    assert claims.evaluate(claim).verdict == claims.CONTRADICTED


def test_a_claimed_homicide_count_above_the_official_ones_is_contradicted(claims_table):
    claim = _claim(claims_table, "terrorist_designation_mexico_homicides", claimed_value=45_000)
    assert claims.evaluate(claim).verdict == claims.CONTRADICTED


def test_a_record_claimed_for_an_earlier_year_is_contradicted(claims_table):
    # By 2013 neither estimator's Colombian peak fell in 2012-2013.
    claim = _claim(claims_table, "eradication_colombia_cultivation_record", year=2013)
    assert claims.evaluate(claim).verdict == claims.CONTRADICTED


def test_strikes_whose_announcements_name_nothing_are_mixed(claims_table, monkeypatch):
    from hemisphere import data

    load = data.load

    def unnamed(name):
        table = load(name)
        return table.assign(claimed_affiliation="unspecified") if name == "boat_strikes" else table

    monkeypatch.setattr(claims.data, "load", unnamed)
    result = claims.evaluate(_claim(claims_table, "terrorist_designation_opens_military_action"))
    # The claim's page was not located, so it is not scored; its rule's verdict is kept in `measured`.
    assert result.measured.get("verdict_by_rule", result.verdict) == claims.MIXED
    assert result.measured["tied_to_designation"] == 0


def test_aid_claim_states_a_flat_change_plainly(results):
    result = results["northern_triangle_aid_cuts_hurt_security"]
    assert "were flat in Honduras (from 40.3 to 41.0" in result.finding and "rose in 0" not in result.finding
    assert "rose in none" in result.headline


def test_parts_rule():
    assert claims._by_parts(2, 2) == claims.SUPPORTED
    assert claims._by_parts(1, 2) == claims.MIXED
    assert claims._by_parts(0, 2) == claims.CONTRADICTED


# --- the notebook -----------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [{"themes": ["mars"]}, {"themes": []}])
def test_bad_parameters_are_refused(bad):
    with pytest.raises(params.ParameterError, match="themes"):
        params.validate(NOTEBOOK, bad)


def _outputs_text(executed) -> str:
    cells = nbformat.read(executed, as_version=4).cells
    return "\n".join(output.get("data", {}).get("text/markdown", "") + output.get("data", {}).get("text/html", "")
                     for cell in cells for output in cell.get("outputs", []))


def test_runs_with_defaults(tmp_path):
    executed = execute_notebook(NOTEBOOK, {}, tmp_path, figures_dir=tmp_path / "figures")
    text = _outputs_text(executed)
    assert f"{len(data.load('claims'))} claims are checked here" in text
    assert "Verdict: *contradicted*" in text and "Verdict: *not testable with these data*" in text
    assert {p.name for p in (tmp_path / "figures" / "general").glob("*.png")} == {"claims_verdicts.png"}


def test_runs_for_venezuela_only(tmp_path):
    executed = execute_notebook(NOTEBOOK, {"themes": ["venezuela"]}, tmp_path, figures_dir=tmp_path / "figures")
    text = _outputs_text(executed)
    count = int((data.load("claims")["theme"] == "venezuela").sum())
    assert f"{count} claims are checked here (Venezuela)" in text
    assert "Claims about coca eradication are not checked in this run" in text
    assert "Maduro stayed in office" in text


def test_a_claim_whose_page_was_not_located_is_not_scored(claims_table):
    """Reader finding: the RUSI claim was scored though its page was never found."""
    unsourced = claims.evaluate(_claim(claims_table, "venezuela_max_pressure_cut_oil", source_url=""))
    assert unsourced.verdict == claims.NOT_TESTABLE and unsourced.headline.startswith("not scored")
    assert unsourced.measured["verdict_by_rule"] in claims.VERDICTS
    sourced = claims.evaluate(_claim(claims_table, "venezuela_max_pressure_cut_oil"))
    assert "verdict_by_rule" not in sourced.measured


def test_mexico_homicide_claim_names_the_case_file_count_it_matches():
    # GI-TOC's 25,469 is, within a few, SESNSP's sum of monthly case files for 2024 (25,464 in the table).
    table = data.load("claims")
    result = claims.evaluate(table[table["claim_id"] == "terrorist_designation_mexico_homicides"].iloc[0])
    assert "case files sums to 25,464 for 2024 (5 fewer than claimed)" in result.finding
    assert result.verdict == claims.MIXED  # the counts of people killed are higher: the figure understates
