"""The chart contract: what every chart must carry, and byte-identical files."""

import matplotlib.text
import pandas as pd
import pytest

from hemisphere import charts

YEARS = [2015, 2016, 2017, 2018]
VALUES = [1.0, 2.0, 3.0, 2.5]  # test fixture values, not data


def draw(tmp_path, name="fixture_chart", marked=None, **overrides):
    charts.set_output_dir(tmp_path)
    options = dict(theme="general", name=name, title="A fixture rises", subtitle="Units of nothing",
                   alt="Fixture line chart rising from 2015 to 2017", time_axis="year")
    options.update(overrides)
    chart = charts.Chart(**options)
    chart.ax.plot(YEARS, VALUES)
    if marked is not None:
        chart.mark_events(marked)
    chart.show(sources=["administrations"], data=pd.DataFrame({"year": YEARS, "value": VALUES}))
    return tmp_path / "general" / name


@pytest.fixture(autouse=True)
def reset_output_dir():
    yield
    charts.set_output_dir(None)


def test_chart_writes_svg_png_and_data(tmp_path):
    stem = draw(tmp_path)
    assert stem.with_suffix(".svg").stat().st_size > 1000
    assert stem.with_suffix(".png").read_bytes()[:4] == b"\x89PNG"
    assert pd.read_csv(stem.with_suffix(".csv"))["value"].tolist() == VALUES


def test_rendering_twice_gives_identical_bytes(tmp_path):
    first = draw(tmp_path / "a")
    second = draw(tmp_path / "b")
    for suffix in (".svg", ".png", ".csv"):
        assert first.with_suffix(suffix).read_bytes() == second.with_suffix(suffix).read_bytes(), suffix


def test_source_line_comes_from_the_catalogue(tmp_path):
    charts.set_output_dir(tmp_path)
    chart = charts.Chart(theme="general", name="x", title="t", subtitle="s", alt="a")
    line = chart.source_line(["administrations"])
    assert "Joint Congressional Committee on Inaugural Ceremonies" in line
    assert "report_data/general/x.csv" in line


def test_events_outside_the_range_are_left_out_of_the_key(tmp_path):
    fixture_events = pd.DataFrame({"date": pd.to_datetime(["2017-09-13", "2024-01-01"]),
                                   "label": ["inside (fixture)", "outside (fixture)"]})
    charts.set_output_dir(tmp_path)
    chart = charts.Chart(theme="general", name="y", title="t", subtitle="s", alt="a")
    chart.ax.plot(YEARS, VALUES)
    chart.mark_events(fixture_events)
    keyed = chart._draw_events()
    assert [row["label"] for _, row in keyed] == ["inside (fixture)"]


def test_shown_image_carries_alt_text(tmp_path, capsys, monkeypatch):
    shown = []
    monkeypatch.setattr(charts, "_display_image", lambda png, alt, anchor, caption, href:
                        shown.append((png, alt, anchor, caption, href)))
    draw(tmp_path)
    png, alt, anchor, caption, href = shown[0]
    assert alt == "Fixture line chart rising from 2015 to 2017"
    assert anchor == "chart-general-fixture_chart" and png[:4] == b"\x89PNG"
    assert caption.startswith("Source: ")  # the source line again, as selectable text


def test_the_page_embeds_a_light_copy_and_links_the_chart_data(tmp_path, monkeypatch):
    from IPython.display import display as real_display  # noqa: F401

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **kw: shown.append(obj))
    draw(tmp_path)
    page = shown[-1].data
    assert 'loading="lazy"' in page and "<figcaption" in page
    assert 'href="report_data/general/fixture_chart.csv"' in page
    import base64
    import re

    embedded = base64.b64decode(re.search(r'base64,([^"]+)"', page).group(1))
    full = (tmp_path / "general" / "fixture_chart.png").read_bytes()
    assert len(embedded) < len(full)
    assert charts.anchors.png_token(full) in page  # the PDF step finds the full file by this token


@pytest.mark.parametrize("overrides, message", [
    ({"title": ""}, "needs a title"),
    ({"subtitle": " "}, "needs a subtitle"),
    ({"alt": ""}, "needs a alt"),
    ({"theme": "atlantis"}, "theme 'atlantis'"),
    ({"name": "Bad Name"}, "lowercase"),
    ({"time_axis": "month"}, "time_axis"),
])
def test_contract_breaches_are_refused(tmp_path, overrides, message):
    with pytest.raises(charts.ChartError, match=message):
        draw(tmp_path, **overrides)


