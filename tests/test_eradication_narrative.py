"""Narrative functions of the eradication chapter, on tiny labelled fixtures (not real data)."""

import pandas as pd

from hemisphere.eradication import analysis, narrative


def _series(values: dict) -> pd.Series:
    return pd.Series(values, dtype=float)


def test_directions_compare_each_series_with_itself():
    table = narrative.direction_by_administration(
        {analysis.UNODC: _series({2017: 100, 2020: 80, 2021: 90, 2024: 120}),
         analysis.ONDCP: _series({2017: 200, 2020: 250, 2021: 240})}, last_year=2024)
    trump = table[table["administration"] == "Trump I"].set_index("body")
    assert trump.loc[analysis.UNODC, "direction"] == "fell" and trump.loc[analysis.ONDCP, "direction"] == "rose"
    biden = table[table["administration"] == "Biden"].set_index("body")
    assert biden.loc[analysis.ONDCP, "direction"] == "one figure only"
    text = narrative.directions_sentence(table, "Testland")
    assert "opposite directions" in text and "2017.0" not in text
    assert "No year of the Trump II administration is covered yet." in text
    title = narrative.opposite_directions_title(table, "Testland")
    assert title.startswith("Over 2017-2020") and "fell 20%" in title and "rose 25%" in title


def test_no_opposite_title_when_bodies_agree():
    table = narrative.direction_by_administration(
        {analysis.UNODC: _series({2017: 100, 2020: 120}), analysis.ONDCP: _series({2017: 200, 2020: 250})},
        last_year=2020)
    assert narrative.opposite_directions_title(table, "Testland") is None


def test_base_note_names_why_the_base_moved():
    series = _series({2017: 1, 2018: 2})
    assert narrative.base_note(series, 2017, 2017, 2017, 2024, "UNODC") == ""
    assert "lies outside 2017-2024" in narrative.base_note(series, 2017, 2013, 2017, 2024, "UNODC")
    assert "UNODC has no figure for 2015" in narrative.base_note(series, 2017, 2015, 2010, 2024, "UNODC")


def test_gap_sentence_for_one_year_and_several():
    gap = pd.DataFrame({"unodc": [100.0], "ondcp": [150.0]}, index=[2020])
    gap["gap"], gap["ratio"] = gap["ondcp"] - gap["unodc"], gap["ondcp"] / gap["unodc"]
    one = narrative.gap_sentence(gap, gap["unodc"], gap["ondcp"])
    assert "In 2020, the only year shown" in one and "1 years" not in one
    assert "1 years" not in narrative.gap_title(gap, "Testland")


def test_releases_and_unread_grammar():
    assert "1 earlier figure" in narrative.releases_sentence(["x"], 1) and "it is marked" in narrative.releases_sentence(["x"], 1)
    assert "they are marked" in narrative.releases_sentence(["x"], 2)
    assert narrative.made_of_clause("UNODC's", 1, 1) == "UNODC's 1 year comes from one release"
    one = narrative.unread_sentence([2024], "Testland", [2024], True)
    assert "paragraph of the FY2024 determination was" in one and "that year" in one
    two = narrative.unread_sentence([2021, 2024], "Testland", [], False)
    assert "paragraphs of the FY2021 and FY2024 determinations were" in two


def test_fiscal_year_ranges():
    assert narrative.fiscal_year_ranges([2013, 2014, 2016, 2020]) == "FY2013-FY2014, FY2016 and FY2020"


def test_majors_sentences_follow_the_country():
    majors = pd.DataFrame({
        "fiscal_year": [2018, 2018, 2026, 2026], "country": ["Bolivia", "Colombia", "Bolivia", "Colombia"],
        "listed": [True] * 4, "failed_demonstrably": ["yes", "no", "yes", "yes"],
        "national_interest_waiver": ["no", "not applicable", "yes", "yes"],
    })
    text = narrative.majors_sentences(majors, "Bolivia")
    assert "1 country was designated (Bolivia)" in text and "Bolivia was among them" in text
    assert "seriously considered" not in text
    assert "seriously considered" in narrative.majors_sentences(majors, "Colombia")


def test_eradication_title_for_one_pair():
    pairs = pd.DataFrame({"eradicated": [10.0], "cultivation_change_next_year": [5.0]}, index=[2020])
    title = narrative.eradication_title("Testland", pairs)
    assert "1 of the 1" not in title and "after 2020" in title


def test_halving_plan_headline_states_both_directions():
    from hemisphere import data

    headline = narrative.halving_plan_headline(data.load("coca_cultivation"))
    assert "UNODC's fell 17%" in headline and "the US government's rose 17%" in headline
    assert "47%" not in headline


def test_eradication_claims_verdicts_over_both_terms():
    """The crop claims, tested over both Trump terms on the committed tables."""
    from hemisphere import claims

    results = {r.claim_id: r for r in claims.evaluate_all(claims.load_claims(["eradication"]))}
    assert results["eradication_crops_decertification_no_cut"].verdict == claims.MIXED  # UNODC fell, US rose
    # The US series ends in 2021: it cannot score 2024-2025 and is left out; UNODC's 2024 is a record.
    assert results["eradication_crops_colombia_record_2025"].verdict == claims.SUPPORTED
    assert results["eradication_crops_cocaine_record_2025"].verdict == claims.SUPPORTED
    assert "not testable for this term" in results["eradication_crops_colombia_record_2025"].finding
    assert results["eradication_crops_record_manual_2020"].verdict == claims.SUPPORTED
    assert results["eradication_cannot_keep_up"].measured["years"] == 4                 # 2017-2020 only
    assert len([r for r in results if r.startswith("eradication_")]) >= 5


def test_index_base_clause_names_a_first_year_held_apart_from_a_low_point():
    output = pd.Series({2012: 300.0, 2013: 290.0, 2014: 440.0, 2015: 650.0})
    deaths = pd.Series({2013: 1.6, 2015: 2.1, 2016: 3.2})
    clause, low = narrative.index_base_clause({"Colombian output": output, "the US death rate": deaths}, 2013)
    assert clause == "the low point of Colombian output and the first and lowest year held of the US death rate"
    assert low
    clause, low = narrative.index_base_clause({"a": deaths, "b": deaths}, 2013)
    assert clause == "the first and lowest year held of both series"
    assert narrative.index_base_clause({"a": output}, 2014) == ("", False)
    assert narrative.index_title_clause({"a": output, "b": deaths}, 2013) == "a low year for both series"
    assert narrative.index_title_clause({"a": output}, 2015) == ""
