"""A chapter read 'as of' a date states nothing that happened after it (issue 13, the parameter sweep).

Each sentence is checked for years after `as_of` and for the dates of later events; the one
sentence allowed to name a later date (the newest OFAC copy held) is checked against the pattern
declared in the chapter's params.yaml.
"""

import re

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.build import sweep
from hemisphere.terrorist_designation import figures, narrative, violence

YEAR = re.compile(r"(?<![\w-])(19\d\d|20\d\d)(?![\w])")
EARLY = ["1997-10-08", "2003-07-01", "2019-07-01", "2024-07-01"]


def _years_after(text: str, as_of) -> list[int]:
    return [int(year) for year in YEAR.findall(text) if int(year) > pd.Timestamp(as_of).year]


def _allowed():
    return sweep.allowed_sentences("terrorist_designation")


def _unallowed_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if not any(p.search(s) for p in _allowed())]


@pytest.mark.parametrize("as_of", EARLY)
def test_source_currency_names_no_later_date_outside_the_declared_sentence(as_of):
    snapshots = pd.to_datetime(["2021-08-18", "2024-05-03", "2026-08-20"])
    text = narrative.source_currency(as_of, snapshots, pd.Timestamp("2026-06-21"), pd.Timestamp("2026-05-28"))
    assert text.startswith(f"This chapter reads as of ")
    for sentence in _unallowed_sentences(text):
        assert not _years_after(sentence, as_of), sentence
    assert "2025" not in text and "21 June 2026" not in text and "28 May 2026" not in text
    if pd.Timestamp(as_of) < snapshots.min():
        assert "The newest OFAC sanctions list held, of 20 August 2026, is later than this date" in text
    else:
        assert "The newest OFAC" not in text
        assert "checked against OFAC's sanctions list of" in text


def test_source_currency_at_the_defaults_names_every_copy():
    snapshots = pd.to_datetime(["2021-08-18", "2026-08-20"])
    text = narrative.source_currency("2026-08-20", snapshots, pd.Timestamp("2026-06-21"), pd.Timestamp("2026-05-28"))
    assert text == ("This chapter reads as of 20 August 2026; its FTO table is checked against OFAC's sanctions list "
                    "of 20 August 2026, its list of boat strikes ends on 21 June 2026 and its latest published strike "
                    "total is dated 28 May 2026.")
    # Between copies: the newest copy dated by as_of is the one named.
    mid = narrative.source_currency("2025-01-01", snapshots, pd.Timestamp("2026-06-21"), pd.Timestamp("2026-05-28"))
    assert "sanctions list of 18 August 2021." in mid and "2026" not in mid


def test_the_declared_pattern_matches_only_the_source_sentence():
    (pattern,) = _allowed()
    assert pattern.search(narrative.NEWER_COPY.format(snapshot="20 August 2026"))
    assert not pattern.search("The first strike came on 2 September 2025.")


@pytest.mark.parametrize("as_of", EARLY)
def test_before_sentences_name_no_later_event(as_of):
    fto = data.load("fto_list")
    first_cartel_day = fto.loc[fto["kind"] == "criminal", "designation_date"].min()
    from hemisphere.terrorist_designation import fto_list

    texts = [narrative.record_heading(as_of, first_cartel_day),
             narrative.before_cartel_designations(fto_list.on_list(fto, as_of), as_of),
             narrative.no_strike_yet(as_of), narrative.no_criminal_designation_yet(as_of),
             narrative.no_tally_yet(as_of), narrative.no_state_year_yet(as_of), narrative.no_violence_data(as_of),
             narrative.tariff_history(data.load("mexico_fentanyl_tariffs"), as_of, pd.Timestamp("2025-09-02")),
             narrative.transfers(data.load("mexico_cartel_transfers"), data.load("mexico_fentanyl_tariffs"), as_of)]
    for text in texts:
        assert not _years_after(text, as_of), text
        assert "later" not in text and "first" not in text, text


def test_before_cartel_designations_counts_the_list():
    listed = pd.DataFrame({"name": ["FARC", "ELN", "Hamas"], "western_hemisphere": [True, True, False],
                           "kind": ["ideological", "ideological", "ideological"]})
    assert narrative.before_cartel_designations(listed, "2000-07-01") == (
        "On 1 July 2000 the list held 3 organizations, 2 of them in the Western Hemisphere (FARC and ELN), all "
        "designated for political violence; no cartel or other criminal group had yet been designated.")
    one = narrative.before_cartel_designations(listed.iloc[[2]], "1997-10-08")
    assert "held 1 organization, none of them in the Western Hemisphere" in one


def test_fto_shortfall_names_november_2021_only_once_it_has_passed():
    official = pd.DataFrame({"date": pd.to_datetime(["1997-10-08", "2019-11-01"]), "organizations": [30, 68]})
    early = narrative.fto_shortfall(official, lambda moment: 10, "2019-12-31")
    assert early == ("The list rebuilt for this report is short: the State Department itself counted 30 on 8 "
                     "October 1997 where the rebuilt list has 10 and 68 on 1 November 2019 where the rebuilt list "
                     "has 10.")
    assert "before November 2021" in narrative.fto_shortfall(official, lambda moment: 10, "2026-08-20")


