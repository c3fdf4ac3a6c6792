"""The eradication charts credit only the publishers of the rows they draw; short year axes get whole years."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from hemisphere import charts, data  # noqa: E402
from hemisphere.eradication import figures  # noqa: E402


def test_source_line_names_only_drawn_publishers():
    cultivation = data.load("coca_cultivation")
    bolivia = cultivation[cultivation["country"] == "Bolivia"]
    text = figures.drawn_source_text(["coca_cultivation"], {"coca_cultivation": figures.publishers_of(bolivia)})
    assert "SIMCI" not in text and "DEVIDA" not in text and "UNODC" in text
    colombia = cultivation[cultivation["country"] == "Colombia"]
    text = figures.drawn_source_text(["coca_cultivation"], {"coca_cultivation": figures.publishers_of(colombia)})
    assert "SIMCI" in text and "Bolivia" not in text and "DEVIDA" not in text


def test_a_table_left_out_of_drawn_is_credited_in_full():
    full = charts.source_text(["overdose_deaths"])
    assert figures.drawn_source_text(["overdose_deaths"], {}) == full


def test_show_table_takes_a_source_line(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda html: shown.append(html.data))
    charts.set_output_dir(tmp_path)
    try:
        charts.show_table(pd.DataFrame({"year": [2020], "hectares": [1.0]}), caption="x", sources=["coca_cultivation"],
                          theme="eradication", name="fixture_table", source="Source: Only this publisher")
    finally:
        charts.set_output_dir(None)
    assert "Source: Only this publisher. Table data: report_data/eradication/fixture_table.csv" in shown[0]
    assert "SIMCI" not in shown[0]


def test_one_year_axis_has_one_whole_year_tick():
    ax = Figure().subplots()
    ax.set_xlim(2019.4, 2020.98)
    charts._whole_year_ticks(ax)
    visible = [tick for tick in ax.get_xticks() if 2019.4 <= tick <= 2020.98]
    assert visible == [2020.0]