def test_unknown_source_table_is_refused(tmp_path):
    charts.set_output_dir(tmp_path)
    chart = charts.Chart(theme="general", name="z", title="t", subtitle="s", alt="a")
    with pytest.raises(charts.ChartError, match="no table named 'atlantis'"):
        chart.show(sources=["atlantis"])
    with pytest.raises(charts.ChartError, match="at least one source"):
        chart.show(sources=[])


def test_unknown_event_id_is_refused(tmp_path):
    with pytest.raises(charts.ChartError, match="not in data/events.csv"):
        draw(tmp_path, marked=["no_such_event_fixture"])


def test_decimal_year_places_dates_within_the_year():
    assert charts.to_decimal_year("2017-01-01") == 2017.0
    assert 2017.05 < charts.to_decimal_year("2017-01-20") < 2017.06
    assert 2017.99 < charts.to_decimal_year("2017-12-31") < 2018.0


def test_fiscal_position_puts_an_inauguration_inside_its_fiscal_year():
    """FY2017 (1 Oct 2016 - 30 Sep 2017) spans 2016.5-2017.5; 20 January sits 111 days in."""
    assert charts.to_fiscal_position("2016-10-01") == 2016.5
    assert charts.to_fiscal_position("2017-01-20") == pytest.approx(2016.5 + 111 / 365)
    assert 2017.49 < charts.to_fiscal_position("2017-09-30") < 2017.5


def test_fiscal_year_bars_are_shaded_and_keep_their_own_ticks(tmp_path, monkeypatch):
    """Tiny fixture: bars on FY2016-FY2018 shaded by who requested the budget: Obama, Obama, Trump I."""
    monkeypatch.setattr(charts, "_display_image", lambda *args: None)
    charts.set_output_dir(tmp_path)
    chart = charts.Chart(theme="general", name="fy", title="t", subtitle="s", alt="a", time_axis="fiscal_year")
    chart.ax.bar([2016, 2017, 2018], [1, 2, 3])
    chart.ax.set_xticks([2016, 2017, 2018], ["FY16", "FY17", "FY18"])
    chart.show(sources=["administrations"])
    assert chart._shaded == {"Democratic": ["Obama"], "Republican": ["Trump I"]}
    assert [label.get_text() for label in chart.ax.get_xticklabels()] == ["FY16", "FY17", "FY18"]
    shading = [patch for patch in chart.ax.patches if patch.get_zorder() == -10]
    obama_ends = min(patch.get_x() + patch.get_width() for patch in shading)
    assert obama_ends == pytest.approx(2017.5)  # FY2017 (requested in 2016) is Obama's whole bar


def test_budget_shading_names_the_requesting_administration():
    """FY2017 Obama, FY2018 the first Trump request, FY2021 Trump, FY2022 the first Biden one, FY2026 Trump II."""
    assert [charts.budget_administration(year)["administration"] for year in (2017, 2018, 2021, 2022, 2025, 2026)] == [
        "Obama", "Trump I", "Trump I", "Biden", "Biden", "Trump II"]


def test_budget_years_come_from_the_administrations_table():
    """The budgets each administration requested: FY2018-FY2021 for the first Trump term (typed nowhere else)."""
    from hemisphere import events

    assert events.budget_years("Trump I") == [2018, 2019, 2020, 2021]
    assert events.budget_years("Biden") == [2022, 2023, 2024, 2025]
    assert events.budget_years("Trump II")[:2] == [2026, 2027]  # in office: a four-year term's budgets


def test_fiscal_year_bars_can_be_shaded_by_date(tmp_path, monkeypatch):
    """Counts of events per fiscal year keep date shading: the inauguration falls inside FY2017's bar."""
    monkeypatch.setattr(charts, "_display_image", lambda *args: None)
    charts.set_output_dir(tmp_path)
    chart = charts.Chart(theme="general", name="fyd", title="t", subtitle="s", alt="a", time_axis="fiscal_year",
                         fiscal_shading="date")
    chart.ax.bar([2016, 2017, 2018], [1, 2, 3])
    chart.show(sources=["administrations"])
    shading = [patch for patch in chart.ax.patches if patch.get_zorder() == -10]
    obama_ends = min(patch.get_x() + patch.get_width() for patch in shading)
    assert obama_ends == pytest.approx(charts.to_fiscal_position("2017-01-20"))