def test_tariff_comes_before_the_strikes_only_once_a_strike_happened():
    tariffs = data.load("mexico_fentanyl_tariffs")
    before = narrative.tariff_history(tariffs, "2025-06-30", pd.Timestamp("2025-09-02"))
    assert before.startswith("The fentanyl tariff: ") and "strikes" not in before
    after = narrative.tariff_history(tariffs, "2026-08-20", pd.Timestamp("2025-09-02"))
    assert after.startswith("The tariff came before the strikes: ")
    assert narrative.tariff_history(tariffs, "2024-12-31") == "By 31 December 2024 no tariff on Mexico had been justified by fentanyl."


def test_transfer_timing_names_no_tariff_step_after_as_of():
    tariffs, batches = data.load("mexico_fentanyl_tariffs"), data.load("mexico_cartel_transfers")
    first = batches["date"].min()
    as_of = first + pd.Timedelta(days=1)
    later_steps = tariffs[tariffs["date"] > as_of]
    text = narrative.transfers(batches, tariffs, as_of)
    for step in later_steps["date"]:
        assert f"{step.day} {step:%B %Y}" not in text, text


@pytest.mark.parametrize("as_of", ["1997-10-08", "2002-07-01", "2005-07-01"])
def test_violence_chart_is_not_drawn_without_data(as_of):
    as_of = pd.Timestamp(as_of)
    known = violence.known_by(data.load("homicides"), as_of)
    rates = data.load("homicide_rate")
    rates = rates[rates["year"] < as_of.year]
    sesnsp = violence.preferred(known, "Mexico", "homicide_rate")
    inegi = sesnsp.query("counter == 'INEGI'")
    sesnsp = sesnsp[sesnsp["counter"] == "SESNSP"]
    ecuador = violence.preferred(known, "Ecuador", "homicide_rate")
    haiti = known[known["country"] == "Haiti"]
    assert not figures.violence_drawable(rates, sesnsp, inegi, ecuador, haiti)
    assert figures.violence_chart(known, rates, sesnsp, inegi, ecuador, haiti, as_of) is None
    assert re.search(r"\bno\b", narrative.no_violence_data(as_of))


def test_violence_chart_is_drawable_at_the_defaults():
    as_of = pd.Timestamp("2026-08-20")
    known = violence.known_by(data.load("homicides"), as_of)
    rates = data.load("homicide_rate")
    rates = rates[rates["year"] < as_of.year]
    sesnsp = violence.preferred(known, "Mexico", "homicide_rate")
    assert figures.violence_drawable(rates, sesnsp, sesnsp.iloc[0:0], sesnsp.iloc[0:0], known.iloc[0:0])


def test_aid_counts_only_fiscal_years_ended_by_as_of(tmp_path):
    from hemisphere import charts

    assert narrative.last_ended_fiscal_year("2010-07-01") == 2009
    assert narrative.last_ended_fiscal_year("2010-09-30") == 2010
    assert narrative.last_ended_fiscal_year("2026-08-20") == 2025
    aid = data.load("us_aid").query("country == 'Mexico'")
    text = narrative.mexico_aid(aid, "2010-07-01")
    assert "FY2010" not in text and "FY2011" not in text
    assert narrative.mexico_aid(aid, "2000-07-01").startswith("No US aid figure for Mexico")
    assert "FY2025 is partial in the download" in narrative.mexico_aid(aid, "2026-08-20")
    charts.set_output_dir(tmp_path)
    try:
        chart = figures.mexico_aid_chart(aid, "2010-07-01")
        assert "data to FY2009" in chart.subtitle and "partial" not in chart.subtitle
        assert "(last year partial)" in figures.mexico_aid_chart(aid, "2026-08-20").subtitle
    finally:
        charts.set_output_dir(None)


def test_nothing_to_reconcile_implies_no_later_strike():
    text = narrative.nothing_to_reconcile("2001-07-01")
    assert text == "No strike had taken place by 1 July 2001, so there is nothing to reconcile."


def test_an_empty_violence_panel_says_it_has_no_figure(tmp_path):
    from hemisphere import charts

    as_of = pd.Timestamp("2007-07-01")
    known = violence.known_by(data.load("homicides"), as_of)
    rates = data.load("homicide_rate")
    rates = rates[rates["year"] < as_of.year]
    mexico = violence.preferred(known, "Mexico", "homicide_rate")
    charts.set_output_dir(tmp_path)
    try:
        chart = figures.violence_chart(known, rates, mexico[mexico["counter"] == "SESNSP"],
                                       mexico[mexico["counter"] == "INEGI"],
                                       violence.preferred(known, "Ecuador", "homicide_rate"),
                                       known[known["country"] == "Haiti"], as_of)
        panels = dict(zip(["Mexico", "Ecuador", "Venezuela", "Haiti"],
                          ([text.get_text() for text in ax.texts] for ax in chart.axes.ravel())))
        assert any("No figure held" in text for text in panels["Haiti"])
        assert not any("No figure held" in text for text in panels["Mexico"])
        aid = data.load("us_aid").query("country == 'Mexico'")
        assert figures.mexico_aid_chart(aid, "2007-07-01") is not None
    finally:
        charts.set_output_dir(None)
