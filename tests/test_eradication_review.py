"""Defects found on an independent read of the eradication chapter, each pinned so it cannot return."""

import pandas as pd

from hemisphere.eradication import analysis, narrative


def _table(rows):
    return pd.DataFrame(rows, columns=["administration", "data_years", "body", "first_year", "first", "last_year",
                                       "last", "direction"])


def test_three_bodies_moving_together_are_not_called_both():
    # Peru has three series (UNODC, US, DEVIDA): 'both moved the same way' was printed for three.
    table = _table([("Trump I", "2017-2020", analysis.UNODC, 2017, 49900, 2020, 61800, "rose"),
                    ("Trump I", "2017-2020", analysis.ONDCP, 2017, 49800, 2020, 88200, "rose"),
                    ("Trump I", "2017-2020", analysis.DEVIDA, 2019, 54655, 2020, 61777, "rose")])
    text = narrative.directions_sentence(table, "Peru")
    assert "all three moved the same way" in text and "both" not in text


def test_three_bodies_one_against_the_others_are_not_called_the_two():
    table = _table([("Trump I", "2017-2020", analysis.UNODC, 2017, 100, 2020, 80, "fell"),
                    ("Trump I", "2017-2020", analysis.ONDCP, 2017, 100, 2020, 120, "rose"),
                    ("Trump I", "2017-2020", analysis.DEVIDA, 2017, 100, 2020, 130, "rose")])
    text = narrative.directions_sentence(table, "Peru")
    assert "the two moved" not in text and "went the other way from the rest" in text
    title = narrative.opposite_directions_title(table, "Peru")
    assert "the three counts" in title


def test_two_bodies_keep_their_wording():
    table = _table([("Trump I", "2017-2020", analysis.UNODC, 2017, 100, 2020, 80, "fell"),
                    ("Trump I", "2017-2020", analysis.ONDCP, 2017, 100, 2020, 120, "rose")])
    assert "the two moved in opposite directions" in narrative.directions_sentence(table, "Colombia")
    assert "the two counts" in narrative.opposite_directions_title(table, "Colombia")
