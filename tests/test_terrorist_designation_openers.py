"""The chapter's framing prose names nothing that happened after `as_of` (issue 13).

The section openers replaced typed Markdown cells; the sweep reads only code-cell output, so
this test runs every opener at early `as_of` values and checks for later dates, later years and
the names of groups designated later. It also pins the openers at the default date.
"""

import re

import pandas as pd
import pytest

from hemisphere import data, events
from hemisphere.terrorist_designation import narrative, reconciliation

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
FULL_DATE = re.compile(rf"\b(\d{{1,2}}) ({MONTHS}) (\d{{4}})\b")
MONTH_YEAR = re.compile(rf"(?<!\d )\b({MONTHS}) (\d{{4}})\b")
YEAR = re.compile(r"(?<![\w.-])(19\d\d|20\d\d)(?![\w])")
EARLY = ["1997-10-08", "2010-01-01", "2025-01-19", "2025-02-01", "2025-02-19", "2025-02-20", "2025-06-30",
         "2025-09-01", "2025-10-01", "2026-01-10", "2026-06-04"]


@pytest.fixture(scope="module")
def tables():
    names = ["fto_list", "boat_strikes", "boat_strike_tallies", "designations_2025", "mexico_fentanyl_tariffs",
             "mexico_cartel_transfers", "mexico_homicide_incidence_monthly"]
    loaded = {name: data.load(name) for name in names}
    loaded["register"] = events.load().set_index("event_id")
    return loaded


def _openers(t, as_of) -> dict[str, str]:
    fto, strikes, tallies = t["fto_list"], t["boat_strikes"], t["boat_strike_tallies"]
    first_cartel_day = fto.loc[fto["kind"] == "criminal", "designation_date"].min()
    order_day = t["register"].loc[narrative.ORDER_EVENT, "date"]
    checks = reconciliation.checkpoints(strikes, tallies, as_of)
    any_designation = bool(len(narrative.criminal_waves(fto, as_of)))
    return {
        "intro": narrative.chapter_intro(fto, strikes, order_day, as_of),
        "fto_list": narrative.fto_list_intro(fto, as_of),
        "fto_caveat": narrative.fto_chart_caveat(fto, as_of),
        "designations": narrative.designations_intro(fto, t["designations_2025"], as_of),
        "designations_caveat": narrative.designations_caveat(as_of, any_designation),
        "strikes": narrative.strikes_intro(strikes, as_of),
        "gap": narrative.largest_gap(checks),
        "dead": narrative.about_the_dead(strikes, as_of),
        "violence": narrative.violence_intro(fto, as_of),
        "violence_caveat": narrative.violence_caveat(fto, as_of),
        "mexico": narrative.mexico_intro(fto, t["mexico_fentanyl_tariffs"], t["mexico_cartel_transfers"], strikes, as_of),
        "mexico_caveat": narrative.mexico_caveat(fto, t["mexico_fentanyl_tariffs"], t["mexico_cartel_transfers"],
                                                 t["register"], as_of),
        "record": narrative.record_intro(as_of, first_cartel_day),
        "missing": narrative.what_is_missing(fto, strikes, tallies, checks, t["mexico_fentanyl_tariffs"],
                                             t["mexico_homicide_incidence_monthly"], as_of),
    }


def _later_mentions(text: str, as_of) -> list[str]:
    as_of = pd.Timestamp(as_of)
    found = [m.group(0) for m in FULL_DATE.finditer(text) if pd.Timestamp(m.group(0)) > as_of]
    found += [m.group(0) for m in MONTH_YEAR.finditer(text) if pd.Timestamp(f"1 {m.group(0)}") > as_of]
    found += [year for year in YEAR.findall(text) if int(year) > as_of.year]
    return found


@pytest.mark.parametrize("as_of", EARLY)
def test_no_opener_names_a_later_date_or_a_later_designation(tables, as_of):
    fto = tables["fto_list"]
    later_groups = fto[fto["designation_date"] > pd.Timestamp(as_of)]
    for name, text in _openers(tables, as_of).items():
        assert not _later_mentions(text, as_of), (name, _later_mentions(text, as_of), text)
        for group in later_groups["name"]:
            assert group not in text, (name, group)


@pytest.mark.parametrize("as_of", ["1997-10-08", "2025-01-19", "2025-02-19"])
def test_before_the_designations_no_strike_or_designation_is_described(tables, as_of):
    texts = _openers(tables, as_of)
    assert "strikes on boats" not in texts["intro"] and "September 2025" not in texts["intro"]
    assert texts["strikes"] == texts["dead"] == texts["record"] == texts["designations"] == ""
    assert "Cartel de los Soles" not in texts["fto_caveat"]
    assert "criminal organizations" not in texts["fto_list"]


def test_intro_between_the_order_and_the_designations(tables):
    text = _openers(tables, "2025-02-01")["intro"]
    assert "Executive Order 14157 of 20 January 2025 ordered the designations" in text
    assert "by 1 February 2025 no group had yet been designated" in text and "20 February" not in text


def test_intro_after_the_first_designations_and_before_the_strikes(tables):
    text = _openers(tables, "2025-06-30")["intro"]
    assert "8 groups became Foreign Terrorist Organizations" in text
    assert "2 more groups from Haiti had followed by 30 June 2025" in text
    assert "sanctions, rewards)" in text and "strikes" not in text.split("instruments")[1].split(")")[0]


def test_intro_at_the_default_date(tables):
    text = _openers(tables, "2026-08-20")["intro"]
    assert "military strikes on boats from September 2025" in text
    assert "12 more groups from Haiti, Ecuador, Central America, Venezuela, Colombia, Brazil and Mexico had followed by 20 August 2026" in text


def test_missing_strike_window_is_stated_the_same_way_twice(tables):
    texts = _openers(tables, "2026-08-20")
    window = "between 21 March 2026 and 28 May 2026"
    assert f"strikes announced {window} are probably missing" in texts["gap"]
    assert f"the strikes announced {window} that the published totals imply" in texts["missing"]


def test_missing_window_on_a_fixture():
    checks = pd.DataFrame({"tally_date": pd.to_datetime(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"]),
                           "gap": [0, 1, 4, 9], "reported_by": ["A", "B", "C", "D"]})
    window = reconciliation.missing_window(checks)
    assert (window["since"], window["until"], window["gap"]) == (pd.Timestamp("2026-02-01"), pd.Timestamp("2026-04-01"), 9)
    assert narrative.missing_span(window) == "between 1 February 2026 and 1 April 2026"
    assert reconciliation.missing_window(checks.assign(gap=[0, -1, 0, -2])) is None
    no_match = reconciliation.missing_window(checks.assign(gap=[3, 4, 5, 6]))
    assert no_match["since"] is None and narrative.missing_span(no_match) == "before 1 April 2026"


def test_merida_date_matches_the_register(tables):
    assert tables["register"].loc["terrorist_designation_merida_initiative_2007", "date"] == narrative.MERIDA_ANNOUNCED


@pytest.mark.parametrize("as_of", ["1997-10-08", "2003-07-01"])
def test_no_later_framework_or_policy_named_early(tables, as_of):
    for name, text in _openers(tables, as_of).items():
        for later in ("Mérida", "Bicentennial", "Supreme Court", "Executive Order", "Southern Command"):
            assert later not in text, (name, later)