def test_every_shaded_administration_is_named_in_the_key(tmp_path, monkeypatch):
    monkeypatch.setattr(charts, "_display_image", lambda *args: None)
    charts.set_output_dir(tmp_path)
    chart = charts.Chart(theme="general", name="k", title="t", subtitle="s", alt="a")
    chart.ax.plot([2008, 2026], [0, 1])  # fixture line spanning four administrations
    chart.show(sources=["administrations"])
    assert chart._shaded == {"Republican": ["Trump I", "Trump II"], "Democratic": ["Obama", "Biden"]}
    texts = [t.get_text() for t in chart.figure.texts]
    assert "Trump I and Trump II (Republican)" in texts and "Obama and Biden (Democratic)" in texts


@pytest.mark.parametrize("text, header, expected", [
    ("fiscal_year", True, "Fiscal year"),
    ("court_ruling", False, "court ruling"),
    ("country", True, "Country"),
    ("Colombia", False, "Colombia"),
    ("VENEZUELA-EO13850", False, "VENEZUELA-EO13850"),
    ("https://example.org/a_b", False, "https://example.org/a_b"),
])
def test_table_names_read_as_words(text, header, expected):
    assert charts.humanise(text, header=header) == expected


def test_content_running_off_the_figure_is_refused(tmp_path):
    """Text placed past the right edge would be cut off in both files: the contract refuses it."""
    charts.set_output_dir(tmp_path)
    chart = charts.Chart(theme="general", name="fixture_chart", title="A fixture rises", subtitle="Units of nothing",
                         alt="Fixture line chart", time_axis="year")
    chart.ax.plot(YEARS, VALUES)
    # Figure-level text is outside the layout engine's reach, like a hand-placed legend.
    chart.figure.text(0.9, 0.5, "a fixture note long enough to run past the right edge")
    with pytest.raises(charts.ChartError, match="fixture_chart.*past the figure's edge"):
        chart.show(sources=["administrations"])



def _badge_and_legend_boxes(chart, monkeypatch):
    """Where the badges' numbers are drawn (recorded as they draw, leader left out), and the legend's box."""
    drawn, text_draw = [], matplotlib.text.Text.draw

    def recording_draw(self, renderer):
        if isinstance(self, charts._EventBadge):
            drawn.append(matplotlib.text.Text.get_window_extent(self, renderer))
        return text_draw(self, renderer)

    monkeypatch.setattr(matplotlib.text.Text, "draw", recording_draw)
    chart.figure.canvas.draw()
    return drawn, chart.ax.get_legend().get_window_extent(chart.figure.canvas.get_renderer())


@pytest.mark.parametrize("legend_place", ["upper left", "upper right"])
def test_event_badges_sit_above_the_plot_clear_of_data_legend_and_title(tmp_path, monkeypatch, legend_place):
    """Tiny fixture: a legend in a top corner, a panel title, and two events close together."""
    monkeypatch.setattr(charts, "_display_image", lambda *args: None)
    charts.set_output_dir(tmp_path)
    chart = charts.Chart(theme="general", name="fixture_chart", title="A fixture rises", subtitle="Units of nothing",
                         alt="Fixture line chart", time_axis="year")
    chart.ax.plot(YEARS, VALUES, label="a fixture series with a long legend label")
    chart.ax.set_title("A fixture panel")
    chart.ax.legend(loc=legend_place)
    chart.mark_events(pd.DataFrame({"date": pd.to_datetime(["2015-03-01", "2016-07-01", "2016-07-20", "2017-12-01"]),
                                    "label": ["left", "middle", "middle again", "right"]}))
    chart.show(sources=["administrations"])
    badges, legend = _badge_and_legend_boxes(chart, monkeypatch)
    renderer = chart.figure.canvas.get_renderer()
    plot = chart.ax.get_window_extent(renderer)
    title = chart.ax._left_title.get_window_extent(renderer)
    assert len(badges) == 4
    assert all(badge.y0 >= plot.y1 for badge in badges), "a badge lies inside the plot area"
    assert not any(badge.overlaps(legend) or badge.overlaps(title) for badge in badges)
    assert not any(a.overlaps(b) for i, a in enumerate(badges) for b in badges[i + 1:]), "badges overlap"
    assert not any(b.get_clip_on() for b in chart.ax.get_children() if isinstance(b, charts._EventBadge))


