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


def test_us_colombia_production_holds_the_2014_release_and_the_2022_revision():
    # ONDCP's 2014 release gave Colombia 2013 (190 t) and revised 2012 to 170 t; its July 2022
    # release revised 2020 to 994 t. The chapter said no 2013 figure existed and used 1,010 t.
    from hemisphere import data

    production = data.load("cocaine_production")
    series = analysis.production_series(production, "Colombia", analysis.ONDCP)
    assert series.loc[2013] == 190 and series.loc[2012] == 170 and series.loc[2020] == 994
    peru = analysis.production_series(production, "Peru", analysis.ONDCP)
    assert peru.loc[2020] == 814


def test_halving_goal_verdict_is_computed():
    text = narrative.halving_goal_sentence(171495, 252572, 1379, 2664, 209000, 234000, 2021)
    assert "Neither series reached the goal" in text and "rose 47%" in text
    met = narrative.halving_goal_sentence(200000, 90000, 1000, 400, 200000, 150000, 2021)
    assert "UNODC's figures reached the goal and the US series did not" in met


def test_no_second_change_from_an_equal_first_figure():
    # US Colombia production: 190 t in 2011 and again in 2013 (the base): 'rose 412%' was said twice.
    series = pd.Series({2011: 190.0, 2012: 170.0, 2013: 190.0, 2021: 972.0})
    text = narrative.production_change_sentence(series, analysis.ONDCP, "Colombia", 2013, 2001, 2025)
    assert text.count("412%") == 1 and "was the same 190 tons" in text


def test_record_label_only_where_it_is_a_record_and_fits():
    from hemisphere.eradication import figures

    one = pd.DataFrame({"hectares": [9000.0], "methods": ["manual"]}, index=[2024])
    assert not figures.record_label_fits(one, 2024, 261386)  # a record of one bar, and too short
    many = pd.DataFrame({"hectares": [94606.0, 130147.0], "methods": ["manual", "manual"]}, index=[2019, 2020])
    assert figures.record_label_fits(many, 2020, 204257)
    assert not figures.record_label_fits(many, 2020, 500000)


def test_one_year_period_is_not_written_twice():
    assert narrative.year_span(2019, 2019) == "2019" and narrative.year_span(2001, 2025) == "2001-2025"


def test_notebook_subtitle_uses_the_one_year_span():
    import json

    from hemisphere import paths

    cells = json.loads((paths.NOTEBOOKS / "eradication_pressure.ipynb").read_text())["cells"]
    text = "".join("".join(cell["source"]) for cell in cells)
    assert "by estimating body, {start_year}-{end_year}" not in text and "narrative.year_span(start_year, end_year)" in text
