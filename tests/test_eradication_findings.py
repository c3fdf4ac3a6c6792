"""The reader's findings of 2 December: an honest scatter title, the keep-pace claim read beside the
chapter's coefficient, the halving plan dated and measured from its baseline (tiny fixtures and
known values of the committed tables)."""

from hemisphere import data
from hemisphere.eradication import narrative


def test_link_title_states_no_direction_when_the_link_is_weak():
    title = narrative.link_title("Colombia", -0.28, 19, 0.25)
    assert "very weak" in title and "r = -0.28, 19 years" in title
    assert "smaller" not in title and "larger" not in title and "followed by" not in title


def test_link_title_states_no_direction_when_chance_is_not_ruled_out():
    title = narrative.link_title("Testland", 0.81, 4, 0.17)
    assert "could be chance" in title and "larger" not in title and "4 years" in title


def test_link_title_states_a_direction_only_for_a_strong_significant_link():
    assert "smaller growth" in narrative.link_title("Testland", -0.75, 20, 0.001)
    assert "larger growth" in narrative.link_title("Testland", 0.6, 20, 0.01)


def test_link_sentence_words_chance_and_pairs():
    text = narrative.link_sentence(1 + 2, -0.28, 0.25)
    assert "3 year pairs" in text and "cannot rule out chance" in text and "very weak" in text
    assert "unlikely" in narrative.link_sentence(30, -0.6, 0.01)


def test_window_note_explains_the_two_coefficients():
    text = narrative.window_note(19, 2004, 2023, 4, 0.81, 0.17, 0.25)
    assert "4 eradication years in the Trump terms" in text and "19 from 2004 to 2023" in text
    assert "r = 0.81" in text and "Neither coefficient" in text
    assert narrative.window_note(4, 2017, 2020, 4, 0.81, 0.17, 0.17) == ""   # same pairs: nothing to explain
    assert "Neither" not in narrative.window_note(19, 2004, 2023, 4, 0.81, 0.17, 0.01)


def test_keep_pace_claim_explains_its_window_against_the_chapter():
    from hemisphere import claims

    result = {r.claim_id: r for r in claims.evaluate_all(claims.load_claims(["eradication"]))}["eradication_cannot_keep_up"]
    assert result.measured["years"] == 4 and result.measured["all_years"] == 19
    assert round(result.measured["r"], 2) == 0.81 and round(result.measured["r_all_years"], 2) == -0.28
    assert "all 19 eradication years from 2004 to 2023" in result.finding
    assert "could well be chance" in result.finding and "neither can be told apart from chance" in result.finding


def test_halving_plan_is_dated_from_the_register_and_measured_from_its_baseline():
    assert narrative.halving_plan_month() == "March 2018"
    headline = narrative.halving_plan_headline(data.load("coca_cultivation"))
    assert headline.startswith("From 2017, the baseline of the plan agreed in March 2018 to halve it, to 2020")
    assert "Under the plan" not in headline
    sentence = narrative.halving_goal_sentence(171495, 252572, 1379, 2664, 209000, 234000, 2021)
    assert "agreed in March 2018" in sentence and "measured here from 2017" in sentence
    assert "`" not in narrative.halving_plan_pointer(2019, 2022) and "2019-2022" in narrative.halving_plan_pointer(2019, 2022)


def test_no_parameter_names_in_reader_text():
    text = narrative.majors_sentences(data.load("majors_list"), "Colombia", start_year=2010, end_year=2012)
    assert "`" not in text and "start_year" not in text and "outside the period chosen" in text


def test_aid_for_one_fiscal_year_is_not_an_average():
    import pandas as pd
    from hemisphere.eradication import colombia_narrative

    one = pd.DataFrame({"administration": ["Obama"], "first_fy": [2017], "last_fy": [2017], "mean_usd": [519e6]})
    text = colombia_narrative.aid_by_administration(one)
    assert "averaged" not in text and "in FY2017" in text


def test_closing_eradication_bullet_flags_a_strong_link_that_could_be_chance():
    import pandas as pd

    pairs = pd.DataFrame({"eradicated": [1.0, 2.0, 3.0, 4.0], "cultivation_change_next_year": [1.0, 3.0, 2.0, 5.0]},
                         index=[2017, 2018, 2019, 2020])
    text = narrative.eradication_finding(pairs)
    assert "looks strong but could be chance" in text and "every one of the 4" in text


def test_halving_plan_span_is_read_from_the_two_counts():
    # The overview's glance states these years; they come from the data, not from typed text.
    from hemisphere import data
    from hemisphere.eradication import narrative as erad_narrative

    cultivation = data.load("coca_cultivation")
    first, last, parts, counts = erad_narrative.halving_plan_span(cultivation, "Colombia")
    assert (first, counts) == (2017, 2)
    assert last == 2020  # the first term's last year by the 1 July rule; both counts have it
    assert "UNODC's fell" in parts and "rose" in parts
    assert erad_narrative.halving_plan_span(cultivation, "Peru") is None  # no second count to set against