def test_badges_of_close_events_are_spread_apart_within_the_row():
    assert charts.spread_badges([0, 100, 200], 12, 300) == [0, 100, 200]
    assert charts.spread_badges([100, 101, 102], 12, 300) == [89, 101, 113]  # around their mean
    assert charts.spread_badges([295, 298, 300], 12, 300) == [276, 288, 300]  # kept inside the row
    assert charts.spread_badges([], 12, 300) == []
    # a crowd at the edge moves only itself: a badge with room stays over its event
    assert charts.spread_badges([10, 280, 290, 300], 12, 300) == [10, 276, 288, 300]


def test_decision_band_names_the_administration_that_decided_each_column(tmp_path, monkeypatch):
    """Tiny fixture: three columns decided in Sep 2016, Sep 2017 and Sep 2018."""
    monkeypatch.setattr(charts, "_display_image", lambda *args: None)
    charts.set_output_dir(tmp_path)
    chart = charts.Chart(theme="general", name="fixture_chart", title="A fixture grid", subtitle="Units of nothing",
                         alt="Fixture grid", time_axis=None)
    chart.ax.bar([0.5, 1.5, 2.5], [1, 2, 3], width=1)
    chart.ax.set_xlim(0, 3)
    chart.shade_decisions({0.5: "2016-09-12", 1.5: "2017-09-13", 2.5: "2018-09-11"})
    bands = [patch for patch in chart.ax.patches if patch.get_y() > 1]
    assert [(band.get_x(), band.get_width()) for band in bands] == [(0.0, 1.0), (1.0, 2.0)]  # Obama, then Trump I
    assert chart._shaded == {"Democratic": ["Obama"], "Republican": ["Trump I"]}
    chart.show(sources=["administrations"])
    with pytest.raises(charts.ChartError, match="no administration in office on 1900-01-01"):
        chart.shade_decisions({0.5: "1900-01-01"})


def test_tables_of_wrapped_sentences_may_break_across_pages(capsys, monkeypatch):
    """Tiny fixtures: ten short numeric rows stay whole; twelve rows of sentences may break."""
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda item: shown.append(item.data))
    numbers = pd.DataFrame({"year": range(2010, 2020), "value": range(10)})
    sentences = pd.DataFrame({"claim": ["a fixture sentence long enough to wrap over several printed lines " * 2] * 12,
                              "verdict": ["supported"] * 12})
    charts.show_table(numbers, caption="Fixture numbers", sources=["administrations"])
    charts.show_table(sentences, caption="Fixture sentences", sources=["administrations"])
    assert 'class="table-block short"' in shown[0] and 'class="table-block long"' in shown[1]
    assert charts.printed_lines(numbers) == 11


@pytest.mark.parametrize("subtitle, fails", [
    ("Units of nothing, data to 2018", False),
    ("Units of nothing, data to 2019", True),
    ("Units of nothing, data to March 2019", True),
    ("Units of nothing; no period stated", False),
])
def test_a_subtitle_may_not_claim_data_the_chart_does_not_have(tmp_path, subtitle, fails):
    if fails:
        with pytest.raises(charts.ChartError, match="plotted data stop"):
            draw(tmp_path, subtitle=subtitle)
    else:
        draw(tmp_path, subtitle=subtitle)


@pytest.mark.parametrize("column, value, shown", [
    ("year", 2019, "2019"), ("Fiscal year", 2025, "2025"), ("fiscal_year", 2025.0, "2025"),
    ("persons", 2019, "2,019"), ("Data years", 2017, "2017"), ("amount_usd", 500000000, "500,000,000"),
])
def test_table_cells_print_years_without_a_thousands_separator(column, value, shown):
    assert charts._format_cell(value, None, column) == shown
